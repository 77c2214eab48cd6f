import { parentPort } from 'node:worker_threads'
import { runConvertJob, type ConvertReply, type ConvertRequest } from '../services/convert-job'

/**
 * The converter worker thread: answers one `ConvertRequest` (export to Word,
 * import of a text or Word draft), then the runner ends it. A .docx is
 * transferred, not copied.
 */
parentPort?.once('message', async (request: ConvertRequest) => {
  let reply: ConvertReply
  try {
    reply = await runConvertJob(request)
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  const transfer =
    reply.ok && reply.kind === 'export-docx' ? [reply.bytes.buffer as ArrayBuffer] : []
  parentPort?.postMessage(reply, transfer)
})
