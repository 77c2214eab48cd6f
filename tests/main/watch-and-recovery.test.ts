import { readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { reportToJSON, serializeReport } from '@core/report-file'
import { newReport } from '@core/template'
import { FileWatcher } from '../../src/services/file-watch'
import { fingerprint } from '../../src/services/fingerprint'
import { createRequestHandlers } from '../../src/services/host'
import {
  openedJson,
  openedPayload,
  requestPayload,
  saveWithTitles,
  temporaryFolder
} from './helpers'

let folder: Awaited<ReturnType<typeof temporaryFolder>>
beforeEach(async () => {
  folder = await temporaryFolder()
})
afterEach(() => folder.remove())

/** Resolves once `condition` holds, polling; fails after `ms`. */
async function eventually(condition: () => boolean, ms = 10_000): Promise<void> {
  const start = Date.now()
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('FileWatcher', () => {
  function watcher() {
    const changes: string[] = []
    const watch = new FileWatcher({
      readVersion: async (path) => {
        try {
          return fingerprint(await readFile(path))
        } catch {
          return null
        }
      },
      onChange: (event) => changes.push(event.path),
      debounceMs: 30
    })
    return { watch, changes }
  }

  it('reports an outside change once, including a replace-by-rename as sync clients do', async () => {
    const path = join(folder.path, 'r.rapporteur')
    await writeFile(path, 'one')
    const { watch, changes } = watcher()
    watch.track(path, fingerprint('one'))
    await writeFile(path, 'two')
    await eventually(() => changes.length === 1)
    await writeFile(join(folder.path, 'tmp'), 'three')
    await rename(join(folder.path, 'tmp'), path)
    await eventually(() => changes.length === 2)
    await pause(150)
    expect(changes).toEqual([path, path])
    watch.stop()
  })

  it('stays quiet for our own save, a touch with the same content, and other files', async () => {
    const path = join(folder.path, 'r.rapporteur')
    await writeFile(path, 'one')
    const { watch, changes } = watcher()
    watch.track(path, fingerprint('one'))
    watch.acknowledge(path, fingerprint('ours'))
    await writeFile(path, 'ours')
    await writeFile(path, 'ours')
    await writeFile(join(folder.path, 'neighbour.txt'), 'x')
    await pause(250)
    await watch.settled()
    expect(changes).toEqual([])
    watch.stop()
  })

  it('reports a file deleted on disk', async () => {
    const path = join(folder.path, 'r.rapporteur')
    await writeFile(path, 'one')
    const { watch, changes } = watcher()
    watch.track(path, fingerprint('one'))
    await rm(path)
    await eventually(() => changes.length === 1)
    watch.stop()
  })
})

describe('the host’s outside-change and recovery flows', () => {
  function host(answer: string | null = null) {
    const changes: string[] = []
    const handlers = createRequestHandlers({
      userDataDir: join(folder.path, 'user'),
      dialogs: { showOpen: async () => answer, showSave: async () => answer },
      openExternal: async () => undefined,
      setWindowState: () => undefined,
      notifyFileChanged: (event) => changes.push(event.path),
      watchDebounceMs: 30
    })
    return { handlers, changes }
  }

  it('tells the window when its file changes on disk, but not when it saves itself', async () => {
    const path = join(folder.path, 'r.rapporteur')
    await writeFile(path, serializeReport(newReport('en')))
    const { handlers, changes } = host(path)
    const opened = await handlers.openReport()
    if (!opened.ok) throw new Error('open failed')
    const saved = await handlers.saveReport(
      opened.opened.documentId,
      await openedPayload(handlers, opened.opened),
      { saveAs: false, force: false }
    )
    expect(saved.ok).toBe(true)
    await pause(200)
    expect(changes).toEqual([])
    await writeFile(path, serializeReport(newReport('fr')))
    await eventually(() => changes.length === 1)
    const reloaded = await handlers.reloadFromDisk(path)
    if (!reloaded.ok) throw new Error(JSON.stringify(reloaded))
    expect((await openedPayload(handlers, reloaded.opened)).meta.language).toBe('fr')
    handlers.dispose()
  })

  it('restores a crashed session’s documents in the next one, and forgets them once discarded', async () => {
    const path = join(folder.path, 'r.rapporteur')
    await writeFile(path, serializeReport(newReport('en')))
    const first = host(path)
    const opened = await first.handlers.openReport()
    if (!opened.ok) throw new Error('open failed')
    const edited = reportToJSON(newReport('en'))
    edited.meta.masthead.title = 'Edited before the crash'
    await first.handlers.writeRecovery({
      documentId: 'doc-1',
      path,
      title: 'r.rapporteur',
      report: requestPayload(edited)
    })
    await first.handlers.writeRecovery({
      documentId: 'doc-2',
      path: null,
      title: 'Untitled',
      report: requestPayload(reportToJSON(newReport('zh')))
    })
    // The window's own entries are not offered to it as "recovered".
    expect(await first.handlers.listRecovery()).toEqual([])
    first.handlers.dispose()

    // The app was killed; the next start lists both.
    const second = host()
    const listed = await second.handlers.listRecovery()
    expect(listed.map((e) => e.documentId).sort()).toEqual(['doc-1', 'doc-2'])
    const restored = await second.handlers.restoreRecovery('doc-1')
    if (!restored.ok) throw new Error(JSON.stringify(restored))
    expect(restored.opened.path).toBe(path)
    expect(openedJson(restored.opened).meta.masthead.title).toBe('Edited before the crash')
    // Restored with its file: saving goes back to it without asking where.
    expect(restored.opened.documentId).toBe('doc-1')
    const saved = await second.handlers.saveReport('doc-1', openedJson(restored.opened), {
      saveAs: false,
      force: false
    })
    expect(saved).toMatchObject({ ok: true, path })
    await second.handlers.clearRecovery('doc-1')
    await second.handlers.discardRecovery('doc-2')
    expect(await host().handlers.listRecovery()).toEqual([])
    second.handlers.dispose()
  })

  it('tells the user about a damaged recovered copy, keeps it, and offers the rest', async () => {
    const writer = host()
    await writer.handlers.writeRecovery({
      documentId: 'fine',
      path: null,
      title: 'Fine',
      report: requestPayload(reportToJSON(newReport('en')))
    })
    const recoveryFolder = join(folder.path, 'user', 'recovery')
    await writeFile(join(recoveryFolder, '0123456789abcdef0123456789abcdef.json'), '{"cut sh')
    const notices: Array<{ message: string; detail: string }> = []
    const handlers = createRequestHandlers({
      userDataDir: join(folder.path, 'user'),
      dialogs: {
        showOpen: async () => null,
        showSave: async () => null,
        notify: async (notice) => {
          notices.push(notice)
        }
      },
      openExternal: async () => undefined,
      setWindowState: () => undefined
    })
    const listed = await handlers.listRecovery()
    expect(listed.map((entry) => entry.documentId)).toEqual(['fine'])
    expect(notices).toHaveLength(1)
    expect(notices[0].message).toBe('One recovered copy of unsaved work could not be read.')
    expect(notices[0].detail).toMatch(/not readable JSON/)
    expect(notices[0].detail).toContain(join(recoveryFolder, 'damaged'))
    expect(await readdir(join(recoveryFolder, 'damaged'))).toHaveLength(1)
  })

  it('does not record a path the window never opened, and "Don’t Save" drops the window’s entries', async () => {
    const { handlers } = host()
    await handlers.writeRecovery({
      documentId: 'sneaky',
      path: '/etc/passwd',
      title: 'x',
      report: requestPayload(reportToJSON(newReport('en')))
    })
    const other = host()
    const [listed] = await other.handlers.listRecovery()
    expect(listed.path).toBeNull()
    await handlers.discardSessionRecovery()
    expect(await other.handlers.listRecovery()).toEqual([])
  })

  it('lists the versions kept of an open report and restores one as a new document', async () => {
    const path = join(folder.path, 'r.rapporteur')
    const { handlers } = host(path)
    await saveWithTitles(handlers, ['First', 'Second', 'Third'])
    const versions = await handlers.listVersions(path)
    expect(versions).toHaveLength(2)
    const restored = await handlers.restoreVersion(path, versions[1].versionId)
    if (!restored.ok) throw new Error(JSON.stringify(restored))
    expect(restored.opened.path).toBeNull()
    expect(openedJson(restored.opened).meta.masthead.title).toBe('First')
    expect(await handlers.restoreVersion(path, 'v-nope')).toMatchObject({
      ok: false,
      reason: 'error'
    })
    handlers.dispose()
  })
})
