import { join } from 'node:path'
import type { HostDependencies } from '../services/host'
import { workerConverters } from '../services/worker-runner'

/**
 * The .docx exporter and the importers the app uses: each conversion runs in
 * a worker thread (`converter-worker.ts`, built beside this file), so a long
 * export or a pathological draft never blocks the window's requests.
 */
export function converters(): Pick<HostDependencies, 'exportDocx' | 'importers'> {
  return workerConverters(join(__dirname, 'converter-worker.js'))
}
