import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { reportToDocx } from '@core/docx/index'
import { reportToJSON, serializeReport } from '@core/report-file'
import { newReport } from '@core/template'
import { createRequestHandlers } from '../../src/services/host'
import { inProcessConverters } from '../../src/services/converters'
import { saveWithTitles, temporaryFolder } from './helpers'

/** The host's `readForComparison`: a kept version or a picked file, read without opening it. */

let folder: Awaited<ReturnType<typeof temporaryFolder>>
beforeEach(async () => {
  folder = await temporaryFolder()
})
afterEach(() => folder.remove())

function host(answers: Array<string | null>, saveAs: string | null = null) {
  const changes: string[] = []
  const handlers = createRequestHandlers({
    userDataDir: join(folder.path, 'user'),
    dialogs: { showOpen: async () => answers.shift() ?? null, showSave: async () => saveAs },
    openExternal: async () => undefined,
    setWindowState: () => undefined,
    notifyFileChanged: (event) => changes.push(event.path),
    // The importers the app's worker runs, answering with JSON.
    importers: inProcessConverters().importers,
    watchDebounceMs: 30
  })
  return { handlers, changes }
}

describe('reading a report to compare with', () => {
  it('reads a .rapporteur or .docx file without opening it, and refuses other kinds', async () => {
    const report = newReport('en')
    const rapporteur = join(folder.path, 'circulated.rapporteur')
    const docx = join(folder.path, 'circulated.docx')
    const text = join(folder.path, 'notes.txt')
    await writeFile(rapporteur, serializeReport(report))
    await writeFile(docx, await reportToDocx(report))
    await writeFile(text, 'plain')
    const { handlers } = host([rapporteur, docx, text, null])

    const fromReport = await handlers.readForComparison(null)
    if (!fromReport.ok) throw new Error(JSON.stringify(fromReport))
    expect(fromReport.name).toBe('circulated.rapporteur')
    expect(fromReport.report.doc).toEqual(reportToJSON(report).doc)
    const fromWord = await handlers.readForComparison(null)
    if (!fromWord.ok) throw new Error(JSON.stringify(fromWord))
    expect(JSON.stringify(fromWord.report.doc)).toContain('Introduction')
    expect(await handlers.readForComparison(null)).toMatchObject({
      ok: false,
      reason: 'error',
      message: expect.stringContaining('only reports and Word (.docx) files can be compared')
    })
    expect(await handlers.readForComparison(null)).toEqual({ ok: false, reason: 'cancelled' })
    // Nothing was opened: the compared file is not granted to later requests.
    expect(await handlers.listVersions(rapporteur)).toEqual([])
    handlers.dispose()
  })

  it('reads a kept version of the open report, and only of a report the window opened', async () => {
    const path = join(folder.path, 'r.rapporteur')
    const { handlers } = host([], path)
    await saveWithTitles(handlers, ['First', 'Second'])
    const [version] = await handlers.listVersions(path)
    const read = await handlers.readForComparison({ path, versionId: version.versionId })
    if (!read.ok) throw new Error(JSON.stringify(read))
    expect(read.report.meta.masthead.title).toBe('First')
    expect(read.name).toBe('r.rapporteur')
    const elsewhere = join(folder.path, 'other.rapporteur')
    expect(
      await handlers.readForComparison({ path: elsewhere, versionId: version.versionId })
    ).toMatchObject({ ok: false })
    handlers.dispose()
  })
})
