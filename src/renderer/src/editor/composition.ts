import { closeHistory } from 'prosemirror-history'
import { Plugin } from 'prosemirror-state'

/**
 * Input-method compositions as undo steps: each committed composition (a
 * Chinese word chosen from the candidate list, an Arabic letter with its
 * diacritics) starts an undo step of its own, so Ctrl+Z takes back what the
 * user chose, not everything typed within the history's grouping delay.
 */
export function compositionUndoPlugin(): Plugin {
  return new Plugin({
    props: {
      handleDOMEvents: {
        compositionstart(view) {
          // A metadata-only transaction: nothing in the document or the DOM changes.
          view.dispatch(closeHistory(view.state.tr))
          return false
        }
      }
    }
  })
}
