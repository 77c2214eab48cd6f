import { Fragment, Slice, type Node } from 'prosemirror-model'
import { Plugin, PluginKey, Selection, type EditorState, type Transaction } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { schema } from '@core/schema'
import type { Language } from '@core/languages'
import { formatLabel, spec } from '@core/labels/spec'
import { buildDocument } from '@core/import/build'
import { recognize } from '@core/import/recognize'
import { readTextSource } from '@core/import/text-source'
import { IMPORT_LANGUAGES, referenceRegexes } from '@core/import/language'
import type { Segment } from '@core/import/segments'
import type { SourceBlock } from '@core/import/source'
import type { ImportNote } from '@core/import/note'
import { isContainer } from './commands/helpers'
import { cleanPastedBody } from './paste'
import { numberingOf, numberingOptionsOf } from './numbering-plugin'
import { asOwnUndoStep } from './undo-steps'

/**
 * Paste with structure: text and HTML from outside the app go through the
 * importer's recognition, in the context of the cursor. Typed paragraph
 * numbers are dropped (the report numbers), "Recommendation N" blocks become
 * recommendations, (a)/(i) lines become lists, Word footnotes become
 * footnotes, bold, italic and links survive, and "paragraph 4 above" becomes
 * a cross-reference when it names exactly one paragraph of the report.
 * Headings pasted between blocks become sections only where that is the
 * only sensible reading (the cursor ends its section's text); otherwise
 * their titles stay as text and a notice says so. Ctrl+Shift+V pastes plain
 * text with no recognition. A paste is one undo step.
 */

const { paragraph, cross_reference, heading } = schema.nodes

/** What the last paste reported to the user (headings kept as text). */
interface PasteNoticeState {
  notes: readonly string[]
}

const pasteKey = new PluginKey<PasteNoticeState>('rapporteur-structured-paste')

/** A first block that ends the recognizer's masthead mode, removed again after recognition. */
const OPENER = 'Rapporteur paste opener.'

/** Elements that hold text of their own rather than other blocks. */
const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'SECTION',
  'ARTICLE',
  'OL',
  'UL',
  'DL',
  'DT',
  'DD',
  'TR',
  'TABLE',
  'TBODY',
  'HEADER',
  'FOOTER',
  'MAIN',
  'ASIDE',
  'NAV',
  'FIGURE',
  'FIGCAPTION',
  'CENTER'
])

const WORD_FOOTNOTE_LIST = /mso-element:\s*footnote-list/i
const WORD_FOOTNOTE_REF = /mso-footnote-id:\s*(\w+)/i

interface InlineStyle {
  bold: boolean
  italic: boolean
  href?: string
}

function styleOf(element: Element, outer: InlineStyle): InlineStyle {
  const tag = element.tagName
  const css = (element.getAttribute('style') ?? '').toLowerCase()
  let { bold, italic, href } = outer
  if (tag === 'B' || tag === 'STRONG' || /font-weight:\s*(bold|[6-9]00)/.test(css)) bold = true
  if (/font-weight:\s*(normal|[1-4]00)/.test(css)) bold = false
  if (tag === 'I' || tag === 'EM' || /font-style:\s*italic/.test(css)) italic = true
  if (tag === 'A') {
    const target = element.getAttribute('href') ?? ''
    if (/^(https?:|mailto:)/i.test(target)) href = target
  }
  return { bold, italic, href }
}

