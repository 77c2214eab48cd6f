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
  walkBodyRun,
  walkReport,
  type NumberedItem,
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
 * only along the path it changed, and every untouched node is the very same
 * object before and after. So each block's contents are counted once and
 * remembered by node identity (`BlockTally`, in a WeakMap), and so is each
 * body run — the heading and body blocks of a chapter, section, subsection
 * or annex (`RunSummary`): its blocks' tallies placed relative to the run.
 * Renumbering walks only the containers, placing each run after what the
 * series hold before it; an edit inside one section makes a new summary for
 * that section alone. Label texts are remembered per spec and number.
 *
 * Items are written when somebody reads them: all at once (`items`,
 * `byPos`, iterating `byId`), or one id at a time (`byId.get` finds the run
 * that holds the id). What an edit changed (`changedIds`) is found from the
 * runs: a run placed in both numberings holds the same ids, whose labels
 * differ only in a series whose count before the run moved.
 *
 * The result equals `computeNumbering(doc, options)` item for item
 * (`tests/component/editor/numbering.test.ts` checks it after random edits).
 */

type Series = 'paragraph' | 'recommendation' | 'footnote'
const SERIES: readonly Series[] = ['paragraph', 'recommendation', 'footnote']

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

/** Where the three report-wide series stand at some point (what came before it). */
interface SeriesAt {
  paragraph: number
  recommendation: number
  footnote: number
}

/** A block of a body run: its tally, its place relative to the run's holder, the series before it within the run. */
interface RunBlock extends SeriesAt {
  tally: BlockTally
  offset: number
}

/** Where an id sits in a run: which block, which entry of its tally. */
interface RunLocation {
  block: number
  entry: number
}

/**
 * A body run — a holder's heading and body blocks (`walkBodyRun`) — counted
 * once per holder node; the series fields say how far the run advances them.
 */
interface RunSummary extends SeriesAt {
  blocks: RunBlock[]
  /** Whether the text after the run runs on from its last paragraph. */
  runsOnAfter: boolean
  /** The holder's id, to pair the run with the holder's run before an edit. */
  holderId: string | null
  /** Where each id first sits; built when first asked for. */
  locations: Map<string, RunLocation> | null
  /** The entries of each report-wide series; built when first asked for. */
  bySeries: Record<Series, RunLocation[]> | null
}

/** Run summaries by holder node, per recommendation style and whether the text before runs on into the run. */
const runSummaries = {
  block: [new WeakMap<Node, RunSummary>(), new WeakMap<Node, RunSummary>()],
  paragraph: [new WeakMap<Node, RunSummary>(), new WeakMap<Node, RunSummary>()]
}

function runSummary(holder: Node, runsOn: boolean, options: NumberingOptions): RunSummary {
  const style = options.recommendationStyle
  const cache = runSummaries[style][runsOn ? 1 : 0]
  let run = cache.get(holder)
  if (run) return run
  const blocks: RunBlock[] = []
  const totals: SeriesAt = { paragraph: 0, recommendation: 0, footnote: 0 }
  const place = (tally: BlockTally, offset: number) => {
    // Most headings and unnumbered paragraphs hold nothing: they need no place in the run.
    if (tally.entries.length === 0) return
    blocks.push({ tally, offset, ...totals })
    totals.paragraph += tally.paragraphs
    totals.recommendation += tally.recommendations
    totals.footnote += tally.footnotes
  }
  const runsOnAfter = walkBodyRun(holder, 0, runsOn, options, {
    heading: (node, offset) => place(headingTally(node), offset),
    body: (node, offset, joinsPrevious) => place(bodyTally(node, style, joinsPrevious), offset)
  })
  run = {
    blocks,
    ...totals,
    runsOnAfter,
    holderId: (holder.attrs.id as string | null) ?? null,
    locations: null,
    bySeries: null
  }
  cache.set(holder, run)
  return run
}

function locationsOf(run: RunSummary): Map<string, RunLocation> {
  if (run.locations) return run.locations
  const locations = new Map<string, RunLocation>()
  run.blocks.forEach((block, index) =>
    block.tally.entries.forEach((entry, entryIndex) => {
      if (entry.id && !locations.has(entry.id))
        locations.set(entry.id, { block: index, entry: entryIndex })
    })
  )
  return (run.locations = locations)
}

