import type { MenuItemConstructorOptions } from 'electron'
import { EVENT_CHANNELS, requestChannel } from '@shared/contract'
import { mkdirSync, writeFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { reportToJSON, serializeReport } from '@core/report-file'
import { newReport } from '@core/template'
import { emitAppEvent, holdReady, recorded, type FakeBrowserWindow } from './electron-stand-in'

vi.mock('electron', () => import('./electron-stand-in'))

/**
 * The main entry against the stand-in `electron` module, as the OS drives it:
 * a file named at launch, macOS `open-file` before and after the app is
 * ready, a second launch forwarding its file, one window per report, the
 * recent-documents list, and one question for all windows on quitting.
 */

const folder = join(recorded.userData, 'documents')
mkdirSync(folder, { recursive: true })
const report = (name: string, language: 'en' | 'fr' = 'en'): string => {
  const path = join(folder, name)
  writeFileSync(path, serializeReport(newReport(language)))
  return path
}
const launched = report('launched.rapporteur')
const earlyMac = report('early-mac.rapporteur')

const commands = (window: FakeBrowserWindow): unknown[] =>
  window.webContents.sent
    .filter((message) => message.channel === EVENT_CHANNELS.onMenuCommand)
    .map((message) => message.args[0])

/** A request as the window's page makes it through the IPC gate. */
function call(window: FakeBrowserWindow, method: string, ...args: unknown[]): Promise<unknown> {
  const handler = recorded.handlers.get(requestChannel(method as 'openReport'))
  if (!handler) throw new Error(`no handler for ${method}`)
  const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame }
  return Promise.resolve().then(() => handler(event, ...args))
}

/** What the page does on the 'open' command: open (the offered file), then show its state. */
async function pageOpens(window: FakeBrowserWindow, dirty = false): Promise<string> {
  const outcome = (await call(window, 'openReport')) as { ok: boolean; opened: { path: string } }
  expect(outcome.ok).toBe(true)
  const name = outcome.opened.path.split(/[/\\]/).pop()!
  await call(window, 'setWindowState', { title: name, dirty })
  return outcome.opened.path
}

const openWindows = () => recorded.windows.filter((window) => !window.destroyed)

let firstWindow: FakeBrowserWindow

beforeAll(async () => {
  const release = holdReady()
  const argv = process.argv
  process.argv = [argv[0], '/opt/Rapporteur/rapporteur', '--no-sandbox', launched]
  try {
    await import('../../src/main/index')
  } finally {
    process.argv = argv
  }
  // macOS may hand a double-clicked file over before the app is ready.
  let prevented = false
  emitAppEvent('open-file', { preventDefault: () => (prevented = true) }, earlyMac)
  expect(prevented).toBe(true)
  expect(recorded.windows).toHaveLength(0)
  release()
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(2))
  firstWindow = recorded.windows[0]
})

afterAll(() => rm(recorded.userData, { recursive: true, force: true }))

describe('files the OS hands over', () => {
  it('opens the launch argument in the first window and the early open-file in a second', async () => {
    const [first, second] = recorded.windows
    expect(commands(first)).toEqual(['open'])
    expect(await pageOpens(first)).toBe(launched)
    expect(commands(second)).toEqual(['open'])
    expect(await pageOpens(second)).toBe(earlyMac)
    // Each window is served by its own handlers: the other window's file is not its own.
    expect(await call(first, 'listVersions', earlyMac)).toEqual([])
    // Both joined the OS's recent documents, once each.
    expect(recorded.recentDocuments).toEqual([launched, earlyMac])
  })

  it('a second launch naming an open report brings its window forward, no new window', async () => {
    const [first] = recorded.windows
    recorded.windows[1].focus()
    const before = recorded.windows.length
    emitAppEvent(
      'second-instance',
      {},
      ['/opt/Rapporteur/rapporteur', 'launched.rapporteur'],
      folder
    )
    await vi.waitFor(() => expect(first.isFocused()).toBe(true))
    expect(recorded.windows).toHaveLength(before)
    expect(commands(first)).toEqual(['open'])
  })

  it('a second launch naming another report opens it in a new window', async () => {
    const other = report('other.rapporteur', 'fr')
    const before = recorded.windows.length
    emitAppEvent('second-instance', {}, ['/opt/Rapporteur/rapporteur', other], '/')
    await vi.waitFor(() => expect(recorded.windows).toHaveLength(before + 1))
    const created = recorded.windows[before]
    await vi.waitFor(() => expect(commands(created)).toEqual(['open']))
    expect(await pageOpens(created)).toBe(other)
    expect(created.isFocused()).toBe(true)
  })

  it('a file handed over while a new window’s page loads waits for the page', async () => {
    const late = report('late.rapporteur')
    const before = recorded.windows.length
    recorded.slowPages = true
    emitAppEvent('open-file', { preventDefault: () => undefined }, late)
    await vi.waitFor(() => expect(recorded.windows).toHaveLength(before + 1))
    recorded.slowPages = false
    const created = recorded.windows[before]
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(commands(created)).toEqual([])
    created.webContents.finishLoading()
    expect(commands(created)).toEqual(['open'])
    expect(await pageOpens(created)).toBe(late)
  })

  it('a new untouched window takes the file instead of opening another', async () => {
    const window = recorded.windows.at(-1)!
    await call(window, 'newReport', 'en')
    await call(window, 'setWindowState', { title: 'Untitled', dirty: false })
    window.webContents.sent.length = 0
    window.focus()
    const before = recorded.windows.length
    emitAppEvent('open-file', { preventDefault: () => undefined }, report('into-empty.rapporteur'))
    await vi.waitFor(() => expect(commands(window)).toEqual(['open']))
    expect(recorded.windows).toHaveLength(before)
  })

  it('a second launch without a file brings the app forward', async () => {
    firstWindow.focus()
    const before = recorded.windows.length
    emitAppEvent('second-instance', {}, ['/opt/Rapporteur/rapporteur'], '/')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(recorded.windows).toHaveLength(before)
    expect(firstWindow.isFocused()).toBe(true)
  })
})

