import { Worker, type WorkerOptions } from 'node:worker_threads'
import type { ConvertReply, ConvertRequest } from './convert-job'
import { reportPayloadSchema } from '@shared/contract'
import type { ZodError } from 'zod'
import type { DocxExporter, HostDependencies, ImportResult } from './host'

/**
 * Runs each conversion (export to Word, import of a draft) in its own worker
 * thread. The main process keeps answering the window meanwhile (saves,
 * recovery copies), a pathological input cannot freeze or crash it, and the
 * converter's memory is released when the worker ends.
 */

/** Options of the worker runner. */
export interface WorkerRunnerOptions {
  /** Give up (and stop the worker) after this long; default 2 minutes. */
  timeoutMs?: number
  workerOptions?: WorkerOptions
}

/** Sends one request to a fresh worker running `workerFile` and resolves with its reply. */
export function runInWorker(
  workerFile: string | URL,
  request: ConvertRequest,
  options: WorkerRunnerOptions = {}
): Promise<ConvertReply> {
  const timeoutMs = options.timeoutMs ?? 120_000
  return new Promise<ConvertReply>((resolve, reject) => {
    const worker = new Worker(workerFile, options.workerOptions)
    let settled = false
    const finish = (outcome: () => void): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void worker.terminate()
      outcome()
    }
    const timer = setTimeout(
      () => finish(() => reject(new Error('it took too long and was stopped'))),
      timeoutMs
    )
    worker.once('message', (reply: ConvertReply) => finish(() => resolve(reply)))
    worker.once('error', (error) => finish(() => reject(error)))
    worker.once('exit', (code) =>
      finish(() => reject(new Error(`it stopped unexpectedly (exit code ${code})`)))
    )
    // A Buffer's memory may be shared with others; post a copy of just its bytes.
    worker.postMessage(
      request.kind === 'import-docx' || request.kind === 'import-pdf'
        ? { ...request, bytes: new Uint8Array(request.bytes) }
        : request
    )
  })
}

function unwrap(reply: ConvertReply): Exclude<ConvertReply, { ok: false }> {
  if (!reply.ok) throw new Error(reply.message)
  return reply
}

/** The exporter and importers of the host, each run in a worker thread running `workerFile`. */
export function workerConverters(
  workerFile: string | URL,
  options: WorkerRunnerOptions = {}
): Required<Pick<HostDependencies, 'exportDocx' | 'importers'>> {
  const exportDocx: DocxExporter = async (report, template) => {
    const reply = unwrap(
      await runInWorker(workerFile, { kind: 'export-docx', report, template }, options)
    )
    if (reply.kind !== 'export-docx') throw new Error('the converter answered something else')
    return reply.bytes
  }
  const imported = async (request: ConvertRequest): Promise<ImportResult> => {
    const reply = unwrap(await runInWorker(workerFile, request, options))
    if (reply.kind !== 'import') throw new Error('the converter answered something else')
    // Handed on as JSON: the window builds the document once (and refuses what the loader
    // would); here only its envelope is checked, cheaply, so nothing malformed crosses over.
    const envelope = reportPayloadSchema.safeParse(reply.imported.report)
    if (!envelope.success)
      throw new Error(`The importer produced an invalid report: ${describeIssue(envelope.error)}`)
    return reply.imported
  }
  return {
    exportDocx,
    importers: {
      importText: (text) => imported({ kind: 'import-text', text }),
      importDocx: (bytes) => imported({ kind: 'import-docx', bytes }),
      importPdf: (bytes) => imported({ kind: 'import-pdf', bytes })
    }
  }
}

/** The first problem zod found, as "meta.language: …". */
function describeIssue(error: ZodError): string {
  const issue = error.issues[0]
  return `${issue.path.join('.') || 'report'}: ${issue.message}`
}
