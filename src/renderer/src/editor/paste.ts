import { DOMParser, Fragment, Slice, type Node, type ParseOptions } from 'prosemirror-model'
import type { EditorView } from 'prosemirror-view'
import { schema } from '@core/schema'
import { newId } from '@core/ids'
import { isContainer } from './commands/helpers'
import { labelOf } from './numbering-plugin'

/**
 * Paste from Word or a web page. The schema's parse rules already keep only
 * text, bold, italic, lists and links; here Word's own markup is cleaned
 * first (list bullets it writes as text, comments, `o:p` tags), pasted plain
 * paragraphs that land in the report body become numbered paragraphs, and
 * pasted copies of nodes still in the report lose their ids so the
 * originals keep theirs (and the references to them).
 */

/** Elements whose content is never report text. */
const DROPPED = 'head, meta, link, style, script, template, xml, title, object, iframe'
/** Table parts that only hold rows. */
const TABLE_WRAPPERS = 'table, thead, tbody, tfoot, caption, colgroup, col'

/**
 * Parses pasted HTML with the browser's own HTML parser (linear in its
 * length, whatever the input: no regex backtracking) and removes what would
 * otherwise survive as text: comments (Word's conditional ones included),
 * styles, scripts, Word's `o:p` tags; a table row becomes a paragraph, its
 * cells separated by spaces. Returns the cleaned body element.
 */
export function cleanPastedBody(html: string): HTMLElement {
  const parsed = new globalThis.DOMParser().parseFromString(html, 'text/html')
  const body = parsed.body
  const walker = parsed.createTreeWalker(body, 128 /* NodeFilter.SHOW_COMMENT */)
  const comments: globalThis.Node[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) comments.push(node)
  for (const comment of comments) comment.parentNode?.removeChild(comment)
  for (const element of [...body.querySelectorAll(DROPPED)]) element.remove()
  for (const element of [...body.getElementsByTagName('o:p')])
    element.replaceWith(...element.childNodes)
  for (const element of [...body.querySelectorAll(TABLE_WRAPPERS)])
    element.replaceWith(...element.childNodes)
  for (const row of [...body.querySelectorAll('tr')]) {
    const paragraph = parsed.createElement('p')
    for (const cell of [...row.children]) {
      paragraph.append(...cell.childNodes, ' ')
    }
    row.replaceWith(paragraph)
  }
  return body
}

/** Removes Word-only markup that would otherwise survive as text (see `cleanPastedBody`). */
export function cleanPastedHTML(html: string): string {
  return cleanPastedBody(html).innerHTML
}

const WORD_LIST_LEVEL = /mso-list:\s*l\d+\s+level(\d+)/i
const WORD_LIST_NUMBER = /mso-list:\s*Ignore/i

/**
 * Word pastes a list as paragraphs styled `mso-list: l0 level1 …`, each
 * starting with its number typed out in a span marked `mso-list: Ignore`.
 * This turns runs of such paragraphs into nested `ol`/`li` (an agenda list
 * when the numbers are digits, sub-paragraphs otherwise) and drops the typed
 * numbers, which the report computes itself.
 */
export function wordListsToLists(root: Element): void {
  const documentOf = root.ownerDocument
  let stack: Array<{ list: Element; level: number }> = []
  for (const child of [...root.childNodes]) {
    const style = child.nodeType === 1 ? ((child as Element).getAttribute('style') ?? '') : ''
    const level = WORD_LIST_LEVEL.exec(style)
    if (!level) {
      // Blank text between list paragraphs does not end the list.
      if (child.nodeType === 3 && !child.textContent?.trim()) continue
      stack = []
      continue
    }
    const paragraph = child as Element
    const depth = Number(level[1])
    let number = ''
    for (const span of [...paragraph.querySelectorAll('span')]) {
      if (!WORD_LIST_NUMBER.test(span.getAttribute('style') ?? '')) continue
      number ||= span.textContent?.trim() ?? ''
      span.remove()
    }
    while (stack.length > 0 && stack[stack.length - 1].level > depth) stack.pop()
    let top = stack[stack.length - 1]
    if (!top || top.level < depth) {
      const list = documentOf.createElement('ol')
      if (!top) {
        list.setAttribute('data-kind', /^\d/.test(number) ? 'agenda' : 'subparagraph')
        paragraph.before(list)
      } else (top.list.lastElementChild ?? top.list).append(list)
      top = { list, level: depth }
      stack.push(top)
    }
    const item = documentOf.createElement('li')
    top.list.append(item)
    item.append(paragraph)
  }
  // Stray typed numbers outside recognizable lists go too.
  for (const span of [...root.querySelectorAll('span')])
    if (WORD_LIST_NUMBER.test(span.getAttribute('style') ?? '')) span.remove()
}

/** A section's content after its heading: where pasted body text is parsed into. */
const BODY_TOP = schema.nodes.section.create(null, schema.nodes.heading.create())
const BODY_MATCH = schema.nodes.section.contentMatch.matchType(schema.nodes.heading)!

