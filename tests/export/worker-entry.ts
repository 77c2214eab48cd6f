import { reportToDocx } from '../../src/core/docx/index'
import { sampleReport } from '../fixtures/sample-report'

/**
 * Bundled for the browser by `worker.test.ts` and run in a Web Worker, as the
 * app runs the export: posts the .docx bytes of the English sample, or the error.
 */
const scope = globalThis as unknown as {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void
}
reportToDocx(sampleReport()).then(
  (bytes) => scope.postMessage({ bytes }, [bytes.buffer as ArrayBuffer]),
  (error: unknown) => scope.postMessage({ error: String(error) })
)
