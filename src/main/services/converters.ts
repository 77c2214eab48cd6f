import { importDocx, importText } from '@core/import/index'
import type { HostDependencies } from './host'
import { runExportJob } from './export-job'

/**
 * The converters in the calling process: the core importers and the .docx
 * exporter run in place. The browser harness and tests use these; the app
 * runs the exporter in a worker thread instead (`src/main/converters.ts`).
 */
export function inProcessConverters(): Required<
  Pick<HostDependencies, 'exportDocx' | 'importers'>
> {
  return {
    exportDocx: runExportJob,
    importers: { importText: (text) => importText(text), importDocx: (bytes) => importDocx(bytes) }
  }
}