function seriesOf(run: RunSummary): Record<Series, RunLocation[]> {
  if (run.bySeries) return run.bySeries
  const bySeries: Record<Series, RunLocation[]> = {
    paragraph: [],
    recommendation: [],
    footnote: []
  }
  run.blocks.forEach((block, index) =>
    block.tally.entries.forEach((entry, entryIndex) => {
      if (entry.series) bySeries[entry.series].push({ block: index, entry: entryIndex })
    })
  )
  return (run.bySeries = bySeries)
}

/** A body run placed in a document: at its holder's position, after what the series hold before it. */
class PlacedRun implements SeriesAt {
  constructor(
    readonly run: RunSummary,
    readonly pos: number,
    readonly paragraph: number,
    readonly recommendation: number,
    readonly footnote: number
  ) {}
}

/** What a numbering is made of, in document order: labelled containers and placed body runs. */
type Segment = NumberedItem | PlacedRun

/** Where an id sits in a numbering: its segment and its item. */
interface Found {
  segment: Segment
  item: NumberedItem
}

/** After this many searches by id in one numbering, it indexes which segment holds every id instead. */
const SEARCHES_BEFORE_INDEX = 64

/**
 * Which segment holds each id. A numbering indexes its own ids once, when
 * looked up more than a few times; one that follows an indexed numbering by
 * an edit (`changedByRuns`) indexes only the ids of its new runs and its
 * containers, over the index of the numbering before it: an id found below
 * sits in a run the two share, or is gone.
 */
interface IdLayer {
  /** Ids of this layer: their segment (a numbering's own index), or their run's summary. */
  own: Map<string, Segment | RunSummary>
  below: IdLayer | null
  /** How many layers lie below; past `MAX_ID_LAYERS` a numbering indexes its own ids. */
  depth: number
}

const MAX_ID_LAYERS = 8

/**
 * A numbering's `byId`: a Map, but one that answers `get` by searching the
 * numbering's runs (each indexes its own ids) until it is read whole, so a
 * renumbering need not write every item to find a dozen labels.
 */
class IdIndex extends Map<string, NumberedItem> {
  private whole = false

  constructor(private readonly numbering: BlockNumbering) {
    super()
  }

  /** Fills the map with every item (first of each id), once. */
  private complete(): void {
    if (this.whole) return
    this.whole = true
    super.clear()
    for (const item of this.numbering.items)
      if (item.id && !super.has(item.id)) super.set(item.id, item)
  }

  get(id: string): NumberedItem | undefined {
    const known = super.get(id)
    if (known || this.whole) return known
    const item = this.numbering.find(id)?.item
    if (item) super.set(id, item)
    return item
  }

  has(id: string): boolean {
    return this.get(id) !== undefined
  }

  get size(): number {
    this.complete()
    return super.size
  }

  forEach(
    callback: (value: NumberedItem, key: string, map: Map<string, NumberedItem>) => void,
    thisArg?: unknown
  ): void {
    this.complete()
    super.forEach(callback, thisArg)
  }

  keys(): MapIterator<string> {
    this.complete()
    return super.keys()
  }

  values(): MapIterator<NumberedItem> {
    this.complete()
    return super.values()
  }

  entries(): MapIterator<[string, NumberedItem]> {
    this.complete()
    return super.entries()
  }

  [Symbol.iterator](): MapIterator<[string, NumberedItem]> {
    return this.entries()
  }
}

/**
 * The numbering `renumber` makes: containers labelled, body runs placed, and
 * items written only when somebody reads them — whole (`items`, iterating
 * `byId`, `byPos`) or one id at a time (`byId.get`, which searches the runs).
 */
class BlockNumbering implements Numbering {
  readonly byId: Map<string, NumberedItem>
  /** Whether every item has an id no other has; null until somebody needed to know. */
  sound: boolean | null = null
  private written: NumberedItem[] | null = null
  private positions: Map<number, NumberedItem> | null = null
  private runIndex: Map<RunSummary, PlacedRun> | null | undefined
  private holderIndex: Map<string, PlacedRun> | null = null
  private containerIndex: Map<string, NumberedItem> | null = null
  /** Which segment holds each id, once indexed. */
  idLayer: IdLayer | null = null
  private searches = 0

  constructor(
    readonly options: NumberingOptions,
    readonly segments: Segment[],
    readonly conventions: LanguageConventions,
    private readonly write: (format: LabelSpec, n: number) => WrittenLabel
  ) {
    this.byId = new IdIndex(this)
  }

