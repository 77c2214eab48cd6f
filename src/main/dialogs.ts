import { dialog, type BrowserWindow } from 'electron'
import type { Dialogs } from '../services/host'

/** The host's file dialogs as Electron's native ones, attached to the report window. */
export function electronDialogs(window: () => BrowserWindow | null): Dialogs {
  return {
    async showOpen(options) {
      const parent = window()
      const settings = {
        title: options.title,
        defaultPath: options.defaultPath,
        filters: options.filters,
        properties: ['openFile' as const]
      }
      const result = parent
        ? await dialog.showOpenDialog(parent, settings)
        : await dialog.showOpenDialog(settings)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async showSave(options) {
      const parent = window()
      const settings = {
        title: options.title,
        defaultPath: options.defaultPath,
        filters: options.filters,
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const]
      }
      const result = parent
        ? await dialog.showSaveDialog(parent, settings)
        : await dialog.showSaveDialog(settings)
      return result.canceled ? null : (result.filePath ?? null)
    },
    async notify(notice) {
      const parent = window()
      const settings = { type: 'warning' as const, message: notice.message, detail: notice.detail }
      if (parent) await dialog.showMessageBox(parent, settings)
      else await dialog.showMessageBox(settings)
    }
  }
}
