import { parentPort } from 'node:worker_threads'
import { runExportJob, type ExportJobReply, type ExportJobRequest } from './services/export-job'

/**
 * The export worker thread: answers one `ExportJobRequest` with the .docx
 * bytes (transferred, not copied) or a message, then the runner ends it.
 */
parentPort?.once('message', async (request: ExportJobRequest) => {
  let reply: ExportJobReply
  try {
    const bytes = await runExportJob(request.report)
    reply = { ok: true, bytes }
    parentPort?.postMessage(reply, [bytes.buffer as ArrayBuffer])
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) }
    parentPort?.postMessage(reply)
  }
})
