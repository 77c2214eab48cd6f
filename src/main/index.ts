import {
  app,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  type WebContents
} from 'electron'
import { join } from 'node:path'
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
import { printPageViewToPdf } from './pdf'
import { createRequestHandlers, type RequestHandlers } from '../services/host'
import { SettingsStore } from '../services/settings-store'
import { RecentFiles } from '../services/recent-files'
import { nodeFileSystem } from '../services/fs-layer'
import { converters } from './converters'
import { reportFilesIn } from './launch-files'
import { isVisibleOn, WindowBoundsStore } from '../services/window-bounds'
import { APP_NAME, ReportWindow } from './window'
import { cascade, DocumentWindows, type WindowEntry } from './windows'
import { askBeforeQuit } from './quit-dialog'
import { showAbout } from './about'
import { receiveDroppedFiles } from './file-drop'
import { dialogPrompts, UpdateChecker, type Updater } from './updates'
import { readUpdateSettings } from '../services/update-settings'
import {
  APP_FOLDER_URL,
  APP_INDEX_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  serveAppFile
} from './app-protocol'
import { Spelling } from './spelling'
import type { Language } from '@core/languages'

/**
 * The Electron main process: locked-down report windows (one report each), the menu, and
 * the request handlers (`services/host.ts`) behind the IPC gate. Thin on
 * purpose: everything that can run in plain Node lives in `services/`.
 */

// The dev server URL is honoured only in an unpackaged build, so a packaged app
// can never be pointed at a remote page through the environment.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const isDev = devServerUrl !== undefined
const rendererFolder = join(__dirname, '../renderer')
// The page is served from its own scheme, never file://: see app-protocol.ts.
const isAppUrl = appUrlCheck({ indexHtmlUrl: APP_INDEX_URL, devServerUrl })
const isAppResource = appResourceCheck({ rendererFolderUrl: APP_FOLDER_URL, devServerUrl })
// Only possible before the app is ready.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])

const updates = new UpdateChecker({
  currentVersion: app.getVersion(),
  readSettings: () =>
    readUpdateSettings(app.getPath('userData'), { warn: (message) => console.warn(message) }),
  // Loaded only once an office has set a feed: an unconfigured app never contacts a server.
  loadUpdater: async () => (await import('electron-updater')).autoUpdater as unknown as Updater,
  prompts: dialogPrompts(dialog)
})

/** Open windows and the request handlers serving each. */
const windows = new DocumentWindows({
  createWindow: () => createReportWindow(),
  addRecentDocument: (path) => app.addRecentDocument(path),
  askBeforeQuit: (titles) => askBeforeQuit(dialog, titles),
  quit: () => app.quit(),
  notify: (entry, message) =>
    void dialog.showMessageBox(entry.window.window, { type: 'info', buttons: ['OK'], message })
})

// The spelling checker (one per session, so shared by all windows); set up once the app is ready.
let spelling: Spelling | null = null

function openExternal(url: string): void {
  // Checked again here: this is the only place a URL leaves the app.
  // Electronegativity OPEN_EXTERNAL_JS_CHECK: guarded by isSafeExternalUrl on this line.
  if (isSafeExternalUrl(url)) void shell.openExternal(url)
}

function focusedWindow(): ReportWindow | null {
  return windows.focused()?.window ?? null
}

async function createReportWindow(): Promise<WindowEntry> {
  const boundsStore = new WindowBoundsStore(app.getPath('userData'))
  const saved = await boundsStore.load()
  const displays = screen.getAllDisplays().map((display) => display.workArea)
  let current: ReportWindow | null = null
  let entry: WindowEntry | null = null
  let spellingLanguage: Language | null = null
  const handlers: RequestHandlers = createRequestHandlers({
    userDataDir: app.getPath('userData'),
    defaultFolder: app.getPath('documents'),
    dialogs: electronDialogs(() => current?.window ?? null),
    openExternal: async (url) => openExternal(url),
    setWindowState: (state) => {
      current?.setState(state)
      if (entry) windows.noteState(entry)
    },
    notifyFileChanged: (event) => current?.notifyFileChanged(event),
    setSpellingLanguage: (language) => {
      spellingLanguage = language
      spelling?.use(language)
    },
    warn: (message) => console.warn(message),
    locale: app.getLocale(),
    isRecoveryInUseElsewhere: (documentId) =>
      windows.isRecoveryInUseElsewhere(handlers, documentId),
    printToPdf: () => printPageViewToPdf(current!.window.webContents),
    onRecentFilesChanged: () => void refreshRecentMenu(),
    revealFile: revealFile,
    ...converters()
  })
  const window = new ReportWindow({
    preload: join(__dirname, '../preload/index.js'),
    icon: join(__dirname, '../../resources/icon.png'),
    load: (browserWindow) => browserWindow.loadURL(devServerUrl ?? APP_INDEX_URL),
    onDiscard: () => handlers.discardSessionRecovery(),
    // A further window opens a little below and right of the last, not on top of it.
    bounds: cascade(saved && isVisibleOn(saved, displays) ? saved : null, windows.size),
    onClosing: (bounds) => finishBeforeQuit(boundsStore.save(bounds))
  })
  current = window
  const contents = window.window.webContents
  // The menu speaks the interface language: rebuild it when the user picks another.
  const storeSettings = handlers.setAppSettings
  handlers.setAppSettings = async (settings) => {
    await storeSettings(settings)
    installMenu(settings.uiLanguage)
    spelling?.allowDownloads(settings.spellingDownloads === true)
  }
  // The session's checker follows the report of the window in front.
  window.window.on('focus', () => {
    if (spellingLanguage && spellingLanguage !== spelling?.language) spelling?.use(spellingLanguage)
  })
  entry = { window, handlers }
  windows.add(entry)
  // A fresh page (first load, reload, or after a renderer crash) starts with no document.
  contents.on('did-start-loading', () => handlers.pageLoaded())
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return
    void window.offerReloadAfterCrash()
  })
  const created = entry
  contents.on('did-finish-load', () => windows.pageReady(created))
  void window.load()
  return entry
}

