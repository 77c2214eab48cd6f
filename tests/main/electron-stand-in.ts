import { EventEmitter } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A stand-in for the `electron` module, enough to load the main entry and the
 * preload in Node and record what they ask of Electron. Loaded with
 * `vi.mock('electron', () => import('./electron-stand-in'))`.
 */

type Listener = (...args: unknown[]) => unknown

/** A web frame as `event.senderFrame` gives it. */
export interface FakeFrame {
  url: string
  parent: FakeFrame | null
  processId: number
  routingId: number
}

/** What the code under test did to Electron. */
export const recorded = {
  windows: [] as FakeBrowserWindow[],
  handlers: new Map<string, Listener>(),
  /** One-way channels (`ipcMain.on`) and their listeners. */
  messageListeners: new Map<string, Listener>(),
  menuTemplate: null as unknown,
  responseHeaderHook: null as Listener | null,
  beforeRequestHook: null as Listener | null,
  /** Schemes registered as privileged, and the handlers of custom schemes. */
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
  permissionRequestHandler: null as Listener | null,
  permissionCheckHandler: null as Listener | null,
  openedExternally: [] as string[],
  /** What the session's spelling checker was told, in order. */
  spelling: [] as string[],
  sandboxEnabled: false,
  exposed: new Map<string, unknown>(),
  invoked: [] as Array<{ channel: string; args: unknown[] }>,
  sentFromRenderer: [] as Array<{ channel: string; args: unknown[] }>,
  rendererListeners: new Map<string, Set<Listener>>(),
  messageBoxResponse: 0,
  messageBoxes: [] as unknown[],
  recentDocuments: [] as string[],
  /** When set, a page loaded from now on stays loading until `finishLoading()`. */
  slowPages: false,
  quitCalls: 0,
  userData: mkdtempSync(join(tmpdir(), 'rapporteur-stand-in-'))
}

const appEvents = new EventEmitter()

let ready: Promise<void> = Promise.resolve()

/** Holds `app.whenReady()` back until the returned function is called (call before loading main). */
export function holdReady(): () => void {
  let release = () => undefined as void
  ready = new Promise<void>((resolve) => (release = resolve))
  return release
}

/** Emits an `app` event as Electron would (e.g. 'activate'). */
export function emitAppEvent(event: string, ...args: unknown[]): void {
  appEvents.emit(event, ...args)
}

/** Web contents of a fake window. */
export class FakeWebContents extends EventEmitter {
  readonly sent: Array<{ channel: string; args: unknown[] }> = []
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  readonly mainFrame: FakeFrame

  constructor(url: string) {
    super()
    this.mainFrame = { url, parent: null, processId: 7, routingId: 1 }
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args })
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
  loading = false
  isLoading(): boolean {
    return this.loading
  }
  /** Ends a slow page's load as Chromium reports it. */
  finishLoading(): void {
    this.loading = false
    this.emit('did-finish-load')
  }
  reloads = 0
  reload(): void {
    this.reloads++
    this.emit('did-start-loading')
    this.emit('did-finish-load')
  }
}

/** A fake BrowserWindow that records its options. */
export class FakeBrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents
  title = ''
  destroyed = false
  loaded: string | null = null
  focused = false

  constructor(readonly options: Record<string, unknown>) {
    super()
    this.webContents = new FakeWebContents('about:blank')
    recorded.windows.push(this)
    this.focus()
    appEvents.emit('web-contents-created', {}, this.webContents)
  }
  async loadFile(file: string): Promise<void> {
    if (recorded.slowPages) this.webContents.loading = true
    this.loaded = file
    this.webContents.mainFrame.url = new URL(`file://${file}`).href
  }
  async loadURL(url: string): Promise<void> {
    if (recorded.slowPages) this.webContents.loading = true
    this.loaded = url
    this.webContents.mainFrame.url = url
  }
  show(): void {
    // nothing to show in Node
  }
  /** Like the OS: one window has the focus at a time. */
  focus(): void {
    for (const window of recorded.windows) window.focused = false
    this.focused = true
  }
  restore(): void {
    // never minimised
  }
  isMinimized(): boolean {
    return false
  }
  isFocused(): boolean {
    return this.focused && !this.destroyed
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  setTitle(title: string): void {
    this.title = title
  }
  getTitle(): string {
    return this.title
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 100, y: 80, width: 1000, height: 700 }
  }
  isMaximized(): boolean {
    return false
  }
  maximize(): void {
    // the stand-in's windows keep their size
  }
  setDocumentEdited(): void {
    // macOS only; the title carries the state
  }
  /** Closes like Electron: 'close' may be prevented; otherwise 'closed'. */
  close(): void {
    let prevented = false
    this.emit('close', { preventDefault: () => (prevented = true) })
    if (prevented) return
    this.destroyed = true
    this.emit('closed')
  }
}