  /** Whether every item has been written (somebody read the numbering whole). */
  get isWritten(): boolean {
    return this.written !== null
  }

  get items(): NumberedItem[] {
    if (this.written) return this.written
    const items: NumberedItem[] = []
    for (const segment of this.segments) {
      if (!(segment instanceof PlacedRun)) items.push(segment)
      else
        for (const block of segment.run.blocks)
          for (const entry of block.tally.entries) items.push(this.itemOf(segment, block, entry))
    }
    return (this.written = items)
  }

  get byPos(): Map<number, NumberedItem> {
    if (!this.positions) {
      this.positions = new Map()
      for (const item of this.items) this.positions.set(item.pos, item)
    }
    return this.positions
  }

  /** The number an entry of a placed run takes. */
  private numberOf(placed: PlacedRun, block: RunBlock, entry: TallyEntry): number {
    return entry.series ? entry.ordinal + placed[entry.series] + block[entry.series] : entry.ordinal
  }

  /** The label an entry of a placed run shows. */
  labelOf(placed: PlacedRun, block: RunBlock, entry: TallyEntry): WrittenLabel {
    const labels = this.conventions.labels
    const format = entry.series
      ? labels[entry.series]
      : listLevel(
          entry.listKind === 'agenda' ? labels.agendaList : labels.subparagraphList,
          entry.depth
        )
    return this.write(format, this.numberOf(placed, block, entry))
  }

  /** The item an entry of a placed run stands for. */
  itemOf(placed: PlacedRun, block: RunBlock, entry: TallyEntry): NumberedItem {
    const label = this.labelOf(placed, block, entry)
    const item: NumberedItem = {
      kind: entry.kind,
      id: entry.id,
      pos: placed.pos + block.offset + entry.offset,
      number: this.numberOf(placed, block, entry),
      label: label.label,
      parts: label.parts,
      path: label.parts.text,
      reference: bodyReference(this.conventions, label, entry.referenceKind),
      depth: entry.depth
    }
    if (entry.listKind) item.listKind = entry.listKind
    return item
  }

  /** Where `id` first sits, looking first in `hint` (a run likely to hold it). */
  find(id: string, hint?: PlacedRun): Found | undefined {
    const inSegment = (segment: Segment | undefined): Found | undefined => {
      if (!segment) return undefined
      if (!(segment instanceof PlacedRun))
        return segment.id === id ? { segment, item: segment } : undefined
      const at = locationsOf(segment.run).get(id)
      if (!at) return undefined
      const block = segment.run.blocks[at.block]
      return { segment, item: this.itemOf(segment, block, block.tally.entries[at.entry]) }
    }
    if (this.idLayer) return inSegment(this.segmentOf(id))
    // A hint may only be trusted when ids are unique: else an earlier segment may hold the id first.
    const inHint = hint && this.sound ? inSegment(hint) : undefined
    if (inHint) return inHint
    // A few lookups (the labels on screen) search the runs; more index every id once.
    if (++this.searches > SEARCHES_BEFORE_INDEX) return inSegment(this.segmentOf(id))
    for (const segment of this.segments) {
      const found = inSegment(segment)
      if (found) return found
    }
    return undefined
  }

  /** The segment where `id` first sits, from the index of ids (made now if there is none). */
  private segmentOf(id: string): Segment | undefined {
    const top = this.indexIds()
    for (let layer: IdLayer | null = top; layer; layer = layer.below) {
      const holder = layer.own.get(id)
      if (!holder) continue
      // Below the top, a run is one this numbering shares (or gone) and a container is gone.
      if (holder instanceof PlacedRun) return layer === top ? holder : this.runs()?.get(holder.run)
      if ('blocks' in holder) return this.runs()?.get(holder)
      return layer === top ? holder : undefined
    }
    return undefined
  }

  /** Indexes which segment holds every id (without writing the items), unless indexed. */
  private indexIds(): IdLayer {
    if (this.idLayer) return this.idLayer
    const own = new Map<string, Segment | RunSummary>()
    for (const segment of this.segments) {
      if (!(segment instanceof PlacedRun)) {
        if (segment.id && !own.has(segment.id)) own.set(segment.id, segment)
        continue
      }
      for (const id of locationsOf(segment.run).keys()) if (!own.has(id)) own.set(id, segment)
    }
    return (this.idLayer = { own, below: null, depth: 0 })
  }

