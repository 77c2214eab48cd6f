import type { Node } from 'prosemirror-model'
import { labelParts, labelText, type LabelParts, type LabelSpec } from './labels'
import { CONVENTIONS, listLevel, type Language, type ReferenceKind } from './languages'
import { CONTAINER_TYPES, type ListKind } from './schema'
import { absentFromOriginal, paragraphBreakChange, removedInFinal } from './review/final'

/**
 * Numbering is computed, never stored: this module maps a report document to
 * the label of every numbered thing. The editor shows these labels, the
 * exporter writes them and cross-references read them.
 */

/** How recommendations are numbered: as "Recommendation N" blocks or in the paragraph series. */
export type RecommendationStyle = 'block' | 'paragraph'

/** What numbering depends on besides the document. */
export interface NumberingOptions {
  language: Language
  recommendationStyle: RecommendationStyle
  /**
   * Nodes that take no number: by default those a suggestion removes, so labels
   * follow the Final view; the Original view passes its own test.
   */
  skip?: (node: Node) => boolean
}

/** Kinds of numbered thing. */
export type NumberedKind =
  'chapter' | 'section' | 'subsection' | 'paragraph' | 'recommendation' | 'list_item' | 'footnote'

/** One numbered thing and its current label. */
export interface NumberedItem {
  kind: NumberedKind
  /** The node's stable id (null only in documents whose ids were never repaired). */
  id: string | null
  /** Position of the node in the document. */
  pos: number
  /** Ordinal within its series (paragraphs run through the report; sections restart per chapter). */
  number: number
  /** The label as printed: "II.", "B.", "12.", "Recommendation 3", "(a)", "1". */
  label: string
  /** The label in its parts: affixes and the number as written ("(", "a", ")"). */
  parts: LabelParts
  /**
   * Bare dotted path: "II" for a chapter, "II.B" for a section, "II.B.1" for a
   * subsection, the bare number for everything else ("12", "3", "a").
   */
  path: string
  /** What a cross-reference to this thing reads ("paragraph 12"); empty where none may point. */
  reference: string
  /** List nesting depth (0 = outermost); 0 for everything that is not a list item. */
  depth: number
  /** For list items: the family of the outermost list. */
  listKind?: ListKind
}

/** The labels of a whole document. */
export interface Numbering {
  /** Every numbered thing, in document order (a footnote before the text after its anchor). */
  items: NumberedItem[]
  byId: Map<string, NumberedItem>
  byPos: Map<number, NumberedItem>
  options: NumberingOptions
}

/**
 * Whether `chapter`, the child at `index` of the document, is the report's
 * front matter: a first chapter with an empty heading holds the text before
 * chapter I (an imported title block, a summary) and takes no number, so the
 * chapters after it number as in the document.
 */
export function isFrontMatter(chapter: Node, index: number): boolean {
  return index === 0 && chapter.type.name === 'chapter' && chapter.firstChild?.childCount === 0
}