/** Reads a pasted HTML body into source paragraphs, with Word's footnotes in their anchors. */
export function htmlSourceBlocks(body: HTMLElement): SourceBlock[] {
  const footnotes = new Map<string, Element>()
  for (const list of [...body.querySelectorAll('div')]) {
    if (!WORD_FOOTNOTE_LIST.test(list.getAttribute('style') ?? '')) continue
    for (const note of [...list.querySelectorAll('div[id]')]) footnotes.set(note.id, note)
    list.remove()
  }
  const blocks: SourceBlock[] = []
  const listCounters: number[] = []

  const inlineSegments = (root: Element, into: Segment[], style: InlineStyle) => {
    for (const child of [...root.childNodes]) {
      if (child.nodeType === 3) {
        const text = (child.textContent ?? '').replace(/[\r\n]+/g, ' ')
        if (text) into.push({ text, bold: style.bold, italic: style.italic, href: style.href })
        continue
      }
      if (child.nodeType !== 1) continue
      const element = child as Element
      if (element.tagName === 'BR') {
        into.push({ text: '', lineBreak: true })
        continue
      }
      if (element.tagName === 'IMG') continue
      const footnoteId = WORD_FOOTNOTE_REF.exec(element.getAttribute('style') ?? '')?.[1]
      if (footnoteId && footnotes.has(footnoteId)) {
        into.push({ text: '', footnote: footnoteParagraphs(footnotes.get(footnoteId)!) })
        continue
      }
      inlineSegments(element, into, styleOf(element, style))
    }
  }

  const footnoteParagraphs = (note: Element): Segment[][] => {
    const paragraphs: Segment[][] = []
    const parts = note.querySelectorAll('p')
    for (const part of parts.length ? [...parts] : [note]) {
      // The footnote's own number, linking back to its anchor, is not its text.
      for (const back of [...part.querySelectorAll('a[href*="_ftnref"]')]) back.remove()
      const segments: Segment[] = []
      inlineSegments(part, segments, { bold: false, italic: false })
      trimLeading(segments)
      if (segments.some((s) => s.text.trim())) paragraphs.push(segments)
    }
    return paragraphs.length ? paragraphs : [[{ text: '' }]]
  }

  const addBlock = (element: Element) => {
    const segments: Segment[] = []
    // A web list item has no typed label: give it the one the recognizer reads as a list.
    if (element.tagName === 'LI') segments.push({ text: `${listLabel(listCounters)} ` })
    inlineSegments(element, segments, styleOf(element, { bold: false, italic: false }))
    for (const segment of segments) segment.text = segment.text.replace(/\u00a0/g, ' ')
    trimLeading(segments)
    if (segments.some((s) => s.text.trim() || s.footnote))
      blocks.push({ line: blocks.length + 1, segments })
  }

  const walk = (root: Element) => {
    const loose: globalThis.Node[] = []
    const flush = () => {
      if (loose.length === 0) return
      const holder = root.ownerDocument.createElement('p')
      holder.append(...loose.splice(0))
      addBlock(holder)
    }
    for (const child of [...root.childNodes]) {
      const element = child.nodeType === 1 ? (child as Element) : null
      if (!element || !BLOCK_TAGS.has(element.tagName)) {
        loose.push(child)
        continue
      }
      flush()
      if (element.tagName === 'OL' || element.tagName === 'UL') {
        listCounters.push(0)
        for (const item of [...element.children]) {
          listCounters[listCounters.length - 1] += 1
          walkItem(item)
        }
        listCounters.pop()
      } else if (hasBlockChild(element)) walk(element)
      else addBlock(element)
    }
    flush()
  }

  const walkItem = (item: Element) => {
    const nested = [...item.children].filter((c) => c.tagName === 'OL' || c.tagName === 'UL')
    for (const list of nested) list.remove()
    addBlock(item)
    const holder = item.ownerDocument.createElement('div')
    holder.append(...nested)
    walk(holder)
  }

  walk(body)
  return blocks
}

function hasBlockChild(element: Element): boolean {
  for (const child of element.children) if (BLOCK_TAGS.has(child.tagName)) return true
  return false
}

const OUTER_ITEM = spec('lower-latin', '(', ')')
const INNER_ITEM = spec('lower-roman', '(', ')')

/** "(a)" for an outer list item, "(i)" for a nested one, counting from 1. */
function listLabel(counters: number[]): string {
  const n = counters[counters.length - 1]
  // The numeral systems are bounded (digits past their range), so any count is safe.
  return formatLabel(counters.length === 1 ? OUTER_ITEM : INNER_ITEM, n)
}

function trimLeading(segments: Segment[]): void {
  while (segments.length && !segments[0].footnote && !segments[0].lineBreak) {
    segments[0].text = segments[0].text.replace(/^\s+/, '')
    if (segments[0].text) break
    segments.shift()
  }
}

