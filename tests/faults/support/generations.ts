import { generateReport } from '../../../bench/generate'
import type { Report } from '../../../src/core/report-file'

/**
 * The reports the kill test writes: one base report, and for each
 * "generation" of edits a copy whose title names the generation. The child
 * that saves and the parent that checks both build them here, so the parent
 * can tell exactly which generation a file on disk holds and that it is whole.
 */

/** Every how many generations the save loop saves the file (the others only reach the recovery store). */
export const SAVE_EVERY = 2

/** The renderer's id for the one open document of the kill test. */
export const DOCUMENT_ID = 'kill-test-document'

/** A report of a few dozen pages, so a save takes long enough to be killed in the middle. */
export function baseReport(): Report {
  return generateReport({
    sections: 6,
    paragraphs: 150,
    recommendations: 20,
    footnotes: 30,
    wordsPerParagraph: 60
  })
}

/** The report as it is after `generation` rounds of edits. */
export function reportForGeneration(base: Report, generation: number): Report {
  const masthead = { ...base.meta.masthead, title: `Draft report, generation ${generation}` }
  return { meta: { ...base.meta, masthead }, doc: base.doc }
}

/** Which generation a report is, read back from its title. */
export function generationOf(report: Report): number {
  const match = /generation (\d+)$/.exec(report.meta.masthead.title)
  if (!match) throw new Error(`not a kill-test report: title "${report.meta.masthead.title}"`)
  return Number(match[1])
}
