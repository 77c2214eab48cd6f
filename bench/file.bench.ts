import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseReport, serializeReport } from '../src/core/report-file'
import { writeFileAtomic } from '../src/services/atomic-write'
import { computeNumbering } from '../src/core/numbering'
import {
  BENCH_REPORT,
  LARGE_BENCH_REPORT,
  generateReport,
  type GeneratedReportOptions
} from './generate'
import type { BenchRow } from './table'
import { median } from './measure'

/**
 * Loading and saving the 300-page report and one four times its size, against
 * bare JSON parsing and a plain write of the same bytes.
 */
export const title = 'Report file: load and save (300 and 1,200 pages)'

/** Runs the measurements. */
export async function run(): Promise<BenchRow[]> {
  return [
    ...(await measure(BENCH_REPORT, '300 p.', 9)),
    ...(await measure(LARGE_BENCH_REPORT, '1,200 p.', 5))
  ]
}

async function measure(
  size: GeneratedReportOptions,
  label: string,
  runs: number
): Promise<BenchRow[]> {
  const report = generateReport(size)
  const text = serializeReport(report)
  const folder = mkdtempSync(join(tmpdir(), 'rapporteur-bench-'))
  const file = join(folder, 'report.rapporteur')
  try {
    const parse = await median(runs, () => parseReport(text))
    const bareParse = await median(runs, () => JSON.parse(text))
    const save = await median(runs, () => writeFileAtomic(file, serializeReport(report)))
    const bareSave = await median(runs, () => writeFileSync(file, text))
    const options = {
      language: report.meta.language,
      recommendationStyle: report.meta.settings.recommendationStyle
    }
    const numbering = await median(runs * 2, () => computeNumbering(report.doc, options))
    const walk = await median(runs * 2, () => report.doc.descendants(() => true))
    return [
      {
        metric: `${label} load: parse + validate (${(text.length / 1e6).toFixed(1)} MB)`,
        value: parse,
        unit: 'ms',
        baseline: { name: 'JSON.parse', value: bareParse }
      },
      {
        metric: `${label} save: serialize + atomic write + fsync`,
        value: save,
        unit: 'ms',
        baseline: { name: 'writeFileSync', value: bareSave },
        ...(size === BENCH_REPORT ? { budget: 100 } : {})
      },
      {
        metric: `${label} numbering: full computation`,
        value: numbering,
        unit: 'ms',
        baseline: { name: 'bare tree walk', value: walk }
      }
    ]
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
