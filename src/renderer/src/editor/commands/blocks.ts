import type { Node } from 'prosemirror-model'
import { NodeSelection, TextSelection, type Command, type EditorState } from 'prosemirror-state'
import { liftListItem, sinkListItem } from 'prosemirror-schema-list'
import { schema, type ListKind } from '@core/schema'
import { newId } from '@core/ids'
import {
  allContainers,
  blockDepth,
  bodyRange,
  cursorNear,
  findContainer,
  isContainer,
  moveRange,
  oneStep
} from './helpers'
import type { Direction } from './containers'

/**
 * Commands on body blocks: recommendations, numbered and unnumbered
 * paragraphs, lists. Each is one transaction, so one undo step.
 */

const { recommendation, paragraph, numbered_paragraph, ordered_list, list_item } = schema.nodes

/** The body block around the selection (or selected), with its position; headings excluded. */
function currentBodyBlock(state: EditorState): { node: Node; pos: number } | null {
  const selection = state.selection
  if (selection instanceof NodeSelection) {
    const $pos = state.doc.resolve(selection.from)
    if (isContainer($pos.parent) && selection.node.type.name !== 'heading')
      return { node: selection.node, pos: selection.from }
  }
  const depth = blockDepth(selection.$from)
  if (depth === null) return null
  const node = selection.$from.node(depth)
  if (node.type.name === 'heading') return null
  return { node, pos: selection.$from.before(depth) }
}

/**
 * Where a new body block goes: after the body block holding the cursor, or
 * first in the container when the cursor is in its heading. Also says
 * whether the block at the cursor is an empty paragraph the new one may replace.
 */
function bodyInsertion(
  state: EditorState
): { pos: number; replace: { from: number; to: number } | null } | null {
  const $from = state.selection.$from
  const depth = blockDepth($from)
  if (depth === null) {
    if (
      state.selection instanceof NodeSelection &&
      isContainer(state.doc.resolve(state.selection.from).parent)
    )
      return { pos: state.selection.to, replace: null }
    return null
  }
  const node = $from.node(depth)
  const pos = $from.after(depth)
  const empty =
    (node.type === paragraph || node.type === numbered_paragraph) && node.content.size === 0
  return { pos, replace: empty ? { from: $from.before(depth), to: pos } : null }
}

/**
 * The empty last paragraph of a recommendation the cursor is in (what Enter
 * at the end of its text leaves), which a block inserted after the
 * recommendation takes the place of.
 */
function trailingEmptyParagraph(state: EditorState): { from: number; to: number } | null {
  const { $from } = state.selection
  if ($from.parent.type !== paragraph || $from.parent.content.size > 0 || $from.depth < 2)
    return null
  const rec = $from.node($from.depth - 1)
  if (rec.type !== recommendation || rec.childCount < 2) return null
  if ($from.index($from.depth - 1) !== rec.childCount - 1) return null
  return { from: $from.before(), to: $from.after() }
}

/** Inserts `block` as a body block at the cursor and puts the cursor in its first textblock. */
function insertBodyBlock(block: Node): Command {
  return oneStep((state, dispatch) => {
    const place = bodyInsertion(state)
    if (!place) return false
    if (dispatch) {
      const tr = state.tr
      let at = place.pos
      const trailing = trailingEmptyParagraph(state)
      if (trailing) {
        tr.delete(trailing.from, trailing.to)
        at = tr.mapping.map(at)
        tr.insert(at, block)
      } else if (place.replace) {
        tr.replaceWith(place.replace.from, place.replace.to, block)
        at = place.replace.from
      } else tr.insert(at, block)
      tr.setSelection(TextSelection.near(tr.doc.resolve(at + 1)))
      dispatch(tr.scrollIntoView())
    }
    return true
  })
}

/** Command: insert a new, empty recommendation after the current block. */
export const insertRecommendation: Command = (state, dispatch, view) =>
  insertBodyBlock(recommendation.create({ id: newId() }, paragraph.create()))(state, dispatch, view)

