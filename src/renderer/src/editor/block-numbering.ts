import type { Node } from 'prosemirror-model'
import { labelParts, labelText, type LabelParts, type LabelSpec } from '@core/labels'
import {
  CONVENTIONS,
  listLevel,
  type LanguageConventions,
  type ReferenceKind
} from '@core/languages'
import {
  computeNumbering,
  walkReport,
  type NumberedItem,
  type ReportVisitor,
  type SeriesCounters,
  type NumberedKind,
  type Numbering,
  type NumberingOptions
} from '@core/numbering'
import type { ListKind } from '@core/schema'
import { removedInFinal } from '@core/review/final'

/**
 * The same numbering as `computeNumbering`, made cheap to redo after an edit.
 *
 * A report's numbers run through the whole document, so inserting one
 * recommendation at the top changes every recommendation's label; but what
 * each body block (paragraph, recommendation, list, heading) *contains* —
 * how many paragraphs, recommendations and footnotes, its list items and
 * their own numbers, where each sits inside it — depends on the block alone.
 * ProseMirror documents are persistent: an edit creates new node objects
 * only along the path it changed, and every untouched block is the very same
 * object before and after. So each block's contents are counted once and
 * remembered by node identity (`BlockTally`, in a WeakMap), and renumbering
 * a document walks only its chapters and sections, adding up the tallies of
 * its blocks — no walk through paragraph text except in the blocks an edit
 * replaced. Label texts are remembered per spec and number.
 *
 * The result equals `computeNumbering(doc, options)` item for item
 * (`tests/component/editor/numbering.test.ts` checks it after random edits).
 */

type Series = 'paragraph' | 'recommendation' | 'footnote'

/** One numbered thing inside a block, placed and counted relative to the block's start. */
interface TallyEntry {
  kind: NumberedKind
  id: string | null
  /** Position relative to the block's position. */
  offset: number
  /** For series items: how many of its series the block holds up to and including it; for list items: its number in its list. */
  ordinal: number
  /** The report-wide series it continues; null for list items (numbered within their list). */
  series: Series | null
  referenceKind: ReferenceKind | null
  depth: number
  listKind?: ListKind
}

/** What one block holds: its numbered things and how far it advances each series. */
interface BlockTally {
  entries: TallyEntry[]
  paragraphs: number
  recommendations: number
  footnotes: number
}

/** Tallies by node, for each way recommendations may be numbered; headings count only footnotes. */
const bodyTallies = {
  block: new WeakMap<Node, BlockTally>(),
  paragraph: new WeakMap<Node, BlockTally>()
}
/** Tallies of numbered paragraphs that a suggested break joins to the paragraph before. */
const joinedTallies = new WeakMap<Node, BlockTally>()
const headingTallies = new WeakMap<Node, BlockTally>()

function newTally(): BlockTally {
  return { entries: [], paragraphs: 0, recommendations: 0, footnotes: 0 }
}

function tallyFootnotes(tally: BlockTally, node: Node, offset: number): void {
  node.descendants((child, childOffset) => {
    if (child.type.name === 'footnote') {
      if (removedInFinal(child)) return false
      tally.entries.push({
        kind: 'footnote',
        id: (child.attrs.id as string | null) ?? null,
        offset: offset + 1 + childOffset,
        ordinal: ++tally.footnotes,
        series: 'footnote',
        referenceKind: null,
        depth: 0
      })
      return false
    }
    return true
  })
}

function tallyList(tally: BlockTally, list: Node, offset: number, depth: number, kind: ListKind) {
  let count = 0
  list.forEach((item, itemOffset) => {
    if (removedInFinal(item)) return
    const at = offset + 1 + itemOffset
    tally.entries.push({
      kind: 'list_item',
      id: (item.attrs.id as string | null) ?? null,
      offset: at,
      ordinal: ++count,
      series: null,
      referenceKind: null,
      depth,
      listKind: kind
    })
    item.forEach((child, childOffset) => {
      const childAt = at + 1 + childOffset
      if (child.type.name === 'ordered_list') tallyList(tally, child, childAt, depth + 1, kind)
      else tallyFootnotes(tally, child, childAt)
    })
  })
}

