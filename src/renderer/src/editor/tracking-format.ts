import type { Node } from 'prosemirror-model'
import type { Transaction } from 'prosemirror-state'
import { Mapping, ReplaceAroundStep, type Step } from 'prosemirror-transform'
import type { FormatChange, FormerFormat, TextChangeAttrs } from '@core/review/change'
import { blockChange, formatChange } from '@core/review/final'
import { listLevelAt } from '@core/review/changes'

/**
 * Recording formatting suggestions: a paragraph made numbered or plain
 * (a `setNodeMarkup` step), a list item moved a level in or out (sink/lift,
 * steps that wrap or unwrap around it). The block keeps its new format and
 * carries a `formatChange` naming the old one; changing it back to the old
 * format drops the suggestion.
 */

/** A block whose format an edit changed: where it is now, and what it was before the edit. */
interface Reformatted {
  pos: number
  before: Node
  /** For a list item: its level before the edit. */
  level?: number
}

/** Whether `step` replaces one node's markup and nothing else (what `setNodeMarkup` makes). */
function isMarkupStep(step: Step): step is ReplaceAroundStep {
  if (!(step instanceof ReplaceAroundStep)) return false
  const { from, to, gapFrom, gapTo, insert, slice } = step
  return insert === 1 && gapFrom === from + 1 && gapTo === to - 1 && slice.content.childCount === 1
}

/** List item ids with their levels and nodes, in `doc` between `from` and `to`. */
function listItemsBetween(
  doc: Node,
  from: number,
  to: number
): Map<string, { pos: number; node: Node; level: number }> {
  const items = new Map<string, { pos: number; node: Node; level: number }>()
  doc.nodesBetween(Math.max(0, from), Math.min(doc.content.size, to), (node, pos) => {
    const id = node.attrs.id as string | null | undefined
    if (node.type.name === 'list_item' && id)
      items.set(id, { pos, node, level: listLevelAt(doc, pos) })
    return !node.isTextblock
  })
  return items
}

/**
 * The blocks whose type or list level the recordable steps of `transactions`
 * changed, with their positions in `doc` (the document after them all).
 */
export function reformattedBlocks(
  transactions: readonly Transaction[],
  recordable: (tr: Transaction) => boolean,
  doc: Node
): Reformatted[] {
  const maps = transactions.flatMap((tr) => tr.mapping.maps)
  const byPos = new Map<number, Reformatted>()
  const levels = new Map<string, { before: Node; level: number; from: number; to: number }>()
  let index = 0
  for (const tr of transactions) {
    for (let i = 0; i < tr.steps.length; i++, index++) {
      const step = tr.steps[i]
      if (!recordable(tr) || !(step instanceof ReplaceAroundStep)) continue
      const rest = new Mapping(maps.slice(index + 1))
      const before = tr.docs[i]
      const stepMap = step.getMap()
      const { from, to } = step
      if (isMarkupStep(step)) {
        const old = before.nodeAt(from)
        const pos = rest.map(from, 1)
        if (old && !byPos.has(pos)) byPos.set(pos, { pos, before: old })
        continue
      }
      // Sinking or lifting wraps or unwraps list items: note each item's level before.
      for (const [id, item] of listItemsBetween(before, from, to)) {
        if (levels.has(id)) continue
        const mapping = new Mapping([stepMap, ...rest.maps])
        levels.set(id, {
          before: item.node,
          level: item.level,
          from: mapping.map(from, -1),
          to: mapping.map(to, 1)
        })
      }
    }
  }
  const moved = new Map<string, Reformatted>()
  for (const [id, old] of levels) {
    const now = listItemsBetween(doc, old.from, old.to).get(id)
    if (now && now.level !== old.level)
      moved.set(id, { pos: now.pos, before: old.before, level: old.level })
  }
  // An item moved with the item around it has not changed level relative to it: only the outer one is recorded.
  for (const [id, item] of moved) {
    const $pos = doc.resolve(item.pos)
    for (let depth = $pos.depth; depth > 0; depth--) {
      const outer = $pos.node(depth)
      if (outer.type.name === 'list_item' && moved.has(outer.attrs.id as string)) {
        moved.delete(id)
        break
      }
    }
  }
  return [...byPos.values(), ...moved.values()]
}

/** What a block's format was, as the suggestion names it. */
function formerFormat(block: Reformatted): FormerFormat {
  if (block.level !== undefined) return { type: 'list_item', level: block.level }
  const id = block.before.attrs.id as string | null | undefined
  return id ? { type: block.before.type.name, id } : { type: block.before.type.name }
}

/** Whether `node` is back in the format `was` names. */
function isFormat(doc: Node, pos: number, node: Node, was: FormerFormat): boolean {
  if (was.level !== undefined) return listLevelAt(doc, pos) === was.level
  return node.type.name === was.type
}

/**
 * Marks the blocks an edit reformatted (see `reformattedBlocks`) as format
 * suggestions by the author of `attrs`, adding the steps to `tr`. A block
 * that already carried a format suggestion keeps its first old format; one
 * brought back to it loses the suggestion (a numbered paragraph gets its old
 * id back). A block that is itself an inserted suggestion is left alone: its
 * insertion already covers its format. Returns whether anything changed.
 */
export function markReformatted(
  tr: Transaction,
  blocks: readonly Reformatted[],
  attrs: TextChangeAttrs
): boolean {
  let marked = false
  for (const block of blocks) {
    const node = tr.doc.nodeAt(block.pos)
    if (!node || !('formatChange' in node.attrs)) continue
    if (block.level === undefined && node.type === block.before.type) continue
    if (blockChange(block.before)?.type === 'insert') continue
    const prior = formatChange(block.before)
    const was = prior?.was ?? formerFormat(block)
    if (block.level === undefined && !['paragraph', 'numbered_paragraph'].includes(was.type))
      continue
    if (isFormat(tr.doc, block.pos, node, was)) {
      if (formatChange(node)) tr.setNodeAttribute(block.pos, 'formatChange', null)
      if (was.id && 'id' in node.attrs) tr.setNodeAttribute(block.pos, 'id', was.id)
    } else {
      const change: FormatChange = { ...attrs, was }
      tr.setNodeAttribute(block.pos, 'formatChange', change)
    }
    marked = true
  }
  return marked
}
