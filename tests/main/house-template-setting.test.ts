import { copyFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { reportToJSON } from '@core/report-file'
import { newReport } from '@core/template'
import { createRequestHandlers, type DocxExporter } from '../../src/services/host'
import { requestPayload, temporaryFolder } from './helpers'

/**
 * The house template in the app: chosen in a host dialog and checked there,
 * its path kept in the settings, and its bytes handed to the exporter on
 * every export (as `rapporteur export --template FILE` does).
 */

const TEMPLATE = join(__dirname, '../fixtures/house-template/house-template.docx')

let folder: Awaited<ReturnType<typeof temporaryFolder>>
beforeEach(async () => {
  folder = await temporaryFolder()
})
afterEach(() => folder.remove())

function host() {
  const answers: Array<string | null> = []
  const templates: Array<Uint8Array | undefined> = []
  const exportDocx: DocxExporter = async (_report, template) => {
    templates.push(template)
    return new Uint8Array([80, 75, 3, 4])
  }
  const handlers = createRequestHandlers({
    userDataDir: join(folder.path, 'user'),
    dialogs: {
      showOpen: async () => answers.shift() ?? null,
      showSave: async () => answers.shift() ?? null
    },
    openExternal: async () => undefined,
    setWindowState: () => undefined,
    exportDocx
  })
  return { handlers, answers, templates }
}

const exportRequest = () => ({
  report: requestPayload(reportToJSON(newReport('en'))),
  suggestedName: 'out.docx'
})

describe('the house template setting', () => {
  it('stores a checked template and hands it to every export until it is turned off', async () => {
    const template = join(folder.path, 'office.dotx')
    await copyFile(TEMPLATE, template)
    const { handlers, answers, templates } = host()
    answers.push(template)
    const chosen = await handlers.chooseHouseTemplate(true)
    expect(chosen).toEqual({
      ok: true,
      settings: expect.objectContaining({ houseTemplate: template })
    })
    expect((await handlers.getAppSettings()).houseTemplate).toBe(template)
    answers.push(join(folder.path, 'a.docx'))
    expect((await handlers.exportDocx(exportRequest())).ok).toBe(true)
    expect(templates[0]?.length).toBeGreaterThan(1000)
    await handlers.chooseHouseTemplate(false)
    answers.push(join(folder.path, 'b.docx'))
    await handlers.exportDocx(exportRequest())
    expect(templates[1]).toBeUndefined()
  })

  it('refuses a file that is not a Word document, naming it, and keeps the setting', async () => {
    const bad = join(folder.path, 'notes.dotx')
    await writeFile(bad, 'plain text')
    const { handlers, answers } = host()
    answers.push(bad)
    expect(await handlers.chooseHouseTemplate(true)).toEqual({
      ok: false,
      reason: 'error',
      message: expect.stringMatching(/Cannot use “notes\.dotx” as the house template: .*not a Word/)
    })
    expect((await handlers.getAppSettings()).houseTemplate).toBeUndefined()
    expect(await handlers.chooseHouseTemplate(true)).toEqual({ ok: false, reason: 'cancelled' })
  })

  it('says which template is missing when it was moved away, and writes nothing', async () => {
    const template = join(folder.path, 'office.dotx')
    await copyFile(TEMPLATE, template)
    const { handlers, answers, templates } = host()
    answers.push(template)
    await handlers.chooseHouseTemplate(true)
    await rm(template)
    answers.push(join(folder.path, 'a.docx'))
    const outcome = await handlers.exportDocx(exportRequest())
    expect(outcome).toEqual({
      ok: false,
      reason: 'error',
      message: expect.stringMatching(/house template “office\.dotx” could not be read/)
    })
    expect(templates).toEqual([])
  })
})
