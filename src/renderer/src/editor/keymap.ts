import type { Node } from 'prosemirror-model'
import { Selection, TextSelection, type Command, type EditorState } from 'prosemirror-state'
import {
  baseKeymap,
  chainCommands,
  deleteSelection,
  joinBackward,
  joinForward,
  selectNodeBackward,
  selectNodeForward,
  toggleMark
} from 'prosemirror-commands'
import { redo, undo } from 'prosemirror-history'
import { undoInputRule } from 'prosemirror-inputrules'
import { splitListItem } from 'prosemirror-schema-list'
import { keymap } from 'prosemirror-keymap'
import type { Plugin } from 'prosemirror-state'
import { schema } from '@core/schema'
import { newId } from '@core/ids'
import { blockDepth, isContainer } from './commands/helpers'
import {
  insertList,
  insertRecommendation,
  liftListLevel,
  moveBlockDown,
  moveBlockUp,
  sinkListLevel,
  toggleNumbered
} from './commands/blocks'
import { insertFootnote } from './commands/inline'
import {
  atomBeside,
  backspaceAtGuardedEdge,
  deleteAtGuardedEdge,
  deleteEmptyRecommendation,
  deleteSelectionAcrossContainers,
  enterAtRecommendationStart,
  enterInHeading,
  exitList,
  joinListItemBackward
} from './block-edges'
import { oneStep } from './commands/helpers'

/**
 * The report editor's keys: Enter, Backspace and Delete that respect the
 * report's structure, list levels on Tab, and the shortcuts the menus show
 * (listed in `KEY_BINDINGS` so the menus and the keymap agree).
 */

const { heading, numbered_paragraph, paragraph, recommendation, list_item } = schema.nodes

/** Shortcut of each editor command, in ProseMirror key notation (Mod = Ctrl, or Cmd on macOS). */
export const KEY_BINDINGS = {
  undo: 'Mod-z',
  redo: 'Mod-y',
  bold: 'Mod-b',
  italic: 'Mod-i',
  insertRecommendation: 'Mod-Alt-r',
  insertFootnote: 'Mod-Alt-f',
  toggleNumbered: 'Mod-Alt-n',
  insertSubparagraphList: 'Mod-Alt-l',
  moveBlockUp: 'Alt-Shift-ArrowUp',
  moveBlockDown: 'Alt-Shift-ArrowDown',
  sinkListLevel: 'Tab',
  liftListLevel: 'Shift-Tab'
} as const

/**
 * Enter in a body paragraph: a new paragraph of the same kind. At the start
 * of a non-empty paragraph the new one goes before it, so the existing
 * paragraph keeps its id (and the references to it).
 */
export const splitBodyParagraph: Command = (state, dispatch) => {
  const { $from, $to } = state.selection
  const block = $from.parent
  if (block.type !== numbered_paragraph && block.type !== paragraph) return false
  if (!$from.sameParent($to) || !isContainer($from.node($from.depth - 1))) return false
  if (dispatch) {
    const tr = state.tr.deleteSelection()
    const $pos = tr.selection.$from
    const attrs = block.type === numbered_paragraph ? { id: newId() } : null
    if ($pos.parentOffset === 0 && $pos.parent.content.size > 0) {
      tr.insert($pos.before(), block.type.create(attrs))
    } else if ($pos.parentOffset < $pos.parent.content.size && $pos.parent.attrs.paragraphBreak) {
      // Split inside the text: the paragraph's end, and a suggestion on it, go with the second part.
      const paragraphBreak = $pos.parent.attrs.paragraphBreak as unknown
      tr.split($pos.pos, 1, [{ type: block.type, attrs: { ...attrs, paragraphBreak } }])
      tr.setNodeAttribute($pos.before(), 'paragraphBreak', null)
    } else {
      tr.split($pos.pos, 1, [{ type: block.type, attrs }])
    }
    // Either way the cursor ends up at the start of the second of the two paragraphs.
    tr.setSelection(TextSelection.create(tr.doc, $pos.pos + 2))
    dispatch(tr.scrollIntoView())
  }
  return true
}

