import {
  EVENT_CHANNELS,
  MENU_COMMANDS,
  REQUEST_METHODS,
  type MenuCommand
} from '@shared/contract/channels'
import type { RapporteurApi, RapporteurRequests } from '@shared/contract'

/**
 * The browser harness's client of the host API (test plumbing, built as its
 * own entry, `harness.html`, so the product page never contains it): requests
 * go to the harness over loopback HTTP, events come back as server-sent events.
 */

/** The harness token from the page address (`#harness=<token>`), or null outside the harness. */
export function harnessToken(hash: string): string | null {
  const match = /(?:^#|&)harness=([A-Za-z0-9_-]{16,128})(?:&|$)/.exec(hash)
  return match ? match[1] : null
}

/**
 * The API of the environment the page runs in: the preload's object under
 * Electron, the loopback client in the browser harness, or null when neither
 * is there (the app then shows a message instead of half-working).
 */
export function detectApi(): RapporteurApi | null {
  if (window.rapporteur) return window.rapporteur
  const token = harnessToken(window.location.hash)
  return token ? createHttpApi(window.location.origin, token) : null
}

/** A request the harness refused or failed, with the host's message. */
export class HostError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'HostError'
  }
}

/**
 * The browser harness's API: each request is `POST /api/<method>` with the
 * arguments as a JSON array and the run's token in a header, answered with
 * JSON (or plain text when the answer is a string); events arrive through one
 * server-sent event stream.
 */
export function createHttpApi(origin: string, token: string): RapporteurApi {
  const request =
    (method: keyof RapporteurRequests) =>
    async (...args: unknown[]): Promise<unknown> => {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-rapporteur-token': token },
        body: JSON.stringify(args)
      })
      // A text answer comes as it is (see the harness server); everything else as JSON.
      if (response.ok && response.headers.get('content-type')?.startsWith('text/plain'))
        return response.text()
      const body = (await response.json().catch(() => ({}))) as {
        result?: unknown
        error?: string
      }
      if (!response.ok) throw new HostError(body.error ?? `${method} failed (${response.status})`)
      return body.result
    }

  const requests = Object.fromEntries(
    REQUEST_METHODS.map((method) => [method, request(method)])
  ) as unknown as RapporteurRequests

  type Listener = (payload: unknown) => void
  const listeners = new Map<string, Set<Listener>>()
  let source: EventSource | null = null
  const subscribe = (channel: string, listener: Listener): (() => void) => {
    if (!source) {
      source = new EventSource(`${origin}/events?token=${encodeURIComponent(token)}`)
      source.onmessage = (message: MessageEvent<string>) => {
        const event = JSON.parse(message.data) as { channel: string; payload: unknown }
        for (const each of listeners.get(event.channel) ?? []) each(event.payload)
      }
    }
    const set = listeners.get(channel) ?? new Set<Listener>()
    set.add(listener)
    listeners.set(channel, set)
    return () => set.delete(listener)
  }

  return {
    ...requests,
    onMenuCommand: (listener) =>
      subscribe(EVENT_CHANNELS.onMenuCommand, (payload) => {
        if (MENU_COMMANDS.includes(payload as MenuCommand)) listener(payload as MenuCommand)
      }),
    onFileChanged: (listener) =>
      subscribe(EVENT_CHANNELS.onFileChanged, (payload) => listener(payload as { path: string }))
  }
}
