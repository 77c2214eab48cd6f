import { basename, extname, resolve } from 'node:path'
import type { WebContents } from 'electron'
import type { RequestHandlers } from '../services/host'
import type { WindowBounds } from '../services/window-bounds'
import type { ReportWindow } from './window'

/**
 * The app's report windows: one report per window, each with its own request
 * handlers (and so its own document session, recovery entries and versions).
 * Files the OS hands over (launch arguments, macOS `open-file`, a second
 * launch) go to the window that already shows them, else to an empty window,
 * else to a new one. Quitting with unsaved changes asks once for all windows.
 */

/** One window and the handlers serving its page. */
export interface WindowEntry {
  window: ReportWindow
  handlers: RequestHandlers
  /** A file waiting for the page to finish loading (it cannot hear the command before). */
  pendingFile?: string | null
  /** A file handed to the page that it has not reported open yet. */
  handedFile?: string | null
  /** The document last seen open in the window, for the recent-documents list. */
  lastPath?: string | null
}

/** The user's answer to "quit with unsaved changes?". */
export type QuitChoice = 'save' | 'discard' | 'cancel'

/** What the window list needs from the shell. */
export interface DocumentWindowsOptions {
  /** Opens a new report window (its entry is added through `add` as it is created). */
  createWindow(): Promise<WindowEntry>
  /** Adds a file to the OS's recent documents (Windows jump list, macOS Open Recent). */
  addRecentDocument(path: string): void
  /** Asks once, for all windows, what to do with unsaved reports named by their titles. */
  askBeforeQuit(titles: string[]): Promise<QuitChoice>
  /** Ends the app (after every window is closed). */
  quit(): void
  /** Tells the user something about a window's request (e.g. a dropped file it cannot take). */
  notify(entry: WindowEntry, message: string): void
}

/** What dropping a file of each kind does: open a report, or import a draft into the window. */
export const DROP_ACTIONS: Record<string, 'open' | 'import'> = {
  '.rapporteur': 'open',
  '.docx': 'import',
  '.txt': 'import',
  '.pdf': 'import'
}

/** The open report windows and how OS requests and quitting reach them. */
export class DocumentWindows {
  private readonly entries = new Map<WebContents, WindowEntry>()
  private quitConfirmed = false
  private quitWhenAllClosed = false

  constructor(private readonly options: DocumentWindowsOptions) {}

  /** How many windows are open. */
  get size(): number {
    return this.entries.size
  }

  /** Registers a window; its entry leaves the list when the window is closed. */
  add(entry: WindowEntry): void {
    const contents = entry.window.window.webContents
    this.entries.set(contents, entry)
    entry.window.window.on('closed', () => {
      entry.handlers.dispose()
      this.entries.delete(contents)
      if (this.entries.size === 0 && this.quitWhenAllClosed) this.options.quit()
    })
  }

  /** The window whose page sent a message. */
  entryFor(sender: WebContents): WindowEntry | null {
    return this.entries.get(sender) ?? null
  }

  /** The handlers of the window whose page sent a request. */
  handlersFor(sender: WebContents): RequestHandlers | null {
    return this.entryFor(sender)?.handlers ?? null
  }

  /** The focused window, else the most recently opened one. */
  focused(): WindowEntry | null {
    const all = [...this.entries.values()]
    return all.find((entry) => entry.window.window.isFocused()) ?? all.at(-1) ?? null
  }

  /** Whether a live window other than the one serving `handlers` wrote this recovery entry. */
  isRecoveryInUseElsewhere(handlers: RequestHandlers, documentId: string): boolean {
    for (const entry of this.entries.values())
      if (entry.handlers !== handlers && entry.handlers.ownsRecovery(documentId)) return true
    return false
  }

  /** The file open in a window (the one its handlers watch), or null for an unsaved report. */
  documentPath(entry: WindowEntry): string | null {
    return entry.handlers.services.watcher.watchedPath
  }

  /**
   * The page reported its title and unsaved state: a newly opened or saved
   * file joins the OS's recent documents.
   */
  noteState(entry: WindowEntry): void {
    const path = this.documentPath(entry)
    if (path !== null && path !== entry.lastPath) this.options.addRecentDocument(path)
    if (path !== null) entry.handedFile = null
    entry.lastPath = path
    // Still unsaved during "Save All" on quitting: that save was cancelled or failed, so the
    // quit is off and the windows already closed stay closed.
    if (this.quitWhenAllClosed && entry.window.isDirty) this.quitWhenAllClosed = false
  }

