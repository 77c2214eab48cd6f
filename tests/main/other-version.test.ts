import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serializeReport } from '@core/report-file'
import { reportOfOpened } from '@shared/contract/opened-report'
import { createLanguageVersion } from '@core/language-version'
import { newReport } from '@core/template'
import { createRequestHandlers } from '../../src/services/host'
import { openedPayload, temporaryFolder } from './helpers'

/**
 * Another language version read for the side-by-side view: the host reads it
 * without taking it over, so the open report stays the one watched, and the
 * page cannot write to the other file.
 */

let folder: Awaited<ReturnType<typeof temporaryFolder>>
beforeEach(async () => {
  folder = await temporaryFolder()
})
afterEach(() => folder.remove())

function host() {
  const answers: Array<string | null> = []
  const saveDialogs: string[] = []
  const handlers = createRequestHandlers({
    userDataDir: join(folder.path, 'user'),
    dialogs: {
      showOpen: async () => answers.shift() ?? null,
      showSave: async (options) => {
        saveDialogs.push(options.title)
        return answers.shift() ?? null
      }
    },
    openExternal: async () => undefined,
    setWindowState: () => undefined
  })
  return { handlers, answers, saveDialogs }
}

describe('openOtherVersion', () => {
  it('reads the chosen file for viewing: not watched, not writable, the open report untouched', async () => {
    const { handlers, answers, saveDialogs } = host()
    const englishPath = join(folder.path, 'en.rapporteur')
    const frenchPath = join(folder.path, 'fr.rapporteur')
    const english = newReport('en')
    await writeFile(englishPath, serializeReport(english))
    await writeFile(frenchPath, serializeReport(createLanguageVersion(english, 'fr')))

    answers.push(englishPath)
    const opened = await handlers.openReport()
    expect(opened.ok).toBe(true)

    answers.push(frenchPath)
    const other = await handlers.openOtherVersion()
    if (!other.ok) throw new Error(JSON.stringify(other))
    const read = await openedPayload(handlers, other.opened)
    expect(read.meta.language).toBe('fr')
    expect(other.opened.path).toBe(frenchPath)
    expect(handlers.services.watcher.watchedPath).toBe(englishPath)
    expect(handlers.isGrantedPath(frenchPath)).toBe(false)

    // Saving "to" the other file is not allowed without the user choosing it in Save As.
    const saved = await handlers.saveReport(other.opened.documentId, read, {
      saveAs: false,
      force: false
    })
    expect(saved).toEqual({ ok: false, reason: 'cancelled' })
    expect(saveDialogs).toEqual(['Save report'])
    handlers.dispose()
  })

  it('cancels when the dialog is closed and names a damaged file', async () => {
    const { handlers, answers } = host()
    expect(await handlers.openOtherVersion()).toEqual({ ok: false, reason: 'cancelled' })
    const broken = join(folder.path, 'broken.rapporteur')
    await writeFile(broken, '{"format": "not a report"')
    answers.push(broken)
    const outcome = await handlers.openOtherVersion()
    if (!outcome.ok) throw new Error(JSON.stringify(outcome))
    // The page reads the text the host hands over, as for Open, and its loader names the file.
    await expect(reportOfOpened(handlers, outcome.opened)).rejects.toThrow(
      /^Cannot open “broken.rapporteur”: This is not a readable Rapporteur file/
    )
    handlers.dispose()
  })
})
