import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import type {
  MenuCommand,
  RapporteurApi,
  RapporteurEvents,
  RapporteurRequests
} from '@shared/contract'
import { DROPPED_FILES_CHANNEL, installFileDrop } from './file-drop'

/**
 * The only bridge between the page and the main process: one object,
 * `window.rapporteur`, implementing `RapporteurApi` from `src/shared/contract`.
 * Each request method invokes its own channel; events are subscriptions that
 * return their unsubscribe function. The page never gets `ipcRenderer`.
 *
 * The channel names are spelt here rather than imported, because a sandboxed
 * preload must be one small bundle: importing `@shared/contract` would pull the
 * whole report schema in. The shell tests check these names against the
 * contract and against the main process's handlers.
 */

/** Every request method, in the contract's order. */
const REQUEST_METHODS = [
  'newReport',
  'openReport',
  'openOtherVersion',
  'saveReport',
  'importReport',
  'exportDocx',
  'reloadFromDisk',
  'writeRecovery',
  'clearRecovery',
  'listRecovery',
  'restoreRecovery',
  'discardRecovery',
  'listVersions',
  'restoreVersion',
  'setWindowState',
  'openExternal',
  'getAppSettings',
  'setAppSettings',
  'setSpellingLanguage'
] as const satisfies ReadonlyArray<keyof RapporteurRequests>

// A method added to the contract but not listed above fails to compile here.
type Unlisted = Exclude<keyof RapporteurRequests, (typeof REQUEST_METHODS)[number]>
const everyMethodListed: [Unlisted] extends [never] ? true : Unlisted = true
void everyMethodListed

const EVENT_CHANNELS = {
  onMenuCommand: 'rapporteur:menu-command',
  onFileChanged: 'rapporteur:file-changed'
} as const satisfies Record<keyof RapporteurEvents, string>

function request(method: keyof RapporteurRequests) {
  return (...args: unknown[]): Promise<unknown> =>
    ipcRenderer.invoke(`rapporteur:${method}`, ...args)
}

function subscription<T>(channel: string) {
  return (listener: (value: T) => void): (() => void) => {
    // The event object (with its sender) stays on this side of the bridge.
    const forward = (_event: IpcRendererEvent, value: T): void => listener(value)
    ipcRenderer.on(channel, forward)
    return () => {
      ipcRenderer.removeListener(channel, forward)
    }
  }
}

const requests = Object.fromEntries(
  REQUEST_METHODS.map((method) => [method, request(method)])
) as unknown as RapporteurRequests

const api: RapporteurApi = {
  ...requests,
  onMenuCommand: subscription<MenuCommand>(EVENT_CHANNELS.onMenuCommand),
  onFileChanged: subscription<{ path: string }>(EVENT_CHANNELS.onFileChanged)
}

contextBridge.exposeInMainWorld('rapporteur', Object.freeze(api))

// Files dropped on the window go to the main process from here, not through the page's API.
if (typeof globalThis.addEventListener === 'function')
  installFileDrop(
    globalThis,
    (file) => webUtils.getPathForFile(file),
    (paths) => ipcRenderer.send(DROPPED_FILES_CHANNEL, paths)
  )
