import type { Command, EditorState } from 'prosemirror-state'
import { META_ATTRS, metaOfDoc, type ReportMeta } from '@core/meta'

/**
 * The report's metadata (masthead, language, settings) as editor state: they
 * are the document's attributes, changed by `DocAttrStep`s, so the history
 * undoes and redoes them in turn with the text.
 */

/** The metadata of the report in `state` (the same object until it changes). */
export function reportMetaOf(state: EditorState): ReportMeta {
  return metaOfDoc(state.doc)
}

/**
 * Command: replace some of the report's metadata as one undoable change; false
 * when nothing would change. Labels follow a new language or recommendation
 * style (the numbering reads them from the document).
 */
export function setReportMeta(change: Partial<ReportMeta>): Command {
  return (state, dispatch) => {
    const current = reportMetaOf(state)
    const changed = META_ATTRS.filter(
      (name) => change[name] !== undefined && !sameValue(change[name], current[name])
    )
    if (changed.length === 0) return false
    if (dispatch) {
      const tr = state.tr
      for (const name of changed) tr.setDocAttribute(name, change[name])
      dispatch(tr)
    }
    return true
  }
}

/** Equal as values: metadata parts are plain JSON (strings, numbers, flat objects). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  return (
    keysA.length === keysB.length &&
    keysA.every(
      (key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]
    )
  )
}
