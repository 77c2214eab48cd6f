/**
 * What the load/save benchmark measures, gathered in one module that
 * `file.bench.ts` bundles as the app's build does (ProseMirror from its ES
 * modules; see `electron.vite.config.ts`), so the figures are the app's and the
 * CLI's, not those of the CommonJS copy a bare `require` would load.
 */
import type { Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'

export {
  parseReport,
  serializeReport,
  reportToJSON,
  reportChanges,
  reportWithMeta,
  SavedRevision,
  type ReportChangesJson,
  type ReportFileJson
} from '../src/core/report-file'
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
export type { Report } from '../src/core/report-file'

/** The position at the end of the text of the first textblock past the middle of `doc`. */
export function middleTextPosition(doc: Node): number {
  let position = -1
  doc.descendants((node, pos) => {
    if (position < 0 && node.isTextblock && node.textContent !== '' && pos >= doc.content.size / 2)
      position = pos + node.nodeSize - 1
    return position < 0
  })
  return position
}

/** `doc` with a letter typed at `position`, or taken away again when it is there. */
export function typedOrErased(doc: Node, position: number): Node {
  const transform = new Transform(doc)
  if (doc.textBetween(position, position + 1) === 'ę') transform.delete(position, position + 1)
  else transform.insert(position, doc.type.schema.text('ę'))
  return transform.doc
}
