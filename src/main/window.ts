import { BrowserWindow, dialog } from 'electron'
import { EVENT_CHANNELS, type MenuCommand } from '@shared/contract'
import type { WindowBounds } from '../services/window-bounds'

/**
 * The report window: its locked-down webPreferences, its title (file name and
 * unsaved state, as the renderer reports them) and the question on closing
 * with unsaved changes (Save / Don't Save / Cancel).
 */

/** The product name shown in titles. */
export const APP_NAME = 'Rapporteur'

/** The window title for a document: "● name — Rapporteur" while unsaved. */
export function windowTitle(state: { title: string; dirty: boolean }): string {
  const name = state.title.trim() || 'Untitled'
  return `${state.dirty ? '● ' : ''}${name} — ${APP_NAME}`
}

/** What the window needs from the rest of the shell. */
export interface ReportWindowOptions {
  preload: string
  icon?: string
  /** Loads our page (the dev server or the packaged index.html). */
  load(window: BrowserWindow): Promise<void>
  /** The user closed with unsaved changes and chose "Don't Save": drop their recovery copies. */
  onDiscard(): Promise<void>
  /** Where the window was last time (checked to be on a display), or null for the default. */
  bounds?: WindowBounds | null
  /** Told the window's place and size as it closes, for the next start. */
  onClosing?(bounds: WindowBounds): void
}

/** The answer to "save changes before closing?". */
export type CloseChoice = 'save' | 'discard' | 'cancel'

/** One report window and its unsaved-changes state. */
export class ReportWindow {
  readonly window: BrowserWindow
  private dirty = false
  private closeAfterSave = false
  private closeConfirmed = false
  private asking = false

  constructor(private readonly options: ReportWindowOptions) {
    const bounds = options.bounds
    this.window = new BrowserWindow({
      ...(bounds
        ? { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height }
        : { width: 1280, height: 860 }),
      minWidth: 720,
      minHeight: 480,
      show: false,
      title: APP_NAME,
      backgroundColor: '#f3f3f1',
      icon: options.icon,
      // Spelt out here, in the constructor, so reviewers and Electronegativity see them at once.
      webPreferences: {
        // Electronegativity PRELOAD_JS_CHECK: our own bundled preload; it exposes one frozen
        // object of typed request methods through contextBridge and never ipcRenderer itself.
        preload: options.preload,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
        // A middle click on a link would otherwise try to open it in a new window.
        disableBlinkFeatures: 'Auxclick',
        safeDialogs: true,
        spellcheck: true
      }
    })
    this.window.once('ready-to-show', () => {
      if (bounds?.maximized) this.window.maximize()
      this.window.show()
    })
    // The title is ours (file name + unsaved mark), not the page's <title>.
    this.window.on('page-title-updated', (event) => event.preventDefault())
    this.window.on('close', (event) => this.onClose(event))
  }

  /** Whether the page reported unsaved changes. */
  get isDirty(): boolean {
    return this.dirty
  }

  /** The report's name as the title shows it (without the unsaved mark and app name). */
  documentTitle(): string {
    return this.window.getTitle().replace(/^● /, '').replace(` — ${APP_NAME}`, '')
  }

  /** Saves through the page, then closes (a cancelled or failed save keeps the window open). */
  saveAndClose(): void {
    this.closeAfterSave = true
    this.send('save-and-close')
  }

  /** The user chose to drop this window's unsaved changes: its next close asks nothing. */
  async discardChanges(): Promise<void> {
    await this.options.onDiscard().catch(() => undefined)
    this.closeConfirmed = true
  }

  /** Loads the page. */
  load(): Promise<void> {
    return this.options.load(this.window)
  }

  /** Sends a menu command to the page. */
  send(command: MenuCommand): void {
    if (!this.window.isDestroyed())
      this.window.webContents.send(EVENT_CHANNELS.onMenuCommand, command)
  }

  /** Tells the page that its file changed on disk. */
  notifyFileChanged(event: { path: string }): void {
    if (!this.window.isDestroyed())
      this.window.webContents.send(EVENT_CHANNELS.onFileChanged, event)
  }

  /** Shows the renderer's title and unsaved state; completes a "Save, then close". */
  setState(state: { title: string; dirty: boolean }): void {
    this.dirty = state.dirty
    if (this.window.isDestroyed()) return
    this.window.setTitle(windowTitle(state))
    this.window.setDocumentEdited?.(state.dirty)
    if (!state.dirty && this.closeAfterSave) {
      this.closeAfterSave = false
      this.closeConfirmed = true
      this.window.close()
    } else if (state.dirty) {
      // Still unsaved after a "Save, then close" (the save was cancelled or failed): stay open.
      this.closeAfterSave = false
    }
  }

  /**
   * The page's process died (a crash, out of memory). Its unsaved work is in
   * the recovery store; reloading the page offers it back.
   */
  async offerReloadAfterCrash(): Promise<void> {
    if (this.window.isDestroyed()) return
    // Nothing unsaved can be asked about any more: closing must not wait for the dead page.
    this.dirty = false
    this.closeAfterSave = false
    const { response } = await dialog.showMessageBox(this.window, {
      type: 'error',
      buttons: ['Reload', 'Close'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
      message: 'The Rapporteur window stopped unexpectedly.',
      detail:
        'Your unsaved changes up to the last few seconds were kept. Reload the window to get them back.'
    })
    if (this.window.isDestroyed()) return
    if (response === 0) this.window.webContents.reload()
    else this.window.close()
  }

  private onClose(event: Electron.Event): void {
    if (this.closeConfirmed || !this.dirty) {
      this.options.onClosing?.({
        ...this.window.getNormalBounds(),
        maximized: this.window.isMaximized()
      })
      return
    }
    event.preventDefault()
    if (this.asking) return
    this.asking = true
    void this.askBeforeClosing()
      .then(async (choice) => {
        if (choice === 'save') this.saveAndClose()
        else if (choice === 'discard') {
          await this.discardChanges()
          this.window.close()
        }
      })
      .finally(() => {
        this.asking = false
      })
  }

  private async askBeforeClosing(): Promise<CloseChoice> {
    const title = this.documentTitle()
    const { response } = await dialog.showMessageBox(this.window, {
      type: 'warning',
      buttons: ['Save', 'Don’t Save', 'Cancel'],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
      message: `Do you want to save the changes you made to “${title}”?`,
      detail: 'Your changes will be lost if you don’t save them.'
    })
    return (['save', 'discard', 'cancel'] as const)[response] ?? 'cancel'
  }
}
