import type { Node, ResolvedPos } from 'prosemirror-model'
import {
  AllSelection,
  NodeSelection,
  Plugin,
  Selection,
  TextSelection,
  type Command,
  type EditorState,
  type Transaction
} from 'prosemirror-state'
import { schema } from '@core/schema'
import { newId } from '@core/ids'
import { blockDepth, isContainer } from './commands/helpers'

/**
 * Enter, Backspace and Delete where a block meets another: heading ends,
 * recommendation and list edges, inline atoms, and selections that cross a
 * section boundary. The rules (docs/EDITING.md): no key empties a heading or
 * moves its text into another kind of block, and nothing merges into or out
 * of a recommendation or a list unless that is the obvious result of the key.
 */

const { heading, numbered_paragraph, paragraph, recommendation, ordered_list, list_item } =
  schema.nodes

/** The body block (or heading) at `$pos` sitting directly in a container, with its depth. */
function outerBlock($pos: ResolvedPos): { node: Node; depth: number } | null {
  const depth = blockDepth($pos)
  return depth === null ? null : { node: $pos.node(depth), depth }
}

/** Whether `$pos` is at the very start of the outer block at `depth` (first textblock, offset 0). */
function atStartOf($pos: ResolvedPos, depth: number): boolean {
  if ($pos.parentOffset !== 0) return false
  for (let d = $pos.depth; d > depth; d--) if ($pos.index(d - 1) !== 0) return false
  return true
}

/** Whether `$pos` is at the very end of the outer block at `depth` (last textblock, its end). */
function atEndOf($pos: ResolvedPos, depth: number): boolean {
  if ($pos.parentOffset !== $pos.parent.content.size) return false
  for (let d = $pos.depth; d > depth; d--)
    if ($pos.index(d - 1) !== $pos.node(d - 1).childCount - 1) return false
  return true
}

/** Whether a block is one of the kinds whose edges are guarded (a recommendation or a list). */
function isGuardedBlock(node: Node | null | undefined): boolean {
  return node?.type === recommendation || node?.type === ordered_list
}

/** Whether a textblock is an empty paragraph (numbered or not) directly in a container. */
function isEmptyBodyParagraph(node: Node | null | undefined): boolean {
  return (node?.type === paragraph || node?.type === numbered_paragraph) && node.content.size === 0
}

/**
 * Where a paragraph typed "before" a container goes: the end of the text
 * that precedes it in reading order (the previous section's last
 * subsection, say), or null at the very start of the report.
 */
function bodyEndBefore(doc: Node, containerPos: number): number | null {
  const $pos = doc.resolve(containerPos)
  let before = $pos.nodeBefore
  if (!before) return null
  if (!isContainer(before)) return containerPos
  let end = containerPos - 1 // inside `before`, at its content end
  while (before.lastChild && isContainer(before.lastChild)) {
    before = before.lastChild
    end -= 1
  }
  return end
}

/**
 * Enter in a heading never splits it. At its start (with text after the
 * cursor) a numbered paragraph is opened at the end of the text before the
 * heading, as Word puts an empty paragraph above it; anywhere else the
 * container's first paragraph is opened under the title, which stays whole.
 */
export const enterInHeading: Command = (state, dispatch) => {
  const { $from, $to } = state.selection
  if ($from.parent.type !== heading) return false
  if (!$from.sameParent($to)) return false
  if (!dispatch) return true
  const containerPos = $from.before($from.depth - 1)
  const tr = state.tr
  if ($from.parentOffset === 0 && $to.parentOffset === 0 && $from.parent.content.size > 0) {
    const at = bodyEndBefore(state.doc, containerPos)
    if (at === null) return true // the report's first title: nothing comes before it
    tr.insert(at, numbered_paragraph.create({ id: newId() }))
    dispatch(tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView())
    return true
  }
  const at = $from.after()
  tr.insert(at, numbered_paragraph.create({ id: newId() }))
  dispatch(tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView())
  return true
}