describe('several windows', () => {
  it('does not offer a live window’s recovery copy to another window as crashed work', async () => {
    const [first, second] = recorded.windows
    await call(first, 'writeRecovery', {
      documentId: 'typing-in-first-window',
      path: null,
      title: 'Untitled',
      report: reportToJSON(newReport('en'))
    })
    expect(await call(second, 'listRecovery')).toEqual([])
    // Once that window is gone (closed with the copy left, as after a crash of it), it is offered.
    first.close()
    const listed = (await call(second, 'listRecovery')) as Array<{ documentId: string }>
    expect(listed.map((entry) => entry.documentId)).toEqual(['typing-in-first-window'])
    await call(second, 'discardRecovery', 'typing-in-first-window')
  })
})

describe('files dropped on a window', () => {
  const drop = (window: FakeBrowserWindow, paths: string[], frame = window.webContents.mainFrame) =>
    recorded.messageListeners.get('rapporteur:dropped-files')?.(
      { sender: window.webContents, senderFrame: frame },
      paths
    )

  it('a dropped report opens in a window of its own; one already open comes forward', async () => {
    const [window, other] = openWindows()
    const dropped = report('dropped.rapporteur')
    const before = recorded.windows.length
    drop(window, [dropped])
    await vi.waitFor(() => expect(recorded.windows).toHaveLength(before + 1))
    const created = recorded.windows[before]
    expect(commands(created)).toEqual(['open'])
    expect(await pageOpens(created)).toBe(dropped)
    other.focus()
    drop(other, [dropped])
    await vi.waitFor(() => expect(created.isFocused()).toBe(true))
    expect(recorded.windows).toHaveLength(before + 1)
  })

  it('a dropped draft is imported into the window it was dropped on', async () => {
    const [window] = openWindows()
    const draft = join(folder, 'draft.docx')
    writeFileSync(draft, 'not a Word file')
    window.webContents.sent.length = 0
    drop(window, [draft])
    await vi.waitFor(() => expect(commands(window)).toEqual(['import']))
    // The page's Import then takes the dropped file, not the dialog (which would cancel here).
    const outcome = (await call(window, 'importReport')) as { ok: boolean; reason: string }
    expect(outcome).toMatchObject({ ok: false, reason: 'error' })
  })

  it('says which dropped file it cannot take, and ignores drops from a foreign page', async () => {
    const [window] = openWindows()
    recorded.messageBoxes.length = 0
    drop(window, [join(folder, 'photo.png')])
    expect(JSON.stringify(recorded.messageBoxes)).toContain('cannot open “photo.png”')
    const before = recorded.windows.length
    window.webContents.sent.length = 0
    drop(window, [report('sneaky.rapporteur')], {
      ...window.webContents.mainFrame,
      url: 'https://evil.example/'
    })
    drop(window, ['relative.rapporteur'])
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(recorded.windows).toHaveLength(before)
    expect(window.webContents.sent).toEqual([])
    recorded.messageBoxes.length = 0
  })
})

