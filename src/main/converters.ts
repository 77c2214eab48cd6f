import { join } from 'node:path'
import type { HostDependencies } from './services/host'
import { inProcessConverters } from './services/converters'
import { workerExporter } from './services/export-runner'

/**
 * The .docx exporter and the importers the app uses. Export runs in a worker
 * thread (`export-worker.ts`, built beside this file), so a long export never
 * blocks the window's requests; the importers run in the main process, never
 * in the renderer.
 */
export function converters(): Pick<HostDependencies, 'exportDocx' | 'importers'> {
  return {
    exportDocx: workerExporter(join(__dirname, 'export-worker.js')),
    importers: inProcessConverters().importers
  }
}