/** Where the cursor is, as structured paste needs it; null outside the report body. */
function bodyContext(state: EditorState): { depth: number } | null {
  const { $from, $to } = state.selection
  const depth = $from.depth
  if (depth < 2 || !$from.parent.isTextblock || $from.parent.type === heading) return null
  if (!isContainer($from.node(depth - 1))) return null
  if ($to.depth < 2 || !$to.parent.isTextblock || $to.parent.type === heading) return null
  if (!isContainer($to.node($to.depth - 1))) return null
  if ($from.node(depth - 1) !== $to.node($to.depth - 1)) return null
  return { depth }
}

/** Headings kept as text: they never run into the paragraph at the cursor. */
const headingBlocks = new WeakSet<Node>()

/** Body blocks of a recognized document, its headings kept as bold text (named in `notes`). */
function flattened(nodes: readonly Node[], notes: string[]): Node[] {
  const blocks: Node[] = []
  const flatten = (container: Node) => {
    container.forEach((child) => {
      if (child.type === heading) {
        const title = child.textContent.trim()
        if (!title) return
        notes.push(title)
        const block = paragraph.create(null, schema.text(title, [schema.marks.bold.create()]))
        headingBlocks.add(block)
        blocks.push(block)
      } else if (isContainer(child)) flatten(child)
      else blocks.push(child)
    })
  }
  for (const node of nodes) {
    if (isContainer(node)) flatten(node)
    else blocks.push(node)
  }
  return blocks
}

/** The opener chapter's own body blocks (the opener paragraph removed) and its sub-containers. */
function splitOpener(chapter: Node): { lead: Node[]; children: Node[] } {
  const lead: Node[] = []
  const children: Node[] = []
  chapter.forEach((child, _offset, index) => {
    if (index === 0) return
    if (isContainer(child)) children.push(child)
    else lead.push(child)
  })
  if (lead[0]?.textContent === OPENER) lead.shift()
  return { lead, children }
}

const LEVEL: Record<string, number> = { chapter: 1, section: 2, subsection: 3 }

/**
 * Where pasted containers can go as containers: as the cursor container's
 * first sub-containers ('child', one level down) or right after it
 * ('sibling', the same level); null when either reading is not the only
 * sensible one (the cursor is not in the last block of its container's
 * text, or a sibling would have to take over the container's sub-containers).
 */
function containerPlacement(
  state: EditorState,
  containers: readonly Node[]
): 'child' | 'sibling' | null {
  if (containers.length === 0) return null
  const type = containers[0].type
  if (containers.some((c) => c.type !== type)) return null
  const { $from } = state.selection
  const container = $from.node($from.depth - 1)
  const index = $from.index($from.depth - 1)
  const next = index + 1 < container.childCount ? container.child(index + 1) : null
  if (next && !isContainer(next)) return null
  if ($from.parentOffset !== $from.parent.content.size) return null
  const gap = LEVEL[type.name] - LEVEL[container.type.name]
  if (gap === 1) return 'child'
  if (gap === 0 && !next) return 'sibling'
  return null
}

/**
 * Turns "paragraph 4 above" phrases still left as text into cross-references
 * when exactly one thing in the report reads that way now.
 */
function resolveAgainstReport(blocks: Node[], state: EditorState): Node[] {
  const language = numberingOptionsOf(state).language
  const byReference = new Map<string, string | null>()
  for (const item of numberingOf(state).items) {
    if (!item.reference || !item.id) continue
    const key = normalize(item.reference)
    byReference.set(key, byReference.has(key) ? null : item.id)
  }
  if (byReference.size === 0) return blocks
  const patterns = IMPORT_LANGUAGES[language].references.map((p) => referenceRegexes(p).strict)
  // Only blocks where a reference was found are copied: a large paste mostly has none.
  const mapInline = (node: Node): Node => {
    const children: Node[] = []
    let changed = false
    node.forEach((child) => {
      const mapped = node.isTextblock
        ? child.isText
          ? splitReferences(child, patterns, byReference)
          : [child]
        : [child.isLeaf ? child : mapInline(child)]
      if (mapped.length !== 1 || mapped[0] !== child) changed = true
      children.push(...mapped)
    })
    return changed ? node.copy(Fragment.from(children)) : node
  }
  return blocks.map(mapInline)
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim()
}