  /**
   * Opens files the OS handed over: a file already open has its window
   * brought forward; otherwise it opens in the focused window if that shows
   * an untouched new report, else in a new window.
   */
  async openFiles(
    paths: readonly string[],
    preferred: WindowEntry | null = this.focused()
  ): Promise<void> {
    for (const path of paths.map((file) => resolve(file))) {
      const showing = [...this.entries.values()].find(
        (entry) =>
          this.documentPath(entry) === path ||
          entry.pendingFile === path ||
          entry.handedFile === path
      )
      if (showing) {
        bringForward(showing.window)
        continue
      }
      const target =
        preferred && this.isUntouched(preferred) ? preferred : await this.options.createWindow()
      // Only the first file may take the preferred window; the others get windows of their own.
      preferred = null
      this.deliver(target, path)
    }
  }

  /** Brings a window forward (a second launch without a file), or opens one if none is left. */
  async showAny(): Promise<void> {
    const entry = this.focused()
    if (entry) bringForward(entry.window)
    else await this.options.createWindow()
  }

  /** The window's page finished loading: it can now take the file that waited for it. */
  pageReady(entry: WindowEntry): void {
    const path = entry.pendingFile
    if (!path) return
    entry.pendingFile = null
    this.deliver(entry, path)
  }

  /**
   * Called on the app's `before-quit`: returns false (the quit must be
   * stopped) while unsaved reports are being asked about or saved. "Save"
   * saves every unsaved report (each window closes once saved; a cancelled
   * save keeps its window open and the app running); "Don't Save" drops them.
   */
  beforeQuit(): boolean {
    if (this.quitConfirmed) return true
    const unsaved = [...this.entries.values()].filter((entry) => entry.window.isDirty)
    if (unsaved.length === 0) return true
    void this.options
      .askBeforeQuit(unsaved.map((entry) => entry.window.documentTitle()))
      .then(async (choice) => {
        if (choice === 'cancel') return
        if (choice === 'discard') {
          await Promise.all(unsaved.map((entry) => entry.window.discardChanges()))
          this.quitConfirmed = true
          this.options.quit()
          return
        }
        this.quitWhenAllClosed = true
        for (const entry of [...this.entries.values()]) {
          if (entry.window.isDirty) entry.window.saveAndClose()
          else entry.window.window.close()
        }
      })
    return false
  }

  /**
   * Files dropped on a window: reports open as files from the OS do (the
   * window showing one comes forward; otherwise this window if untouched, else
   * a new one); the first draft (.docx, .txt, .pdf) is imported into this
   * window, whose page first asks about its own unsaved changes.
   */
  async dropFiles(entry: WindowEntry, paths: readonly string[]): Promise<void> {
    const action = (path: string) => DROP_ACTIONS[extname(path).toLowerCase()]
    const reports = paths.filter((path) => action(path) === 'open')
    const draft = paths.find((path) => action(path) === 'import')
    const refused = paths.filter((path) => !action(path))
    if (refused.length > 0)
      this.options.notify(
        entry,
        `Rapporteur cannot open “${basename(refused[0])}”: drop a report (.rapporteur), or a Word, text or PDF draft (.docx, .txt, .pdf) to import.`
      )
    if (draft) {
      entry.handlers.offerFile(resolve(draft))
      entry.window.send('import')
    }
    // The window that was dropped on is the one to reuse, if it is untouched.
    if (reports.length > 0) await this.openFiles(reports, draft ? null : entry)
  }

  /** A window showing a new report nobody has typed in (nothing would be lost replacing it). */
  private isUntouched(entry: WindowEntry): boolean {
    return (
      !entry.window.isDirty &&
      this.documentPath(entry) === null &&
      !entry.pendingFile &&
      !entry.handedFile
    )
  }

  /** Offers the file to the window's handlers and tells its page to run Open. */
  private deliver(entry: WindowEntry, path: string): void {
    if (entry.window.window.webContents.isLoading()) {
      entry.pendingFile = path
      return
    }
    entry.handlers.offerFile(path)
    entry.handedFile = path
    // The page's Open command first asks about its own unsaved changes, then opens the offer.
    entry.window.send('open')
    bringForward(entry.window)
  }
}

function bringForward(window: ReportWindow): void {
  const browserWindow = window.window
  if (browserWindow.isDestroyed()) return
  if (browserWindow.isMinimized()) browserWindow.restore()
  browserWindow.focus()
}

/** How far each further window is moved right and down from the remembered place. */
export const CASCADE_STEP = 28

/**
 * The place for a new window when `openCount` are open already: the
 * remembered place, moved down and right per open window so that windows do
 * not hide each other exactly (the first window takes the place as it is).
 */
export function cascade(bounds: WindowBounds | null, openCount: number): WindowBounds | null {
  if (!bounds || openCount === 0) return bounds
  const step = CASCADE_STEP * openCount
  return { ...bounds, x: bounds.x + step, y: bounds.y + step, maximized: false }
}
