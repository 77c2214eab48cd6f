import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { countWords, findBrackets, inlineText } from '@core/text'
import { isStructureNeutral, textblockOfStep } from './steps'
import { labelOf, numberingKey, numberingVersion } from './numbering-plugin'

/**
 * Running totals for the status bar — words, square brackets, broken
 * references — kept up to date per keystroke by looking only at the
 * textblock that changed; recounted in full only after structural edits.
 */

/** The status bar's totals. */
export interface ReportCounts {
  /** Words in body and footnotes (headings excluded), as counted against the word limit. */
  words: number
  /** Square-bracketed passages (headings, body and footnotes). */
  brackets: number
  /** Cross-references whose target no longer exists. */
  brokenReferences: number
}

interface StatsState {
  counts: ReportCounts
  numberingVersion: number
}

/** The plugin key of the counts plugin. */
export const statsKey = new PluginKey<StatsState>('rapporteur-stats')

function blockCounts(block: Node, state: EditorState): ReportCounts {
  const text = inlineText(block)
  let broken = 0
  block.forEach((child) => {
    if (
      child.type.name === 'cross_reference' &&
      !labelOf(state, child.attrs.target as string)?.reference
    )
      broken++
  })
  return {
    words: block.type.name === 'heading' ? 0 : countWords(text),
    brackets: text.includes('[') ? findBrackets(text).length : 0,
    brokenReferences: broken
  }
}

function countAll(state: EditorState): ReportCounts {
  const counts: ReportCounts = { words: 0, brackets: 0, brokenReferences: 0 }
  state.doc.descendants((node) => {
    if (!node.isTextblock) return true
    const block = blockCounts(node, state)
    counts.words += block.words
    counts.brackets += block.brackets
    counts.brokenReferences += block.brokenReferences
    // Footnote paragraphs are textblocks inside this one.
    return true
  })
  return counts
}

function applyTransaction(
  tr: Transaction,
  previous: StatsState,
  oldState: EditorState,
  newState: EditorState
): StatsState {
  const version = numberingVersion(newState)
  if (version !== previous.numberingVersion || (tr.docChanged && !isStructureNeutral(tr)))
    return { counts: countAll(newState), numberingVersion: version }
  if (!tr.docChanged) return previous
  const counts = { ...previous.counts }
  for (let i = 0; i < tr.steps.length; i++) {
    const before = textblockOfStep(tr.steps[i], tr.docs[i])
    if (!before) continue // a mark or status change: no count moves
    const after = i + 1 < tr.docs.length ? tr.docs[i + 1] : tr.doc
    const blockAfter = after.resolve(tr.steps[i].getMap().map(before.start)).parent
    const old = blockCounts(before.block, oldState)
    const now = blockCounts(blockAfter, newState)
    counts.words += now.words - old.words
    counts.brackets += now.brackets - old.brackets
    counts.brokenReferences += now.brokenReferences - old.brokenReferences
  }
  return { counts, numberingVersion: version }
}

/** The counts plugin; must come after the numbering plugin. */
export function statsPlugin(): Plugin<StatsState> {
  return new Plugin<StatsState>({
    key: statsKey,
    state: {
      init: (_config, state) => {
        if (!numberingKey.getState(state))
          throw new Error('statsPlugin needs the numbering plugin first')
        return { counts: countAll(state), numberingVersion: numberingVersion(state) }
      },
      apply: applyTransaction
    }
  })
}

/** The current word, bracket and broken-reference totals. */
export function countsOf(state: EditorState): ReportCounts {
  const value = statsKey.getState(state)
  if (!value) throw new Error('The report editor state has no counts plugin')
  return value.counts
}