  /** Whether every item has an id no other has (known once asked, without writing the items). */
  isSound(): boolean {
    if (this.sound !== null) return this.sound
    const ids = new Set<string>()
    const fresh = (id: string | null) => {
      if (id === null || ids.has(id)) return false
      ids.add(id)
      return true
    }
    this.sound = this.segments.every((segment) =>
      segment instanceof PlacedRun
        ? segment.run.blocks.every((block) => block.tally.entries.every((entry) => fresh(entry.id)))
        : fresh(segment.id)
    )
    return this.sound
  }

  /** Each placed run by its summary; null when a summary is placed twice (a node repeated). */
  runs(): Map<RunSummary, PlacedRun> | null {
    if (this.runIndex !== undefined) return this.runIndex
    const runs = new Map<RunSummary, PlacedRun>()
    for (const segment of this.segments)
      if (segment instanceof PlacedRun) {
        if (runs.has(segment.run)) return (this.runIndex = null)
        runs.set(segment.run, segment)
      }
    return (this.runIndex = runs)
  }

  /** Each placed run by its holder's id (the first, for a repeated id). */
  runsByHolder(): Map<string, PlacedRun> {
    if (!this.holderIndex) {
      this.holderIndex = new Map()
      for (const segment of this.segments)
        if (
          segment instanceof PlacedRun &&
          segment.run.holderId &&
          !this.holderIndex.has(segment.run.holderId)
        )
          this.holderIndex.set(segment.run.holderId, segment)
    }
    return this.holderIndex
  }

  /** The container items by id (the first, for a repeated id). */
  containers(): Map<string, NumberedItem> {
    if (!this.containerIndex) {
      this.containerIndex = new Map()
      for (const segment of this.segments)
        if (!(segment instanceof PlacedRun) && segment.id && !this.containerIndex.has(segment.id))
          this.containerIndex.set(segment.id, segment)
    }
    return this.containerIndex
  }
}

/**
 * Computes the label of every numbered thing in `doc`, as `computeNumbering`
 * does, reusing what it counted in blocks and body runs it saw before: it
 * walks the containers only, and writes items when they are read. Options
 * with a `skip` of their own (the Original view's) go to `computeNumbering`.
 */