/**
 * Enter in an empty last paragraph of a recommendation: leave the
 * recommendation, continuing with a numbered paragraph after it.
 */
export const exitRecommendation: Command = (state, dispatch) => {
  const { $from, empty } = state.selection
  if (!empty || $from.parent.type !== paragraph || $from.parent.content.size > 0) return false
  const depth = $from.depth - 1
  const rec = $from.node(depth)
  if (
    rec.type !== recommendation ||
    rec.childCount < 2 ||
    $from.index(depth) !== rec.childCount - 1
  )
    return false
  if (dispatch) {
    const tr = state.tr.delete($from.before(), $from.after())
    const after = tr.mapping.map($from.after(depth))
    tr.insert(after, numbered_paragraph.create({ id: newId() }))
    tr.setSelection(TextSelection.create(tr.doc, after + 1))
    dispatch(tr.scrollIntoView())
  }
  return true
}

/** The block before the textblock at the cursor when the cursor is at its very start. */
function atBlockStart(state: EditorState): { depth: number; previous: Node | null } | null {
  const { $from, empty } = state.selection
  if (!empty || $from.parentOffset !== 0) return null
  const depth = blockDepth($from)
  if (depth === null) return null
  // Only at the start of the body block itself, not of a later paragraph inside it.
  for (let d = $from.depth; d > depth; d--) if ($from.index(d - 1) !== 0) return null
  const index = $from.index(depth - 1)
  return { depth, previous: index > 0 ? $from.node(depth - 1).child(index - 1) : null }
}

/**
 * Backspace at a container boundary. At the start of a heading: nothing (a
 * heading never merges into the section before). At the start of the first
 * block after a heading: an empty block is removed, otherwise the cursor
 * moves to the end of the heading instead of merging text into the title.
 * An empty recommendation at its start is removed whole.
 */
export const backspaceAtBoundary: Command = (state, dispatch) => {
  const at = atBlockStart(state)
  if (!at) return false
  const { $from } = state.selection
  const block = $from.node(at.depth)
  if (block.type === heading) return true
  const blockPos = $from.before(at.depth)
  const emptyRecommendation =
    block.type === recommendation && block.childCount === 1 && block.firstChild!.content.size === 0
  if (emptyRecommendation) {
    if (dispatch) {
      const tr = state.tr.delete(blockPos, blockPos + block.nodeSize)
      dispatch(tr.setSelection(Selection.near(tr.doc.resolve(blockPos), -1)).scrollIntoView())
    }
    return true
  }
  if (at.previous?.type !== heading) return false
  if (dispatch) {
    const tr = state.tr
    if (block.isTextblock && block.content.size === 0)
      tr.delete(blockPos, blockPos + block.nodeSize)
    dispatch(tr.setSelection(TextSelection.create(tr.doc, blockPos - 1)).scrollIntoView())
  }
  return true
}

/**
 * Delete at the end of a textblock whose next neighbour is another
 * container's heading: nothing, so sections never merge. At the end of a
 * heading an empty first paragraph is removed; text is never pulled into a title.
 */
export const deleteAtBoundary: Command = (state, dispatch) => {
  const { $from, empty } = state.selection
  if (!empty || !$from.parent.isTextblock || $from.parentOffset !== $from.parent.content.size)
    return false
  const after = Selection.findFrom(state.doc.resolve($from.after()), 1, true)
  if (!after) return true // end of the document
  const next = after.$from.parent
  if (next.type === heading) return true
  if ($from.parent.type === heading) {
    if (next.content.size === 0 && after.$from.depth === $from.depth) {
      dispatch?.(state.tr.delete(after.$from.before(), after.$from.after()))
    }
    return true
  }
  return false
}

/**
 * Tab or Shift-Tab in a list that cannot go further: keep the key (and the
 * focus) in the editor instead of letting the browser move focus away.
 */
