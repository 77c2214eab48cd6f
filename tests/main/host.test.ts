import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { reportFromJSON, reportToJSON, serializeReport } from '@core/report-file'
import { newReport } from '@core/template'
import type { OpenedReport } from '@shared/contract'
import {
  createRequestHandlers,
  OFFER_LIFETIME_MS,
  type HostDependencies
} from '../../src/services/host'
import { requestPayload, temporaryFolder, type RequestPayload } from './helpers'

let folder: Awaited<ReturnType<typeof temporaryFolder>>
beforeEach(async () => {
  folder = await temporaryFolder()
})
afterEach(() => folder.remove())

/** A host whose dialogs answer from a script; returns the calls they saw. */
function host(overrides: Partial<HostDependencies> = {}) {
  const answers: Array<string | null> = []
  const dialogCalls: string[] = []
  const windowStates: Array<{ title: string; dirty: boolean }> = []
  const opened: string[] = []
  const changes: string[] = []
  const deps: HostDependencies = {
    userDataDir: join(folder.path, 'user'),
    dialogs: {
      showOpen: async (options) => {
        dialogCalls.push(`open:${options.title}`)
        return answers.shift() ?? null
      },
      showSave: async (options) => {
        dialogCalls.push(`save:${options.title}:${options.defaultPath}`)
        return answers.shift() ?? null
      }
    },
    openExternal: async (url) => {
      opened.push(url)
    },
    setWindowState: (state) => windowStates.push(state),
    notifyFileChanged: (event) => changes.push(event.path),
    watchDebounceMs: 20,
    ...overrides
  }
  const handlers = createRequestHandlers(deps)
  return { handlers, answers, dialogCalls, windowStates, opened, changes }
}

type Payload = RequestPayload
const payload = requestPayload

function titled(value: { meta: Payload['meta']; doc: unknown }, title: string): Payload {
  const base = payload(value)
  return { ...base, meta: { ...base.meta, masthead: { ...base.meta.masthead, title } } }
}

function expectOpened(outcome: { ok: boolean }): OpenedReport {
  expect(outcome.ok).toBe(true)
  return (outcome as unknown as { opened: OpenedReport }).opened
}

describe('createRequestHandlers', () => {
  it('creates, saves (asking where), reopens and saves again without asking', async () => {
    const { handlers, answers, dialogCalls } = host()
    const created = await handlers.newReport('zh')
    expect(created.path).toBeNull()
    expect(reportFromJSON(created.report).meta.language).toBe('zh')

    answers.push(join(folder.path, 'report'))
    const saved = await handlers.saveReport(created.documentId, payload(created.report), {
      saveAs: false,
      force: false
    })
    if (!saved.ok) throw new Error(JSON.stringify(saved))
    expect(saved.path).toBe(join(folder.path, 'report.rapporteur'))
    expect(dialogCalls).toEqual(['save:Save report:报告草稿.rapporteur'])

    answers.push(saved.path)
    const reopened = expectOpened(await handlers.openReport())
    expect(reopened.diskVersion).toBe(saved.diskVersion)

    const again = await handlers.saveReport(
      reopened.documentId,
      titled(reopened.report, 'Second'),
      {
        saveAs: false,
        force: false
      }
    )
    expect(again.ok).toBe(true)
    expect(dialogCalls).toHaveLength(2)
    // The host remembers the place and the version it wrote: the next save asks nothing either.
    const third = await handlers.saveReport(reopened.documentId, titled(reopened.report, 'Third'), {
      saveAs: false,
      force: false
    })
    expect(third).toMatchObject({ ok: true, path: saved.path })
    expect(dialogCalls).toHaveLength(2)
    expect(await readFile(saved.path, 'utf8')).toContain('Third')
    expect(await handlers.listVersions(saved.path)).toHaveLength(2)
    handlers.dispose()
  })

  it('reports a conflict when the file changed on disk, and overwrites when forced', async () => {
    const { handlers, answers } = host()
    const path = join(folder.path, 'r.rapporteur')
    await writeFile(path, serializeReport(newReport('en')))
    answers.push(path)
    const opened = expectOpened(await handlers.openReport())
    await writeFile(path, serializeReport({ ...newReport('en') }).replace('Draft report', 'Theirs'))
    const mine = titled(opened.report, 'Mine')
    const save = (force: boolean) =>
      handlers.saveReport(opened.documentId, mine, { saveAs: false, force })
    expect(await save(false)).toMatchObject({ ok: false, reason: 'conflict' })
    expect(await readFile(path, 'utf8')).toContain('Theirs')
    expect((await save(true)).ok).toBe(true)
    expect(await readFile(path, 'utf8')).toContain('Mine')
    handlers.dispose()
  })

  it('never writes to a path the user did not choose in this window', async () => {
    const { handlers, answers, dialogCalls } = host()
    const foreign = join(folder.path, 'not-chosen.rapporteur')
    answers.push(null)
    // A document id the host never gave out has no place: the host asks, whatever the page says.
    const result = await handlers.saveReport(foreign, payload(reportToJSON(newReport('en'))), {
      saveAs: false,
      force: true
    })
    expect(result).toEqual({ ok: false, reason: 'cancelled' })
    expect(dialogCalls).toHaveLength(1)
    await expect(readFile(foreign)).rejects.toThrow()
    expect(await handlers.reloadFromDisk(foreign)).toMatchObject({ ok: false, reason: 'error' })
    expect(await handlers.listVersions(foreign)).toEqual([])
  })

  it('opens a bad file with a clear message and leaves it untouched', async () => {
    const { handlers, answers } = host()
    const path = join(folder.path, 'bad.rapporteur')
    await writeFile(path, '{"format":"rapporteur","version":999}')
    answers.push(path)
    const result = await handlers.openReport()
    expect(result).toMatchObject({ ok: false, reason: 'error' })
    if (!result.ok && result.reason === 'error') expect(result.message).toMatch(/newer version/)
    expect(await readFile(path, 'utf8')).toBe('{"format":"rapporteur","version":999}')
  })

  it('cancelled dialogs are cancelled outcomes', async () => {
    const { handlers } = host()
    expect(await handlers.openReport()).toEqual({ ok: false, reason: 'cancelled' })
    expect(await handlers.importReport()).toEqual({ ok: false, reason: 'cancelled' })
  })
})

describe('files offered by the OS', () => {
  it('the next Open takes the offered file instead of asking, once, and not after it lapsed', async () => {
    const { handlers, dialogCalls } = host()
    const path = join(folder.path, 'offered.rapporteur')
    await writeFile(path, serializeReport(newReport('es')))
    handlers.offerFile(path)
    const opened = expectOpened(await handlers.openReport())
    expect(opened.path).toBe(path)
    expect(dialogCalls).toEqual([])

    vi.useFakeTimers({ now: Date.now(), toFake: ['Date'] })
    try {
      handlers.offerFile(path)
      vi.setSystemTime(Date.now() + OFFER_LIFETIME_MS + 1)
      expect(await handlers.openReport()).toEqual({ ok: false, reason: 'cancelled' })
      expect(dialogCalls).toEqual(['open:Open report'])
    } finally {
      vi.useRealTimers()
    }
    handlers.dispose()
  })
})
