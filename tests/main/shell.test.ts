import type { MenuItemConstructorOptions } from 'electron'
import {
  EVENT_CHANNELS,
  MENU_COMMANDS,
  REQUEST_ARGUMENTS,
  requestChannel,
  type OpenedReport,
  type RapporteurApi,
  type RapporteurRequests
} from '@shared/contract'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { reportToJSON, serializeReport } from '@core/report-file'
import { newReport } from '@core/template'
import { reportOfOpened } from '@shared/contract/opened-report'
import { CONTENT_SECURITY_POLICY } from '../../src/main/security'
import { emitAppEvent, recorded, type FakeBrowserWindow, type FakeFrame } from './electron-stand-in'

vi.mock('electron', () => import('./electron-stand-in'))

/**
 * Loads the real main entry and preload against the stand-in `electron`
 * module and checks what they set up: the window's security options, the
 * navigation and window-open locks, the session, the menu, and that the
 * preload's channels and the main process's handlers are exactly the contract.
 */

const contractChannels = (Object.keys(REQUEST_ARGUMENTS) as Array<keyof RapporteurRequests>)
  .map((method) => requestChannel(method))
  .sort()

let window: FakeBrowserWindow

beforeAll(async () => {
  await import('../../src/main/index')
  // start() runs once app.whenReady() resolves.
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1))
  window = recorded.windows[0]
})

afterAll(() => rm(recorded.userData, { recursive: true, force: true }))

function event(frame: FakeFrame | null) {
  return { sender: window.webContents, senderFrame: frame }
}

function call(channel: string, frame: FakeFrame | null, ...args: unknown[]): Promise<unknown> {
  const handler = recorded.handlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  return Promise.resolve().then(() => handler(event(frame), ...args))
}

