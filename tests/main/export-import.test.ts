import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { reportToJSON } from '@core/report-file'
import { newReport } from '@core/template'
import { runInWorker, workerConverters } from '../../src/services/worker-runner'
import { inProcessConverters } from '../../src/services/converters'
import { createRequestHandlers, type HostDependencies } from '../../src/services/host'
import { faultyFileSystem, openedJson, requestPayload, temporaryFolder } from './helpers'

let folder: Awaited<ReturnType<typeof temporaryFolder>>
beforeEach(async () => {
  folder = await temporaryFolder()
})
afterEach(() => folder.remove())

const payload = () => requestPayload(reportToJSON(newReport('en')))

async function worker(source: string): Promise<string> {
  const file = join(folder.path, `worker-${Math.random().toString(36).slice(2)}.cjs`)
  await writeFile(file, `const { parentPort } = require('node:worker_threads');\n${source}`)
  return file
}

describe('the worker runner', () => {
  it('returns the bytes the worker answers', async () => {
    const file = await worker(
      `parentPort.once('message', (m) => parentPort.postMessage({ ok: true, kind: 'export-docx', bytes: new TextEncoder().encode(m.report.format) }))`
    )
    const bytes = await workerConverters(file).exportDocx(payload())
    expect(new TextDecoder().decode(bytes)).toBe('rapporteur')
  })

  it('passes on the worker’s message when the conversion fails', async () => {
    const file = await worker(
      `parentPort.once('message', () => parentPort.postMessage({ ok: false, message: 'table too wide' }))`
    )
    await expect(workerConverters(file).exportDocx(payload())).rejects.toThrow('table too wide')
  })

  it('reports a worker that dies or hangs instead of waiting for ever', async () => {
    const dies = await worker(`parentPort.once('message', () => process.exit(3))`)
    await expect(runInWorker(dies, { kind: 'import-text', text: 'x' })).rejects.toThrow(
      /stopped unexpectedly \(exit code 3\)/
    )
    const hangs = await worker(`parentPort.once('message', () => setInterval(() => {}, 1000))`)
    await expect(
      runInWorker(hangs, { kind: 'import-text', text: 'x' }, { timeoutMs: 200 })
    ).rejects.toThrow(/took too long/)
  })

  it('refuses an imported report the loader would refuse', async () => {
    const file = await worker(
      `parentPort.once('message', () => parentPort.postMessage({ ok: true, kind: 'import', imported: { report: { format: 'rapporteur', version: 1, meta: {}, doc: {} }, notes: [] } }))`
    )
    await expect(workerConverters(file).importers.importText('x')).rejects.toThrow(
      /invalid report: meta/
    )
  })

  it('the built converter worker exports a .docx and imports a draft', async () => {
    const built = resolve(__dirname, '../../out/main/converter-worker.js')
    if (!existsSync(built)) {
      if (process.env.CI === 'true')
        throw new Error(`${built} is missing: run electron-vite build first`)
      console.warn(
        `\n*** SKIPPED: ${built} is not built; run \`npm run build\` to test the converter worker ***\n`
      )
      return
    }
    const converters = workerConverters(built)
    const bytes = await converters.exportDocx(payload())
    expect(Buffer.from(bytes.subarray(0, 2)).toString()).toBe('PK')
    expect(bytes.byteLength).toBeGreaterThan(5000)
    const imported = await converters.importers.importText(
      'I. Introduction\n\n1. The Working Group met in Vienna.\n'
    )
    expect(JSON.stringify(imported.report.doc)).toContain('The Working Group met in Vienna.')
    const fromWord = await converters.importers.importDocx(bytes)
    expect(fromWord.report.meta.language).toBe('en')
    await expect(
      converters.importers.importDocx(new TextEncoder().encode('not a zip'))
    ).rejects.toThrow()
  })
})

