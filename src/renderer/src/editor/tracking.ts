import { Fragment, Slice, type Mark, type Node } from 'prosemirror-model'
import {
  Plugin,
  PluginKey,
  TextSelection,
  type Command,
  type EditorState,
  type Transaction
} from 'prosemirror-state'
import { Mapping, ReplaceStep } from 'prosemirror-transform'
import { isHistoryTransaction } from 'prosemirror-history'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { keydownHandler } from 'prosemirror-keymap'
import { newId } from '@core/ids'
import type {
  BlockChange,
  FormatChange,
  ParagraphBreakChange,
  TextChangeAttrs
} from '@core/review/change'
import { authorColour } from '@core/review/colour'
import { markReformatted, reformattedBlocks } from './tracking-format'
import { blockChange, formatChange, insertionMark, paragraphBreakChange } from '@core/review/final'

/**
 * Track changes: with tracking on, what the user types is marked as an
 * insertion and what they delete stays in the text marked as a deletion,
 * each with the author, initials and time. The plugin works after the fact
 * (an appended transaction, so undo takes the edit and its marking as one
 * step): it marks inserted text and blocks, and puts deleted content back,
 * marked. Deleting one's own suggested insertion really removes it. Splitting
 * a paragraph inside its text, or joining two, is a suggestion on the first
 * paragraph's end (its `paragraphBreak`), as Word marks the paragraph mark.
 */

/** Who is editing: the name and initials set in Settings. */
export interface TrackingAuthor {
  author: string
  initials: string
}

/** How suggestions show: marked up, as the text will read once accepted, or as it read before. */
export type ReviewView = 'markup' | 'final' | 'original'

/** The tracking plugin's state: whether edits are recorded, as whose, and how suggestions show. */
export interface TrackingState extends TrackingAuthor {
  enabled: boolean
  view: ReviewView
}

/** Meta flag: a transaction that must not be recorded (accept/reject, comments, the app's own edits). */
export const SKIP_TRACKING = 'rapporteur-skip-tracking'

/** The plugin key of the tracking plugin. */
export const trackingKey = new PluginKey<TrackingState>('rapporteur-tracking')

const OFF: TrackingState = { enabled: false, author: '', initials: '', view: 'markup' }

/** Whether edits are being recorded as suggestions, and as whose. */
export function trackingOf(state: EditorState): TrackingState {
  return trackingKey.getState(state) ?? OFF
}

/** Turns tracking on or off and sets whose edits it records. */
export function setTracking(change: Partial<TrackingState>): Command {
  return (state, dispatch) => {
    if (!trackingKey.get(state)) return false
    if (dispatch)
      dispatch(
        state.tr
          .setMeta(trackingKey, { ...trackingOf(state), ...change })
          .setMeta('addToHistory', false)
      )
    return true
  }
}

/** Turns tracking on when off and off when on (the toolbar button, Ctrl+Shift+E). */
export const toggleTracking: Command = (state, dispatch) =>
  setTracking({ enabled: !trackingOf(state).enabled })(state, dispatch)

/** The attributes a new suggestion by `who` gets now. */
function suggestionAttrs(who: TrackingAuthor, id = newId()): TextChangeAttrs {
  return { id, author: who.author, initials: who.initials, date: new Date().toISOString() }
}

/** The text-mark attributes of a block suggestion (the same change, on its text). */
function textAttrsOf(change: BlockChange): TextChangeAttrs {
  const { id, author, initials, date } = change
  return { id, author, initials, date }
}

function isOwnInsertion(marks: readonly Mark[], who: TrackingAuthor): boolean {
  return insertionMark(marks)?.attrs.author === who.author
}

function isOwnInsertedBlock(node: Node, who: TrackingAuthor): boolean {
  const change = blockChange(node)
  return change?.type === 'insert' && change.author === who.author
}

/**
 * What deleting `fragment` leaves in the text: one's own inserted text and
 * blocks go; everything else stays, text marked deleted and whole blocks
 * suggested for deletion. `open` says how many levels of the first and last
 * child are cut (partial blocks keep their place and are not suggested away).
 */
