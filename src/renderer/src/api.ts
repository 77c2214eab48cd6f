import {
  EVENT_CHANNELS,
  MENU_COMMANDS,
  REQUEST_ARGUMENTS,
  type MenuCommand,
  type RapporteurApi,
  type RapporteurRequests
} from '@shared/contract'

/**
 * The one place the renderer gets its host API from. Under Electron the
 * preload exposes `window.rapporteur`; in the browser harness the page is
 * opened with `#harness=<token>` and the same API is answered over loopback
 * HTTP. Components and stores call `useApi()` and never touch `window.*`, so
 * tests can substitute a fake with `provideApi`.
 */

declare global {
  interface Window {
    /** The typed host API the Electron preload exposes (absent in a plain browser). */
    rapporteur?: RapporteurApi
  }
}

let current: RapporteurApi | null = null

/** Installs the API the app uses (tests pass a fake; `main.ts` passes `detectApi()`). */
export function provideApi(api: RapporteurApi): void {
  current = api
}

/** The host API. Throws if none was provided, which is a programming error, not a user one. */
export function useApi(): RapporteurApi {
  if (!current) throw new Error('No host API: call provideApi() before mounting the app.')
  return current
}

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

/** Whether the host has native menus with accelerators (Electron), unlike the browser harness. */
export function hasNativeMenus(): boolean {
  return typeof window !== 'undefined' && window.rapporteur !== undefined
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
 * arguments as a JSON array and the run's token in a header; events arrive
 * through one server-sent event stream.
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
      const body = (await response.json().catch(() => ({}))) as {
        result?: unknown
        error?: string
      }
      if (!response.ok) throw new HostError(body.error ?? `${method} failed (${response.status})`)
      return body.result
    }

  const requests = Object.fromEntries(
    (Object.keys(REQUEST_ARGUMENTS) as Array<keyof RapporteurRequests>).map((method) => [
      method,
      request(method)
    ])
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