const keepTabInList: Command = (state) => {
  const { $from } = state.selection
  for (let depth = $from.depth; depth > 0; depth--)
    if ($from.node(depth).type === list_item) return true
  return false
}

/** Backspace: the block-edge rules first, then ProseMirror's own joins. */
const backspace = chainCommands(
  deleteSelectionAcrossContainers,
  deleteSelection,
  atomBeside(-1),
  backspaceAtBoundary,
  backspaceAtGuardedEdge,
  joinListItemBackward,
  joinBackward,
  selectNodeBackward
)

/** Delete: the mirror of Backspace. */
const forwardDelete = chainCommands(
  deleteSelectionAcrossContainers,
  deleteSelection,
  atomBeside(1),
  deleteEmptyRecommendation,
  deleteAtBoundary,
  deleteAtGuardedEdge,
  joinForward,
  selectNodeForward
)

/**
 * To the start or end of the report as the state holds it (with `extend`,
 * selecting up to there). Left to the browser, Ctrl+End goes to the end of
 * what is drawn, which in a long report still being drawn in stages (see
 * `staged-rendering.ts`) is not the end of the report.
 */
function toReportEdge(end: boolean, extend: boolean): Command {
  return (state, dispatch) => {
    const edge = end ? Selection.atEnd(state.doc) : Selection.atStart(state.doc)
    const selection = extend ? TextSelection.between(state.selection.$anchor, edge.$head) : edge
    dispatch?.(state.tr.setSelection(selection).scrollIntoView())
    return true
  }
}

/** Whether the keyboard is a Mac's, where Cmd+Up and Cmd+Down go to the report's start and end. */
const MAC_KEYS = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** The keys to the report's start and end, by platform. */
function reportEdgeBindings(): Record<string, Command> {
  const [start, end] = MAC_KEYS ? ['Mod-ArrowUp', 'Mod-ArrowDown'] : ['Mod-Home', 'Mod-End']
  return {
    [start]: toReportEdge(false, false),
    [end]: toReportEdge(true, false),
    [`Shift-${start}`]: toReportEdge(false, true),
    [`Shift-${end}`]: toReportEdge(true, true)
  }
}

/** The keymap plugins of the report editor, most specific first. */
export function buildKeymaps(): Plugin[] {
  const bindings: Record<string, Command> = {
    // Right after an AutoCorrect or typing shortcut, Ctrl+Z gives back what was typed.
    [KEY_BINDINGS.undo]: chainCommands(undoInputRule, undo),
    [KEY_BINDINGS.redo]: redo,
    'Shift-Mod-z': redo,
    [KEY_BINDINGS.bold]: toggleMark(schema.marks.bold),
    [KEY_BINDINGS.italic]: toggleMark(schema.marks.italic),
    [KEY_BINDINGS.insertRecommendation]: insertRecommendation,
    [KEY_BINDINGS.insertFootnote]: insertFootnote,
    [KEY_BINDINGS.toggleNumbered]: toggleNumbered,
    [KEY_BINDINGS.insertSubparagraphList]: insertList('subparagraph'),
    [KEY_BINDINGS.moveBlockUp]: moveBlockUp,
    [KEY_BINDINGS.moveBlockDown]: moveBlockDown,
    [KEY_BINDINGS.sinkListLevel]: chainCommands(sinkListLevel, keepTabInList),
    [KEY_BINDINGS.liftListLevel]: chainCommands(liftListLevel, keepTabInList),
    // Structural keys are one undo step each, never merged with the typing around them.
    Enter: oneStep(
      chainCommands(
        deleteSelectionAcrossContainers,
        enterInHeading,
        exitRecommendation,
        enterAtRecommendationStart,
        exitList,
        splitListItem(list_item),
        splitBodyParagraph
      )
    ),
    Backspace: chainCommands(undoInputRule, oneStep(backspace)),
    'Mod-Backspace': oneStep(backspace),
    Delete: oneStep(forwardDelete),
    'Mod-Delete': oneStep(forwardDelete),
    ...reportEdgeBindings()
  }
  return [keymap(bindings), keymap(baseKeymap)]
}
