import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { isAbsolute } from 'node:path'
import { DROPPED_FILES_CHANNEL, MAX_DROPPED_FILES } from '../preload/file-drop'
import { isTrustedSender } from './ipc'
import type { AppUrlCheck } from './security'

/**
 * The main-process end of files dropped on a window (the preload sends their
 * paths, see preload/file-drop.ts): only from the main frame of our own page,
 * only absolute paths, a bounded number of them.
 */
export function receiveDroppedFiles(
  ipcMain: Pick<IpcMain, 'on'>,
  isAppUrl: AppUrlCheck,
  onFiles: (sender: WebContents, paths: string[]) => void
): void {
  ipcMain.on(DROPPED_FILES_CHANNEL, (event, paths: unknown) => {
    // The same sender check as the request gate: a message from anywhere else is ignored.
    if (!isTrustedSender(event as unknown as IpcMainInvokeEvent, isAppUrl)) return
    if (!Array.isArray(paths) || paths.length === 0 || paths.length > MAX_DROPPED_FILES) return
    const valid = paths.filter(
      (path): path is string => typeof path === 'string' && path.length <= 4096 && isAbsolute(path)
    )
    if (valid.length > 0) onFiles(event.sender, valid)
  })
}