function tallyBody(
  tally: BlockTally,
  node: Node,
  offset: number,
  style: NumberingOptions['recommendationStyle'],
  joinsPrevious = false
): void {
  if (removedInFinal(node)) return
  const id = (node.attrs.id as string | null) ?? null
  switch (node.type.name) {
    case 'numbered_paragraph':
      if (!joinsPrevious)
        tally.entries.push({
          kind: 'paragraph',
          id,
          offset,
          ordinal: ++tally.paragraphs,
          series: 'paragraph',
          referenceKind: 'paragraph',
          depth: 0
        })
      tallyFootnotes(tally, node, offset)
      return
    case 'recommendation': {
      const asParagraph = style === 'paragraph'
      tally.entries.push({
        kind: 'recommendation',
        id,
        offset,
        ordinal: asParagraph ? ++tally.paragraphs : ++tally.recommendations,
        series: asParagraph ? 'paragraph' : 'recommendation',
        referenceKind: asParagraph ? 'paragraph' : 'recommendation',
        depth: 0
      })
      node.forEach((child, childOffset) => tallyBody(tally, child, offset + 1 + childOffset, style))
      return
    }
    case 'ordered_list':
      tallyList(tally, node, offset, 0, node.attrs.kind as ListKind)
      return
    default:
      tallyFootnotes(tally, node, offset)
  }
}

function bodyTally(
  node: Node,
  style: NumberingOptions['recommendationStyle'],
  joinsPrevious: boolean
): BlockTally {
  // Only a numbered paragraph's own number depends on the break before it.
  const joined = joinsPrevious && node.type.name === 'numbered_paragraph'
  const cache = joined ? joinedTallies : bodyTallies[style]
  let tally = cache.get(node)
  if (!tally) {
    tally = newTally()
    tallyBody(tally, node, 0, style, joined)
    cache.set(node, tally)
  }
  return tally
}

function headingTally(node: Node): BlockTally {
  let tally = headingTallies.get(node)
  if (!tally) {
    tally = newTally()
    tallyFootnotes(tally, node, 0)
    headingTallies.set(node, tally)
  }
  return tally
}

/** A label written once: its parts, its text and the reference words per kind. */
interface WrittenLabel {
  parts: LabelParts
  label: string
  references: Partial<Record<ReferenceKind, string>>
}

/** Written labels per language (reference words differ) and spec, indexed by number. */
const written = new WeakMap<LanguageConventions, Map<LabelSpec, WrittenLabel[]>>()

function writer(conventions: LanguageConventions) {
  let bySpec = written.get(conventions)
  if (!bySpec) written.set(conventions, (bySpec = new Map()))
  const specs = bySpec
  return (format: LabelSpec, n: number): WrittenLabel => {
    let numbers = specs.get(format)
    if (!numbers) specs.set(format, (numbers = []))
    let label = numbers[n]
    if (!label) {
      const parts = labelParts(format, n)
      label = numbers[n] = { parts, label: labelText(parts), references: {} }
    }
    return label
  }
}

/** The reference words for a body item, whose path is its bare number. */
function bodyReference(
  conventions: LanguageConventions,
  label: WrittenLabel,
  kind: ReferenceKind | null
): string {
  if (!kind) return ''
  return (label.references[kind] ??= conventions.reference(
    kind,
    label.parts.text,
    label.parts.text
  ))
}

/**
 * Computes the label of every numbered thing in `doc`, as `computeNumbering`
 * does, reusing what it counted in blocks it saw before. Options with a
 * `skip` of their own (the Original view's) go to `computeNumbering`.
 */