function keptOnDeletion(
  fragment: Fragment,
  who: TrackingAuthor,
  deletion: Mark,
  blockDeletion: BlockChange,
  openStart: number,
  openEnd: number,
  insideDeletedBlock = false
): Fragment {
  const kept: Node[] = []
  fragment.forEach((child, _offset, index) => {
    const childOpenStart = index === 0 ? openStart : 0
    const childOpenEnd = index === fragment.childCount - 1 ? openEnd : 0
    if (child.isInline) {
      if (isOwnInsertion(child.marks, who)) return
      kept.push(
        deletion.type.isInSet(child.marks) ? child : child.mark(deletion.addToSet(child.marks))
      )
      return
    }
    const whole = childOpenStart === 0 && childOpenEnd === 0
    if (whole && isOwnInsertedBlock(child, who)) return
    // Only the outermost whole block carries the suggestion; what it holds goes with it.
    const suggested = whole && !insideDeletedBlock && 'change' in child.attrs && !blockChange(child)
    const content = keptOnDeletion(
      child.content,
      who,
      deletion,
      blockDeletion,
      Math.max(0, childOpenStart - 1),
      Math.max(0, childOpenEnd - 1),
      insideDeletedBlock || suggested
    )
    const attrs = suggested ? { ...child.attrs, change: blockDeletion } : child.attrs
    // A block whose content cannot stand without what was removed stays as it was.
    kept.push(
      child.type.validContent(content) || !whole
        ? child.type.create(attrs, content, child.marks)
        : child.type.create(attrs, child.content, child.marks)
    )
  })
  return Fragment.from(kept)
}

/** One step's edit, placed in the document after the whole transaction. */
interface RecordedEdit {
  /**
   * Where the deleted content goes back, and that content (already marked);
   * `join` when it puts back the break between two paragraphs, which then
   * carries the suggestion to join them.
   */
  deleted: { pos: number; slice: Slice; join: ParagraphBreakChange | null } | null
  /**
   * What the step inserted, in the final document (empty when it was deleted
   * again); `split` when it only broke a paragraph in two.
   */
  inserted: { from: number; to: number; split: boolean } | null
  /**
   * One's own suggested split, joined again for real: the joined paragraph
   * (at `pos` in the final document) ends where the second one did.
   */
  rejoined: { pos: number; paragraphBreak: ParagraphBreakChange | null } | null
}

/** Whether `slice` only holds the break between two textblocks (what a split inserts, a join removes). */
function isBareBreak(slice: Slice): boolean {
  return slice.openStart > 0 && slice.openEnd > 0 && !hasInline(slice.content)
}

/** The textblock holding `pos`, if it can carry a paragraph-break suggestion. */
function breakHolder(doc: Node, pos: number): { node: Node; pos: number } | null {
  const $pos = doc.resolve(pos)
  if (!$pos.parent.isTextblock || !('paragraphBreak' in $pos.parent.attrs)) return null
  return { node: $pos.parent, pos: $pos.before() }
}

/** Whether joining at `from` takes back a split `who` suggested (which then really goes). */
function joinsOwnSplit(doc: Node, from: number, who: TrackingAuthor): boolean {
  const holder = breakHolder(doc, from)
  const change = holder && paragraphBreakChange(holder.node)
  return change?.type === 'split' && change.author === who.author
}

/** Whether a deletion from `from` to `to` joins away a textblock (or list item) `who` inserted. */
function joinedOwnBlock(doc: Node, from: number, to: number, who: TrackingAuthor): boolean {
  const holders = (pos: number) => {
    const $pos = doc.resolve(pos)
    const found = [$pos.parent]
    if ($pos.depth > 1 && $pos.node($pos.depth - 1).type.name === 'list_item')
      found.push($pos.node($pos.depth - 1))
    return found
  }
  return [...holders(from), ...holders(to)].some((node) => isOwnInsertedBlock(node, who))
}

function hasInline(fragment: Fragment): boolean {
  let found = false
  fragment.descendants((node) => {
    if (node.isInline) found = true
    return !found
  })
  return found
}

