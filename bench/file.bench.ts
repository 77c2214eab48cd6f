import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseReport, serializeReport } from '../src/core/report-file'
import { writeFileAtomic } from '../src/services/atomic-write'
import { computeNumbering } from '../src/core/numbering'
import { BENCH_REPORT, generateReport } from './generate'
import type { BenchRow } from './table'
import { median } from './measure'

/** Loading and saving the 300-page report, against bare JSON parsing and a plain file write. */
export const title = 'Report file: load and save (300-page report)'

/** Runs the measurements. */
export async function run(): Promise<BenchRow[]> {
  const report = generateReport(BENCH_REPORT)
  const text = serializeReport(report)
  const folder = mkdtempSync(join(tmpdir(), 'rapporteur-bench-'))
  const file = join(folder, 'report.rapporteur')
  try {
    const parse = await median(9, () => parseReport(text))
    const bareParse = await median(9, () => JSON.parse(text))
    const save = await median(9, () => writeFileAtomic(file, serializeReport(report)))
    const bareSave = await median(9, () => writeFileSync(file, JSON.stringify(report.doc.toJSON())))
    const options = {
      language: report.meta.language,
      recommendationStyle: report.meta.settings.recommendationStyle
    }
    const numbering = await median(21, () => computeNumbering(report.doc, options))
    const walk = await median(21, () => report.doc.descendants(() => true))
    return [
      {
        metric: `load: parse + validate (${(text.length / 1e6).toFixed(1)} MB)`,
        value: parse,
        unit: 'ms',
        baseline: { name: 'JSON.parse', value: bareParse }
      },
      {
        metric: 'save: serialize + atomic write + fsync',
        value: save,
        unit: 'ms',
        baseline: { name: 'writeFileSync', value: bareSave },
        budget: 100
      },
      {
        metric: 'numbering: full computation',
        value: numbering,
        unit: 'ms',
        baseline: { name: 'bare tree walk', value: walk }
      }
    ]
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
