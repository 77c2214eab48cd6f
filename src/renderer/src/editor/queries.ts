import type { Node } from 'prosemirror-model'
import type { EditorState } from 'prosemirror-state'
import type { ContainerType, DraftingStatus } from '@core/schema'
import { REFERENCEABLE_KINDS, type NumberedKind } from '@core/numbering'
import { inlineText } from '@core/text'
import { allContainers, isContainer } from './commands/helpers'
import { labelOf, numberingOf, numberingOptionsOf, referenceOf } from './numbering-plugin'
import { countsOf } from './stats-plugin'

/**
 * Read-only questions the outline, the status bar and the dialogs ask of the
 * editor state. The cheap ones (cursor location, counts) are safe to ask on
 * every keystroke; `outlineOf` costs one pass over the containers,
 * `referenceTargets` and `brokenReferences` one pass over the numbering.
 */

/** Where the cursor is, for the status bar. */
export interface CursorLocation {
  chapterId: string | null
  sectionId: string | null
  subsectionId: string | null
  /** Dotted label path of the innermost container: "II", "II.B", "II.B.1"; empty outside any. */
  path: string
  /** Titles of the chapter, section, subsection around the cursor, outermost first. */
  titles: string[]
  /** Bare number of the numbered paragraph at the cursor ("12"), or null. */
  paragraph: string | null
  /** Label of the block-style recommendation at the cursor ("Recommendation 3"), or null. */
  recommendation: string | null
  /** Label of the innermost list item at the cursor ("(a)", "(i)", "2."), or null. */
  listItem: string | null
  /** Whether the cursor is in a chapter, section or subsection title. */
  inHeading: boolean
}

/** Where the selection head is: containers, paragraph number, recommendation. */
export function cursorLocation(state: EditorState): CursorLocation {
  const $head = state.selection.$head
  const location: CursorLocation = {
    chapterId: null,
    sectionId: null,
    subsectionId: null,
    path: '',
    titles: [],
    paragraph: null,
    recommendation: null,
    listItem: null,
    inHeading: $head.parent.type.name === 'heading'
  }
  for (let depth = 1; depth <= $head.depth; depth++) {
    const node = $head.node(depth)
    const id = (node.attrs.id as string | null) ?? null
    const item = labelOf(state, id)
    const type = node.type.name
    if (isContainer(node)) {
      location[`${type as ContainerType}Id`] = id
      location.titles.push(node.firstChild?.textContent ?? '')
      if (item) location.path = item.path
    } else if (type === 'numbered_paragraph' && item) location.paragraph = item.path
    else if (type === 'list_item' && item) location.listItem = item.label
    else if (type === 'recommendation' && item) {
      if (numberingOptionsOf(state).recommendationStyle === 'paragraph')
        location.paragraph = item.path
      else location.recommendation = item.label
    }
  }
  return location
}

/** One chapter, section or subsection as the outline shows it. */
export interface OutlineEntry {
  id: string
  kind: ContainerType
  /** Its label alone: "II.", "B.", "1.". */
  label: string
  /** Dotted path: "II", "II.B", "II.B.1". */
  path: string
  title: string
  status: DraftingStatus
  /** Position of the container node in the document. */
  pos: number
  children: OutlineEntry[]
}

/** The report's chapters, sections and subsections as a tree, with current labels. */
export function outlineOf(state: EditorState): OutlineEntry[] {
  const roots: OutlineEntry[] = []
  const stack: OutlineEntry[] = []
  for (const { node, pos } of allContainers(state.doc)) {
    const id = (node.attrs.id as string | null) ?? ''
    const item = labelOf(state, id)
    const kind = node.type.name as ContainerType
    const entry: OutlineEntry = {
      id,
      kind,
      label: item?.label ?? '',
      path: item?.path ?? '',
      title: node.firstChild?.textContent ?? '',
      status: node.attrs.status as DraftingStatus,
      pos,
      children: []
    }
    const level = kind === 'chapter' ? 0 : kind === 'section' ? 1 : 2
    stack.length = level
    if (level === 0) roots.push(entry)
    else stack[level - 1]?.children.push(entry)
    stack[level] = entry
  }
  return roots
}

/** Something a cross-reference can point at, as the Insert reference dialog lists it. */
export interface ReferenceTarget {
  id: string
  kind: NumberedKind
  /** Its label: "12.", "Recommendation 3", "II.", "B.". */
  label: string
  /** What a reference to it reads: "paragraph 12", "section II.B". */
  reference: string
  /** The start of its text (or its title). */
  text: string
  pos: number
}

const TEXT_PREVIEW = 160

function previewText(node: Node | null): string {
  if (!node) return ''
  const source = isContainer(node) || node.type.name === 'recommendation' ? node.firstChild : node
  if (!source) return ''
  const text = source.isTextblock ? inlineText(source) : source.textContent
  return text.length > TEXT_PREVIEW ? `${text.slice(0, TEXT_PREVIEW - 1)}…` : text
}

/**
 * Paragraphs, recommendations, chapters, sections and subsections matching
 * `query` by number ("12", "II.B", "recommendation 3") or by text, best
 * matches first; everything, in document order, for an empty query.
 */
export function referenceTargets(state: EditorState, query: string): ReferenceTarget[] {
  const wanted = query.trim().toLowerCase()
  const exact: ReferenceTarget[] = []
  const byNumber: ReferenceTarget[] = []
  const byText: ReferenceTarget[] = []
  for (const item of numberingOf(state).items) {
    if (!item.id || !REFERENCEABLE_KINDS.has(item.kind) || !item.reference) continue
    const text = previewText(state.doc.nodeAt(item.pos))
    const target: ReferenceTarget = {
      id: item.id,
      kind: item.kind,
      label: item.label,
      reference: item.reference,
      text,
      pos: item.pos
    }
    if (!wanted) {
      exact.push(target)
      continue
    }
    const reference = item.reference.toLowerCase()
    const path = item.path.toLowerCase()
    const label = item.label.toLowerCase()
    if (wanted === path || wanted === reference || wanted === label || wanted === `${path}.`)
      exact.push(target)
    else if (reference.startsWith(wanted) || path.startsWith(wanted) || label.startsWith(wanted))
      byNumber.push(target)
    else if (text.toLowerCase().includes(wanted)) byText.push(target)
  }
  return [...exact, ...byNumber, ...byText]
}

/** A cross-reference whose target no longer exists. */
export interface BrokenReference {
  /** Position of the reference node. */
  pos: number
  /** The id it points at. */
  target: string
  /** Id of the numbered paragraph, recommendation or container it sits in (to jump there). */
  id: string | null
}

/** Every cross-reference whose target is gone, in document order. */
export function brokenReferences(state: EditorState): BrokenReference[] {
  if (countsOf(state).brokenReferences === 0) return []
  const broken: BrokenReference[] = []
  state.doc.descendants((node, pos) => {
    if (node.type.name !== 'cross_reference') return true
    const target = node.attrs.target as string
    if (!referenceOf(state, target).broken) return false
    const $pos = state.doc.resolve(pos)
    let id: string | null = null
    for (let depth = $pos.depth; depth > 0 && !id; depth--)
      id = ($pos.node(depth).attrs.id as string | null) ?? null
    broken.push({ pos, target, id })
    return false
  })
  return broken
}

/** Square-bracketed passages in the report (must be none before final circulation). */
export function bracketCount(state: EditorState): number {
  return countsOf(state).brackets
}

/** Words in the report body and footnotes, as counted against the word limit. */
export function wordCount(state: EditorState): number {
  return countsOf(state).words
}
