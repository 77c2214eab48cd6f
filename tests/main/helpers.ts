import type { ExportRequest, OpenedReport, RapporteurRequests } from '@shared/contract'
import { reportOfOpened } from '@shared/contract/opened-report'
import { reportToJSON } from '@core/report-file'
import { newReport } from '@core/template'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { nodeFileSystem, type FileHandleLike, type FileSystem } from '../../src/services/fs-layer'

/** A temporary folder per test, removed afterwards. */
export async function temporaryFolder(prefix = 'rapporteur-main-'): Promise<{
  path: string
  remove(): Promise<void>
}> {
  const path = await mkdtemp(join(tmpdir(), prefix))
  return { path, remove: () => rm(path, { recursive: true, force: true }) }
}

/** `handle` with some of its calls replaced. */
export function handleWith(
  handle: FileHandleLike,
  replaced: Partial<FileHandleLike>
): FileHandleLike {
  return {
    writeFile: (data) => handle.writeFile(data),
    write: handle.write && ((...args) => handle.write!(...args)),
    writev: handle.writev && ((buffers) => handle.writev!(buffers)),
    read: handle.read && ((...args) => handle.read!(...args)),
    sync: () => handle.sync(),
    close: () => handle.close(),
    ...replaced
  }
}

/**
 * The real file system, each handle it opens given the calls `replace`
 * returns for it (null: the handle as it is).
 */
export function fileSystemWithHandles(
  replace: (handle: FileHandleLike, path: string, flags: string) => Partial<FileHandleLike> | null
): FileSystem {
  return {
    ...nodeFileSystem,
    open: async (path, flags, mode) => {
      const handle = await nodeFileSystem.open(path, flags, mode)
      const replaced = replace(handle, path, flags)
      return replaced ? handleWith(handle, replaced) : handle
    }
  }
}

/** An errno-style error as Node's fs raises it. */
export function fsError(code: string, syscall = 'write'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated fault, ${syscall}`), { code, syscall })
}

/** Which call of the fs layer a simulated fault hits. */
export type FaultPoint = 'open' | 'write' | 'sync' | 'rename' | 'mkdir'

/**
 * The real file system with one simulated fault: every call at `point`
 * whose path passes `applies` fails with `code`. Writing data half-way before
 * failing (as a full disk does) is simulated for `write`.
 */
export function faultyFileSystem(
  point: FaultPoint,
  code: string,
  applies: (path: string) => boolean = () => true
): FileSystem {
  const wrapHandle = (handle: FileHandleLike): FileHandleLike => ({
    writeFile: async (data) => {
      if (point === 'write') {
        // A full disk accepts part of the data before refusing the rest.
        await handle.writeFile(
          typeof data === 'string'
            ? data.slice(0, data.length >> 1)
            : data.subarray(0, data.byteLength >> 1)
        )
        throw fsError(code, 'write')
      }
      return handle.writeFile(data)
    },
    sync: async () => {
      if (point === 'sync') throw fsError(code, 'fsync')
      return handle.sync()
    },
    close: () => handle.close()
  })
  return {
    ...nodeFileSystem,
    open: async (path, flags, mode) => {
      const writing = flags !== 'r'
      if (point === 'open' && writing && applies(path)) throw fsError(code, 'open')
      const handle = await nodeFileSystem.open(path, flags, mode)
      return writing && applies(path) ? wrapHandle(handle) : handle
    },
    rename: async (from, to) => {
      if (point === 'rename' && applies(to)) throw fsError(code, 'rename')
      return nodeFileSystem.rename(from, to)
    },
    mkdir: async (path, options) => {
      if (point === 'mkdir' && applies(path)) throw fsError(code, 'mkdir')
      return nodeFileSystem.mkdir(path, options)
    }
  }
}

/** A report as a request carries it (`ReportPayload` types `doc` as unknown, requests as a record). */
export type RequestPayload = ExportRequest['report']

/** The JSON of a report typed as a request's payload. */
export function requestPayload(value: {
  meta: RequestPayload['meta']
  doc: unknown
}): RequestPayload {
  return value as RequestPayload
}

/** The JSON of the report an open answered, read as the page reads it (its text fetched and checked). */
export async function openedPayload(
  handlers: Pick<RapporteurRequests, 'readOpenedText'>,
  opened: OpenedReport
): Promise<RequestPayload> {
  return requestPayload(reportToJSON(await reportOfOpened(handlers, opened)))
}

/** The JSON of a report the host built (new, imported, restored), which comes as JSON, not as text. */
export function openedJson(opened: OpenedReport): RequestPayload {
  if (!opened.report) throw new Error('the host answered a text to read, not the report as JSON')
  return requestPayload(opened.report)
}

/**
 * Saves a new template report once per title (the masthead title changed each
 * time), so the versions store keeps the earlier ones. The host's save dialog
 * must answer the report's path.
 */
export async function saveWithTitles(
  handlers: Pick<RapporteurRequests, 'newReport' | 'saveReport'>,
  titles: string[]
): Promise<void> {
  let report = reportToJSON(newReport('en'))
  const { documentId } = await handlers.newReport('en')
  for (const title of titles) {
    report = { ...report, meta: { ...report.meta, masthead: { ...report.meta.masthead, title } } }
    const saved = await handlers.saveReport(documentId, requestPayload(report), {
      saveAs: false,
      force: false
    })
    if (!saved.ok) throw new Error(JSON.stringify(saved))
  }
}