/**
 * Enter at the start of a non-empty recommendation opens a numbered
 * paragraph before it (the recommendation keeps its id and references),
 * instead of an empty line inside it.
 */
export const enterAtRecommendationStart: Command = (state, dispatch) => {
  const { $from, empty } = state.selection
  const block = outerBlock($from)
  if (!empty || !block || block.node.type !== recommendation) return false
  if (!atStartOf($from, block.depth) || $from.parent.content.size === 0) return false
  if (dispatch) {
    const at = $from.before(block.depth)
    const tr = state.tr.insert(at, numbered_paragraph.create({ id: newId() }))
    dispatch(tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView())
  }
  return true
}

/**
 * Enter in an empty last item of an outer list: leave the list. In the
 * report body the text continues with a numbered paragraph (in a
 * recommendation, with one of its paragraphs); an empty sole item turns the
 * whole list back into that paragraph.
 */
export const exitList: Command = (state, dispatch) => {
  const { $from, empty } = state.selection
  if (!empty || $from.parent.type !== paragraph || $from.parent.content.size > 0) return false
  const itemDepth = $from.depth - 1
  const listDepth = itemDepth - 1
  if (itemDepth < 2 || $from.node(itemDepth).type !== list_item) return false
  const list = $from.node(listDepth)
  const holder = $from.node(listDepth - 1)
  if (holder.type === list_item) return false // nested: Enter lifts a level (splitListItem)
  if ($from.index(listDepth) !== list.childCount - 1 || $from.node(itemDepth).childCount > 1)
    return false
  if (dispatch) {
    const next = isContainer(holder)
      ? numbered_paragraph.create({ id: newId() })
      : paragraph.create()
    const tr = state.tr
    if (list.childCount === 1) {
      const from = $from.before(listDepth)
      tr.replaceWith(from, $from.after(listDepth), next)
      tr.setSelection(TextSelection.create(tr.doc, from + 1))
    } else {
      tr.delete($from.before(itemDepth), $from.after(itemDepth))
      const after = tr.mapping.map($from.after(listDepth))
      tr.insert(after, next)
      tr.setSelection(TextSelection.create(tr.doc, after + 1))
    }
    dispatch(tr.scrollIntoView())
  }
  return true
}

/**
 * Backspace at the start of a block after a recommendation or a list, or at
 * the start of a recommendation's or an outer list's text: no merge. An
 * empty paragraph is removed; otherwise the cursor only moves to the end of
 * the block before. An empty sole list item turns the list back into a paragraph.
 */
export const backspaceAtGuardedEdge: Command = (state, dispatch) => {
  const { $from, empty } = state.selection
  if (!empty) return false
  const block = outerBlock($from)
  if (!block || block.node.type === heading || !atStartOf($from, block.depth)) return false
  const container = $from.node(block.depth - 1)
  const index = $from.index(block.depth - 1)
  const previous = index > 0 ? container.child(index - 1) : null
  const blockPos = $from.before(block.depth)
  if (isGuardedBlock(block.node)) {
    if (block.node.type === ordered_list && block.node.childCount === 1) {
      const item = block.node.firstChild!
      if (item.childCount === 1 && item.firstChild!.content.size === 0) {
        if (dispatch) {
          const tr = state.tr.replaceWith(
            blockPos,
            blockPos + block.node.nodeSize,
            numbered_paragraph.create({ id: newId() })
          )
          dispatch(tr.setSelection(TextSelection.create(tr.doc, blockPos + 1)).scrollIntoView())
        }
        return true
      }
    }
    if (previous?.type === heading) return false // left to backspaceAtBoundary
    if (dispatch) dispatch(moveToEndBefore(state.tr, blockPos))
    return true
  }
  if (!isGuardedBlock(previous)) return false
  if (dispatch) {
    const tr = state.tr
    if (isEmptyBodyParagraph(block.node)) tr.delete(blockPos, blockPos + block.node.nodeSize)
    dispatch(moveToEndBefore(tr, blockPos))
  }
  return true
}

/**
 * Backspace at the start of a later list item joins its text to the end of
 * the item before (as in Word), instead of nesting it under that item.
 */
