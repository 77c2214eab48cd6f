import type { Node } from 'prosemirror-model'
import type { EditorState } from 'prosemirror-state'
import type { EditorView, NodeView, ViewMutationRecord } from 'prosemirror-view'
import { labelOf, numberingOptionsOf, referenceOf } from './numbering-plugin'
import { registerLabelled, rekeyLabelled, unregisterLabelled, type LabelledView } from './labels'
import { originalLabelOf, showBlockChange } from './tracking-labels'

/**
 * Plain DOM node views for the nodes that carry a computed label: numbered
 * paragraphs (number in the margin), recommendations ("Recommendation 4"
 * heading), list items ((a), (i)), container headings (II., B.) and
 * cross-references. Labels are not editable text: they live in
 * `contenteditable=false` elements and are updated in place when numbering
 * changes (see `labels.ts`), so no node view is rebuilt for a renumbering.
 */

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  editable = true
): HTMLElementTagNameMap[K] {
  const dom = document.createElement(tag)
  dom.className = className
  if (!editable) dom.contentEditable = 'false'
  return dom
}

/** Sets a label's text, touching the DOM only when it changed (and then only the text node). */
function setText(target: HTMLElement, text: string): void {
  const node = target.firstChild
  if (node && node === target.lastChild && node.nodeType === 3) {
    if ((node as Text).data !== text) (node as Text).data = text
  } else if (target.textContent !== text) target.textContent = text
}

/** A wrapper holding a non-editable label and then the editable content. */
function blockParts(
  wrapper: [keyof HTMLElementTagNameMap, string],
  label: [keyof HTMLElementTagNameMap, string],
  content: [keyof HTMLElementTagNameMap, string]
): { dom: HTMLElement; label: HTMLElement; content: HTMLElement } {
  const parts = {
    dom: element(wrapper[0], wrapper[1]),
    label: element(label[0], label[1], false),
    content: element(content[0], content[1])
  }
  parts.dom.append(parts.label, parts.content)
  return parts
}

/** Shared behaviour: a wrapper, a non-editable label, an editable content element. */
class LabelledBlockView implements NodeView, LabelledView {
  dom: HTMLElement
  contentDOM: HTMLElement
  key: string | null
  protected label: HTMLElement

  constructor(
    protected node: Node,
    protected view: EditorView,
    parts: { dom: HTMLElement; label: HTMLElement; content: HTMLElement }
  ) {
    this.dom = parts.dom
    this.label = parts.label
    this.contentDOM = parts.content
    this.key = this.keyOf(node)
    this.setId()
    showBlockChange(this.dom, node)
    registerLabelled(view, this)
  }

  /** The id whose label this view shows: the node's own. */
  protected keyOf(node: Node): string | null {
    return (node.attrs.id as string | null) ?? null
  }

  private setId(): void {
    const id = this.node.attrs.id as string | null
    if (id) this.dom.setAttribute('data-id', id)
    else this.dom.removeAttribute('data-id')
  }

  /** Shows the current label of `key`. */
  refresh(state: EditorState): void {
    // A block gone from the Final view (or inside one) shows its old number, struck.
    const current = labelOf(state, this.key)?.label
    const old = current === undefined && this.key ? originalLabelOf(state, this.key) : null
    this.label.classList.toggle('struck-label', old !== null)
    setText(this.label, current ?? old ?? '')
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type) return false
    const idChanged = node.attrs.id !== this.node.attrs.id
    const changeChanged = node.attrs.change !== this.node.attrs.change
    this.node = node
    if (changeChanged) {
      showBlockChange(this.dom, node)
      this.refresh(this.view.state)
    }
    if (idChanged) {
      this.setId()
      rekeyLabelled(this.view, this, this.keyOf(node))
    }
    return true
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    // Changes to the label are ours; only the content belongs to ProseMirror.
    return mutation.type !== 'selection' && !this.contentDOM.contains(mutation.target)
  }

  destroy(): void {
    unregisterLabelled(this.view, this)
  }
}

/** A numbered paragraph: its number in the left margin, its text beside it. */
export class NumberedParagraphView extends LabelledBlockView {
  constructor(node: Node, view: EditorView) {
    const parts = blockParts(
      ['div', 'numbered-paragraph'],
      ['span', 'paragraph-number'],
      ['p', 'paragraph-text']
    )
    super(node, view, parts)
    this.refresh(view.state)
  }
}

/**
 * A recommendation: its computed heading ("Recommendation 4", "建议 4") above
 * its text; with paragraph-style numbering, a paragraph number in the margin instead.
 */
export class RecommendationView extends LabelledBlockView {
  constructor(node: Node, view: EditorView) {
    const parts = blockParts(
      ['div', 'recommendation'],
      ['div', 'recommendation-heading'],
      ['div', 'recommendation-body']
    )
    parts.dom.setAttribute('data-kind', 'recommendation')
    super(node, view, parts)
    this.refresh(view.state)
  }

