import { app, ipcMain, Menu, screen, session, shell, type WebContents } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { RapporteurRequests, UiLanguage } from '@shared/contract'
import { electronDialogs } from './dialogs'
import { registerRequestHandlers } from './ipc'
import { buildMenuTemplate } from './menu'
import {
  appResourceCheck,
  appUrlCheck,
  hardenSession,
  hardenWebContents,
  isSafeExternalUrl
} from './security'
import { createRequestHandlers, type RequestHandlers } from '../services/host'
import { SettingsStore } from '../services/settings-store'
import { converters } from './converters'
import { reportFilesIn } from './launch-files'
import { isVisibleOn, WindowBoundsStore } from '../services/window-bounds'
import { APP_NAME, ReportWindow } from './window'

/**
 * The Electron main process: one locked-down report window, the menu, and
 * the request handlers (`services/host.ts`) behind the IPC gate. Thin on
 * purpose: everything that can run in plain Node lives in `services/`.
 */

// The dev server URL is honoured only in an unpackaged build, so a packaged app
// can never be pointed at a remote page through the environment.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const isDev = devServerUrl !== undefined
const rendererFolder = join(__dirname, '../renderer')
const indexHtml = join(rendererFolder, 'index.html')
const isAppUrl = appUrlCheck({ indexHtmlUrl: pathToFileURL(indexHtml).href, devServerUrl })
const isAppResource = appResourceCheck({
  rendererFolderUrl: pathToFileURL(rendererFolder).href,
  devServerUrl
})

/** Open windows and the request handlers serving each. */
const windows = new Map<WebContents, { window: ReportWindow; handlers: RequestHandlers }>()

function openExternal(url: string): void {
  // Checked again here: this is the only place a URL leaves the app.
  // Electronegativity OPEN_EXTERNAL_JS_CHECK: guarded by isSafeExternalUrl on this line.
  if (isSafeExternalUrl(url)) void shell.openExternal(url)
}

function focusedWindow(): ReportWindow | null {
  for (const { window } of windows.values()) if (window.window.isFocused()) return window
  return windows.values().next().value?.window ?? null
}

async function createReportWindow(): Promise<ReportWindow> {
  const boundsStore = new WindowBoundsStore(app.getPath('userData'))
  const saved = await boundsStore.load()
  const displays = screen.getAllDisplays().map((display) => display.workArea)
  let current: ReportWindow | null = null
  const handlers = createRequestHandlers({
    userDataDir: app.getPath('userData'),
    defaultFolder: app.getPath('documents'),
    dialogs: electronDialogs(() => current?.window ?? null),
    openExternal: async (url) => openExternal(url),
    setWindowState: (state) => current?.setState(state),
    notifyFileChanged: (event) => current?.notifyFileChanged(event),
    warn: (message) => console.warn(message),
    locale: app.getLocale(),
    ...converters()
  })
  const window = new ReportWindow({
    preload: join(__dirname, '../preload/index.js'),
    icon: join(__dirname, '../../resources/icon.png'),
    load: (browserWindow) =>
      devServerUrl ? browserWindow.loadURL(devServerUrl) : browserWindow.loadFile(indexHtml),
    onDiscard: () => handlers.discardSessionRecovery(),
    bounds: saved && isVisibleOn(saved, displays) ? saved : null,
    onClosing: (bounds) => finishBeforeQuit(boundsStore.save(bounds))
  })
  current = window
  const contents = window.window.webContents
  // The menu speaks the interface language: rebuild it when the user picks another.
  const storeSettings = handlers.setAppSettings
  handlers.setAppSettings = async (settings) => {
    await storeSettings(settings)
    installMenu(settings.uiLanguage)
  }
  windows.set(contents, { window, handlers })
  // A fresh page (first load, reload, or after a renderer crash) starts with no document.
  contents.on('did-start-loading', () => handlers.pageLoaded())
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return
    void window.offerReloadAfterCrash()
  })
  contents.once('did-finish-load', () => {
    if (pendingLaunchFile === null) return
    const path = pendingLaunchFile
    pendingLaunchFile = null
    openFromShell(path)
  })
  window.window.on('closed', () => {
    handlers.dispose()
    windows.delete(contents)
  })
  void window.load()
  return window
}

// Writes that must land before the process ends (the window's bounds as it closes).
const pendingWrites = new Set<Promise<void>>()

function finishBeforeQuit(write: Promise<void>): void {
  pendingWrites.add(write)
  void write.finally(() => pendingWrites.delete(write))
}

/** Opens a file the OS handed us in the focused window (asking about unsaved changes first). */
function openFromShell(path: string): void {
  const target = focusedWindow()
  // Until the page has loaded it cannot hear the command: it waits for did-finish-load.
  if (!target || target.window.webContents.isLoading()) {
    pendingLaunchFile = path
    return
  }
  const entry = windows.get(target.window.webContents)
  entry?.handlers.offerFile(path)
  target.send('open')
}

// A file named at launch (or by macOS before the window exists) waits for the page to load.
let pendingLaunchFile: string | null =
  reportFilesIn(process.argv.slice(1), process.cwd())[0] ?? null

/** Builds the application menu in the interface language (again whenever it changes). */
function installMenu(language: UiLanguage): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        send: (command) => focusedWindow()?.send(command),
        isDev,
        isMac: process.platform === 'darwin',
        appName: APP_NAME,
        language
      })
    )
  )
}

function handlersFor(sender: WebContents): RapporteurRequests | null {
  return windows.get(sender)?.handlers ?? null
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, { isAppResource })
  registerRequestHandlers(ipcMain, (event) => handlersFor(event.sender), isAppUrl)
  const settings = new SettingsStore({ folder: app.getPath('userData'), locale: app.getLocale() })
  installMenu((await settings.get()).uiLanguage)
  await createReportWindow()
}

// Every renderer is sandboxed, whatever a window's own preferences say.
app.enableSandbox()
app.setName(APP_NAME)

// Every web contents (windows, devtools, anything created later) gets the same locks.
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { openExternal }))

if (!app.requestSingleInstanceLock()) {
  // Another Rapporteur is running: it gets focus (below), this one leaves.
  app.quit()
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const window = focusedWindow()?.window
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
    const [file] = reportFilesIn(argv.slice(1), workingDirectory)
    if (file) openFromShell(file)
  })
  // macOS hands over double-clicked files this way, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    openFromShell(path)
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin')
      void Promise.allSettled([...pendingWrites]).then(() => app.quit())
  })
  app.on('activate', () => {
    if (windows.size === 0 && app.isReady()) void createReportWindow()
  })
  void app.whenReady().then(start)
}
