import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Transform } from 'prosemirror-transform'
import {
  reportChanges,
  reportFromJSON,
  reportToJSON,
  reportWithMeta,
  SavedRevision,
  serializeReport
} from '@core/report-file'
import { newReport } from '@core/template'
import type { OpenedReport } from '@shared/contract'
import { reportOfOpened } from '@shared/contract/opened-report'
import {
  createRequestHandlers,
  OFFER_LIFETIME_MS,
  type HostDependencies
} from '../../src/services/host'
import {
  openedJson,
  openedPayload,
  requestPayload,
  temporaryFolder,
  type RequestPayload
} from './helpers'

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
    expect(reportFromJSON(openedJson(created)).meta.language).toBe('zh')

    answers.push(join(folder.path, 'report'))
    const saved = await handlers.saveReport(created.documentId, payload(openedJson(created)), {
      saveAs: false,
      force: false
    })
    if (!saved.ok) throw new Error(JSON.stringify(saved))
    expect(saved.path).toBe(join(folder.path, 'report.rapporteur'))
    expect(dialogCalls).toEqual(['save:Save report:报告草稿.rapporteur'])

    answers.push(saved.path)
    const reopened = expectOpened(await handlers.openReport())
    expect(reopened.diskVersion).toBe(saved.diskVersion)
    const reread = await openedPayload(handlers, reopened)

    const again = await handlers.saveReport(reopened.documentId, titled(reread, 'Second'), {
      saveAs: false,
      force: false
    })
    expect(again.ok).toBe(true)
    expect(dialogCalls).toHaveLength(2)
    // The host remembers the place and the version it wrote: the next save asks nothing either.
    const third = await handlers.saveReport(reopened.documentId, titled(reread, 'Third'), {
      saveAs: false,
      force: false
    })
    expect(third).toMatchObject({ ok: true, path: saved.path })
    expect(dialogCalls).toHaveLength(2)
    expect(await readFile(saved.path, 'utf8')).toContain('Third')
    expect(await handlers.listVersions(saved.path)).toHaveLength(2)
    handlers.dispose()
  })

  it('saves what changed since its last save, and asks for the whole report once it lost it', async () => {
    const { handlers, answers } = host()
    const path = join(folder.path, 'changes.rapporteur')
    await writeFile(path, serializeReport(newReport('en')))
    answers.push(path)
    const opened = expectOpened(await handlers.openReport())
    const report = await reportOfOpened(handlers, opened)
    const how = { saveAs: false, force: false }
    const first = await handlers.saveReport(opened.documentId, payload(reportToJSON(report)), how)
    if (!first.ok) throw new Error(JSON.stringify(first))

    // The first chapter's title typed over; everything else named by its place in that save.
    const saved = new SavedRevision(first.revision, report.doc)
    const heading = report.doc.child(0).child(0)
    const edited = reportWithMeta(
      report.meta,
      new Transform(report.doc).insert(
        heading.nodeSize,
        report.doc.type.schema.text(' (continued)')
      ).doc
    )
    const changes = requestPayload(reportChanges(edited, saved))
    const second = await handlers.saveReport(opened.documentId, changes, how)
    expect(second).toMatchObject({ ok: true, path })
    expect(await readFile(path, 'utf8')).toBe(serializeReport(reportFromJSON(reportToJSON(edited))))
    // Changes against a save it no longer holds, or another document's, are not guessed at.
    expect(await handlers.saveReport(opened.documentId, changes, how)).toEqual({
      ok: false,
      reason: 'unknown-revision'
    })
    const other = await handlers.newReport('en')
    const next = { ...changes, base: (second as { revision: string }).revision }
    expect(await handlers.saveReport(other.documentId, next, how)).toEqual({
      ok: false,
      reason: 'unknown-revision'
    })
    expect(await readFile(path, 'utf8')).toContain('(continued)')
    handlers.dispose()
  })

  it('reports a conflict when the file changed on disk, and overwrites when forced', async () => {
    const { handlers, answers } = host()
    const path = join(folder.path, 'r.rapporteur')
    await writeFile(path, serializeReport(newReport('en')))
    answers.push(path)
    const opened = expectOpened(await handlers.openReport())
    await writeFile(path, serializeReport({ ...newReport('en') }).replace('Draft report', 'Theirs'))
    const mine = titled(await openedPayload(handlers, opened), 'Mine')
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
    // The host reads; the page's loader, reading the text as the window does, names the problem.
    const opened = expectOpened(await handlers.openReport())
    await expect(reportOfOpened(handlers, opened)).rejects.toThrow(/newer version/)
    await handlers.forgetOpened(opened.documentId)
    expect(await readFile(path, 'utf8')).toBe('{"format":"rapporteur","version":999}')
    handlers.dispose()
  })

  it('undoes an open the page refused: the shown document keeps its session and its watch', async () => {
    const { handlers, answers } = host()
    const good = join(folder.path, 'good.rapporteur')
    const bad = join(folder.path, 'bad.rapporteur')
    await writeFile(good, serializeReport(newReport('en')))
    await writeFile(bad, '{"format":"rapporteur","version":1,')
    answers.push(good)
    const shown = expectOpened(await handlers.openReport())
    const mine = await openedPayload(handlers, shown)
    answers.push(bad)
    const refused = expectOpened(await handlers.openReport())
    await expect(reportOfOpened(handlers, refused)).rejects.toThrow(/cut short or damaged/)
    expect(handlers.services.watcher.watchedPath).toBe(bad)
    await handlers.forgetOpened(refused.documentId)
    expect(handlers.services.watcher.watchedPath).toBe(good)
    // The refused file's session is gone: saving under its id is saving a new document.
    answers.push(join(folder.path, 'elsewhere.rapporteur'))
    expect(
      await handlers.saveReport(refused.documentId, mine, { saveAs: false, force: false })
    ).toMatchObject({ ok: true, path: join(folder.path, 'elsewhere.rapporteur') })
    expect(await readFile(bad, 'utf8')).toBe('{"format":"rapporteur","version":1,')
    // The shown document still saves to its own file, no dialog asked.
    expect(
      await handlers.saveReport(shown.documentId, titled(mine, 'Kept'), {
        saveAs: false,
        force: false
      })
    ).toMatchObject({ ok: true, path: good })
    handlers.dispose()
  })

  it('hands a large file’s text over in parts that join to the file, then lets it go', async () => {
    const { handlers, answers } = host()
    const path = join(folder.path, 'large.rapporteur')
    // Several 2 MiB parts, the first boundary inside "ü", the second inside "文" (mark 3 + 13
    // bytes, then five-byte "ü文" pairs); the host does not parse, so any text will do.
    const text = `{"xy":"ééé${'ü文'.repeat(1_500_000)}"}`
    await writeFile(path, '\uFEFF' + text)
    answers.push(path)
    const opened = expectOpened(await handlers.openReport())
    if (opened.textParts === undefined) throw new Error('expected the text in parts')
    expect(opened.textParts).toBeGreaterThan(1)
    const parts: string[] = []
    for (let index = 0; index < opened.textParts; index++)
      parts.push(await handlers.readOpenedText(opened.documentId, index))
    expect(parts.join('')).toBe(text)
    await expect(handlers.readOpenedText(opened.documentId, 0)).rejects.toThrow(/already read/)
    handlers.dispose()
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