/** Computes the label of every numbered thing in `doc`. Pure: same input, same labels. */
export function computeNumbering(doc: Node, options: NumberingOptions): Numbering {
  const conventions = CONVENTIONS[options.language]
  const labels = conventions.labels
  const items: NumberedItem[] = []
  const skip = options.skip ?? removedInFinal
  const counters: SeriesCounters = { chapter: 0, paragraph: 0, recommendation: 0, footnote: 0 }

  const add = (
    kind: NumberedKind,
    node: Node,
    pos: number,
    format: LabelSpec,
    number: number,
    path: string | null,
    referenceKind: ReferenceKind | null,
    depth = 0,
    listKind?: ListKind
  ): LabelParts => {
    const parts = labelParts(format, number)
    const fullPath = path ?? parts.text
    // References name the bare number ("12", "II"), never the printed label ("Recommendation 3").
    const reference = referenceKind
      ? conventions.reference(referenceKind, parts.text, fullPath)
      : ''
    items.push({
      kind,
      id: (node.attrs.id as string | null) ?? null,
      pos,
      number,
      label: labelText(parts),
      parts,
      path: fullPath,
      reference,
      depth,
      listKind
    })
    return parts
  }

  const numberFootnotes = (node: Node, pos: number) => {
    // Inline content only: footnote anchors sit in paragraphs and headings.
    node.descendants((child, offset) => {
      if (child.type.name === 'footnote') {
        if (skip(child)) return false
        counters.footnote += 1
        const n = counters.footnote
        add('footnote', child, pos + 1 + offset, labels.footnote, n, null, null)
        return false
      }
      return true
    })
  }

  const walkList = (list: Node, pos: number, depth: number, kind: ListKind) => {
    const format = listLevel(kind === 'agenda' ? labels.agendaList : labels.subparagraphList, depth)
    let count = 0
    list.forEach((item, offset) => {
      if (skip(item)) return
      const itemPos = pos + 1 + offset
      add('list_item', item, itemPos, format, ++count, null, null, depth, kind)
      item.forEach((child, childOffset) => {
        const childPos = itemPos + 1 + childOffset
        if (child.type.name === 'ordered_list') walkList(child, childPos, depth + 1, kind)
        else numberFootnotes(child, childPos)
      })
    })
  }

  const walkBody = (node: Node, pos: number, joinsPrevious = false) => {
    if (skip(node)) return
    switch (node.type.name) {
      case 'numbered_paragraph': {
        if (!joinsPrevious) {
          const n = ++counters.paragraph
          add('paragraph', node, pos, labels.paragraph, n, null, 'paragraph')
        }
        numberFootnotes(node, pos)
        return
      }
      case 'recommendation': {
        if (options.recommendationStyle === 'paragraph') {
          const n = ++counters.paragraph
          add('recommendation', node, pos, labels.paragraph, n, null, 'paragraph')
        } else {
          const n = ++counters.recommendation
          add('recommendation', node, pos, labels.recommendation, n, null, 'recommendation')
        }
        node.forEach((child, offset) => walkBody(child, pos + 1 + offset))
        return
      }
      case 'ordered_list':
        walkList(node, pos, 0, node.attrs.kind as ListKind)
        return
      default:
        numberFootnotes(node, pos)
    }
  }

  walkReport(doc, options, counters, {
    container: (kind, node, pos, format, number, path) =>
      add(kind, node, pos, format, number, path, kind),
    heading: numberFootnotes,
    body: walkBody
  })

  const byId = new Map<string, NumberedItem>()
  const byPos = new Map<number, NumberedItem>()
  for (const item of items) {
    if (item.id && !byId.has(item.id)) byId.set(item.id, item)
    byPos.set(item.pos, item)
  }
  return { items, byId, byPos, options }
}

/** The series that run through a report (an annex restarts all but footnotes). */
export interface SeriesCounters {
  chapter: number
  paragraph: number
  recommendation: number
  footnote: number
}

/** How a container is labelled: `walkReport` hands each chapter, section and subsection to it. */
export interface ContainerVisitor {
  /** Labels a chapter, section or subsection (`path` null: its own number); returns the label's parts. */
  container(
    kind: 'chapter' | 'section' | 'subsection',
    node: Node,
    pos: number,
    format: LabelSpec,
    number: number,
    path: string | null
  ): LabelParts
}

/** How the blocks of a body run are numbered, one by one (see `walkBodyRun`). */
export interface BlockVisitor {
  /** A container's heading (only its footnotes are numbered). */
  heading(node: Node, pos: number): void
  /**
   * A body block; it advances `counters` by what it holds. `joinsPrevious`:
   * a suggested paragraph break before it goes in this view, so the block
   * runs on from the paragraph before and takes no number of its own.
   */
  body(node: Node, pos: number, joinsPrevious: boolean): void
}

