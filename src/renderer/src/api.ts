import type { RapporteurApi } from '@shared/contract'

/**
 * The one place the renderer gets its host API from. The entry point
 * provides it: under Electron (`main.ts`) the preload's `window.rapporteur`;
 * in the browser harness (its own entry, `harness/main.ts`, never part of the
 * product page) a loopback HTTP client. Components and stores call `useApi()`
 * and never touch `window.*`, so tests can substitute a fake with `provideApi`.
 */

declare global {
  interface Window {
    /** The typed host API the Electron preload exposes (absent in a plain browser). */
    rapporteur?: RapporteurApi
  }
}

let current: RapporteurApi | null = null

/** Installs the API the app uses (tests pass a fake; each entry point passes its host's). */
export function provideApi(api: RapporteurApi): void {
  current = api
}

/** The host API. Throws if none was provided, which is a programming error, not a user one. */
export function useApi(): RapporteurApi {
  if (!current) throw new Error('No host API: call provideApi() before mounting the app.')
  return current
}

/** Whether the host has native menus with accelerators (Electron), unlike the browser harness. */
export function hasNativeMenus(): boolean {
  return typeof window !== 'undefined' && window.rapporteur !== undefined
}