function recordStep(
  step: ReplaceStep,
  before: Node,
  after: Mapping,
  who: TrackingAuthor,
  final: Node,
  deletionAttrs: TextChangeAttrs
): RecordedEdit {
  const { from, to } = step
  let deleted: RecordedEdit['deleted'] = null
  let rejoined: RecordedEdit['rejoined'] = null
  const removedSlice = before.slice(from, to)
  if (to > from && isBareBreak(removedSlice) && joinsOwnSplit(before, from, who)) {
    const second = breakHolder(before, to)
    rejoined = {
      pos: after.map(from, -1),
      paragraphBreak: second ? paragraphBreakChange(second.node) : null
    }
  } else if (to > from) {
    const pos = after.map(from, -1)
    const deletion = ownSuggestionNear(final, pos, pos, 'deletion', who, deletionAttrs)
    const removed = before.slice(from, to)
    const content = keptOnDeletion(
      removed.content,
      who,
      deletion,
      { ...(deletion.attrs as TextChangeAttrs), type: 'delete' },
      removed.openStart,
      removed.openEnd
    )
    // Open ends put back the block boundary the deletion joined (a split the schema cannot
    // mark), unless a block one inserted oneself was joined away.
    const open = removed.openStart > 0 || removed.openEnd > 0
    const joinsOwnBlock = removed.openEnd > 0 && joinedOwnBlock(before, from, to, who)
    const keeps = hasInline(content) || (!open && content.size > 0) || (open && !joinsOwnBlock)
    // A deletion that joined two paragraphs suggests the join (one change with its text).
    const joins = removed.openStart > 0 && removed.openEnd > 0
    const join: ParagraphBreakChange | null = joins
      ? { ...(deletion.attrs as TextChangeAttrs), type: 'join' }
      : null
    if (keeps)
      deleted = { pos, slice: new Slice(content, removed.openStart, removed.openEnd), join }
  }
  let inserted: RecordedEdit['inserted'] = null
  if (step.slice.size > 0) {
    const start = after.mapResult(from, 1)
    const end = after.mapResult(from + step.slice.size, -1)
    if (end.pos > start.pos)
      inserted = { from: start.pos, to: end.pos, split: isBareBreak(step.slice) }
  }
  return { deleted, inserted, rejoined }
}

/**
 * The suggestion mark (`insertion` or `deletion`) an edit by `who` between
 * `from` and `to` gets: the one of their own suggestion it continues (typing
 * on inside an insertion, deleting on beside a deletion), else a new one.
 */
function ownSuggestionNear(
  doc: Node,
  from: number,
  to: number,
  name: 'insertion' | 'deletion',
  who: TrackingAuthor,
  fresh: TextChangeAttrs
): Mark {
  const type = doc.type.schema.marks[name]
  for (const node of [doc.resolve(from).nodeBefore, doc.resolve(to).nodeAfter]) {
    const mark = node?.isInline ? type.isInSet(node.marks) : undefined
    if (mark && mark.attrs.author === who.author) return mark
  }
  return type.create(fresh)
}

/** Marks inserted text and whole inserted blocks in `from..to` as suggestions by `who`. */
function markInserted(
  tr: Transaction,
  from: number,
  to: number,
  who: TrackingAuthor,
  blockInsert: BlockChange
): void {
  const mark = ownSuggestionNear(tr.doc, from, to, 'insertion', who, textAttrsOf(blockInsert))
  let suggestedUntil = -1
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (node.isInline) {
      const start = Math.max(pos, from)
      const end = Math.min(pos + node.nodeSize, to)
      const earlier = insertionMark(node.marks)
      // Typed text takes over the insertion it inherits; text inside a whole
      // inserted (moved, pasted) block keeps another author's suggestion.
      const keeps = earlier && (earlier.attrs.author === who.author || pos < suggestedUntil)
      if (end > start && !keeps) tr.addMark(start, end, mark)
      // A footnote's own paragraphs came in with it: marking the anchor is enough.
      return false
    }
    const whole = pos >= from && pos + node.nodeSize <= to
    // Only the outermost whole block carries the suggestion; what it holds comes with it.
    if (whole && pos >= suggestedUntil && 'change' in node.attrs && !blockChange(node)) {
      tr.setNodeAttribute(pos, 'change', blockInsert)
      suggestedUntil = pos + node.nodeSize
    }
    return true
  })
}

