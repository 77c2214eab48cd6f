import { NodeSelection, TextSelection, type Command, type EditorState } from 'prosemirror-state'
import { schema } from '@core/schema'
import { newId } from '@core/ids'
import { REFERENCEABLE_KINDS } from '@core/numbering'
import { numberedItem } from '../numbering-plugin'
import { oneStep } from './helpers'

/**
 * Commands that put inline atoms in the text — footnotes and
 * cross-references — and the one that follows a reference to its target.
 */

const { footnote, cross_reference, paragraph } = schema.nodes

/** Whether an inline node of this type may go at the cursor (not in headings). */
function canInsertInline(state: EditorState, type: typeof footnote): boolean {
  const $from = state.selection.$from
  return $from.parent.inlineContent && $from.parent.type.contentMatch.matchType(type) !== null
}

/**
 * Command: insert a footnote at the cursor and select it, so its text can be
 * typed at once (its node view opens the footnote editor when selected).
 */
export const insertFootnote: Command = oneStep((state, dispatch) => {
  if (!canInsertInline(state, footnote)) return false
  if (dispatch) {
    const node = footnote.create({ id: newId() }, paragraph.create())
    const tr = state.tr.replaceSelectionWith(node, false)
    const pos = tr.mapping.map(state.selection.from, -1)
    tr.setSelection(NodeSelection.create(tr.doc, pos))
    dispatch(tr.scrollIntoView())
  }
  return true
})

/**
 * Command: insert a cross-reference to the numbered thing `targetId`
 * (paragraph, recommendation, chapter, section, subsection) at the cursor.
 */
export function insertCrossReference(targetId: string): Command {
  return oneStep((state, dispatch) => {
    const target = numberedItem(state, targetId)
    if (!target || !REFERENCEABLE_KINDS.has(target.kind)) return false
    if (!canInsertInline(state, cross_reference)) return false
    if (dispatch) {
      const tr = state.tr.replaceSelectionWith(cross_reference.create({ target: targetId }), true)
      dispatch(tr.scrollIntoView())
    }
    return true
  })
}

/**
 * Command: put the cursor at the start of the numbered thing `targetId` and
 * scroll it into view (what clicking a cross-reference does). False when the
 * target is gone.
 */
export function followReference(targetId: string): Command {
  return (state, dispatch) => {
    const target = numberedItem(state, targetId)
    if (!target) return false
    if (dispatch && target.kind === 'footnote') {
      dispatch(state.tr.setSelection(NodeSelection.create(state.doc, target.pos)).scrollIntoView())
      return true
    }
    if (dispatch) {
      const $inside = state.doc.resolve(Math.min(target.pos + 1, state.doc.content.size))
      const selection = TextSelection.findFrom($inside, 1, true) ?? TextSelection.near($inside)
      dispatch(state.tr.setSelection(selection).scrollIntoView())
    }
    return true
  }
}
