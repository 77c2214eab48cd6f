import type { MarkType, Node } from 'prosemirror-model'
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { schema } from '@core/schema'
import { findSymbols } from '@core/symbols'
import { findBrackets } from '@core/text'
import { repairIds } from '@core/ids'
import { changedRanges, mayBreakIds } from './steps'
import { idsAreSound } from './numbering-plugin'
import { textblockText } from './text-segments'

/**
 * Marks the editor maintains by itself in the textblocks a transaction
 * touched: UN document symbols become `doc_symbol` links, square-bracketed
 * text gets `bracketed`. Also mends missing or duplicate ids after pastes and
 * splits. All of it lands in the same undo step as the edit that caused it.
 */

interface WantedMark {
  from: number
  to: number
  attrs: Record<string, unknown> | null
}

/** Runs of text in `block` carrying `type`, merged, with the mark's attributes. */
function existingRuns(block: Node, start: number, type: MarkType): WantedMark[] {
  const runs: WantedMark[] = []
  block.forEach((child, offset) => {
    const mark = type.isInSet(child.marks)
    if (!mark) return
    const from = start + offset
    const to = from + child.nodeSize
    const last = runs[runs.length - 1]
    if (last && last.to === from && sameAttrs(last.attrs, mark.attrs)) last.to = to
    else runs.push({ from, to, attrs: mark.attrs })
  })
  return runs
}

function sameAttrs(a: Record<string, unknown> | null, b: Record<string, unknown> | null): boolean {
  if (a === b) return true
  if (!a || !b) return Object.keys(a ?? {}).length === 0 && Object.keys(b ?? {}).length === 0
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key])
}

function sameRuns(a: WantedMark[], b: WantedMark[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (run, i) => run.from === b[i].from && run.to === b[i].to && sameAttrs(run.attrs, b[i].attrs)
    )
  )
}

function hasLinkBetween(block: Node, start: number, from: number, to: number): boolean {
  let found = false
  block.nodesBetween(from - start, to - start, (child) => {
    if (schema.marks.link.isInSet(child.marks)) found = true
    return !found
  })
  return found
}

/** Brings the auto-marks of one textblock in line with its text; adds steps to `tr` only if needed. */
export function syncTextblockMarks(tr: Transaction, block: Node, start: number): void {
  const { text, posAt } = textblockText(block, start)
  const sync = (type: MarkType, wanted: WantedMark[]) => {
    if (!block.type.allowsMarkType(type)) return
    const existing = existingRuns(block, start, type)
    if (sameRuns(existing, wanted)) return
    // Only this block's own text: footnote content inside it is a textblock of its own.
    block.forEach((child, offset) => {
      if (child.isText) tr.removeMark(start + offset, start + offset + child.nodeSize, type)
    })
    // Marks go on this block's text only, never into a footnote the run spans.
    for (const run of wanted) {
      const mark = type.create(run.attrs)
      block.forEach((child, offset) => {
        const from = Math.max(run.from, start + offset)
        const to = Math.min(run.to, start + offset + child.nodeSize)
        if (child.isText && from < to) tr.addMark(from, to, mark)
      })
    }
  }
  const symbols = findSymbols(text)
    .map((match) => ({
      from: posAt(match.from),
      to: posAt(match.to),
      attrs: { symbol: match.symbol }
    }))
    .filter((run) => !hasLinkBetween(block, start, run.from, run.to))
  sync(schema.marks.doc_symbol, symbols)
  sync(
    schema.marks.bracketed,
    findBrackets(text).map((match) => ({
      from: posAt(match.from),
      to: posAt(match.to),
      attrs: null
    }))
  )
}

/** The textblocks of `doc` overlapping any of `ranges`, each once, with their content start. */
export function textblocksIn(
  doc: Node,
  ranges: ReadonlyArray<[number, number]>
): Array<{ block: Node; start: number }> {
  const seen = new Set<number>()
  const blocks: Array<{ block: Node; start: number }> = []
  for (const [from, to] of ranges) {
    const a = Math.max(0, Math.min(from, doc.content.size))
    const b = Math.max(a, Math.min(to, doc.content.size))
    // Descends into textblocks too: footnote paragraphs sit inside them.
    doc.nodesBetween(a, b, (node, pos) => {
      if (node.isTextblock && !seen.has(pos)) {
        seen.add(pos)
        blocks.push({ block: node, start: pos + 1 })
      }
    })
  }
  return blocks
}

/** Meta flag: a transaction whose textblocks must not be re-marked (e.g. a user removed a mark). */
export const SKIP_AUTO_MARKS = 'rapporteur-skip-auto-marks'

/** The plugin key of the auto-marks plugin. */
export const autoMarksKey = new PluginKey('rapporteur-auto-marks')

/** The plugin that keeps ids sound and document symbols and brackets marked. */
export function autoMarksPlugin(): Plugin {
  return new Plugin({
    key: autoMarksKey,
    appendTransaction(transactions, _oldState, newState: EditorState) {
      const relevant = (tr: Transaction) =>
        tr.docChanged && !tr.getMeta(SKIP_AUTO_MARKS) && tr.getMeta('history$') === undefined
      const idsAtRisk = transactions.some((tr) => tr.docChanged && mayBreakIds(tr))
      if (!transactions.some(relevant) && !idsAtRisk) return null
      const tr = newState.tr
      if (idsAtRisk && !idsAreSound(newState)) repairIds(tr)
      // Attribute and mark steps never move positions, so ranges stay valid while we add them.
      for (const { block, start } of textblocksIn(
        newState.doc,
        changedRanges(transactions, relevant)
      ))
        syncTextblockMarks(tr, block, start)
      // What this adds is already in line; the next round need not look at it again.
      return tr.docChanged ? tr.setMeta(SKIP_AUTO_MARKS, true) : null
    }
  })
}