describe('quitting with unsaved reports', () => {
  function quit(): boolean {
    let prevented = false
    emitAppEvent('before-quit', { preventDefault: () => (prevented = true) })
    return prevented
  }

  it('asks once for all windows; Cancel keeps everything open', async () => {
    const [a, b] = openWindows()
    await call(a, 'setWindowState', { title: 'Report A', dirty: true })
    await call(b, 'setWindowState', { title: 'Report B', dirty: true })
    recorded.messageBoxes.length = 0
    recorded.messageBoxResponse = 2
    expect(quit()).toBe(true)
    await vi.waitFor(() => expect(recorded.messageBoxes).toHaveLength(1))
    const question = JSON.stringify(recorded.messageBoxes[0])
    expect(question).toContain('unsaved changes in 2 reports')
    expect(question).toContain('Report A')
    expect(question).toContain('Report B')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(a.destroyed || b.destroyed).toBe(false)
    expect(recorded.quitCalls).toBe(0)
  })

  it('Save All: each unsaved window saves and closes; the app quits when the last has', async () => {
    const windows = openWindows()
    const [a, b] = windows
    recorded.messageBoxes.length = 0
    recorded.messageBoxResponse = 0
    expect(quit()).toBe(true)
    await vi.waitFor(() => expect(commands(a)).toContain('save-and-close'))
    expect(commands(b)).toContain('save-and-close')
    expect(recorded.messageBoxes).toHaveLength(1)
    // The clean windows closed at once; the unsaved ones wait for their page to save.
    for (const window of windows.slice(2)) expect(window.destroyed).toBe(true)
    expect(a.destroyed).toBe(false)
    await call(a, 'setWindowState', { title: 'Report A', dirty: false })
    expect(a.destroyed).toBe(true)
    expect(recorded.quitCalls).toBe(0)
    await call(b, 'setWindowState', { title: 'Report B', dirty: false })
    expect(b.destroyed).toBe(true)
    expect(recorded.quitCalls).toBe(1)
    // The quit that follows finds nothing unsaved and goes through.
    expect(quit()).toBe(false)
  })

  it('Save All with one save cancelled: that window stays open and the app keeps running', async () => {
    emitAppEvent('activate')
    await vi.waitFor(() => expect(openWindows()).toHaveLength(1))
    const template = recorded.menuTemplate as MenuItemConstructorOptions[]
    const newWindow = template
      .flatMap((menu) => (menu.submenu as MenuItemConstructorOptions[]) ?? [])
      .find((item) => item.label === 'New Window')
    ;(newWindow?.click as () => void)()
    await vi.waitFor(() => expect(openWindows()).toHaveLength(2))
    const [kept, saved] = openWindows()
    await call(kept, 'setWindowState', { title: 'Kept', dirty: true })
    await call(saved, 'setWindowState', { title: 'Saved', dirty: true })
    recorded.messageBoxResponse = 0
    const quitsBefore = recorded.quitCalls
    expect(quit()).toBe(true)
    await vi.waitFor(() => expect(commands(kept)).toContain('save-and-close'))
    // The user cancels the first window's Save dialog; the page reports it still unsaved.
    await call(kept, 'setWindowState', { title: 'Kept', dirty: true })
    await call(saved, 'setWindowState', { title: 'Saved', dirty: false })
    expect(saved.destroyed).toBe(true)
    expect(kept.destroyed).toBe(false)
    await call(kept, 'setWindowState', { title: 'Kept', dirty: false })
    kept.close()
    expect(recorded.quitCalls).toBe(quitsBefore)
  })

  it('Don’t Save drops the unsaved work of every window and quits without asking again', async () => {
    emitAppEvent('activate')
    await vi.waitFor(() => expect(openWindows()).toHaveLength(1))
    const [window] = openWindows()
    await call(window, 'writeRecovery', {
      documentId: 'dropped-on-quit',
      path: null,
      title: 'Untitled',
      report: reportToJSON(newReport('en'))
    })
    await call(window, 'setWindowState', { title: 'Report C', dirty: true })
    recorded.messageBoxes.length = 0
    recorded.messageBoxResponse = 1
    const quitsBefore = recorded.quitCalls
    expect(quit()).toBe(true)
    await vi.waitFor(() => expect(recorded.quitCalls).toBe(quitsBefore + 1))
    expect(JSON.stringify(recorded.messageBoxes)).toContain('Report C')
    // Electron then quits: the window closes without a second question.
    expect(quit()).toBe(false)
    window.close()
    expect(window.destroyed).toBe(true)
    expect(recorded.messageBoxes).toHaveLength(1)
    emitAppEvent('activate')
    await vi.waitFor(() => expect(openWindows()).toHaveLength(1))
    expect(await call(openWindows()[0], 'listRecovery')).toEqual([])
  })
})

describe('closing the last window', () => {
  /** Runs `body` as if on `platform`, restoring the real one afterwards. */
  async function onPlatform(platform: NodeJS.Platform, body: () => Promise<void>): Promise<void> {
    const real = Object.getOwnPropertyDescriptor(process, 'platform')!
    Object.defineProperty(process, 'platform', { value: platform })
    try {
      await body()
    } finally {
      Object.defineProperty(process, 'platform', real)
    }
  }
  const closeAll = (): void => {
    for (const window of openWindows()) window.close()
    expect(openWindows()).toHaveLength(0)
  }

  it('on macOS keeps the app running, and the Dock icon opens a new window', async () => {
    await onPlatform('darwin', async () => {
      closeAll()
      const quitsBefore = recorded.quitCalls
      emitAppEvent('window-all-closed')
      // Where the app does quit, it first lets the closed windows' writes finish: give it that time.
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(recorded.quitCalls).toBe(quitsBefore)
      emitAppEvent('activate')
      await vi.waitFor(() => expect(openWindows()).toHaveLength(1))
    })
  })

  it('on Windows and Linux quits the app', async () => {
    await onPlatform('linux', async () => {
      if (openWindows().length === 0) emitAppEvent('activate')
      await vi.waitFor(() => expect(openWindows()).toHaveLength(1))
      closeAll()
      const quitsBefore = recorded.quitCalls
      emitAppEvent('window-all-closed')
      await vi.waitFor(() => expect(recorded.quitCalls).toBe(quitsBefore + 1))
    })
  })
})
