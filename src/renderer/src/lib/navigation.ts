import { Selection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { numberingOf } from '../editor'

/**
 * Puts the cursor at the start of the numbered thing with `id` (a chapter,
 * section, paragraph, recommendation, footnote…) and scrolls it to the top
 * of the page area. Returns false when no such thing exists (a broken
 * reference, a deleted section).
 */
export function jumpTo(view: EditorView, id: string, focus = true): boolean {
  const item = numberingOf(view.state).byId.get(id)
  if (!item) return false
  return jumpToPos(view, item.pos, focus)
}

/**
 * The same for a document position (the start of a node). With `focus`
 * false the keyboard stays where it is (e.g. in the outline).
 */
export function jumpToPos(view: EditorView, pos: number, focus = true): boolean {
  const { doc } = view.state
  if (pos < 0 || pos > doc.content.size) return false
  const inside = Math.min(pos + 1, doc.content.size)
  const selection = Selection.near(doc.resolve(inside))
  view.dispatch(view.state.tr.setSelection(selection).scrollIntoView())
  const element = view.nodeDOM(pos)
  if (element instanceof HTMLElement) element.scrollIntoView({ block: 'start', behavior: 'auto' })
  if (focus) view.focus()
  return true
}

/**
 * Puts the cursor exactly at `pos` (a place in the text, such as where a
 * check found something) and scrolls it into view.
 */
export function jumpToPlace(view: EditorView, pos: number): boolean {
  const { doc } = view.state
  if (pos < 0 || pos > doc.content.size) return false
  view.dispatch(view.state.tr.setSelection(Selection.near(doc.resolve(pos))).scrollIntoView())
  view.focus()
  return true
}