// Writes that must land before the process ends (the window's bounds as it closes).
const pendingWrites = new Set<Promise<void>>()

function finishBeforeQuit(write: Promise<void>): void {
  pendingWrites.add(write)
  void write.finally(() => pendingWrites.delete(write))
}

// Files named at launch, or by macOS before the app is ready, open once the first window exists.
const launchFiles: string[] = reportFilesIn(process.argv.slice(1), process.cwd())
let started = false

/** Opens files the OS handed over (each in its own window, see DocumentWindows). */
function openFromShell(paths: string[]): void {
  if (!started) launchFiles.push(...paths)
  else void windows.openFiles(paths)
}

/** Opens an exported file in its program or shows it in its folder (the host checked the path). */
async function revealFile(path: string, how: 'open' | 'folder'): Promise<void> {
  if (how === 'folder') return shell.showItemInFolder(path)
  const problem = await shell.openPath(path)
  if (problem) throw new Error(problem)
}

let menuLanguage: UiLanguage = 'en'
let recentPaths: string[] = []
let shellSettings: SettingsStore | null = null

/** Reads the recent-files list again and rebuilds the menu's Open Recent. */
async function refreshRecentMenu(): Promise<void> {
  if (!shellSettings) return
  recentPaths = await new RecentFiles(shellSettings, nodeFileSystem).paths().catch(() => [])
  installMenu()
}

/** Builds the application menu in the interface language (again whenever it changes). */
function installMenu(language: UiLanguage = menuLanguage): void {
  menuLanguage = language
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        send: (command) => focusedWindow()?.send(command),
        isDev,
        isMac: process.platform === 'darwin',
        appName: APP_NAME,
        language,
        newWindow: () => void createReportWindow(),
        about: () =>
          void showAbout(dialog, { version: app.getVersion(), versions: process.versions }),
        checkForUpdates: () => void updates.checkNow(),
        recentFiles: recentPaths,
        openRecent: (path) => void windows.openFiles([path]),
        clearRecent: () => {
          if (shellSettings)
            void new RecentFiles(
              shellSettings,
              nodeFileSystem,
              () => void refreshRecentMenu()
            ).clear()
        }
      })
    )
  )
}

function handlersFor(sender: WebContents): RapporteurRequests | null {
  return windows.handlersFor(sender)
}

async function start(): Promise<void> {
  protocol.handle(APP_SCHEME, (request) => serveAppFile(request.url, rendererFolder))
  hardenSession(session.defaultSession, { isAppResource })
  registerRequestHandlers(ipcMain, (event) => handlersFor(event.sender), isAppUrl)
  receiveDroppedFiles(ipcMain, isAppUrl, (sender, paths) => {
    const entry = windows.entryFor(sender)
    if (entry) void windows.dropFiles(entry, paths)
  })
  const settings = new SettingsStore({ folder: app.getPath('userData'), locale: app.getLocale() })
  shellSettings = settings
  const appSettings = await settings.get()
  menuLanguage = appSettings.uiLanguage
  await refreshRecentMenu()
  spelling = new Spelling(session.defaultSession)
  spelling.allowDownloads(appSettings.spellingDownloads === true)
  await createReportWindow()
  started = true
  await windows.openFiles(launchFiles.splice(0))
  void updates.checkAtStart()
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
  // A second launch (double-click, "Open with") hands its files to this instance.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const files = reportFilesIn(argv.slice(1), workingDirectory)
    if (!started) launchFiles.push(...files)
    else if (files.length > 0) openFromShell(files)
    else void windows.showAny()
  })
  // macOS hands over double-clicked files this way, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    openFromShell([path])
  })
  // Unsaved reports in any window: one question for all of them.
  app.on('before-quit', (event) => {
    if (!windows.beforeQuit()) event.preventDefault()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin')
      void Promise.allSettled([...pendingWrites]).then(() => app.quit())
  })
  app.on('activate', () => {
    if (windows.size === 0 && started) void createReportWindow()
  })
  void app.whenReady().then(start)
}
