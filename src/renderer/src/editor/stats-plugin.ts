import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { AddMarkStep, AttrStep, RemoveMarkStep } from 'prosemirror-transform'
import { countWords, findBrackets, inlineText } from '@core/text'
import { labelChangesSince, numberingKey, numberingVersion, referenceOf } from './numbering-plugin'

/**
 * Running totals for the status bar — words, square brackets, broken
 * references — kept up to date by recounting only the textblocks a step
 * touched (before and after it), never the whole report: typing costs one
 * paragraph, moving a section costs that section.
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
  words: number
  brackets: number
  /** How many cross-references point at each target id. */
  references: ReadonlyMap<string, number>
  counts: ReportCounts
  numberingVersion: number
}

/** The plugin key of the counts plugin. */
export const statsKey = new PluginKey<StatsState>('rapporteur-stats')

/** What one textblock adds to the totals (its own inline text; footnote paragraphs count apart). */
interface BlockTally {
  words: number
  brackets: number
  references: string[]
}

function tallyBlock(block: Node): BlockTally {
  const text = inlineText(block)
  const references: string[] = []
  block.forEach((child) => {
    if (child.type.name === 'cross_reference') references.push(child.attrs.target as string)
  })
  return {
    words: block.type.name === 'heading' ? 0 : countWords(text),
    brackets: text.includes('[') ? findBrackets(text).length : 0,
    references
  }
}

/** Tallies of the textblocks overlapping [from, to) (all of `doc` without a range). */
function tallyRange(doc: Node, from = 0, to = doc.content.size): BlockTally {
  const total: BlockTally = { words: 0, brackets: 0, references: [] }
  const visit = (node: Node) => {
    if (!node.isTextblock) return true
    const tally = tallyBlock(node)
    total.words += tally.words
    total.brackets += tally.brackets
    total.references.push(...tally.references)
    // Footnote paragraphs inside are textblocks of their own.
    return true
  }
  if (from === 0 && to === doc.content.size) doc.descendants(visit)
  else doc.nodesBetween(from, to, visit)
  return total
}

function brokenCount(state: EditorState, references: ReadonlyMap<string, number>): number {
  let broken = 0
  for (const [target, count] of references) if (referenceOf(state, target).broken) broken += count
  return broken
}

function fromScratch(state: EditorState): StatsState {
  const tally = tallyRange(state.doc)
  const references = new Map<string, number>()
  for (const target of tally.references) references.set(target, (references.get(target) ?? 0) + 1)
  return {
    words: tally.words,
    brackets: tally.brackets,
    references,
    counts: {
      words: tally.words,
      brackets: tally.brackets,
      brokenReferences: brokenCount(state, references)
    },
    numberingVersion: numberingVersion(state)
  }
}

/**
 * The broken-reference count after a renumbering that left the references
 * alone: only targets whose label changed (or that came or went) can have
 * changed sides, so only they are looked at; null when the states are not
 * one renumbering apart.
 */
function brokenAfterRenumbering(
  previous: StatsState,
  oldState: EditorState,
  newState: EditorState
): number | null {
  const changed = labelChangesSince(oldState, newState)
  if (!changed) return null
  let broken = previous.counts.brokenReferences
  for (const target of changed) {
    const count = previous.references.get(target)
    if (!count) continue
    const was = referenceOf(oldState, target).broken
    const is = referenceOf(newState, target).broken
    if (was !== is) broken += is ? count : -count
  }
  return broken
}

function applyTransaction(
  tr: Transaction,
  previous: StatsState,
  oldState: EditorState,
  newState: EditorState
): StatsState {
  const version = numberingVersion(newState)
  if (!tr.docChanged && version === previous.numberingVersion) return previous
  let { words, brackets } = previous
  let references = previous.references
  const adjust = (target: string, by: number) => {
    if (references === previous.references) references = new Map(previous.references)
    const count = (references.get(target) ?? 0) + by
    if (count > 0) (references as Map<string, number>).set(target, count)
    else (references as Map<string, number>).delete(target)
  }
  tr.steps.forEach((step, index) => {
    const before = tr.docs[index]
    const after = index + 1 < tr.docs.length ? tr.docs[index + 1] : tr.doc
    // Marks and attributes change no text; a reference pointed elsewhere changes its block's references.
    if (step instanceof AttrStep && step.attr === 'target') {
      const removed = tallyRange(before, step.pos, step.pos + 1)
      const added = tallyRange(after, step.pos, step.pos + 1)
      for (const target of removed.references) adjust(target, -1)
      for (const target of added.references) adjust(target, 1)
      return
    }
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep || step instanceof AttrStep)
      return
    // One span covering all the step's ranges (a wrap's gap is in both and cancels out).
    let oldFrom = Infinity
    let oldTo = -Infinity
    let newFrom = Infinity
    let newTo = -Infinity
    step.getMap().forEach((oldStart, oldEnd, newStart, newEnd) => {
      oldFrom = Math.min(oldFrom, oldStart)
      oldTo = Math.max(oldTo, oldEnd)
      newFrom = Math.min(newFrom, newStart)
      newTo = Math.max(newTo, newEnd)
    })
    if (oldFrom === Infinity) return
    const removed = tallyRange(before, oldFrom, oldTo)
    const added = tallyRange(after, newFrom, newTo)
    words += added.words - removed.words
    brackets += added.brackets - removed.brackets
    for (const target of removed.references) adjust(target, -1)
    for (const target of added.references) adjust(target, 1)
  })
  const referencesChanged = references !== previous.references
  const brokenReferences = referencesChanged
    ? brokenCount(newState, references)
    : version !== previous.numberingVersion
      ? (brokenAfterRenumbering(previous, oldState, newState) ?? brokenCount(newState, references))
      : previous.counts.brokenReferences
  return {
    words,
    brackets,
    references,
    counts: { words, brackets, brokenReferences },
    numberingVersion: version
  }
}

/** The counts plugin; must come after the numbering plugin. */
export function statsPlugin(): Plugin<StatsState> {
  return new Plugin<StatsState>({
    key: statsKey,
    state: {
      init: (_config, state) => {
        if (!numberingKey.getState(state))
          throw new Error('statsPlugin needs the numbering plugin first')
        return fromScratch(state)
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
