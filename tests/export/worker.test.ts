import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { build, type Rollup } from 'vite'
import { CHROMIUM_ARGS, CHROMIUM_PATH, browserAvailable } from '../e2e/browser'
import { readDocx } from './docx-reader'

/**
 * The exporter is pure (the `docx` library, no DOM, no Node APIs): bundled
 * for the browser, it runs in a Web Worker in real Chromium, where the app
 * runs exports so typing never waits for them.
 */

const ready = browserAvailable('worker export test')

async function bundle(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    root: join(__dirname, '../..'),
    build: {
      write: false,
      minify: false,
      lib: {
        entry: join(__dirname, 'worker-entry.ts'),
        formats: ['iife'],
        name: 'rapporteurExport',
        fileName: () => 'export-worker.js'
      }
    }
  })
  const output = (Array.isArray(result) ? result[0] : result) as Rollup.RollupOutput
  return output.output[0].code
}

describe.runIf(ready)('the exporter in a browser worker', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS
    })
  }, 60_000)
  afterAll(() => browser?.close())

  it('exports the English sample without DOM or Node APIs', async () => {
    const code = await bundle()
    const page = await browser.newPage()
    await page.setContent('<!doctype html><title>worker</title>')
    const outcome = await page.evaluate(async (source) => {
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
      const worker = new Worker(url)
      return await new Promise<{ bytes?: number[]; error?: string }>((resolve) => {
        worker.onmessage = (event: MessageEvent<{ bytes?: Uint8Array; error?: string }>) =>
          resolve({
            bytes: event.data.bytes ? Array.from(event.data.bytes) : undefined,
            error: event.data.error
          })
        worker.onerror = (event) => resolve({ error: event.message })
      })
    }, code)
    expect(outcome.error).toBeUndefined()
    const docx = readDocx(Uint8Array.from(outcome.bytes!))
    expect(docx.paragraphs().filter((p) => p.style === 'NumberedParagraph')).toHaveLength(18)
  }, 120_000)
})
