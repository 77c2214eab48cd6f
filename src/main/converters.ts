import { join, sep } from 'node:path'
import type { HostDependencies } from '../services/host'
import { workerConverters } from '../services/worker-runner'

/**
 * The .docx exporter and the importers the app uses: each conversion runs in
 * a worker thread (`converter-worker.ts`, built beside this file), so a long
 * export or a pathological draft never blocks the window's requests.
 */
export function converters(): Pick<HostDependencies, 'exportDocx' | 'importers'> {
  return workerConverters(unpackedPath(join(__dirname, 'converter-worker.js')))
}

/**
 * Where a file packed into `app.asar` lives once unpacked: the installers keep
 * the worker (and what it loads) in `app.asar.unpacked`, because a worker
 * thread reads its script from the real file system. Paths outside an archive
 * (a source checkout) are returned as they are.
 */
export function unpackedPath(path: string): string {
  const archive = `${sep}app.asar${sep}`
  return path.includes(archive) ? path.replace(archive, `${sep}app.asar.unpacked${sep}`) : path
}
