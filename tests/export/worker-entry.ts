import { reportToDocx } from '../../src/core/docx/index'
import { sampleReport } from '../fixtures/sample-report'

/**
 * Bundled for the browser by `worker.test.ts` and run in a Web Worker, as the
 * app runs the export: posts the .docx bytes of the English sample, or the error.
 */
reportToDocx(sampleReport()).then(
  (bytes) => postMessage({ bytes }, [bytes.buffer]),
  (error: unknown) => postMessage({ error: String(error) })
)