/** How a body run is numbered as a whole (the editor counts a run once per node). */
export interface RunVisitor {
  /**
   * The heading and body blocks of `holder` (see `walkBodyRun`); advances
   * `counters` by all they hold and returns whether the text after the run
   * runs on from it (`runsOn`: whether the text before runs on into it).
   */
  bodyRun(holder: Node, pos: number, runsOn: boolean): boolean
}

/** What `walkReport` hands on: containers to label, and body runs or their blocks to number inside. */
export type ReportVisitor = ContainerVisitor & (BlockVisitor | RunVisitor)

/** The node types that hold body runs of their own nested inside another holder. */
const SUB_HOLDERS: ReadonlySet<string> = new Set(CONTAINER_TYPES)

/**
 * Hands `visit` the heading and body blocks of `holder` (a chapter, section,
 * subsection or annex): its children that are not chapters, sections or
 * subsections, which the schema puts before those. `runsOn` says whether the
 * text before runs on into the first block; returns whether the text after
 * the run runs on from it. Blocks the view leaves out are skipped.
 */
export function walkBodyRun(
  holder: Node,
  pos: number,
  runsOn: boolean,
  options: NumberingOptions,
  visit: BlockVisitor
): boolean {
  const skip = options.skip ?? removedInFinal
  // A suggested break that goes in this view runs its paragraph on into the next one, which
  // then takes no number: a join once accepted (Final), a split once rejected (Original).
  const vanishing = options.skip === absentFromOriginal ? 'split' : 'join'
  let runs = runsOn
  holder.forEach((child, offset) => {
    const childPos = pos + 1 + offset
    const type = child.type.name
    if (SUB_HOLDERS.has(type)) return
    if (type === 'heading') return visit.heading(child, childPos)
    if (skip(child)) return
    const joinsPrevious = runs
    runs = runsOnAfter(child, runs, vanishing, skip)
    visit.body(child, childPos, joinsPrevious)
  })
  return runs
}

/**
 * Whether the text after `node` runs on from it in the view whose vanishing
 * break is `vanishing`, given whether it did before `node`: a paragraph ends
 * with a suggested break that goes (a join once accepted, a split once
 * rejected); a list ends any run.
 */
function runsOnAfter(
  node: Node,
  before: boolean,
  vanishing: 'split' | 'join',
  skip: (node: Node) => boolean
): boolean {
  if (node.isTextblock) return paragraphBreakChange(node)?.type === vanishing
  if (node.type.name === 'ordered_list') return false
  if (node.type.name !== 'recommendation') return before
  let runsOn = before
  node.forEach((child) => {
    if (!skip(child)) runsOn = runsOnAfter(child, runsOn, vanishing, skip)
  })
  return runsOn
}

/**
 * Calls `walk` for the chapters, sections or subsections inside `holder`
 * (at `pos`). The schema puts them after its heading and body blocks, so
 * they are found from the end, without passing over the body.
 */
function forEachSubHolder(
  holder: Node,
  pos: number,
  walk: (child: Node, childPos: number) => void
): void {
  let first = holder.childCount
  let offset = holder.content.size
  while (first > 0 && SUB_HOLDERS.has(holder.child(first - 1).type.name)) {
    first--
    offset -= holder.child(first).nodeSize
  }
  for (let index = first; index < holder.childCount; index++) {
    const child = holder.child(index)
    walk(child, pos + 1 + offset)
    offset += child.nodeSize
  }
}

/**
 * Walks a report's chapters, sections, subsections and annexes in document
 * order, numbering the containers and keeping the series in `counters` as an
 * annex requires, and hands every body run (or each of its headings and body
 * blocks) to `visit`. Shared
 * by `computeNumbering` and the editor's incremental numbering, which differ
 * only in how they number inside a block. `numberText` writes a number in a
 * series (a caller may remember what it wrote).
 */