/** Command: insert a new, empty numbered paragraph after the current block. */
export const insertNumberedParagraph: Command = (state, dispatch, view) =>
  insertBodyBlock(numbered_paragraph.create({ id: newId() }))(state, dispatch, view)

/** The body regions (text between a heading and the first sub-container) in reading order. */
function bodyRegions(doc: Node): Array<{ start: number; end: number }> {
  return allContainers(doc).map(({ node, pos }) => bodyRange(node, pos))
}

/**
 * Command: move the current paragraph, recommendation or list one place up
 * or down. At the edge of its section it moves into the neighbouring
 * section (the end of the one before, the start of the one after).
 */
export function moveBlock(direction: Direction): Command {
  return oneStep((state, dispatch) => {
    const block = currentBodyBlock(state)
    if (!block) return false
    const start = block.pos
    const end = start + block.node.nodeSize
    const $start = state.doc.resolve(start)
    const container = $start.parent
    const index = $start.index()
    let target: number | null = null
    if (direction === 'up') {
      const previous = container.child(index - 1)
      if (previous.type.name !== 'heading') target = start - previous.nodeSize
      else {
        const regions = bodyRegions(state.doc)
        const at = regions.findIndex((region) => region.start === start)
        if (at > 0) target = regions[at - 1].end
      }
    } else {
      const next = index + 1 < container.childCount ? container.child(index + 1) : null
      if (next && !isContainer(next)) target = end + next.nodeSize
      else {
        const regions = bodyRegions(state.doc)
        const at = regions.findIndex((region) => region.end === end)
        if (at >= 0 && at + 1 < regions.length) target = regions[at + 1].start
      }
    }
    if (target === null) return false
    if (dispatch) dispatch(moveRange(state.tr, start, end, target))
    return true
  })
}

/** Command: move the current block up (into the previous section at the top of one). */
export const moveBlockUp: Command = (state, dispatch, view) =>
  moveBlock('up')(state, dispatch, view)
/** Command: move the current block down (into the next section at the bottom of one). */
export const moveBlockDown: Command = (state, dispatch, view) =>
  moveBlock('down')(state, dispatch, view)

/**
 * Command: switch the selected body paragraphs between numbered and
 * unnumbered. If the first is numbered, all become unnumbered, else all numbered.
 */
export const toggleNumbered: Command = oneStep((state, dispatch) => {
  const targets: Array<{ node: Node; pos: number }> = []
  const { from, to } = state.selection
  state.doc.nodesBetween(from, to, (node, pos, parent) => {
    if (node.isTextblock) {
      if (parent && isContainer(parent) && node.type !== schema.nodes.heading)
        targets.push({ node, pos })
      return false
    }
    return !node.isInline
  })
  if (targets.length === 0) return false
  if (dispatch) {
    const numbering = targets[0].node.type !== numbered_paragraph
    const tr = state.tr
    for (const { node, pos } of targets) {
      // Suggestions on the block and on its end stay with it whatever its type.
      const { change, paragraphBreak, formatChange } = node.attrs
      const kept = { change, paragraphBreak, formatChange }
      if (numbering && node.type !== numbered_paragraph)
        tr.setNodeMarkup(pos, numbered_paragraph, { id: newId(), ...kept })
      else if (!numbering && node.type === numbered_paragraph)
        tr.setNodeMarkup(pos, paragraph, kept)
    }
    dispatch(tr)
  }
  return true
})

/** The outermost list around the cursor, if any. */
function outermostList(state: EditorState): { node: Node; pos: number } | null {
  const $from = state.selection.$from
  for (let depth = 1; depth <= $from.depth; depth++) {
    const node = $from.node(depth)
    if (node.type === ordered_list) return { node, pos: $from.before(depth) }
  }
  return null
}

