import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { MenuItemConstructorOptions } from 'electron'
import { reportToJSON, serializeReport } from '@core/report-file'
import { newReport } from '@core/template'
import { createRequestHandlers, type HostDependencies } from '../../src/services/host'
import { MAX_RECENT_FILES, RecentFiles, isRecentFilePath } from '../../src/services/recent-files'
import { SettingsStore } from '../../src/services/settings-store'
import { nodeFileSystem } from '../../src/services/fs-layer'
import { buildMenuTemplate } from '../../src/main/menu'
import { requestPayload, temporaryFolder } from './helpers'

/**
 * The recent-files list (kept by the host in the settings file, only ever
 * added to by the host itself) and "Open exported file" / "Show in folder",
 * which the host answers only for a .docx it has just written.
 */

let folder: Awaited<ReturnType<typeof temporaryFolder>>
beforeEach(async () => {
  folder = await temporaryFolder()
})
afterEach(() => folder.remove())

async function reportFile(name: string): Promise<string> {
  const path = join(folder.path, name)
  await writeFile(path, serializeReport(newReport('en')))
  return path
}

function host(overrides: Partial<HostDependencies> = {}) {
  const answers: Array<string | null> = []
  const revealed: string[] = []
  let changes = 0
  const deps: HostDependencies = {
    userDataDir: join(folder.path, 'user'),
    dialogs: {
      showOpen: async () => answers.shift() ?? null,
      showSave: async () => answers.shift() ?? null
    },
    openExternal: async () => undefined,
    setWindowState: () => undefined,
    onRecentFilesChanged: () => changes++,
    revealFile: async (path, how) => void revealed.push(`${how}:${path}`),
    exportDocx: async () => new Uint8Array([80, 75, 3, 4]),
    ...overrides
  }
  const handlers = createRequestHandlers(deps)
  return { handlers, answers, revealed, changes: () => changes }
}

const payload = () => requestPayload(reportToJSON(newReport('en')))

describe('the recent-files list', () => {
  it('lists opened and saved reports newest first, once each, and survives a restart', async () => {
    const a = await reportFile('a.rapporteur')
    const b = await reportFile('b.rapporteur')
    const { handlers, answers, changes } = host()
    answers.push(a)
    expect((await handlers.openReport()).ok).toBe(true)
    answers.push(join(folder.path, 'new'))
    const { documentId } = await handlers.newReport('en')
    const saved = await handlers.saveReport(documentId, payload(), { saveAs: true, force: false })
    expect(saved.ok).toBe(true)
    answers.push(b, a)
    await handlers.openReport()
    await handlers.openReport()
    const names = (await handlers.listRecentFiles()).map((file) => file.name)
    expect(names).toEqual(['a.rapporteur', 'b.rapporteur', 'new.rapporteur'])
    expect(changes()).toBe(4)
    // Another window (or the next start) reads the same list from the settings file.
    const other = host().handlers
    expect((await other.listRecentFiles()).map((file) => file.path)).toEqual([
      a,
      b,
      join(folder.path, 'new.rapporteur')
    ])
  })

  it('takes a report saved in place at once, and none whose save failed', async () => {
    const { handlers, answers } = host()
    const { documentId } = await handlers.newReport('en')
    answers.push(join(folder.path, 'no-such-folder', 'lost'))
    const failed = await handlers.saveReport(documentId, payload(), { saveAs: true, force: false })
    expect(failed.ok).toBe(false)
    expect(await handlers.listRecentFiles()).toEqual([])
    answers.push(join(folder.path, 'kept'))
    const saved = await handlers.saveReport(documentId, payload(), { saveAs: true, force: false })
    expect(saved.ok).toBe(true)
    // On the list by the time the save answers, though noted while the save finished its work.
    expect((await handlers.listRecentFiles()).map((file) => file.name)).toEqual(['kept.rapporteur'])
  })

  it('marks a file that is gone as missing, and removes it or clears the list on request', async () => {
    const a = await reportFile('a.rapporteur')
    const b = await reportFile('b.rapporteur')
    const { handlers, answers } = host()
    answers.push(a, b)
    await handlers.openReport()
    await handlers.openReport()
    await rm(a)
    expect(await handlers.listRecentFiles()).toEqual([
      { path: b, name: 'b.rapporteur', missing: false },
      { path: a, name: 'a.rapporteur', missing: true }
    ])
    await handlers.forgetRecentFile(a)
    expect((await handlers.listRecentFiles()).map((file) => file.path)).toEqual([b])
    await handlers.clearRecentFiles()
    expect(await handlers.listRecentFiles()).toEqual([])
  })

  it('opens only a file on the list: any other path the page names is refused', async () => {
    const a = await reportFile('a.rapporteur')
    const secret = await reportFile('elsewhere.rapporteur')
    const { handlers, answers } = host()
    answers.push(a)
    await handlers.openReport()
    const reopened = await handlers.openRecentFile(a)
    expect(reopened.ok).toBe(true)
    const refused = await handlers.openRecentFile(secret)
    expect(refused).toEqual({
      ok: false,
      reason: 'error',
      message: expect.stringMatching(/not opened in this window/)
    })
    expect(handlers.isGrantedPath(secret)).toBe(false)
  })

  it('keeps the list out of the page’s reach when it stores its settings', async () => {
    const a = await reportFile('a.rapporteur')
    const { handlers, answers } = host()
    answers.push(a)
    await handlers.openReport()
    const settings = await handlers.getAppSettings()
    await handlers.setAppSettings({
      ...settings,
      uiLanguage: 'fr',
      recentFiles: ['/etc/passwd.rapporteur'],
      houseTemplate: '/tmp/evil.dotx'
    })
    const stored = JSON.parse(await readFile(join(folder.path, 'user', 'settings.json'), 'utf8'))
    expect(stored.uiLanguage).toBe('fr')
    expect(stored.recentFiles).toEqual([a])
    expect(stored.houseTemplate).toBeUndefined()
  })

  it('drops entries of a hand-edited settings file that are not absolute report paths, and keeps ten', async () => {
    const user = join(folder.path, 'user')
    await mkdir(user, { recursive: true })
    const many = Array.from({ length: 14 }, (_, i) => join(folder.path, `r${i}.rapporteur`))
    await writeFile(
      join(user, 'settings.json'),
      JSON.stringify({
        uiLanguage: 'en',
        recentFiles: ['relative.rapporteur', join(folder.path, 'notes.txt'), ...many]
      })
    )
    const recent = new RecentFiles(new SettingsStore({ folder: user }), nodeFileSystem)
    expect(await recent.paths()).toEqual(many.slice(0, MAX_RECENT_FILES))
    expect(isRecentFilePath('relative.rapporteur')).toBe(false)
    expect(isRecentFilePath(join(folder.path, 'x.RAPPORTEUR'))).toBe(true)
    await recent.add(join(folder.path, 'notes.txt'))
    expect(await recent.paths()).toEqual(many.slice(0, MAX_RECENT_FILES))
  })
})