export function walkReport(
  doc: Node,
  options: NumberingOptions,
  counters: SeriesCounters,
  visit: ReportVisitor,
  numberText: (format: LabelSpec, n: number) => string = (format, n) => labelParts(format, n).text
): void {
  const labels = CONVENTIONS[options.language].labels
  const skip = options.skip ?? removedInFinal
  let runsOn = false
  let section = 0
  let subsection = 0
  let chapterPath = ''
  let sectionPath = ''

  const bodyRun = (holder: Node, pos: number) => {
    runsOn =
      'bodyRun' in visit
        ? visit.bodyRun(holder, pos, runsOn)
        : walkBodyRun(holder, pos, runsOn, options, visit)
  }

  const walkContainer = (node: Node, pos: number) => {
    if (skip(node)) return
    runsOn = false
    const type = node.type.name
    if (type === 'chapter' && node === doc.firstChild && isFrontMatter(node, 0)) {
      section = 0
      chapterPath = ''
    } else if (type === 'chapter') {
      const n = ++counters.chapter
      section = 0
      chapterPath = visit.container('chapter', node, pos, labels.chapter, n, null).text
    } else if (type === 'section') {
      const n = ++section
      subsection = 0
      const text = numberText(labels.section, n)
      sectionPath = chapterPath ? `${chapterPath}.${text}` : text
      visit.container('section', node, pos, labels.section, n, sectionPath)
    } else {
      const n = ++subsection
      const text = numberText(labels.subsection, n)
      visit.container('subsection', node, pos, labels.subsection, n, `${sectionPath}.${text}`)
    }
    bodyRun(node, pos)
    forEachSubHolder(node, pos, walkContainer)
  }

  // An annex numbers its chapters, paragraphs and recommendations in series of its own.
  const walkAnnex = (annex: Node, pos: number) => {
    const bodyCounters = { ...counters }
    counters.chapter = counters.paragraph = counters.recommendation = 0
    bodyRun(annex, pos)
    forEachSubHolder(annex, pos, walkContainer)
    Object.assign(counters, { ...bodyCounters, footnote: counters.footnote })
  }

  doc.forEach((child, offset) => {
    if (child.type.name === 'chapter') walkContainer(child, offset)
    else if (child.type.name === 'annex') walkAnnex(child, offset)
  })
}

/** What a cross-reference points at now, as every reader of references needs it. */
export type ResolvedReference =
  | {
      broken: false
      /** The numbered thing the reference points at. */
      target: NumberedItem
      /**
       * The series the reference names: a recommendation numbered as a
       * paragraph is referred to as a paragraph.
       */
      kind: ReferenceKind
      /** The target's label in its parts ("12", "II"). */
      parts: LabelParts
      /** The words the reference shows ("paragraph 12", "第二章"). */
      text: string
    }
  | {
      broken: true
      /** The language's words for a reference to deleted text. */
      text: string
    }

/**
 * Resolves a cross-reference to `targetId`: what it points at and the words
 * it shows, or broken when the target no longer exists or cannot be referred
 * to. The one place that decides whether a reference is broken.
 */
export function resolveReference(numbering: Numbering, targetId: string): ResolvedReference {
  const target = numbering.byId.get(targetId)
  if (!target || !target.reference || !REFERENCEABLE_KINDS.has(target.kind))
    return { broken: true, text: CONVENTIONS[numbering.options.language].brokenReference }
  const asParagraph =
    target.kind === 'recommendation' && numbering.options.recommendationStyle === 'paragraph'
  // Only referenceable kinds reach here (checked above), so the cast names what is true.
  const kind = asParagraph ? 'paragraph' : (target.kind as ReferenceKind)
  return { broken: false, target, kind, parts: target.parts, text: target.reference }
}

/** Kinds a cross-reference may point at. */
export const REFERENCEABLE_KINDS: ReadonlySet<NumberedKind> = new Set([
  'chapter',
  'section',
  'subsection',
  'paragraph',
  'recommendation'
])
