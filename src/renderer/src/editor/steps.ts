import type { Node } from 'prosemirror-model'
import type { Transaction } from 'prosemirror-state'
import {
  AddMarkStep,
  AddNodeMarkStep,
  AttrStep,
  DocAttrStep,
  RemoveMarkStep,
  RemoveNodeMarkStep,
  ReplaceStep,
  type Step
} from 'prosemirror-transform'
import { ID_NODE_TYPES } from '@core/schema'

/**
 * Classifies transaction steps, so plugins can tell plain typing (which
 * leaves the report's structure alone and needs only position mapping) from
 * structural edits (which need numbering and counts recomputed).
 */

/** Whether a fragment of content holds a node of one of `types` at any depth. */
export function containsType(
  content: { descendants(f: (node: Node) => boolean | void): void },
  types: ReadonlySet<string>
): boolean {
  let found = false
  content.descendants((node) => {
    if (found) return false
    if (types.has(node.type.name)) found = true
    return !found
  })
  return found
}

const FOOTNOTE = new Set(['footnote'])

/** Steps that never change text or structure (marks and attributes other than `id`/`kind`). */
function isMarkupOnly(step: Step): boolean {
  if (
    step instanceof AddMarkStep ||
    step instanceof RemoveMarkStep ||
    step instanceof AddNodeMarkStep ||
    step instanceof RemoveNodeMarkStep ||
    step instanceof DocAttrStep
  )
    return true
  if (step instanceof AttrStep) return step.attr !== 'id' && step.attr !== 'kind'
  return false
}

/**
 * The textblock a step edits when it only replaces inline content inside one
 * textblock and neither adds nor removes a footnote; null otherwise. `doc` is
 * the document the step applies to.
 */
export function textblockOfStep(step: Step, doc: Node): { block: Node; start: number } | null {
  if (!(step instanceof ReplaceStep)) return null
  if (step.slice.openStart !== 0 || step.slice.openEnd !== 0) return null
  const $from = doc.resolve(step.from)
  if (!$from.parent.isTextblock) return null
  if (step.to > $from.end()) return null
  if (containsType(step.slice.content, FOOTNOTE)) return null
  if (step.to > step.from && containsType(doc.slice(step.from, step.to).content, FOOTNOTE))
    return null
  return { block: $from.parent, start: $from.start() }
}

/**
 * Whether a transaction leaves every numbered thing in place: it only types
 * or deletes inside textblocks (no footnote in or out), or changes marks or
 * drafting status. Such a transaction needs positions mapped, not labels
 * recomputed.
 */
export function isStructureNeutral(tr: Transaction): boolean {
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i]
    if (isMarkupOnly(step)) continue
    if (!textblockOfStep(step, tr.docs[i])) return false
  }
  return true
}

/** Whether a transaction may have given a node a missing or duplicate `id`. */
export function mayBreakIds(tr: Transaction): boolean {
  for (const step of tr.steps) {
    if (step instanceof AttrStep) {
      if (step.attr === 'id') return true
      continue
    }
    const slice = (step as { slice?: { content: Parameters<typeof containsType>[0] } }).slice
    if (slice && containsType(slice.content, ID_NODE_TYPES)) return true
  }
  return false
}

/**
 * Ranges of the final document that a batch of transactions changed, as
 * [from, to) pairs (possibly overlapping). Used to re-examine only the
 * textblocks that changed.
 */
export function changedRanges(
  transactions: readonly Transaction[],
  include: (tr: Transaction) => boolean = () => true
): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  transactions.forEach((tr, index) => {
    if (!include(tr)) return
    tr.mapping.maps.forEach((map, stepIndex) => {
      const step = tr.steps[stepIndex]
      if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
        // Marks change no text; but the auto-marks may need re-applying where they were removed.
        ranges.push(mapForward(transactions, index, stepIndex, step.from, step.to))
        return
      }
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
        ranges.push(mapForward(transactions, index, stepIndex, newStart, newEnd))
      })
    })
  })
  return ranges
}

/** Maps a range just after step `stepIndex` of transaction `index` to the final document. */
function mapForward(
  transactions: readonly Transaction[],
  index: number,
  stepIndex: number,
  from: number,
  to: number
): [number, number] {
  let a = from
  let b = to
  const rest = transactions[index].mapping.slice(stepIndex + 1)
  a = rest.map(a, -1)
  b = rest.map(b, 1)
  for (let i = index + 1; i < transactions.length; i++) {
    a = transactions[i].mapping.map(a, -1)
    b = transactions[i].mapping.map(b, 1)
  }
  return [a, Math.max(a, b)]
}