/**
 * After the split of a block (Enter), the new empty block is a suggested
 * insertion: rejecting it removes it again. Returns whether a block was
 * marked (a split inside text marks none: its break is the suggestion).
 */
function markSplitBlocks(
  tr: Transaction,
  from: number,
  to: number,
  who: TrackingAuthor,
  blockInsert: BlockChange
): boolean {
  let marked = false
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true
    const emptyOrOwn =
      node.content.size === 0 ||
      (() => {
        let allOwn = true
        node.forEach((child) => {
          if (!isOwnInsertion(child.marks, who)) allOwn = false
        })
        return allOwn
      })()
    const $pos = tr.doc.resolve(pos)
    // The block that carries suggestions is the textblock, or the list item it opens.
    const holder =
      $pos.parent.type.name === 'list_item' && $pos.index() === 0
        ? { node: $pos.parent, pos: $pos.before() }
        : { node, pos }
    if (emptyOrOwn && 'change' in holder.node.attrs && !blockChange(holder.node)) {
      tr.setNodeAttribute(holder.pos, 'change', blockInsert)
      marked = true
    }
    return false
  })
  return marked
}

/** Whether `tr` is an edit the user made that tracking should record. */
function recordable(tr: Transaction): boolean {
  return (
    tr.docChanged &&
    !tr.getMeta(SKIP_TRACKING) &&
    !tr.getMeta('appendedTransaction') &&
    !isHistoryTransaction(tr) &&
    tr.getMeta('addToHistory') !== false
  )
}

/**
 * The transaction that records `transactions` (applied to `oldState`, giving
 * `newState`) as suggestions by `who`, or null when there is nothing to record.
 */
export function recordChanges(
  transactions: readonly Transaction[],
  oldState: EditorState,
  newState: EditorState,
  who: TrackingAuthor
): Transaction | null {
  if (!transactions.some(recordable)) return null
  const edits: RecordedEdit[] = []
  const insertionAttrs = suggestionAttrs(who)
  const deletionAttrs = suggestionAttrs(who)
  const maps = transactions.flatMap((tr) => tr.mapping.maps)
  let firstStep: ReplaceStep | null = null
  let inserts = false
  let index = 0
  for (const tr of transactions) {
    for (let i = 0; i < tr.steps.length; i++, index++) {
      const step = tr.steps[i]
      if (!recordable(tr) || !(step instanceof ReplaceStep)) continue
      firstStep ??= step
      if (step.slice.size > 0) inserts = true
      edits.push(
        recordStep(
          step,
          tr.docs[i],
          new Mapping(maps.slice(index + 1)),
          who,
          newState.doc,
          deletionAttrs
        )
      )
    }
  }
  const reformatted = reformattedBlocks(transactions, recordable, newState.doc)
  if (edits.length === 0 && reformatted.length === 0) return null
  const tr = newState.tr
  // Format suggestions only set attributes, so the positions the edits hold stay right.
  markReformatted(tr, reformatted, suggestionAttrs(who))
  const blockInsert: BlockChange = { ...insertionAttrs, type: 'insert' }
  for (const edit of edits) {
    if (edit.rejoined) {
      const holder = breakHolder(tr.doc, edit.rejoined.pos)
      if (holder) tr.setNodeAttribute(holder.pos, 'paragraphBreak', edit.rejoined.paragraphBreak)
    }
    if (!edit.inserted) continue
    const { from, to, split } = edit.inserted
    markInserted(tr, from, to, who, blockInsert)
    const marked = markSplitBlocks(tr, from, to, who, blockInsert)
    // A paragraph split inside its text: the break after its first part is the suggestion.
    const first = split && !marked ? breakHolder(tr.doc, from) : null
    if (!first) continue
    // The paragraph's old end is now the second part's (Enter may not have copied it there).
    const second = breakHolder(tr.doc, to)
    const oldEnd = paragraphBreakChange(first.node)
    if (second && oldEnd && !paragraphBreakChange(second.node))
      tr.setNodeAttribute(second.pos, 'paragraphBreak', oldEnd)
    tr.setNodeAttribute(first.pos, 'paragraphBreak', { ...insertionAttrs, type: 'split' })
  }
  const deletions = edits
    .flatMap((edit) => (edit.deleted ? [edit.deleted] : []))
    .sort((a, b) => b.pos - a.pos)
  for (const { pos, slice, join } of deletions) {
    const size = tr.doc.content.size
    tr.replace(pos, pos, slice)
    const first = join ? breakHolder(tr.doc, pos) : null
    if (first) tr.setNodeAttribute(first.pos, 'paragraphBreak', join)
    // A plain deletion moves the caret over what it struck: back for Backspace, on for Delete.
    if (!inserts && deletions.length === 1) {
      const old = oldState.selection
      const forward = old.empty && firstStep !== null && old.head === firstStep.from
      const caret = forward ? pos + tr.doc.content.size - size : pos
      tr.setSelection(TextSelection.near(tr.doc.resolve(caret), forward ? 1 : -1))
    }
  }
  pairMoves(tr, blockInsert, deletionAttrs.id)
  if (!tr.docChanged) return null
  return tr.setMeta(SKIP_TRACKING, true)
}

