import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createRequestHandlers, type HostDependencies } from '../../src/services/host'
import { temporaryFolder } from './helpers'

/** Save as PDF through the host: where the user chose, what the window printed, or a clear refusal. */

let folder: Awaited<ReturnType<typeof temporaryFolder>>
beforeEach(async () => {
  folder = await temporaryFolder()
})
afterEach(() => folder.remove())

const PRINTED = new TextEncoder().encode('%PDF-1.7 printed page view')

function host(answer: string | null, overrides: Partial<HostDependencies> = {}) {
  return createRequestHandlers({
    userDataDir: join(folder.path, 'user'),
    dialogs: { showOpen: async () => answer, showSave: async () => answer },
    openExternal: async () => undefined,
    setWindowState: () => undefined,
    printToPdf: async () => PRINTED,
    ...overrides
  })
}

describe('savePdf through the host', () => {
  it('writes what the window printed where the user chose, adding .pdf', async () => {
    const target = join(folder.path, 'Draft report')
    expect(await host(target).savePdf({ suggestedName: 'Draft.pdf' })).toEqual({
      ok: true,
      path: `${target}.pdf`
    })
    expect(await readFile(`${target}.pdf`, 'utf8')).toBe('%PDF-1.7 printed page view')
  })

  it('writes nothing when the user cancels', async () => {
    let printed = false
    const cancelled = host(null, {
      printToPdf: async () => {
        printed = true
        return PRINTED
      }
    })
    expect(await cancelled.savePdf({ suggestedName: 'x' })).toEqual({
      ok: false,
      reason: 'cancelled'
    })
    expect(printed).toBe(false)
  })

  it('says so when printing fails, and when the build cannot print', async () => {
    const failing = host(join(folder.path, 'x.pdf'), {
      printToPdf: async () => {
        throw new Error('renderer gone')
      }
    })
    expect(await failing.savePdf({ suggestedName: 'x' })).toEqual({
      ok: false,
      reason: 'error',
      message: 'The PDF could not be made: renderer gone'
    })
    const none = host(join(folder.path, 'x.pdf'), { printToPdf: undefined })
    expect(await none.savePdf({ suggestedName: 'x' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not available/)
    })
  })
})
