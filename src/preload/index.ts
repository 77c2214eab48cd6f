import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import type { RapporteurApi, RapporteurRequests } from '@shared/contract'
import {
  EVENT_CHANNELS,
  REQUEST_METHODS,
  requestChannel,
  type MenuCommand,
  type RequestMethod
} from '@shared/contract/channels'
import { DROPPED_FILES_CHANNEL, installFileDrop } from './file-drop'

/**
 * The only bridge between the page and the main process: one object,
 * `window.rapporteur`, implementing `RapporteurApi` from `src/shared/contract`.
 * Each request method invokes its own channel; events are subscriptions that
 * return their unsubscribe function. The page never gets `ipcRenderer`.
 *
 * A sandboxed preload must be one small bundle, so it takes the channel names
 * from `@shared/contract/channels`, which has no dependencies (the rest of the
 * contract, with the report schema, is only imported for its types).
 */

function request(method: RequestMethod) {
  return (...args: unknown[]): Promise<unknown> =>
    ipcRenderer.invoke(requestChannel(method), ...args)
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