function splitReferences(
  text: Node,
  patterns: RegExp[],
  byReference: Map<string, string | null>
): Node[] {
  const value = text.text ?? ''
  const found: Array<{ from: number; to: number; target: string }> = []
  for (const pattern of patterns) {
    for (const match of value.matchAll(pattern)) {
      const phrase = match.groups?.phrase ?? match[0]
      const from = match.index! + match[0].indexOf(phrase)
      const target = byReference.get(normalize(phrase))
      if (target && !found.some((f) => from < f.to && from + phrase.length > f.from))
        found.push({ from, to: from + phrase.length, target })
    }
  }
  if (found.length === 0) return [text]
  found.sort((a, b) => a.from - b.from)
  const out: Node[] = []
  let at = 0
  for (const ref of found) {
    if (ref.from > at) out.push(schema.text(value.slice(at, ref.from), text.marks))
    out.push(cross_reference.create({ target: ref.target }))
    at = ref.to
  }
  if (at < value.length) out.push(schema.text(value.slice(at), text.marks))
  return out
}

/** What a structured paste puts in, and the headings it had to keep as text. */
export interface StructuredPaste {
  /** Body blocks for the cursor's place. */
  slice: Slice
  /** Chapters, sections or subsections to add as containers, and where. */
  containers: Node[]
  placement: 'child' | 'sibling' | null
  headingsAsText: string[]
}

/**
 * The slice a paste of `html` (or, without it, `text`) becomes at the
 * cursor, or null where structured paste does not apply (outside the report
 * body, content copied inside the app, nothing to paste).
 */
export function structuredPaste(
  state: EditorState,
  input: { html?: string; text?: string }
): StructuredPaste | null {
  if (!bodyContext(state)) return null
  const language: Language = numberingOptionsOf(state).language
  let sourceBlocks: SourceBlock[]
  let footnotes = new Map<number, { line: number; number: number; segments: Segment[] }>()
  if (input.html) {
    if (input.html.includes('data-pm-slice')) return null
    sourceBlocks = htmlSourceBlocks(cleanPastedBody(input.html))
  } else if (input.text?.trim()) {
    const source = readTextSource(input.text, language)
    sourceBlocks = source.blocks
    footnotes = source.footnotes
  } else return null
  if (sourceBlocks.length === 0) return null
  const notes: ImportNote[] = []
  const opener: SourceBlock = { line: 0, segments: [{ text: OPENER }] }
  const draft = recognize([opener, ...sourceBlocks], language, notes)
  const doc = buildDocument(draft, language, footnotes, notes)
  const headingsAsText: string[] = []
  const { lead, children } = splitOpener(doc.firstChild!)
  const pastedContainers: Node[] = []
  doc.forEach((chapter, _offset, index) => void (index > 0 && pastedContainers.push(chapter)))
  const containers = pastedContainers.length === 0 ? children : pastedContainers
  // Sections and chapters together have no single reading: all of it is text then.
  const mixed = pastedContainers.length > 0 && children.length > 0
  const placement = mixed ? null : containerPlacement(state, containers)
  const blocks = placement
    ? lead
    : flattened([...lead, ...children, ...pastedContainers], headingsAsText)
  if (blocks.length === 0 && (!placement || containers.length === 0)) return null
  const first = blocks[0]
  const last = blocks[blocks.length - 1]
  // One paragraph goes into the paragraph at the cursor, as typed text would.
  const openStart = first?.isTextblock && !headingBlocks.has(first) ? 1 : 0
  const openEnd =
    last?.isTextblock && !headingBlocks.has(last) && (blocks.length > 1 || openStart === 1) ? 1 : 0
  const body = resolveAgainstReport(blocks, state)
  const placed = placement ? resolveAgainstReport(containers, state) : []
  return {
    slice: new Slice(Fragment.from(body), openStart, openEnd),
    containers: placed,
    placement,
    headingsAsText
  }
}

