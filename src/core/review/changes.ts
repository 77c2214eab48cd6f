import type { Mark, Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import { EditorState, TextSelection } from 'prosemirror-state'
import { liftListItem, sinkListItem } from 'prosemirror-schema-list'
import { newId } from '../ids'
import type {
  Authorship,
  BlockChange,
  FormatChange,
  ParagraphBreakChange,
  TextChangeAttrs
} from './change'
import { blockChange, formatChange, paragraphBreakChange } from './final'

/**
 * The suggestions in a document, listed and settled. Accepting or rejecting
 * is an ordinary transform (so the editor can undo it and the CLI can run it
 * in Node): text marks are removed or their text deleted, suggested blocks
 * are kept (their attribute cleared) or removed, a suggested paragraph break
 * is kept or the paragraph joined with the next, a suggested format is kept
 * or the block given its old type or list level back.
 */

/** Kinds of suggestion a reviewer settles. */
export type TrackedChangeKind = 'insertion' | 'deletion' | 'move' | 'formatting'

/** One suggestion: every piece of it (text ranges, blocks) shares its id. */
export interface TrackedChange extends Authorship {
  /** The change id (for a move, the move id both ends share). */
  id: string
  kind: TrackedChangeKind
  /** Document ranges the suggestion covers, in document order. */
  ranges: Array<{ from: number; to: number }>
}

/** Accept applies a suggestion to the text; reject drops it. */
export type ReviewDecision = 'accept' | 'reject'

/** What an inline node's change mark says, as a change. */
function markChange(mark: Mark): TextChangeAttrs {
  const { id, author, initials, date } = mark.attrs as TextChangeAttrs
  return { id, author, initials, date }
}

function changeKey(change: BlockChange): string {
  return change.moveId ?? change.id
}

function blockKind(change: BlockChange): TrackedChangeKind {
  if (change.type === 'insert') return 'insertion'
  if (change.type === 'delete') return 'deletion'
  return 'move'
}

/** Every suggestion in `doc`, in document order of its first piece (footnote content included). */
export function trackedChanges(doc: Node): TrackedChange[] {
  const byKey = new Map<string, TrackedChange>()
  const note = (
    key: string,
    kind: TrackedChangeKind,
    who: Authorship,
    from: number,
    to: number
  ) => {
    const found = byKey.get(`${kind}:${key}`)
    if (found) {
      const last = found.ranges[found.ranges.length - 1]
      // Adjacent text nodes of one suggestion (split by other marks) read as one range.
      if (last.to === from) last.to = to
      else found.ranges.push({ from, to })
      return
    }
    const { author, initials, date } = who
    byKey.set(`${kind}:${key}`, {
      id: key,
      kind,
      author,
      initials,
      date,
      ranges: [{ from, to }]
    })
  }
  doc.descendants((node, pos) => {
    const change = blockChange(node)
    if (change) note(changeKey(change), blockKind(change), change, pos, pos + node.nodeSize)
    const paragraphBreak = paragraphBreakChange(node)
    if (paragraphBreak) {
      // The paragraph's end, where its break is: a caret there is "in" the change.
      const end = pos + node.nodeSize - 1
      const kind = paragraphBreak.type === 'split' ? 'insertion' : 'deletion'
      note(paragraphBreak.id, kind, paragraphBreak, end, end)
    }
    const format = formatChange(node)
    if (format) note(format.id, 'formatting', format, pos, pos + node.nodeSize)
    if (node.isInline) {
      for (const mark of node.marks) {
        if (mark.type.name !== 'insertion' && mark.type.name !== 'deletion') continue
        const attrs = markChange(mark)
        note(attrs.id, mark.type.name, attrs, pos, pos + node.nodeSize)
      }
    }
    return true
  })
  return [...byKey.values()]
}

/** Which suggestions a decision applies to. */
export type ChangeFilter = (change: { id: string; author: string }) => boolean

/** Every suggestion. */
export const allChanges: ChangeFilter = () => true
/** The suggestion (or move) with this id. */
export const changeWithId =
  (id: string): ChangeFilter =>
  (change) =>
    change.id === id
/** Every suggestion of one author. */
export const changesBy =
  (author: string): ChangeFilter =>
  (change) =>
    change.author === author

type Operation =
  | { op: 'unmark'; from: number; to: number; mark: Mark }
  | { op: 'delete-text'; from: number; to: number }
  | { op: 'keep-block'; pos: number; id?: string }
  | { op: 'remove-block'; pos: number }
  | { op: 'keep-break'; pos: number }
  | { op: 'join'; pos: number }
  | { op: 'keep-format'; pos: number }
  | { op: 'restore-format'; pos: number }

/** How deep the list item at `pos` is nested: 0 in an outermost list. */
export function listLevelAt(doc: Node, pos: number): number {
  const $pos = doc.resolve(pos)
  let lists = 0
  for (let depth = $pos.depth; depth > 0; depth--)
    if ($pos.node(depth).type.name === 'ordered_list') lists += 1
  return lists - 1
}

/**
 * Gives the block at `pos` the format its suggestion names as the old one:
 * its old type (with its old id), or its old list level (lifting or sinking
 * it as Shift+Tab and Tab do).
 */
function restoreFormat(tr: Transform, pos: number, change: FormatChange): void {
  const node = tr.doc.nodeAt(pos)
  if (!node) return
  tr.setNodeAttribute(pos, 'formatChange', null)
  const { was } = change
  const { schema } = tr.doc.type
  if (was.level === undefined) {
    const type = schema.nodes[was.type]
    if (!type || type === node.type || !type.isTextblock) return
    const { change: blockSuggestion, paragraphBreak } = node.attrs
    const attrs: Record<string, unknown> = { change: blockSuggestion, paragraphBreak }
    if (type.spec.attrs && 'id' in type.spec.attrs) attrs.id = was.id ?? newId()
    tr.setNodeMarkup(pos, type, attrs)
    return
  }
  const item = schema.nodes.list_item
  for (let steps = 0; steps < 4; steps++) {
    const level = listLevelAt(tr.doc, pos)
    if (level === was.level) return
    // The list commands act on a selection: one inside the item's own paragraph.
    const state = EditorState.create({
      doc: tr.doc,
      selection: TextSelection.create(tr.doc, pos + 2)
    })
    let moved = false
    const command = level > was.level ? liftListItem(item) : sinkListItem(item)
    command(state, (change) => {
      for (const step of change.steps) tr.step(step)
      pos = change.mapping.map(pos + 1) - 1
      moved = true
    })
    if (!moved) return
  }
}

/** Whether settling a paragraph-break suggestion keeps the break (else the paragraphs join). */
function keepsBreak(change: ParagraphBreakChange, decision: ReviewDecision): boolean {
  return (change.type === 'split') === (decision === 'accept')
}

/**
 * Joins the textblock at `pos` with the next textblock, as deleting the break
 * between them would; the joined paragraph ends with the next one's end, so
 * it takes that end's suggestion. Nothing happens when no textblock follows.
 */
function joinWithNext(tr: Transform, pos: number): void {
  const node = tr.doc.nodeAt(pos)
  if (!node?.isTextblock) return
  const end = pos + node.nodeSize
  let found: { node: Node; pos: number } | null = null
  // Ancestors of `end` are visited too; the first textblock after it is the one to join.
  tr.doc.nodesBetween(end, tr.doc.content.size, (child, childPos) => {
    if (found) return false
    if (childPos >= end && child.isTextblock) found = { node: child, pos: childPos }
    return !child.isTextblock
  })
  const next = found as { node: Node; pos: number } | null
  tr.setNodeAttribute(pos, 'paragraphBreak', next ? paragraphBreakChange(next.node) : null)
  if (next) tr.delete(end - 1, next.pos + 1)
}

/** What settling a block suggestion does to its block. */
function blockOperation(
  change: BlockChange,
  decision: ReviewDecision,
  pos: number,
  moveTargets: Map<string, string | null>
): Operation {
  const keeps =
    decision === 'accept'
      ? change.type === 'insert' || change.type === 'move-to'
      : change.type === 'delete' || change.type === 'move-from'
  if (!keeps) return { op: 'remove-block', pos }
  // A rejected move: the old place takes back the id references point at (the new place held it).
  const id = change.type === 'move-from' ? moveTargets.get(changeKey(change)) : undefined
  return id ? { op: 'keep-block', pos, id } : { op: 'keep-block', pos }
}

/**
 * Removes the node at `pos`, or the nearest ancestor that would be left
 * without the content its type requires (a list with no item, a
 * recommendation with no paragraph). A lone chapter stays, its suggestion cleared.
 */
function removeBlock(tr: Transform, pos: number): void {
  let $pos = tr.doc.resolve(pos)
  let node = $pos.nodeAfter
  if (!node) return
  for (;;) {
    const parent = $pos.parent
    const rest = parent.content
      .cut(0, $pos.parentOffset)
      .append(parent.content.cut($pos.parentOffset + node.nodeSize))
    if (parent.type.validContent(rest)) {
      tr.delete($pos.pos, $pos.pos + node.nodeSize)
      return
    }
    if ($pos.depth === 0) {
      if (blockChange(node)) tr.setNodeAttribute($pos.pos, 'change', null)
      return
    }
    const parentPos = $pos.before()
    $pos = tr.doc.resolve(parentPos)
    node = parent
  }
}

/**
 * Accepts or rejects the suggestions `filter` selects, adding the steps to
 * `tr`. Returns whether anything was settled.
 */
export function settleChanges(
  tr: Transform,
  decision: ReviewDecision,
  filter: ChangeFilter = allChanges
): boolean {
  const doc = tr.doc
  const operations: Operation[] = []
  const moveTargets = new Map<string, string | null>()
  doc.descendants((node) => {
    const change = blockChange(node)
    if (change?.type === 'move-to')
      moveTargets.set(changeKey(change), (node.attrs.id as string | null) ?? null)
    return true
  })
  doc.descendants((node, pos) => {
    const change = blockChange(node)
    if (change && filter({ id: changeKey(change), author: change.author }))
      operations.push(blockOperation(change, decision, pos, moveTargets))
    const format = formatChange(node)
    if (format && filter({ id: format.id, author: format.author }))
      operations.push({ op: decision === 'accept' ? 'keep-format' : 'restore-format', pos })
    const paragraphBreak = paragraphBreakChange(node)
    if (paragraphBreak && filter({ id: paragraphBreak.id, author: paragraphBreak.author }))
      operations.push({ op: keepsBreak(paragraphBreak, decision) ? 'keep-break' : 'join', pos })
    if (!node.isInline) return true
    const from = pos
    const to = pos + node.nodeSize
    for (const mark of node.marks) {
      const name = mark.type.name
      if (name !== 'insertion' && name !== 'deletion') continue
      if (!filter({ id: mark.attrs.id as string, author: mark.attrs.author as string })) continue
      const drops = (name === 'insertion') === (decision === 'reject')
      operations.push(drops ? { op: 'delete-text', from, to } : { op: 'unmark', from, to, mark })
    }
    return true
  })
  if (operations.length === 0) return false
  // Mark removals and attribute changes first: they move nothing, so later removals map cleanly.
  // Joins come last, once the blocks between two paragraphs a join brings together are gone.
  const order = {
    unmark: 0,
    'keep-block': 0,
    'keep-break': 0,
    'keep-format': 0,
    'restore-format': 1,
    'delete-text': 1,
    'remove-block': 1,
    join: 2
  }
  // Joins from the last: a paragraph joined to the next takes the next's end, settled already.
  operations.sort(
    (a, b) => order[a.op] - order[b.op] || (a.op === 'join' && b.op === 'join' ? b.pos - a.pos : 0)
  )
  const start = tr.steps.length
  for (const operation of operations) {
    const mapping = tr.mapping.slice(start)
    switch (operation.op) {
      case 'unmark':
        tr.removeMark(mapping.map(operation.from), mapping.map(operation.to), operation.mark)
        break
      case 'keep-block': {
        const result = mapping.mapResult(operation.pos, 1)
        if (result.deleted) break
        tr.setNodeAttribute(result.pos, 'change', null)
        if (operation.id) tr.setNodeAttribute(result.pos, 'id', operation.id)
        break
      }
      case 'delete-text': {
        const from = mapping.map(operation.from, 1)
        const to = mapping.map(operation.to, -1)
        if (to > from) tr.delete(from, to)
        break
      }
      case 'remove-block': {
        const result = mapping.mapResult(operation.pos, 1)
        const node = result.deleted ? null : tr.doc.nodeAt(result.pos)
        if (node && blockChange(node)) removeBlock(tr, result.pos)
        break
      }
      case 'keep-break': {
        const result = mapping.mapResult(operation.pos, 1)
        if (!result.deleted) tr.setNodeAttribute(result.pos, 'paragraphBreak', null)
        break
      }
      case 'keep-format':
      case 'restore-format': {
        const at = mapping.map(operation.pos, 1)
        const node = tr.doc.nodeAt(at)
        const change = node && formatChange(node)
        if (!change) break
        if (operation.op === 'keep-format') tr.setNodeAttribute(at, 'formatChange', null)
        else restoreFormat(tr, at, change)
        break
      }
      case 'join': {
        const result = mapping.mapResult(operation.pos, 1)
        if (!result.deleted) joinWithNext(tr, result.pos)
        break
      }
    }
  }
  return tr.steps.length > start
}

/** The document with every suggestion accepted (the Final view) or rejected (the Original view). */
export function settledDocument(doc: Node, decision: ReviewDecision): Node {
  const tr = new Transform(doc)
  settleChanges(tr, decision)
  return tr.doc
}