export const joinListItemBackward: Command = (state, dispatch) => {
  const { $from, empty } = state.selection
  if (!empty || $from.parentOffset !== 0 || $from.depth < 3) return false
  const itemDepth = $from.depth - 1
  if ($from.node(itemDepth).type !== list_item || $from.index(itemDepth) !== 0) return false
  if ($from.index(itemDepth - 1) === 0) return false
  if (dispatch) {
    const before = Selection.findFrom(state.doc.resolve($from.before(itemDepth)), -1, true)
    if (!before) return false
    const tr = state.tr.delete(before.from, $from.pos)
    dispatch(tr.setSelection(TextSelection.create(tr.doc, before.from)).scrollIntoView())
  }
  return true
}

/** Puts the cursor at the end of the last textblock before `pos`. */
function moveToEndBefore(tr: Transaction, pos: number): Transaction {
  return tr.setSelection(Selection.near(tr.doc.resolve(pos), -1)).scrollIntoView()
}

/**
 * Delete at the end of a block followed by a recommendation or a list, or
 * at the end of a recommendation's or outer list's text: no merge. An empty
 * paragraph at the cursor (or the empty paragraph after) is removed; otherwise nothing.
 */
export const deleteAtGuardedEdge: Command = (state, dispatch) => {
  const { $from, empty } = state.selection
  if (!empty) return false
  const block = outerBlock($from)
  if (!block || block.node.type === heading || !atEndOf($from, block.depth)) return false
  const container = $from.node(block.depth - 1)
  const index = $from.index(block.depth - 1)
  const next = index + 1 < container.childCount ? container.child(index + 1) : null
  const blockPos = $from.before(block.depth)
  const blockEnd = blockPos + block.node.nodeSize
  if (isGuardedBlock(block.node)) {
    if (!next || isContainer(next)) return false // left to deleteAtBoundary
    if (isEmptyBodyParagraph(next)) dispatch?.(state.tr.delete(blockEnd, blockEnd + next.nodeSize))
    return true
  }
  if (!isGuardedBlock(next)) return false
  if (isEmptyBodyParagraph(block.node) && dispatch) {
    const tr = state.tr.delete(blockPos, blockEnd)
    dispatch(tr.setSelection(Selection.near(tr.doc.resolve(blockPos), 1)).scrollIntoView())
  }
  return true
}

/** Delete in an empty recommendation removes it whole, as Backspace does. */
export const deleteEmptyRecommendation: Command = (state, dispatch) => {
  const { $from, empty } = state.selection
  const block = outerBlock($from)
  if (!empty || !block || block.node.type !== recommendation) return false
  if (block.node.childCount !== 1 || block.node.firstChild!.content.size !== 0) return false
  if (dispatch) {
    const pos = $from.before(block.depth)
    const tr = state.tr.delete(pos, pos + block.node.nodeSize)
    dispatch(tr.setSelection(Selection.near(tr.doc.resolve(pos), 1)).scrollIntoView())
  }
  return true
}

/**
 * Backspace right after a footnote mark (or Delete right before one)
 * selects the footnote first, so its text is never lost to one stray key;
 * the next Backspace deletes it. A cross-reference goes at once, as one unit.
 */
export function atomBeside(direction: -1 | 1): Command {
  return (state, dispatch) => {
    const { $from, empty } = state.selection
    if (!empty || !$from.parent.isTextblock) return false
    const atom = direction < 0 ? $from.nodeBefore : $from.nodeAfter
    if (
      !atom ||
      (atom.type !== schema.nodes.footnote && atom.type !== schema.nodes.cross_reference)
    )
      return false
    const pos = direction < 0 ? $from.pos - atom.nodeSize : $from.pos
    if (dispatch) {
      if (atom.type === schema.nodes.footnote)
        dispatch(state.tr.setSelection(NodeSelection.create(state.doc, pos)))
      else dispatch(state.tr.delete(pos, pos + atom.nodeSize).scrollIntoView())
    }
    return true
  }
}