export function renumber(doc: Node, options: NumberingOptions): Numbering {
  if (options.skip) return computeNumbering(doc, options)
  const conventions = CONVENTIONS[options.language]
  const write = writer(conventions)
  const segments: Segment[] = []
  const counters: SeriesCounters = { chapter: 0, paragraph: 0, recommendation: 0, footnote: 0 }

  walkReport(
    doc,
    options,
    counters,
    {
      container(kind, node, pos, format, number, path) {
        const { parts, label } = write(format, number)
        const fullPath = path ?? parts.text
        segments.push({
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
      },
      bodyRun(holder, pos, runsOn) {
        const run = runSummary(holder, runsOn, options)
        if (run.blocks.length > 0)
          segments.push(
            new PlacedRun(run, pos, counters.paragraph, counters.recommendation, counters.footnote)
          )
        counters.paragraph += run.paragraph
        counters.recommendation += run.recommendation
        counters.footnote += run.footnote
        return run.runsOnAfter
      }
    },
    (format, n) => write(format, n).parts.text
  )
  return new BlockNumbering(options, segments, conventions, write)
}

/**
 * Whether every item of a numbering has been written; false only for a
 * numbering `renumber` made that nobody has read whole (for tests: finding
 * what an edit changed must not need every item).
 */
export function itemsWritten(numbering: Numbering): boolean {
  return !(numbering instanceof BlockNumbering) || numbering.isWritten
}

/**
 * Whether every numbered thing has an id no other has; known without a walk
 * for numberings whose ids a renumbering after an edit already checked.
 */
export function idsAreUnique(numbering: Numbering): boolean {
  if (numbering instanceof BlockNumbering) return numbering.isSound()
  const { items, byId } = numbering
  return byId.size === items.length && items.every((item) => item.id !== null)
}

function sameOptions(a: NumberingOptions, b: NumberingOptions): boolean {
  return (
    a.language === b.language &&
    a.recommendationStyle === b.recommendationStyle &&
    a.skip === b.skip
  )
}

/**
 * `changedIds` for two numberings `renumber` made, looking only at what
 * differs between them: runs placed in both hold the same ids, whose labels
 * changed only in a series whose count before the run changed; runs new to
 * `after`, runs gone from `before` and the containers are compared id by id.
 * Ids must be unique in `before`; the comparison proves them unique in
 * `after`, or gives up (null) and leaves the comparison to the full one.
 */
function changedByRuns(before: BlockNumbering, after: BlockNumbering): Set<string> | null {
  if (!sameOptions(before.options, after.options) || !before.isSound()) return null
  const oldRuns = before.runs()
  if (!oldRuns) return null
  const oldContainers = before.containers()
  const changed = new Set<string>()
  const containerIds = new Set<string>()
  const placedRuns = new Set<RunSummary>()
  const keptRuns = new Set<RunSummary>()
  const newRuns: PlacedRun[] = []
  const differs = (was: NumberedItem | undefined, is: NumberedItem) =>
    !was || was.label !== is.label || was.reference !== is.reference

  for (const segment of after.segments) {
    if (segment instanceof PlacedRun) {
      if (placedRuns.has(segment.run)) return null
      placedRuns.add(segment.run)
      const old = oldRuns.get(segment.run)
      if (!old) {
        newRuns.push(segment)
        continue
      }
      keptRuns.add(segment.run)
      if (
        old.paragraph !== segment.paragraph ||
        old.recommendation !== segment.recommendation ||
        old.footnote !== segment.footnote
      )
        // Same blocks after a different count: only entries of a series that moved may read differently.
        for (const series of SERIES) {
          if (old[series] === segment[series]) continue
          for (const at of seriesOf(segment.run)[series]) {
            const block = segment.run.blocks[at.block]
            const entry = block.tally.entries[at.entry]
            const was = before.labelOf(old, block, entry)
            const is = after.labelOf(segment, block, entry)
            const kind = entry.referenceKind
            if (
              was.label !== is.label ||
              bodyReference(before.conventions, was, kind) !==
                bodyReference(after.conventions, is, kind)
            )
              changed.add(entry.id!)
          }
        }
      continue
    }
    if (!segment.id || containerIds.has(segment.id)) return null
    containerIds.add(segment.id)
  }

  const inKeptRun = (found: Found | undefined) =>
    found?.segment instanceof PlacedRun && keptRuns.has(found.segment.run)
  for (const segment of after.segments) {
    if (segment instanceof PlacedRun) continue
    const id = segment.id!
    const old = oldContainers.get(id)
    if (old) {
      if (differs(old, segment)) changed.add(id)
      continue
    }
    // A container id new to the containers: unique only if no kept run holds it.
    const found = before.find(id)
    if (inKeptRun(found)) return null
    if (differs(found?.item, segment)) changed.add(id)
  }

  const newIds = new Set<string>()
  const holders = before.runsByHolder()
  for (const placed of newRuns) {
    const hint = placed.run.holderId ? holders.get(placed.run.holderId) : undefined
    for (const block of placed.run.blocks)
      for (const entry of block.tally.entries) {
        const id = entry.id
        if (!id || newIds.has(id) || containerIds.has(id)) return null
        newIds.add(id)
        const found = before.find(id, hint)
        if (inKeptRun(found)) return null
        if (differs(found?.item, after.itemOf(placed, block, entry))) changed.add(id)
      }
  }

  // Ids gone: those of runs and containers no longer there, unless they moved to a new run or container.
  const gone = (id: string | null) => {
    if (id && !newIds.has(id) && !containerIds.has(id)) changed.add(id)
  }
  for (const run of oldRuns.keys())
    if (!keptRuns.has(run))
      for (const block of run.blocks) for (const entry of block.tally.entries) gone(entry.id)
  for (const id of oldContainers.keys()) gone(id)
  after.sound = true
  // Ids are unique: the index of ids before serves for the runs kept, under those new here.
  const below = before.idLayer
  if (below && below.depth < MAX_ID_LAYERS) {
    const own = new Map<string, Segment | RunSummary>()
    for (const placed of newRuns)
      for (const id of locationsOf(placed.run).keys()) own.set(id, placed.run)
    for (const segment of after.segments)
      if (!(segment instanceof PlacedRun)) own.set(segment.id!, segment)
    after.idLayer = { own, below, depth: below.depth + 1 }
  }
  return changed
}

/**
 * Ids whose label or reference words differ between two numberings of
 * successive documents, with ids that came or went.
 */
export function changedIds(before: Numbering, after: Numbering): Set<string> {
  if (before instanceof BlockNumbering && after instanceof BlockNumbering) {
    const changed = changedByRuns(before, after)
    if (changed) return changed
  }
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