/** How deep the cursor's list item is nested (0 = outermost level), or -1 outside lists. */
function listDepth(state: EditorState): number {
  const $from = state.selection.$from
  let depth = -1
  for (let d = 1; d <= $from.depth; d++) if ($from.node(d).type === ordered_list) depth++
  return depth
}

/**
 * Command: start a list of `kind` (sub-paragraphs (a), (b) … or an agenda
 * 1., 2. …) after the current paragraph, or turn the list at the cursor into that kind.
 */
export function insertList(kind: ListKind): Command {
  return oneStep((state, dispatch) => {
    const list = outermostList(state)
    if (list) {
      if (list.node.attrs.kind === kind) return false
      dispatch?.(state.tr.setNodeAttribute(list.pos, 'kind', kind))
      return true
    }
    const newList = ordered_list.create(
      { kind },
      list_item.create({ id: newId() }, paragraph.create())
    )
    const $from = state.selection.$from
    // Inside a recommendation the list belongs to it; elsewhere it is a body block.
    if ($from.parent.type === paragraph && $from.node($from.depth - 1).type === recommendation) {
      const pos = $from.after()
      if (dispatch) {
        const tr = state.tr.insert(pos, newList)
        dispatch(tr.setSelection(TextSelection.create(tr.doc, pos + 3)).scrollIntoView())
      }
      return true
    }
    return insertBodyBlock(newList)(state, dispatch)
  })
}

/** Deepest list level: (a) then (i) for sub-paragraphs; 1. then (a) for agendas. */
const MAX_LIST_DEPTH = 1

/** Command: move the list item at the cursor one level in, from (a) to (i). */
export const sinkListLevel: Command = oneStep((state, dispatch, view) => {
  if (listDepth(state) < 0 || listDepth(state) >= MAX_LIST_DEPTH) return false
  return sinkListItem(list_item)(state, dispatch, view)
})

/** Command: move the list item at the cursor one level out, from (i) to (a); out of the list at the top. */
export const liftListLevel: Command = oneStep((state, dispatch, view) => {
  const depth = listDepth(state)
  if (depth < 0) return false
  if (depth > 0 || !dispatch) return liftListItem(list_item)(state, dispatch, view)
  // Out of an outer list in the report body, the item's text becomes a numbered paragraph.
  return liftListItem(list_item)(
    state,
    (tr) => {
      const $at = tr.selection.$from
      if ($at.parent.type === paragraph && $at.depth > 0 && isContainer($at.node(-1)))
        tr.setNodeMarkup($at.before(), numbered_paragraph, { id: newId() })
      dispatch(tr)
    },
    view
  )
})

/**
 * Command: move the current paragraph, recommendation or list to the end
 * (or, with `where` = 'start', the start) of the text of container
 * `containerId` (before its sub-containers), as "Move to section…" does.
 */
export function moveBlockToContainer(containerId: string, where: 'start' | 'end' = 'end'): Command {
  return oneStep((state, dispatch) => {
    const block = currentBodyBlock(state)
    const target = findContainer(state.doc, containerId)
    if (!block || !target) return false
    const end = block.pos + block.node.nodeSize
    const range = bodyRange(target.node, target.pos)
    const to = where === 'start' ? range.start : range.end
    if (where === 'start' && to === block.pos) return false
    // Already the last block there, or the target is inside the block (impossible for body blocks).
    if (to === end || (to > block.pos && to < end)) return false
    if (dispatch) dispatch(moveRange(state.tr, block.pos, end, to))
    return true
  })
}

/** Command: delete the current paragraph, recommendation or list (not a heading). */
export const deleteBlock: Command = oneStep((state, dispatch) => {
  const block = currentBodyBlock(state)
  if (!block) return false
  if (dispatch) {
    const tr = state.tr.delete(block.pos, block.pos + block.node.nodeSize)
    dispatch(cursorNear(tr, block.pos).scrollIntoView())
  }
  return true
})