/**
 * A block deleted and inserted again in one edit (moved up or down, dragged
 * in the outline) is a move: both copies share a move id; the new place
 * keeps the block's id, so references follow it, and the old place gets a
 * fresh one (rejecting the move gives the id back).
 */
function pairMoves(tr: Transaction, blockInsert: BlockChange, deletionId: string): void {
  const deleted = new Map<string, { pos: number; node: Node }>()
  const inserted: Array<{ pos: number; node: Node }> = []
  tr.doc.descendants((node, pos) => {
    const change = blockChange(node)
    const id = node.attrs.id as string | null | undefined
    if (!change || !id) return true
    if (change.type === 'delete') deleted.set(id, { pos, node })
    else if (change.type === 'insert' && change.id === blockInsert.id) inserted.push({ pos, node })
    return true
  })
  for (const target of inserted) {
    const source = deleted.get(target.node.attrs.id as string)
    const from = source && blockChange(source.node)
    if (!source || !from) continue
    const moveId = newId()
    // The moved text is not also a suggestion of its own: the move settles as one change.
    const { insertion, deletion } = tr.doc.type.schema.marks
    const end = (at: { pos: number; node: Node }) => at.pos + at.node.nodeSize
    tr.removeMark(target.pos, end(target), insertion.create(textAttrsOf(blockInsert)))
    tr.removeMark(
      source.pos,
      end(source),
      deletion.create({ ...textAttrsOf(from), id: deletionId })
    )
    tr.setNodeAttribute(target.pos, 'change', { ...blockInsert, type: 'move-to', moveId })
    tr.setNodeMarkup(source.pos, undefined, {
      ...source.node.attrs,
      id: newId(),
      change: { ...from, type: 'move-from', moveId }
    })
  }
}

/** The colour of an author's suggestions (see `@core/review/colour`). */
export { authorColour }

/** Shows a suggestion mark as `<ins>`/`<del>` in its author's colour, named in its tooltip. */
function suggestionView(tag: 'ins' | 'del') {
  return (mark: Mark) => {
    const dom = document.createElement(tag)
    const { id, author, date } = mark.attrs as TextChangeAttrs
    dom.className = 'suggestion'
    dom.setAttribute('data-change', id)
    dom.setAttribute('data-author', author)
    dom.title = `${author}, ${new Date(date).toLocaleString()}`
    dom.style.setProperty('--author-colour', authorColour(author))
    return { dom }
  }
}

/** The marker of a suggested paragraph break: a pilcrow in its author's colour, named in its tooltip. */
function paragraphBreakMarker(change: ParagraphBreakChange): HTMLElement {
  const dom = document.createElement('span')
  dom.className = 'paragraph-break-change'
  dom.textContent = '¶'
  dom.setAttribute('data-type', change.type)
  dom.setAttribute('data-change', change.id)
  dom.setAttribute('data-author', change.author)
  const what = change.type === 'split' ? 'paragraph split' : 'paragraphs joined'
  dom.title = `${what}: ${change.author}, ${new Date(change.date).toLocaleString()}`
  dom.style.setProperty('--author-colour', authorColour(change.author))
  return dom
}

