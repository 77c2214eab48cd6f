import { Plugin, PluginKey, type Transaction } from 'prosemirror-state'
import { closeHistory } from 'prosemirror-history'

/**
 * Undo steps of structural commands. prosemirror-history groups changes made
 * within 500 ms of each other (and touching each other) into one undo step,
 * which is right for typing but wrong for a command: moving a section,
 * inserting a recommendation or adding a section must undo on its own, never
 * together with the typing just before or just after it. A command's
 * transaction is marked with `asOwnUndoStep`; the history is closed before
 * it (so it does not join the typing before) and, by this plugin, after it
 * (so the typing after does not join it).
 */

const ownStepKey = new PluginKey('rapporteur-own-undo-step')

/** Marks a command's transaction as an undo step of its own (history closed before and after it). */
export function asOwnUndoStep(tr: Transaction): Transaction {
  return closeHistory(tr).setMeta(ownStepKey, true)
}

/** Whether a transaction was marked by `asOwnUndoStep`. */
export function isOwnUndoStep(tr: Transaction): boolean {
  return tr.getMeta(ownStepKey) === true
}

/**
 * The plugin that closes the history after a marked transaction: it appends
 * an empty, unrecorded transaction carrying `closeHistory`, so whatever comes
 * next starts a new undo step. Keep it after the plugins that append changes
 * of their own (id repair), so those still join the command's step.
 */
export function undoStepsPlugin(): Plugin {
  return new Plugin({
    key: ownStepKey,
    appendTransaction(transactions, _old, state) {
      if (!transactions.some(isOwnUndoStep)) return null
      return closeHistory(state.tr).setMeta('addToHistory', false)
    }
  })
}