/**
 * Parses pasted HTML from outside the app as report body content, so that
 * loose text (in divs, table cells) becomes paragraphs, never chapter
 * headings. Content copied inside the app (it carries ProseMirror's
 * `data-pm-slice` marker) keeps its structure, chapters and sections included.
 */
export class ReportClipboardParser extends DOMParser {
  parseSlice(dom: globalThis.Node, options: ParseOptions = {}): Slice {
    const element = dom as Element
    if (typeof element.querySelector === 'function' && element.querySelector('[data-pm-slice]'))
      return super.parseSlice(dom, options)
    if (typeof element.querySelectorAll === 'function') wordListsToLists(element)
    // With a top node the parse comes back wrapped in it: unwrap.
    const wrapped = super.parseSlice(dom, { ...options, topNode: BODY_TOP, topMatch: BODY_MATCH })
    const top = wrapped.content.firstChild
    if (wrapped.content.childCount !== 1 || top?.type !== BODY_TOP.type) return wrapped
    return Slice.maxOpen(top.content)
  }
}

/** The clipboard parser of the report editor. */
export const clipboardParser = new ReportClipboardParser(schema, DOMParser.fromSchema(schema).rules)

/**
 * Whether the cursor is in the report body (a paragraph or heading directly
 * in a chapter, section or subsection) rather than inside a recommendation,
 * list item or footnote.
 */
function pastingIntoBody(view: EditorView): boolean {
  const $from = view.state.selection.$from
  for (let depth = $from.depth; depth > 0; depth--) {
    if (isContainer($from.node(depth))) return true
    if (!$from.node(depth).isTextblock) return false
  }
  return false
}

function mapFragment(
  fragment: Fragment,
  f: (node: Node, depth: number) => Node,
  depth = 0
): Fragment {
  const children: Node[] = []
  fragment.forEach((child) => {
    const inner = child.isLeaf ? child : child.copy(mapFragment(child.content, f, depth + 1))
    children.push(f(inner, depth))
  })
  return Fragment.from(children)
}

/**
 * ProseMirror fits pasted paragraphs into the paragraph at the cursor by
 * wrapping them in the only inline node that holds paragraphs: a footnote.
 * Pasted footnotes always carry an id; these wrappers have none, so they go.
 */
function unwrapAccidentalFootnotes(slice: Slice): Slice {
  const { content } = slice
  let accidental = content.childCount > 0
  content.forEach((node) => {
    if (node.type !== schema.nodes.footnote || node.attrs.id) accidental = false
  })
  if (!accidental) return slice
  const children: Node[] = []
  content.forEach((node) => node.forEach((child) => children.push(child)))
  return new Slice(
    Fragment.from(children),
    Math.max(0, slice.openStart - 1),
    Math.max(0, slice.openEnd - 1)
  )
}

/** Adjusts a pasted slice to the report: see the module comment. */
export function transformPasted(pasted: Slice, view: EditorView): Slice {
  // A drop lands at the mouse, not the cursor: keep its blocks as they are.
  const dropping = view.dragging !== null
  const intoBody = !dropping && pastingIntoBody(view)
  const intoNested = !dropping && !intoBody
  const slice = unwrapAccidentalFootnotes(pasted)
  const moving = view.dragging?.move === true
  const content = mapFragment(slice.content, (node, depth) => {
    let result = node
    const id = node.attrs.id as string | null | undefined
    // A copy of something still in the report: a fresh id (given here, not left to the
    // id repair, which would have to search the whole report for thousands of pasted blocks).
    // (Not when dragging to move: the original goes, and references must follow the moved copy.)
    if (id && !moving && labelOf(view.state, id))
      result = result.type.create({ ...result.attrs, id: newId() }, result.content, result.marks)
    if (depth === 0 && intoBody && result.type === schema.nodes.paragraph)
      result = schema.nodes.numbered_paragraph.create({ id: newId() }, result.content, result.marks)
    else if (depth === 0 && intoNested && result.type === schema.nodes.numbered_paragraph)
      result = schema.nodes.paragraph.create(null, result.content, result.marks)
    return result
  })
  return closeListEnds(new Slice(content, slice.openStart, slice.openEnd), view)
}

/**
 * Outside a list, a pasted list stays a list: its first item must not melt
 * into the paragraph at the cursor (nor its last into the one after).
 */
function closeListEnds(slice: Slice, view: EditorView): Slice {
  const $from = view.state.selection.$from
  for (let depth = $from.depth; depth > 0; depth--)
    if ($from.node(depth).type === schema.nodes.list_item) return slice
  const isList = (node: Node | null) => node?.type === schema.nodes.ordered_list
  const openStart = isList(slice.content.firstChild) ? 0 : slice.openStart
  const openEnd = isList(slice.content.lastChild) ? 0 : slice.openEnd
  return openStart === slice.openStart && openEnd === slice.openEnd
    ? slice
    : new Slice(slice.content, openStart, openEnd)
}