describe('File > Open Recent', () => {
  function fileMenu(recentFiles: string[] | undefined) {
    const opened: string[] = []
    let cleared = 0
    const template = buildMenuTemplate({
      isMac: false,
      isDev: false,
      appName: 'Rapporteur',
      send: () => undefined,
      recentFiles,
      openRecent: (path) => opened.push(path),
      clearRecent: () => cleared++
    })
    const file = template[0].submenu as MenuItemConstructorOptions[]
    const submenu = file.find((item) => item.label === 'Open Recent')?.submenu as
      MenuItemConstructorOptions[] | undefined
    return { submenu, opened, cleared: () => cleared }
  }

  it('lists the reports and opens the one clicked; Clear empties the list', () => {
    const { submenu, opened, cleared } = fileMenu(['/r/a & b.rapporteur', '/r/c.rapporteur'])
    expect(submenu!.map((item) => item.label ?? item.type)).toEqual([
      '/r/a && b.rapporteur',
      '/r/c.rapporteur',
      'separator',
      'Clear Recently Opened'
    ])
    ;(submenu![1].click as () => void)()
    ;(submenu![3].click as () => void)()
    expect(opened).toEqual(['/r/c.rapporteur'])
    expect(cleared()).toBe(1)
  })

  it('shows a greyed “No Recent Reports” for an empty list', () => {
    const { submenu } = fileMenu([])
    expect(submenu).toEqual([{ label: 'No Recent Reports', enabled: false }])
  })
})

describe('Open exported file / Show in folder', () => {
  it('opens or shows the .docx the window just wrote', async () => {
    const { handlers, answers, revealed } = host()
    const target = join(folder.path, 'out.docx')
    answers.push(target)
    const outcome = await handlers.exportDocx({ report: payload(), suggestedName: 'out.docx' })
    expect(outcome).toEqual({ ok: true, path: target })
    expect(await handlers.revealExport(target, 'open')).toBe(true)
    expect(await handlers.revealExport(target, 'folder')).toBe(true)
    expect(revealed).toEqual([`open:${target}`, `folder:${target}`])
  })

  it('refuses a path it did not export, even an existing file', async () => {
    const { handlers, revealed } = host()
    const report = await reportFile('a.rapporteur')
    const other = join(folder.path, 'other.docx')
    await writeFile(other, 'x')
    expect(await handlers.revealExport(report, 'open')).toBe(false)
    expect(await handlers.revealExport(other, 'folder')).toBe(false)
    expect(await handlers.revealExport('/usr/bin/env', 'open')).toBe(false)
    expect(revealed).toEqual([])
  })

  it('answers false where the host cannot show files (the browser build)', async () => {
    const { handlers, answers } = host({ revealFile: undefined })
    const target = join(folder.path, 'out.docx')
    answers.push(target)
    await handlers.exportDocx({ report: payload(), suggestedName: 'out.docx' })
    expect(await handlers.revealExport(target, 'open')).toBe(false)
  })
})