export function renumber(doc: Node, options: NumberingOptions): Numbering {
  if (options.skip) return computeNumbering(doc, options)
  const conventions = CONVENTIONS[options.language]
  const labels = conventions.labels
  const write = writer(conventions)
  const style = options.recommendationStyle
  const items: NumberedItem[] = []
  const counters: SeriesCounters = { chapter: 0, paragraph: 0, recommendation: 0, footnote: 0 }

  const emit = (tally: BlockTally, pos: number) => {
    for (const entry of tally.entries) {
      let number = entry.ordinal
      let format: LabelSpec
      if (entry.series === 'paragraph') {
        number += counters.paragraph
        format = labels.paragraph
      } else if (entry.series === 'recommendation') {
        number += counters.recommendation
        format = labels.recommendation
      } else if (entry.series === 'footnote') {
        number += counters.footnote
        format = labels.footnote
      } else
        format = listLevel(
          entry.listKind === 'agenda' ? labels.agendaList : labels.subparagraphList,
          entry.depth
        )
      const label = write(format, number)
      const item: NumberedItem = {
        kind: entry.kind,
        id: entry.id,
        pos: pos + entry.offset,
        number,
        label: label.label,
        parts: label.parts,
        path: label.parts.text,
        reference: bodyReference(conventions, label, entry.referenceKind),
        depth: entry.depth
      }
      if (entry.listKind) item.listKind = entry.listKind
      items.push(item)
    }
    counters.paragraph += tally.paragraphs
    counters.recommendation += tally.recommendations
    counters.footnote += tally.footnotes
  }

  const addContainer: ReportVisitor['container'] = (kind, node, pos, format, number, path) => {
    const { parts, label } = write(format, number)
    const fullPath = path ?? parts.text
    items.push({
      kind,
      id: (node.attrs.id as string | null) ?? null,
      pos,
      number,
      label,
      parts,
      path: fullPath,
      reference: conventions.reference(kind, parts.text, fullPath),
      depth: 0
    })
    return parts
  }

  walkReport(
    doc,
    options,
    counters,
    {
      container: addContainer,
      heading: (node, pos) => emit(headingTally(node), pos),
      body: (node, pos, joinsPrevious) => emit(bodyTally(node, style, joinsPrevious), pos)
    },
    (format, n) => write(format, n).parts.text
  )

  const byId = new Map<string, NumberedItem>()
  let anonymous = false
  for (const item of items) {
    if (!item.id) anonymous = true
    else if (!byId.has(item.id)) byId.set(item.id, item)
  }
  soundIds.set(items, !anonymous && byId.size === items.length)
  // Positions are looked up by the check, statistics and export, never while
  // editing: that index is built when first asked for.
  let byPos: Map<number, NumberedItem> | null = null
  return {
    items,
    byId,
    get byPos() {
      if (!byPos) {
        byPos = new Map()
        for (const item of items) byPos.set(item.pos, item)
      }
      return byPos
    },
    options
  }
}

/** Whether every item of a numbering's `items` has an id of its own, as `renumber` found. */
const soundIds = new WeakMap<readonly NumberedItem[], boolean>()

/**
 * Whether every numbered thing has an id no other has; known without a walk
 * for numberings `renumber` made.
 */
export function idsAreUnique(numbering: Numbering): boolean {
  const known = soundIds.get(numbering.items)
  if (known !== undefined) return known
  const { items, byId } = numbering
  return byId.size === items.length && items.every((item) => item.id !== null)
}

/**
 * Ids whose label or reference words differ between two numberings of
 * successive documents, with ids that came or went.
 */
export function changedIds(before: Numbering, after: Numbering): Set<string> {
  const changed = new Set<string>()
  for (const item of after.items) {
    if (!item.id) continue
    const previous = before.byId.get(item.id)
    if (!previous || previous.label !== item.label || previous.reference !== item.reference)
      changed.add(item.id)
  }
  for (const item of before.items) if (item.id && !after.byId.has(item.id)) changed.add(item.id)
  return changed
}
