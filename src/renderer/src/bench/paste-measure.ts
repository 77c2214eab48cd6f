import { Fragment, Slice, type Node } from 'prosemirror-model'
import { TextSelection, type EditorState } from 'prosemirror-state'
import { schema } from '@core/schema'
import { newId } from '@core/ids'

import { createReportState } from '../editor/state'
import { structuredPaste } from '../editor/structured-paste'

/**
 * The measuring side of `bench/paste.bench.ts`, run under tsx with the web
 * path aliases: pastes several thousand typed-number paragraphs into the
 * report it is given and prints the timings as JSON on standard output.
 */

const PARAGRAPHS = 5000
const RUNS = 3

function pastedText(): string {
  const lines: string[] = []
  for (let i = 1; i <= PARAGRAPHS; i++) {
    if (i % 50 === 0) lines.push(`Recommendation ${i / 50}`, '', 'States parties should act on it.')
    else if (i % 20 === 0)
      lines.push(`${i}.\tThe Group considered the following:`, '(a)\tFirst;', '(b)\tSecond.')
    else
      lines.push(
        `${i}.\tThe Working Group recalled paragraph ${Math.max(1, i - 3)} above and noted the report.`
      )
    lines.push('')
  }
  return lines.join('\n')
}

/** The report with the cursor in an empty paragraph at the end of its first chapter's text. */
function startState(doc: Node): EditorState {
  const state = createReportState({
    doc,
    language: 'en',
    recommendationStyle: 'block'
  })
  let at = -1
  state.doc.descendants((node, pos) => {
    if (at < 0 && node.type.name === 'numbered_paragraph') at = pos + node.nodeSize - 1
    return at < 0
  })
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)))
}

function plainSlice(text: string): Slice {
  const blocks = text
    .split(/\n\s*\n|\n/)
    .filter((line) => line.trim())
    .map((line) => schema.nodes.numbered_paragraph.create({ id: newId() }, schema.text(line)))
  return new Slice(Fragment.from(blocks), 1, 1)
}

/** Timings of one measurement (ms per run), and how many blocks the paste made. */
export interface PasteTimings {
  recognize: number[]
  apply: number[]
  plain: number[]
  blocks: number
}

/** Measures `RUNS` pastes into `doc`. */
export function measurePaste(doc: Node): PasteTimings {
  const text = pastedText()
  const timings: PasteTimings = { recognize: [], apply: [], plain: [], blocks: 0 }
  for (let i = 0; i < RUNS; i++) {
    const state = startState(doc)
    let started = performance.now()
    const pasted = structuredPaste(state, { text })
    timings.recognize.push(performance.now() - started)
    if (!pasted) throw new Error('structured paste did not apply')
    timings.blocks = pasted.slice.content.childCount
    started = performance.now()
    state.apply(state.tr.replaceSelection(pasted.slice))
    timings.apply.push(performance.now() - started)
    started = performance.now()
    state.apply(state.tr.replaceSelection(plainSlice(text)))
    timings.plain.push(performance.now() - started)
  }
  return timings
}

/** Paragraphs pasted per run. */
export const PASTED_PARAGRAPHS = PARAGRAPHS