describe('the main entry', () => {
  it('opens one window with the full set of security options', () => {
    expect(recorded.windows).toHaveLength(1)
    const preferences = window.options.webPreferences as Record<string, unknown>
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick'
    })
    expect(String(preferences.preload)).toMatch(/preload[/\\]index\.js$/)
    expect(recorded.sandboxEnabled).toBe(true)
    expect(window.loaded).toBe('app://rapporteur/index.html')
  })

  it('serves the page from its own privileged scheme, only the renderer build’s files', async () => {
    expect(recorded.privilegedSchemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true })
      })
    ])
    const serve = recorded.protocolHandlers.get('app')
    expect(serve).toBeDefined()
    const outside = await serve!({ url: 'app://rapporteur/../main/index.js' })
    expect(outside.status).toBe(404)
    const elsewhere = await serve!({ url: 'app://another/index.html' })
    expect(elsewhere.status).toBe(404)
  })

  it('denies navigation, new windows and webviews; safe links go to the OS browser', () => {
    const contents = window.webContents
    const navigate = (url: string) => {
      let prevented = false
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url)
      return prevented
    }
    recorded.openedExternally.length = 0
    expect(navigate('https://evil.example/')).toBe(true)
    expect(navigate('file:///etc/passwd')).toBe(true)
    expect(contents.windowOpenHandler?.({ url: 'https://undocs.org/en/A/78/1' })).toEqual({
      action: 'deny'
    })
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler?.({ url: 'smb://server/share' })).toEqual({ action: 'deny' })
    expect(recorded.openedExternally).toEqual([
      'https://evil.example/',
      'https://undocs.org/en/A/78/1'
    ])

    let webviewPrevented = false
    contents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) })
    expect(webviewPrevented).toBe(true)
  })

  it('sets the CSP header, denies every permission and blocks remote content', () => {
    const headers = new Promise<Record<string, string[]>>((resolve) =>
      recorded.responseHeaderHook?.(
        { responseHeaders: { 'X-Test': ['1'] } },
        (result: { responseHeaders: Record<string, string[]> }) => resolve(result.responseHeaders)
      )
    )
    return headers.then((result) => {
      expect(result['X-Test']).toEqual(['1'])
      const policy = result['Content-Security-Policy'][0]
      expect(policy).toBe(CONTENT_SECURITY_POLICY)
      expect(policy).toContain("script-src 'self'")
      expect(policy).toContain("object-src 'none'")
      expect(policy).not.toMatch(/script-src[^;]*unsafe/)

      let granted: boolean | undefined
      recorded.permissionRequestHandler?.({}, 'media', (allowed: boolean) => (granted = allowed))
      expect(granted).toBe(false)
      expect(recorded.permissionCheckHandler?.({}, 'notifications')).toBe(false)

      const cancelled = (url: string) => {
        let cancel: boolean | undefined
        recorded.beforeRequestHook?.(
          { url },
          (result: { cancel: boolean }) => (cancel = result.cancel)
        )
        return cancel
      }
      expect(cancelled('https://tracker.example/pixel.png')).toBe(true)
      expect(cancelled('file:///etc/passwd')).toBe(true)
      expect(
        cancelled(window.webContents.mainFrame.url.replace('index.html', 'assets/app.js'))
      ).toBe(false)
      expect(cancelled('data:image/png;base64,AAAA')).toBe(false)
    })
  })

  it('registers exactly one handler per request channel of the contract', () => {
    expect([...recorded.handlers.keys()].sort()).toEqual(contractChannels)
  })

  it('answers a well-formed request from its own page', async () => {
    const settings = await call(requestChannel('getAppSettings'), window.webContents.mainFrame)
    expect(settings).toEqual({ uiLanguage: 'en', autosaveToFile: false, versionsKept: 20 })
  })

  it('keeps dictionary downloads offline and points the spelling checker at the report’s language', async () => {
    // Set before any window could ask for a dictionary: no setting allows downloads yet.
    expect(recorded.spelling[0]).toMatch(/^download:http:\/\/127\.0\.0\.1:/)
    recorded.spelling.length = 0
    await call(requestChannel('setSpellingLanguage'), window.webContents.mainFrame, 'fr')
    expect(recorded.spelling).toEqual(['languages:fr-FR', 'enabled:true'])
    await expect(
      call(requestChannel('setSpellingLanguage'), window.webContents.mainFrame, 'de')
    ).rejects.toThrow(/refused/)
    expect(recorded.spelling).toHaveLength(2)
  })

  it('opens a .rapporteur file handed over by a second launch, after the page’s own checks', async () => {
    const folder = join(recorded.userData, 'documents')
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, 'handed.rapporteur'), serializeReport(newReport('fr')))
    window.webContents.sent.length = 0
    emitAppEvent(
      'second-instance',
      {},
      ['/opt/Rapporteur/rapporteur', '--flag', 'handed.rapporteur'],
      folder
    )
    // The page is told to run its Open command (which first asks about unsaved changes)…
    expect(window.webContents.sent).toEqual([
      { channel: EVENT_CHANNELS.onMenuCommand, args: ['open'] }
    ])
    // …and its open request then gets the handed file without a dialog.
    const outcome = (await call(requestChannel('openReport'), window.webContents.mainFrame)) as {
      ok: true
      opened: OpenedReport
    }
    expect(outcome.ok).toBe(true)
    expect(outcome.opened.path).toBe(join(folder, 'handed.rapporteur'))
    // The page reads the text through the gate, as the window does.
    const read = await reportOfOpened(
      {
        readOpenedText: async (documentId, index) =>
          (await call(
            requestChannel('readOpenedText'),
            window.webContents.mainFrame,
            documentId,
            index
          )) as string
      },
      outcome.opened
    )
    expect(read.meta.language).toBe('fr')
    // The offer is used up: the next Open shows the dialog (cancelled in the stand-in).
    expect(await call(requestChannel('openReport'), window.webContents.mainFrame)).toEqual({
      ok: false,
      reason: 'cancelled'
    })
  })

  it('after a renderer crash offers a reload, and the reloaded page gets the crashed page’s work back', async () => {
    const main = window.webContents.mainFrame
    await call(requestChannel('writeRecovery'), main, {
      documentId: 'typed-before-crash',
      path: null,
      title: 'Untitled',
      report: reportToJSON(newReport('en'))
    })
    // While the page lives, its own entry is not offered to it as recovered.
    expect(await call(requestChannel('listRecovery'), main)).toEqual([])
    recorded.messageBoxResponse = 0
    recorded.messageBoxes.length = 0
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 })
    await vi.waitFor(() => expect(window.webContents.reloads).toBe(1))
    expect(JSON.stringify(recorded.messageBoxes)).toContain('stopped unexpectedly')
    const listed = (await call(requestChannel('listRecovery'), main)) as Array<{
      documentId: string
    }>
    expect(listed.map((entry) => entry.documentId)).toEqual(['typed-before-crash'])
    await call(requestChannel('discardRecovery'), main, 'typed-before-crash')
    recorded.messageBoxes.length = 0
  })

  it('refuses a request from a foreign page, an iframe or a vanished frame', async () => {
    const channel = requestChannel('getAppSettings')
    const main = window.webContents.mainFrame
    await expect(call(channel, { ...main, url: 'https://evil.example/' })).rejects.toThrow(
      /refused “getAppSettings”: the request did not come from the Rapporteur window/
    )
    await expect(call(channel, { ...main, parent: main, routingId: 2 })).rejects.toThrow(/refused/)
    await expect(call(channel, null)).rejects.toThrow(/refused/)
    await expect(call(channel, { ...main, url: 'file:///tmp/other.html' })).rejects.toThrow(
      /refused/
    )
  })

  it('refuses arguments out of shape, naming the argument', async () => {
    const main = window.webContents.mainFrame
    await expect(call(requestChannel('newReport'), main, 'klingon')).rejects.toThrow(
      /refused “newReport”: argument 0/
    )
    await expect(call(requestChannel('openExternal'), main, { href: 'x' })).rejects.toThrow(
      /refused/
    )
    await expect(call(requestChannel('clearRecovery'), main)).rejects.toThrow(/refused/)
    await expect(
      call(
        requestChannel('saveReport'),
        main,
        'doc-1',
        { format: 'rapporteur', version: 1, meta: {}, doc: {} },
        { saveAs: false, force: true }
      )
    ).rejects.toThrow(/refused “saveReport”: argument 1.meta/)
    await expect(call(requestChannel('getAppSettings'), main, 'extra')).rejects.toThrow(/refused/)
  })

  it('has a File menu with the usual items and accelerators that send commands to the page', () => {
    const template = recorded.menuTemplate as MenuItemConstructorOptions[]
    const items = template.flatMap((menu) => (menu.submenu as MenuItemConstructorOptions[]) ?? [])
    const byLabel = new Map(items.filter((item) => item.label).map((item) => [item.label!, item]))
    const expected: Array<[string, string | undefined]> = [
      ['New', 'CmdOrCtrl+N'],
      ['Open…', 'CmdOrCtrl+O'],
      ['Import…', undefined],
      ['Save', 'CmdOrCtrl+S'],
      ['Save As…', 'CmdOrCtrl+Shift+S'],
      ['Export to Word…', 'CmdOrCtrl+E'],
      ['Versions…', undefined],
      ['Find…', 'CmdOrCtrl+F'],
      ['Recommendation', 'CmdOrCtrl+Alt+R'],
      ['Footnote', 'CmdOrCtrl+Alt+F'],
      ['Cross-reference…', 'CmdOrCtrl+Alt+X'],
      ['Toggle Numbered Paragraph', 'CmdOrCtrl+Alt+N']
    ]
    for (const [label, accelerator] of expected) {
      expect(byLabel.get(label), label).toBeDefined()
      expect(byLabel.get(label)?.accelerator).toBe(accelerator)
    }
    expect(items.some((item) => item.role === 'quit' || item.role === 'close')).toBe(true)
    window.webContents.sent.length = 0
    const save = byLabel.get('Save')!.click as () => void
    save()
    expect(window.webContents.sent).toEqual([
      { channel: EVENT_CHANNELS.onMenuCommand, args: ['save'] }
    ])
    // Items the main process answers itself (windows, About, updates) send nothing to the page.
    const shellItems = ['New Window', 'About Rapporteur', 'Check for Updates…']
    for (const item of items)
      if (item.click && item.label && !shellItems.includes(item.label)) {
        window.webContents.sent.length = 0
        ;(item.click as () => void)()
        expect(MENU_COMMANDS).toContain(window.webContents.sent[0]?.args[0])
      }
  })

  it('shows the title and unsaved state, and asks before closing with unsaved changes', async () => {
    const main = window.webContents.mainFrame
    await call(requestChannel('setWindowState'), main, { title: 'Draft report', dirty: true })
    expect(window.title).toBe('● Draft report — Rapporteur')

    // Cancel: the window stays.
    recorded.messageBoxResponse = 2
    window.close()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(window.destroyed).toBe(false)
    expect(recorded.messageBoxes).toHaveLength(1)

    // Save: the page is asked to save; once it reports "saved", the window closes.
    recorded.messageBoxResponse = 0
    window.webContents.sent.length = 0
    window.close()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(window.webContents.sent).toEqual([
      { channel: EVENT_CHANNELS.onMenuCommand, args: ['save-and-close'] }
    ])
    expect(window.destroyed).toBe(false)
    await call(requestChannel('setWindowState'), main, { title: 'Draft report', dirty: false })
    expect(window.destroyed).toBe(true)
  })

  it('on “Don’t Save” closes and drops the window’s recovery copies', async () => {
    // The closed window's place was written as it closed.
    await vi.waitFor(() =>
      readdir(join(recorded.userData, 'userData')).then((names) =>
        expect(names).toContain('window-state.json')
      )
    )
    emitAppEvent('activate')
    await vi.waitFor(() => expect(recorded.windows).toHaveLength(2))
    window = recorded.windows[1]
    // It opens where the closed one was.
    expect(window.options).toMatchObject({ x: 100, y: 80, width: 1000, height: 700 })
    expect(recorded.windows[0].options).toMatchObject({ width: 1280, height: 860 })
    await window.loadURL(String(recorded.windows[0].loaded))
    const main = window.webContents.mainFrame
    await call(requestChannel('writeRecovery'), main, {
      documentId: 'unsaved-doc',
      path: null,
      title: 'Untitled',
      report: reportToJSON(newReport('en'))
    })
    const recoveryFolder = join(recorded.userData, 'userData', 'recovery')
    expect((await readdir(recoveryFolder)).filter((name) => name.endsWith('.json'))).toHaveLength(1)
    await call(requestChannel('setWindowState'), main, { title: 'Untitled', dirty: true })
    recorded.messageBoxResponse = 1
    window.close()
    await vi.waitFor(() => expect(window.destroyed).toBe(true))
    expect((await readdir(recoveryFolder)).filter((name) => name.endsWith('.json'))).toEqual([])
  })
})