/** Whether the selection spans blocks of different containers (or the whole report). */
function crossesContainers(state: EditorState): boolean {
  const { $from, $to, empty } = state.selection
  if (state.selection instanceof AllSelection) return true
  if (empty || state.selection instanceof NodeSelection) return false
  const fromBlock = blockDepth($from)
  const toBlock = blockDepth($to)
  if (fromBlock === null || toBlock === null) return false
  return $from.before(fromBlock) !== $to.before(toBlock) && !sameContainer($from, $to)
}

function sameContainer($from: ResolvedPos, $to: ResolvedPos): boolean {
  const a = blockDepth($from)! - 1
  const b = blockDepth($to)! - 1
  return a === b && $from.before(a) === $to.before(b)
}

/**
 * Deletes a selection that spans a container boundary without merging
 * anything: containers and body blocks inside it go whole, the selected
 * text of the blocks at its two ends goes, every surviving heading keeps its
 * whole title, and the two ends stay separate blocks. Returns the position
 * where the cursor belongs.
 */
export function deleteAcrossContainers(tr: Transaction, from: number, to: number): number {
  const ranges: Array<[number, number]> = []
  const visit = (node: Node, pos: number) => {
    // `pos` is the position before `node`; only its children are considered.
    node.forEach((child, offset) => {
      const start = pos + 1 + offset
      const end = start + child.nodeSize
      if (end <= from || start >= to) return
      if (start >= from && end <= to && child.type !== heading) {
        ranges.push([start, end])
        return
      }
      if (isContainer(child)) {
        visit(child, start)
        return
      }
      if (child.type === heading) return
      // A body block cut by the selection: only the part inside it goes.
      const innerFrom = Math.max(from, start + 1)
      const innerTo = Math.min(to, end - 1)
      if (innerFrom < innerTo) ranges.push([innerFrom, innerTo])
    })
  }
  const covered: number[] = []
  tr.doc.forEach((chapter, offset) => {
    if (offset >= from && offset + chapter.nodeSize <= to) covered.push(offset)
  })
  // The report keeps at least one chapter: with all of them selected, the first keeps its title.
  const keep = covered.length === tr.doc.childCount ? covered[0] : -1
  tr.doc.forEach((chapter, offset) => {
    if (offset + chapter.nodeSize <= from || offset >= to) return
    if (covered.includes(offset) && offset !== keep)
      ranges.push([offset, offset + chapter.nodeSize])
    else visit(chapter, offset)
  })
  for (let i = ranges.length - 1; i >= 0; i--) tr.delete(ranges[i][0], ranges[i][1])
  return tr.mapping.map(from, -1)
}

/**
 * Backspace, Delete or Enter with a selection spanning sections: the safe
 * deletion above (Enter then leaves the cursor where the selection began).
 */
export const deleteSelectionAcrossContainers: Command = (state, dispatch) => {
  if (!crossesContainers(state)) return false
  if (dispatch) {
    const tr = state.tr
    const at = deleteAcrossContainers(tr, state.selection.from, state.selection.to)
    dispatch(tr.setSelection(Selection.near(tr.doc.resolve(at), -1)).scrollIntoView())
  }
  return true
}

/**
 * Typing over a selection that spans sections: the same safe deletion,
 * then the text at the cursor. A view prop (`handleTextInput`).
 */
export function typeOverContainers(
  state: EditorState,
  dispatch: (tr: Transaction) => void,
  text: string
): boolean {
  if (!crossesContainers(state)) return false
  const tr = state.tr
  const at = deleteAcrossContainers(tr, state.selection.from, state.selection.to)
  tr.setSelection(Selection.near(tr.doc.resolve(at), -1))
  dispatch(tr.insertText(text).scrollIntoView())
  return true
}

/** The plugin that routes typing over a selection across sections through `typeOverContainers`. */
export function blockEdgesPlugin(): Plugin {
  return new Plugin({
    props: {
      handleTextInput: (view, _from, _to, text) =>
        typeOverContainers(view.state, view.dispatch, text)
    }
  })
}