export const BrowserWindow = FakeBrowserWindow

export const app = {
  isPackaged: false,
  getVersion: () => '0.1.0',
  getLocale: () => 'en-US',
  getPath: (name: string) => join(recorded.userData, name),
  enableSandbox: () => {
    recorded.sandboxEnabled = true
  },
  setName: () => undefined,
  on: (event: string, listener: Listener) => appEvents.on(event, listener),
  requestSingleInstanceLock: () => true,
  addRecentDocument: (path: string) => {
    recorded.recentDocuments.push(path)
  },
  quit: () => {
    recorded.quitCalls++
  },
  isReady: () => true,
  whenReady: () => ready
}

export const ipcMain = {
  handle: (channel: string, listener: Listener) => {
    if (recorded.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    recorded.handlers.set(channel, listener)
  },
  removeHandler: (channel: string) => recorded.handlers.delete(channel),
  on: (channel: string, listener: Listener) => {
    recorded.messageListeners.set(channel, listener)
  }
}

export const Menu = {
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu: (menu: { template: unknown }) => {
    recorded.menuTemplate = menu.template
  }
}

export const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived: (hook: Listener) => {
        recorded.responseHeaderHook = hook
      },
      onBeforeRequest: (hook: Listener) => {
        recorded.beforeRequestHook = hook
      }
    },
    setPermissionRequestHandler: (handler: Listener) => {
      recorded.permissionRequestHandler = handler
    },
    setPermissionCheckHandler: (handler: Listener) => {
      recorded.permissionCheckHandler = handler
    },
    availableSpellCheckerLanguages: ['en-GB', 'en-US', 'fr-FR', 'ru'],
    setSpellCheckerLanguages: (languages: string[]) =>
      void recorded.spelling.push(`languages:${languages.join(',')}`),
    setSpellCheckerEnabled: (enable: boolean) => void recorded.spelling.push(`enabled:${enable}`),
    setSpellCheckerDictionaryDownloadURL: (url: string) =>
      void recorded.spelling.push(`download:${url}`)
  }
}

export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => {
    recorded.privilegedSchemes.push(...schemes)
  },
  handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => {
    recorded.protocolHandlers.set(scheme, handler)
  }
}

export const shell = {
  openExternal: async (url: string) => {
    recorded.openedExternally.push(url)
  }
}

export const dialog = {
  // Called with or without a parent window, as Electron allows.
  showMessageBox: async (windowOrOptions: unknown, options?: unknown) => {
    recorded.messageBoxes.push(options ?? windowOrOptions)
    return { response: recorded.messageBoxResponse }
  },
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: true })
}

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]
}

export const contextBridge = {
  exposeInMainWorld: (key: string, value: unknown) => {
    recorded.exposed.set(key, value)
  }
}

export const webUtils = {
  /** Real dropped files have a path; the stand-in's test files carry it as `path`. */
  getPathForFile: (file: { path?: string }) => file.path ?? ''
}

export const ipcRenderer = {
  send: (channel: string, ...args: unknown[]) => {
    recorded.sentFromRenderer.push({ channel, args })
  },
  invoke: async (channel: string, ...args: unknown[]) => {
    recorded.invoked.push({ channel, args })
    return undefined
  },
  on: (channel: string, listener: Listener) => {
    if (!recorded.rendererListeners.has(channel)) recorded.rendererListeners.set(channel, new Set())
    recorded.rendererListeners.get(channel)!.add(listener)
  },
  removeListener: (channel: string, listener: Listener) => {
    recorded.rendererListeners.get(channel)?.delete(listener)
  }
}

export default {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  screen,
  session,
  shell,
  webUtils
}