describe('the preload', () => {
  let api: RapporteurApi

  beforeAll(async () => {
    await import('../../src/preload/index')
    api = recorded.exposed.get('rapporteur') as RapporteurApi
  })

  it('exposes exactly one object, with exactly the contract’s methods', () => {
    expect([...recorded.exposed.keys()]).toEqual(['rapporteur'])
    const methods = Object.keys(api).sort()
    const expected = [...Object.keys(REQUEST_ARGUMENTS), ...Object.keys(EVENT_CHANNELS)].sort()
    expect(methods).toEqual(expected)
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('invokes, for every request method, a channel the main process handles', async () => {
    recorded.invoked.length = 0
    for (const method of Object.keys(REQUEST_ARGUMENTS) as Array<keyof RapporteurRequests>) {
      const invoke = api[method] as (...args: unknown[]) => Promise<unknown>
      await invoke('argument')
    }
    const channels = recorded.invoked.map((entry) => entry.channel).sort()
    expect(channels).toEqual(contractChannels)
    expect(channels.every((channel) => recorded.handlers.has(channel))).toBe(true)
    expect(recorded.invoked.every((entry) => entry.args[0] === 'argument')).toBe(true)
  })

  it('subscribes to events without handing out the IPC event, and unsubscribes', () => {
    const commands: unknown[] = []
    const unsubscribe = api.onMenuCommand((command) => commands.push(command))
    const listeners = recorded.rendererListeners.get(EVENT_CHANNELS.onMenuCommand)!
    expect(listeners.size).toBe(1)
    for (const listener of listeners) listener({ sender: 'secret' }, 'save')
    expect(commands).toEqual(['save'])
    unsubscribe()
    expect(listeners.size).toBe(0)

    const changes: unknown[] = []
    const stop = api.onFileChanged((change) => changes.push(change))
    for (const listener of recorded.rendererListeners.get(EVENT_CHANNELS.onFileChanged)!)
      listener({}, { path: '/a.rapporteur' })
    expect(changes).toEqual([{ path: '/a.rapporteur' }])
    stop()
  })
})
