import type { Node } from 'prosemirror-model'
import {
  Plugin,
  PluginKey,
  type Command,
  type EditorState,
  type Transaction
} from 'prosemirror-state'
import { labelOf } from './numbering-plugin'

/**
 * Notices of references broken by an edit. When a change deletes a
 * paragraph, recommendation, list item, footnote or container that
 * cross-references still point to, the editor keeps a notice naming what
 * those references pointed to ("paragraph 4", "recommendation 2"); the app
 * shows it with an Undo button. The notice lasts until the next change to
 * the document (or until it is dismissed), and undoing the edit clears it.
 */

/** A target an edit deleted while references to it remain. */
export interface BrokenByEdit {
  /** The deleted target's id. */
  target: string
  /** How the references showed it before the edit ("paragraph 4"). */
  label: string
  /** How many references to it the report still holds. */
  references: number
}

interface GuardState {
  broken: readonly BrokenByEdit[]
}

const guardKey = new PluginKey<GuardState>('rapporteur-reference-guard')
const DISMISS = 'dismiss'

/** Ids of numbered nodes in [from, to) of `doc`. */
function idsIn(doc: Node, from: number, to: number, into: Set<string>): void {
  doc.nodesBetween(from, to, (node) => {
    const id = node.attrs.id as string | null | undefined
    if (id) into.add(id)
    return !node.isText
  })
}

/** Targets of cross-references in `doc`, with their counts, restricted to `wanted`. */
function referencesTo(doc: Node, wanted: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>()
  doc.descendants((node) => {
    if (node.type.name === 'cross_reference') {
      const target = node.attrs.target as string
      if (wanted.has(target)) counts.set(target, (counts.get(target) ?? 0) + 1)
    }
    return !node.isText
  })
  return counts
}

/** Whether a transaction is an undo or redo (prosemirror-history marks them). */
function isHistory(tr: Transaction): boolean {
  return tr.getMeta('history$') !== undefined
}

function brokenBy(tr: Transaction, oldState: EditorState, newState: EditorState): BrokenByEdit[] {
  const deleted = new Set<string>()
  tr.steps.forEach((step, index) => {
    const doc = tr.docs[index]
    step.getMap().forEach((oldStart, oldEnd) => {
      if (oldEnd > oldStart) idsIn(doc, oldStart, oldEnd, deleted)
    })
  })
  if (deleted.size === 0) return []
  // Only what is gone for good (a move re-inserts the same ids).
  for (const id of [...deleted]) if (labelOf(newState, id)) deleted.delete(id)
  if (deleted.size === 0) return []
  const counts = referencesTo(newState.doc, deleted)
  const broken: BrokenByEdit[] = []
  for (const [target, references] of counts) {
    const label = labelOf(oldState, target)
    broken.push({ target, label: label?.reference ?? label?.label ?? target, references })
  }
  return broken
}

/** The plugin that keeps the notice of references broken by the last edit. */
export function referenceGuardPlugin(): Plugin<GuardState> {
  return new Plugin<GuardState>({
    key: guardKey,
    state: {
      init: () => ({ broken: [] }),
      apply(tr, value, oldState, newState) {
        if (tr.getMeta(guardKey) === DISMISS) return { broken: [] }
        if (!tr.docChanged) return value
        if (isHistory(tr)) return { broken: [] }
        const broken = brokenBy(tr, oldState, newState)
        // Appended transactions (id repair) belong to the edit before them.
        if (tr.getMeta('appendedTransaction') !== undefined)
          return broken.length > 0 ? { broken: [...value.broken, ...broken] } : value
        return { broken }
      }
    }
  })
}

/** The references the last edit broke (empty when it broke none). */
export function brokenByLastEdit(state: EditorState): readonly BrokenByEdit[] {
  return guardKey.getState(state)?.broken ?? []
}

/** A transaction that dismisses the notice without changing the document. */
export function dismissBrokenNotice(state: EditorState): Transaction {
  return state.tr.setMeta(guardKey, DISMISS).setMeta('addToHistory', false)
}

/** Command: dismiss the notice of references broken by the last edit. */
export const dismissBrokenReferences: Command = (state, dispatch) => {
  if (brokenByLastEdit(state).length === 0) return false
  dispatch?.(dismissBrokenNotice(state))
  return true
}
