import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { ZodError } from 'zod'
import {
  REQUEST_ARGUMENTS,
  parseRequestArguments,
  requestChannel,
  type RapporteurRequests
} from '@shared/contract'
import type { AppUrlCheck } from './security'
import { describeFsError } from '../services/fs-errors'

/**
 * The one gate every request from the renderer passes. Before any handler
 * runs it checks that the sender is the main frame of our own page (not an
 * iframe, not a page that somehow navigated elsewhere) and that the arguments
 * have the shape the contract (`REQUEST_ARGUMENTS`) says. Anything else is
 * refused with an error naming why; the renderer sees a rejected promise.
 */

/** Finds the handlers of the window a request came from (null: not one of ours). */
export type HandlersFor = (event: IpcMainInvokeEvent) => RapporteurRequests | null

/** Why the gate refused a request. */
export class RefusedRequestError extends Error {
  constructor(method: string, reason: string) {
    super(`Rapporteur refused “${method}”: ${reason}`)
    this.name = 'RefusedRequestError'
  }
}

/** Whether the request comes from the main frame of our own page. */
export function isTrustedSender(event: IpcMainInvokeEvent, isAppUrl: AppUrlCheck): boolean {
  const frame = event.senderFrame
  // A frame that navigated or was destroyed before the message arrived is null.
  if (!frame) return false
  if (frame.parent !== null) return false
  const main = event.sender.mainFrame
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false
  return isAppUrl(frame.url)
}

/** Checks one request; returns the parsed arguments or throws `RefusedRequestError`. */
export function admitRequest<M extends keyof RapporteurRequests>(
  method: M,
  event: IpcMainInvokeEvent,
  args: unknown[],
  isAppUrl: AppUrlCheck
): Parameters<RapporteurRequests[M]> {
  if (!isTrustedSender(event, isAppUrl))
    throw new RefusedRequestError(method, 'the request did not come from the Rapporteur window')
  try {
    return parseRequestArguments(method, args)
  } catch (error) {
    if (error instanceof ZodError) {
      const issue = error.issues[0]
      const where = issue.path.length ? `argument ${issue.path.join('.')}` : 'arguments'
      throw new RefusedRequestError(method, `${where}: ${issue.message}`)
    }
    throw error
  }
}

/**
 * An unexpected failure as the page should see it: file-system errors in plain
 * words (the raw "ENOSPC: no space left on device, open '/…'" names paths the
 * page has no business seeing), others with their message only.
 */
export function plainError(error: unknown): Error {
  if (
    typeof (error as NodeJS.ErrnoException)?.code === 'string' &&
    (error as NodeJS.ErrnoException).syscall
  )
    return new Error(`Rapporteur could not complete this: ${describeFsError(error)}.`)
  return new Error(error instanceof Error ? error.message : String(error))
}

/** Registers a handler for every request channel; returns a function that removes them. */
export function registerRequestHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlersFor: HandlersFor,
  isAppUrl: AppUrlCheck
): () => void {
  const methods = Object.keys(REQUEST_ARGUMENTS) as Array<keyof RapporteurRequests>
  for (const method of methods) {
    ipcMain.handle(requestChannel(method), async (event, ...args: unknown[]) => {
      const parsed = admitRequest(method, event, args, isAppUrl)
      const handlers = handlersFor(event)
      if (!handlers) throw new RefusedRequestError(method, 'the window is closing')
      const handler = handlers[method] as (...values: unknown[]) => Promise<unknown>
      try {
        return await handler.apply(handlers, parsed as unknown[])
      } catch (error) {
        throw plainError(error)
      }
    })
  }
  return () => methods.forEach((method) => ipcMain.removeHandler(requestChannel(method)))
}
