/**
 * What the load/save benchmark measures, gathered in one module that
 * `file.bench.ts` bundles as the app's build does (ProseMirror from its ES
 * modules; see `electron.vite.config.ts`), so the figures are the app's and the
 * CLI's, not those of the CommonJS copy a bare `require` would load.
 */
export { parseReport, serializeReport, reportToJSON } from '../src/core/report-file'
export { computeNumbering } from '../src/core/numbering'
export { createRequestHandlers } from '../src/services/host'
export { reportOfOpened } from '../src/shared/contract/opened-report'
export {
  generateReport,
  BENCH_REPORT,
  LARGE_BENCH_REPORT,
  HUGE_BENCH_REPORT,
  type GeneratedReportOptions
} from './generate'