  refresh(state: EditorState): void {
    const paragraphStyle = numberingOptionsOf(state).recommendationStyle === 'paragraph'
    this.dom.classList.toggle('paragraph-style', paragraphStyle)
    super.refresh(state)
  }
}

/** A list item: its label ((a), (i), 1.) hanging before its text. */
export class ListItemView extends LabelledBlockView {
  constructor(node: Node, view: EditorView) {
    super(
      node,
      view,
      blockParts(['li', 'list-item'], ['span', 'list-label'], ['div', 'list-item-content'])
    )
    this.refresh(view.state)
  }
}

const HEADING_TAGS = { chapter: 'h2', section: 'h3', subsection: 'h4' } as const

/** The container a heading at `pos` opens, if the position is still valid. */
function headingContainer(state: EditorState, pos: number | undefined): Node | null {
  if (pos === undefined || pos > state.doc.content.size) return null
  return state.doc.resolve(pos).parent
}

const headingViews = new WeakMap<Element, HeadingView>()

/**
 * A chapter, section or subsection title, after its computed label ("II.",
 * "B."): the label of the container it opens, whose id is its key.
 */
export class HeadingView extends LabelledBlockView {
  constructor(
    node: Node,
    view: EditorView,
    private getPos: () => number | undefined
  ) {
    const container = headingContainer(view.state, getPos())
    const kind = (container?.type.name ?? 'chapter') as keyof typeof HEADING_TAGS
    super(
      node,
      view,
      blockParts(
        [HEADING_TAGS[kind] ?? 'h2', `heading heading-${kind}`],
        ['span', 'heading-label'],
        ['span', 'heading-text']
      )
    )
    headingViews.set(this.dom, this)
    this.containerChanged()
    this.dom.classList.toggle('is-empty', node.content.size === 0)
  }

  update(node: Node): boolean {
    if (!super.update(node)) return false
    // An empty title shows a placeholder (editor.css).
    this.dom.classList.toggle('is-empty', node.content.size === 0)
    return true
  }

  /** The heading has no id of its own; its key is its container's id. */
  protected keyOf(): string | null {
    return null
  }

  /** Re-reads which container the heading opens (at creation, or when the container's id changed). */
  containerChanged(): void {
    const container = headingContainer(this.view.state, this.getPos())
    rekeyLabelled(this.view, this, (container?.attrs.id as string | null) ?? null)
    this.refresh(this.view.state)
  }
}

/** A chapter, section or subsection; drafting status changes patch attributes in place. */
export class ContainerView implements NodeView {
  dom: HTMLElement
  contentDOM: HTMLElement

  constructor(private node: Node) {
    this.dom = this.contentDOM = document.createElement('section')
    this.dom.setAttribute('data-kind', node.type.name)
    this.apply()
  }

  private apply(): void {
    const { id, status } = this.node.attrs as { id: string | null; status: string }
    this.dom.className = `container ${this.node.type.name} status-${status}`
    if (id) this.dom.setAttribute('data-id', id)
    this.dom.setAttribute('data-status', status)
    showBlockChange(this.dom, this.node)
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type) return false
    const changed = node.attrs !== this.node.attrs
    const idChanged = node.attrs.id !== this.node.attrs.id
    this.node = node
    if (changed) this.apply()
    // The heading shows this container's label under its id.
    if (idChanged && this.dom.firstElementChild)
      headingViews.get(this.dom.firstElementChild)?.containerChanged()
    return true
  }
}

/** A cross-reference: the target's current label ("paragraph 12"), or a broken-reference mark. */
export class CrossReferenceView implements NodeView, LabelledView {
  dom: HTMLElement
  key: string | null

  constructor(
    private node: Node,
    private view: EditorView
  ) {
    this.dom = element('span', 'xref')
    this.dom.setAttribute('data-kind', 'xref')
    this.dom.setAttribute('data-target', node.attrs.target as string)
    this.dom.setAttribute('role', 'link')
    this.key = node.attrs.target as string
    registerLabelled(view, this)
    this.refresh(view.state)
  }

  refresh(state: EditorState): void {
    // A reference always has a key (its target); an empty one resolves as broken.
    const { broken, text } = referenceOf(state, this.key ?? '')
    setText(this.dom, text)
    this.dom.classList.toggle('broken', broken)
    this.dom.title = broken
      ? 'The referenced text was deleted'
      : 'Click to go to the referenced text'
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type) return false
    const changed = node.attrs.target !== this.node.attrs.target
    this.node = node
    if (changed) {
      this.dom.setAttribute('data-target', node.attrs.target as string)
      rekeyLabelled(this.view, this, node.attrs.target as string)
    }
    return true
  }

  ignoreMutation(): boolean {
    return true
  }

  destroy(): void {
    unregisterLabelled(this.view, this)
  }
}
