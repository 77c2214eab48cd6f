import { Worker, type WorkerOptions } from 'node:worker_threads'
import type { ReportPayload } from '@core/api'
import type { ExportJobReply, ExportJobRequest } from './export-job'
import type { DocxExporter } from './host'

/**
 * Runs each .docx export in its own worker thread, so the main process keeps
 * answering the window (saves, recovery writes) while a 300-page report is
 * packed, and the exporter's memory is released when the worker ends.
 */

/** Options of `workerExporter`. */
export interface WorkerExporterOptions {
  /** Give up (and stop the worker) after this long; default 2 minutes. */
  timeoutMs?: number
  workerOptions?: WorkerOptions
}

/** An exporter that runs `workerFile` (which answers one `ExportJobRequest`) per export. */
export function workerExporter(
  workerFile: string | URL,
  options: WorkerExporterOptions = {}
): DocxExporter {
  const timeoutMs = options.timeoutMs ?? 120_000
  return (report: ReportPayload) =>
    new Promise<Uint8Array>((resolve, reject) => {
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
        () => finish(() => reject(new Error('the export took too long and was stopped'))),
        timeoutMs
      )
      worker.once('message', (reply: ExportJobReply) =>
        finish(() => (reply.ok ? resolve(reply.bytes) : reject(new Error(reply.message))))
      )
      worker.once('error', (error) => finish(() => reject(error)))
      worker.once('exit', (code) =>
        finish(() => reject(new Error(`the export stopped unexpectedly (exit code ${code})`)))
      )
      const request: ExportJobRequest = { report }
      worker.postMessage(request)
    })
}