/** How a format suggestion names the old format in its tooltip ("numbered paragraph", "list level 1"). */
function formerFormatName(change: FormatChange): string {
  if (change.was.level !== undefined) return `list level ${change.was.level + 1}`
  return change.was.type.replace('_', ' ')
}

/** The attributes of a block whose format is a suggestion: a bar in its author's colour, named in its tooltip. */
function formatChangeMarker(change: FormatChange): Record<string, string> {
  return {
    class: 'format-change',
    'data-format-change': change.id,
    'data-author': change.author,
    title: `Formatted: was ${formerFormatName(change)} (${change.author}, ${new Date(change.date).toLocaleString()})`,
    style: `--format-author-colour: ${authorColour(change.author)}`
  }
}

const breakMarkers = new WeakMap<Node, DecorationSet>()

/** A marker in a node's subtree, placed relative to the node's own position. */
interface PlacedMarker {
  from: number
  to: number
  format?: FormatChange
  change?: ParagraphBreakChange
}

const NO_MARKERS: readonly PlacedMarker[] = []

/** The markers of `node` and the nodes inside it (not inside its text), remembered per node. */
const subtreeMarkers = new WeakMap<Node, readonly PlacedMarker[]>()

function markersIn(node: Node): readonly PlacedMarker[] {
  let markers = subtreeMarkers.get(node)
  if (markers) return markers
  const found: PlacedMarker[] = []
  const format = formatChange(node)
  if (format) found.push({ from: 0, to: node.nodeSize, format })
  if (node.isTextblock) {
    const change = paragraphBreakChange(node)
    if (change) found.push({ from: node.nodeSize - 1, to: node.nodeSize - 1, change })
  } else
    node.forEach((child, offset) => {
      for (const marker of markersIn(child))
        found.push({ ...marker, from: marker.from + 1 + offset, to: marker.to + 1 + offset })
    })
  markers = found.length > 0 ? found : NO_MARKERS
  subtreeMarkers.set(node, markers)
  return markers
}

/**
 * Markers at the end of each paragraph whose break is a suggestion, and on
 * each block whose format is one. Each node's markers are found once and
 * remembered by node identity, so after an edit only the nodes it replaced
 * (the path down to the edited block) are looked into, not the whole report.
 */
function paragraphBreakMarkers(doc: Node): DecorationSet {
  let set = breakMarkers.get(doc)
  if (set) return set
  const decorations: Decoration[] = []
  doc.forEach((child, offset) => {
    for (const { from, to, format, change } of markersIn(child)) {
      if (format)
        decorations.push(Decoration.node(offset + from, offset + to, formatChangeMarker(format)))
      if (change)
        decorations.push(
          Decoration.widget(offset + from, () => paragraphBreakMarker(change), {
            side: 1,
            key: `${change.type}:${change.id}:${change.author}`,
            ignoreSelection: true
          })
        )
    }
  })
  set = decorations.length > 0 ? DecorationSet.create(doc, decorations) : DecorationSet.empty
  breakMarkers.set(doc, set)
  return set
}

/** The shortcut that turns tracking on and off (Word's Ctrl+Shift+E). */
export const TRACKING_SHORTCUT = 'Mod-Shift-e'

/** The plugin that records edits as suggestions while tracking is on. */
export function trackingPlugin(initial: TrackingState = OFF): Plugin<TrackingState> {
  return new Plugin<TrackingState>({
    key: trackingKey,
    state: {
      init: () => initial,
      apply: (tr, value) => (tr.getMeta(trackingKey) as TrackingState | undefined) ?? value
    },
    props: {
      // The view's class hides deletions (Final) or insertions (Original); see tracking.css.
      attributes: (state) => ({ class: `review-${trackingOf(state).view}` }),
      markViews: { insertion: suggestionView('ins'), deletion: suggestionView('del') },
      decorations: (state) => paragraphBreakMarkers(state.doc),
      handleKeyDown: keydownHandler({
        [TRACKING_SHORTCUT]: toggleTracking,
        [TRACKING_SHORTCUT.replace(/e$/, 'E')]: toggleTracking
      })
    },
    appendTransaction(transactions, oldState, newState) {
      const tracking = trackingOf(newState)
      if (!tracking.enabled || !tracking.author) return null
      return recordChanges(transactions, oldState, newState, tracking)
    }
  })
}
