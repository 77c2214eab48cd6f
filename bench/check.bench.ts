import { checkReport } from '../src/core/checks/index'
import { computeNumbering } from '../src/core/numbering'
import { generateReport } from './generate'
import { median } from './measure'
import type { BenchRow } from './table'

/**
 * The pre-circulation Check on the 300-page report (budget 50 ms), against
 * the one walk every check needs — computing the report's numbering — timed
 * in the same run, so the ratio says what the checks cost on top of it.
 */
export const title = 'Check (300-page report) vs computing its numbering'

const RUNS = 15

export async function run(): Promise<BenchRow[]> {
  const report = generateReport()
  const options = {
    language: report.meta.language,
    recommendationStyle: report.meta.settings.recommendationStyle
  }
  // Warm both up: the first runs pay for compiling the code.
  for (let i = 0; i < 3; i++) {
    checkReport({ doc: report.doc, meta: report.meta })
    computeNumbering(report.doc, options)
  }
  const numbering = await median(RUNS, () => computeNumbering(report.doc, options))
  const check = await median(RUNS, () => checkReport({ doc: report.doc, meta: report.meta }))
  const findings = checkReport({ doc: report.doc, meta: report.meta }).findings.length
  return [
    {
      metric: `check run (${findings} findings)`,
      value: check,
      unit: 'ms',
      baseline: { name: 'numbering', value: numbering },
      budget: 50
    }
  ]
}