/** Headings the last paste kept as text (shown as a notice), empty when none. */
export function pastedHeadingsAsText(state: EditorState): readonly string[] {
  return pasteKey.getState(state)?.notes ?? []
}

/** Whether the user asked for plain text (Ctrl+Shift+V), recorded from the keydown before the paste. */
let plainTextRequested = false
/** Set while the plain-text paste runs, so it is not routed through recognition again. */
let pastingPlainText = false

/** Applies a structured paste: one undo step, cursor after the pasted content. */
function applyPaste(view: EditorView, pasted: StructuredPaste): void {
  const tr: Transaction = view.state.tr
  const { $from } = tr.selection
  if (pasted.slice.content.size > 0) tr.replaceSelection(pasted.slice)
  else if (pasted.containers.length && $from.parent.content.size === 0)
    tr.delete($from.before(), $from.after()) // the empty paragraph the containers replace
  if (pasted.placement) {
    const $at = tr.doc.resolve(tr.mapping.map($from.pos, -1))
    const containerDepth = [...Array($at.depth).keys()]
      .reverse()
      .find((d) => d > 0 && isContainer($at.node(d)))!
    const container = $at.node(containerDepth)
    let at = $at.after(containerDepth)
    if (pasted.placement === 'child') {
      // The end of the container's text, before its own sub-containers.
      at = $at.start(containerDepth)
      container.forEach((child) => {
        if (!isContainer(child)) at += child.nodeSize
      })
    }
    tr.insert(at, pasted.containers)
    tr.setSelection(Selection.near(tr.doc.resolve(at + Fragment.from(pasted.containers).size), -1))
  }
  tr.setMeta(pasteKey, { notes: pasted.headingsAsText }).setMeta('uiEvent', 'paste')
  view.dispatch(asOwnUndoStep(tr.scrollIntoView()))
}

/** The plugin that routes pastes from outside the app through recognition. */
export function structuredPastePlugin(): Plugin<PasteNoticeState> {
  return new Plugin<PasteNoticeState>({
    key: pasteKey,
    state: {
      init: () => ({ notes: [] }),
      apply(tr, value) {
        const meta = tr.getMeta(pasteKey) as PasteNoticeState | undefined
        if (meta) return meta
        return tr.docChanged ? { notes: [] } : value
      }
    },
    props: {
      handleKeyDown(_view, event) {
        plainTextRequested =
          (event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'v'
        return false
      },
      handlePaste(view, event) {
        if (pastingPlainText || view.dragging) return false
        const plain = plainTextRequested
        plainTextRequested = false
        const data = event.clipboardData
        if (!data) return false
        if (plain) {
          // ProseMirror's own plain-text paste: paragraphs by line, nothing recognized.
          pastingPlainText = true
          try {
            view.pasteText(data.getData('text/plain'))
          } finally {
            pastingPlainText = false
          }
          return true
        }
        const pasted = structuredPaste(view.state, {
          html: data.getData('text/html'),
          text: data.getData('text/plain')
        })
        if (!pasted) return false
        applyPaste(view, pasted)
        return true
      }
    }
  })
}

/** Makes the next paste plain text with no recognition, as Ctrl+Shift+V does (for menus). */
export function requestPlainTextPaste(): void {
  plainTextRequested = true
}

/**
 * Pastes the clipboard at the cursor, from a menu: through the browser's
 * paste command where the app may use it (the desktop app), else by reading
 * the clipboard (the browser build, with the user's permission). `plain`
 * pastes plain text with no recognition.
 */
export async function pasteFromMenu(view: EditorView, plain: boolean): Promise<void> {
  view.focus()
  if (plain) requestPlainTextPaste()
  if (document.execCommand('paste')) return
  const data = new DataTransfer()
  const items = await navigator.clipboard.read().catch(() => null)
  for (const item of items ?? []) {
    for (const type of ['text/html', 'text/plain'])
      if (item.types.includes(type)) data.setData(type, await (await item.getType(type)).text())
  }
  if (!items) data.setData('text/plain', await navigator.clipboard.readText())
  view.dom.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
  )
}