function host(answer: string | null, overrides: Partial<HostDependencies> = {}) {
  const deps: HostDependencies = {
    userDataDir: join(folder.path, 'user'),
    dialogs: { showOpen: async () => answer, showSave: async () => answer },
    openExternal: async () => undefined,
    setWindowState: () => undefined,
    ...inProcessConverters(),
    ...overrides
  }
  return createRequestHandlers(deps)
}

describe('exportDocx through the host', () => {
  it('writes the Word file where the user chose, adding .docx', async () => {
    const target = join(folder.path, 'Draft report')
    const result = await host(target).exportDocx({ report: payload(), suggestedName: 'Draft' })
    expect(result).toEqual({ ok: true, path: `${target}.docx` })
    expect((await readFile(`${target}.docx`)).subarray(0, 2).toString()).toBe('PK')
  })

  it('says the target is open in another program when it cannot be replaced', async () => {
    const target = join(folder.path, 'open-in-word.docx')
    await writeFile(target, 'the old export')
    const result = await host(target, { fs: faultyFileSystem('rename', 'EBUSY') }).exportDocx({
      report: payload(),
      suggestedName: 'x'
    })
    expect(result).toMatchObject({ ok: false, reason: 'error' })
    if (!result.ok && result.reason === 'error')
      expect(result.message).toMatch(
        /Could not write “open-in-word.docx”: the file is in use by another program.*Word/
      )
    expect(await readFile(target, 'utf8')).toBe('the old export')
  })

  it('says so when the exporter fails, and when there is none', async () => {
    const failing = host(join(folder.path, 'x.docx'), {
      exportDocx: async () => {
        throw new Error('out of memory')
      }
    })
    expect(await failing.exportDocx({ report: payload(), suggestedName: 'x' })).toEqual({
      ok: false,
      reason: 'error',
      message: 'The Word file could not be made: out of memory'
    })
    const none = host(join(folder.path, 'x.docx'), { exportDocx: undefined })
    expect(await none.exportDocx({ report: payload(), suggestedName: 'x' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not available/)
    })
  })
})

describe('importReport through the host', () => {
  it('imports a text draft as a new, unsaved report with notes', async () => {
    const source = join(folder.path, 'draft.txt')
    const text = await readFile(resolve(__dirname, '../fixtures/samples/wg-report-en.txt'), 'utf8')
    await writeFile(source, text)
    const result = await host(source).importReport()
    if (!result.ok) throw new Error(JSON.stringify(result))
    expect(result.opened.path).toBeNull()
    expect(result.opened.diskVersion).toBeNull()
    expect(JSON.stringify(openedJson(result.opened).doc)).toContain('Working Group')
    expect(Array.isArray(result.opened.importNotes)).toBe(true)
    expect(await readFile(source, 'utf8')).toBe(text)
  })

  it('refuses other file types and names a file that cannot be read', async () => {
    const rtf = join(folder.path, 'report.rtf')
    await writeFile(rtf, '{\\rtf1}')
    expect(await host(rtf).importReport()).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /only plain text \(.txt\), Word \(.docx\) and PDF \(.pdf\) files can be imported/
      )
    })
    const pdf = join(folder.path, 'report.pdf')
    await writeFile(pdf, '%PDF-1.4')
    const result = await host(pdf).importReport()
    expect(result).toMatchObject({ ok: false, reason: 'error' })
    if (!result.ok && result.reason === 'error')
      expect(result.message).toMatch(/^Cannot import “report.pdf”: This PDF file cannot be read/)
    expect(await host(join(folder.path, 'gone.txt')).importReport()).toMatchObject({
      ok: false,
      message: 'Cannot import “gone.txt”: no such file or folder.'
    })
  })

  it('turns a broken Word file into a message, not a crash', async () => {
    const docx = join(folder.path, 'broken.docx')
    await writeFile(docx, 'this is not a zip')
    const result = await host(docx).importReport()
    expect(result).toMatchObject({ ok: false, reason: 'error' })
    if (!result.ok && result.reason === 'error')
      expect(result.message).toMatch(/^Cannot import “broken.docx”: /)
  })
})
