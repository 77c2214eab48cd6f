import type { Node } from 'prosemirror-model'
import { EditorState, Selection, TextSelection, type Transaction } from 'prosemirror-state'
import { EditorView, type NodeView } from 'prosemirror-view'
import { StepMap } from 'prosemirror-transform'
import { keymap } from 'prosemirror-keymap'
import { baseKeymap, toggleMark } from 'prosemirror-commands'
import { closeHistory, redo, undo } from 'prosemirror-history'
import { schema } from '@core/schema'
import { labelOf } from './numbering-plugin'
import { registerLabelled, unregisterLabelled, type LabelledView } from './labels'

const openEditors = new WeakMap<EditorView, EditorView>()

/**
 * The footnote editor open in `view` (the selected footnote's text), or null.
 * Lets the app focus it, and tests type into it.
 */
export function activeFootnoteEditor(view: EditorView): EditorView | null {
  const inner = openEditors.get(view)
  return inner && !inner.isDestroyed ? inner : null
}

/**
 * A footnote: a superscript number in the text (following document order)
 * whose text is edited in place, in a small editor that opens under the
 * number when the footnote is selected (click it, or insert a new one). Edits
 * there are steps of the main document, so undo, numbering and saving see them.
 */
export class FootnoteView implements NodeView, LabelledView {
  dom: HTMLElement
  key: string | null
  private number: HTMLElement
  private inner: EditorView | null = null
  /**
   * Whether the next forwarded edit continues the current undo step: false on
   * a new visit to the footnote and at each input-method composition, so
   * each starts a step of its own.
   */
  private edited = false

  constructor(
    private node: Node,
    private outer: EditorView,
    private getPos: () => number | undefined
  ) {
    this.dom = document.createElement('span')
    this.dom.className = 'footnote'
    this.dom.setAttribute('data-kind', 'footnote')
    this.number = document.createElement('sup')
    this.number.className = 'footnote-number'
    this.dom.append(this.number)
    const id = node.attrs.id as string | null
    this.key = id
    if (id) this.dom.setAttribute('data-id', id)
    this.dom.title = node.textContent
    registerLabelled(outer, this)
    this.refresh(outer.state)
    // A click on the number (which selects the footnote and opens its editor) goes on into the editor.
    this.number.addEventListener('click', () => this.focusEditor())
  }

  /** Puts the keyboard in the open footnote editor, at the end of its text. */
  focusEditor(): void {
    const inner = this.inner
    if (!inner) return
    inner.focus()
    inner.dispatch(inner.state.tr.setSelection(Selection.atEnd(inner.state.doc)))
  }

  refresh(state: EditorState): void {
    const text = labelOf(state, this.key)?.label ?? '*'
    if (this.number.textContent !== text) this.number.textContent = text
  }

  selectNode(): void {
    this.dom.classList.add('ProseMirror-selectednode')
    if (!this.inner) this.open()
  }

  deselectNode(): void {
    this.dom.classList.remove('ProseMirror-selectednode')
    if (this.inner) this.close()
  }

  /** Opens the footnote editor under the number. */
  private open(): void {
    this.edited = false
    const popup = this.dom.appendChild(document.createElement('span'))
    popup.className = 'footnote-editor'
    popup.setAttribute('role', 'dialog')
    const outer = this.outer
    this.inner = new EditorView(popup, {
      state: EditorState.create({
        doc: this.node,
        plugins: [
          keymap({
            'Mod-z': () => undo(outer.state, outer.dispatch),
            'Mod-y': () => redo(outer.state, outer.dispatch),
            'Shift-Mod-z': () => redo(outer.state, outer.dispatch),
            'Mod-b': toggleMark(schema.marks.bold),
            'Mod-i': toggleMark(schema.marks.italic),
            // Escape returns to the main text, just after the footnote number.
            Escape: () => {
              const pos = this.getPos()
              if (pos === undefined) return false
              const after = pos + this.node.nodeSize
              outer.dispatch(
                outer.state.tr.setSelection(TextSelection.create(outer.state.doc, after))
              )
              outer.focus()
              return true
            }
          }),
          keymap(baseKeymap)
        ]
      }),
      dispatchTransaction: (tr) => this.dispatchInner(tr),
      handleDOMEvents: {
        // The main editor's composition plugin never sees events inside this editor.
        compositionstart: () => {
          this.edited = false
          return false
        },
        mousedown: () => {
          // Keep the outer editor from taking focus (and deselecting the footnote).
          if (this.outer.hasFocus()) this.inner?.focus()
          return false
        }
      }
    })
    openEditors.set(outer, this.inner)
    // Its block skips painting off screen and clips to itself; not while the pop-up is open.
    this.dom
      .closest(
        '.numbered-paragraph, .recommendation, section.container > ol, section.container > p'
      )
      ?.classList.add('footnote-open')
    // A freshly inserted footnote is empty: start typing at once.
    if (this.node.textContent === '') this.inner.focus()
  }

  private close(): void {
    if (this.inner && openEditors.get(this.outer) === this.inner) openEditors.delete(this.outer)
    this.inner?.destroy()
    this.inner = null
    this.dom.querySelector('.footnote-editor')?.remove()
    this.dom.closest('.footnote-open')?.classList.remove('footnote-open')
  }

  /** Applies an edit made in the footnote editor, forwarding it to the main document. */
  private dispatchInner(tr: Transaction): void {
    if (!this.inner) return
    const { state, transactions } = this.inner.state.applyTransaction(tr)
    this.inner.updateState(state)
    if (tr.getMeta('fromOutside')) return
    const pos = this.getPos()
    if (pos === undefined) return
    const outerTr = this.outer.state.tr
    const offsetMap = StepMap.offset(pos + 1)
    for (const transaction of transactions)
      for (const step of transaction.steps) {
        const mapped = step.map(offsetMap)
        if (mapped) outerTr.step(mapped)
      }
    if (!outerTr.docChanged) return
    // A new visit to the footnote starts a new undo step (not merged with inserting it).
    if (!this.edited) closeHistory(outerTr)
    this.edited = true
    this.outer.dispatch(outerTr)
  }

  update(node: Node): boolean {
    if (!node.sameMarkup(this.node)) return false
    this.node = node
    this.dom.title = node.textContent
    if (this.inner) {
      const state = this.inner.state
      const start = node.content.findDiffStart(state.doc.content)
      if (start !== null) {
        let { a: endA, b: endB } = node.content.findDiffEnd(state.doc.content)!
        const overlap = start - Math.min(endA, endB)
        if (overlap > 0) {
          endA += overlap
          endB += overlap
        }
        this.inner.dispatch(
          state.tr.replace(start, endB, node.slice(start, endA)).setMeta('fromOutside', true)
        )
      }
    }
    return true
  }

  stopEvent(event: Event): boolean {
    return !!this.inner && this.inner.dom.contains(event.target as globalThis.Node)
  }

  ignoreMutation(): boolean {
    return true
  }

  destroy(): void {
    unregisterLabelled(this.outer, this)
    this.close()
  }
}
