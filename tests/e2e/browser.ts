import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startHarness, type Harness, type HarnessOptions } from '../harness/server'

/**
 * What the end-to-end suites share: the Debian Chromium (never a downloaded
 * one), a built renderer, and a harness with the app open in a page.
 */

/** The Chromium the suites drive (Debian's; CHROMIUM overrides). */
export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium'

/** Flags for a quiet, sandbox-free headless Chromium on a build machine. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]

const ROOT = resolve(__dirname, '../..')
const RENDERER_INDEX = join(ROOT, 'out/renderer/index.html')

/**
 * Whether the suites can run here. Without Chromium they skip with a loud
 * message, except on CI (`CI=true`), where a missing browser is a failure.
 */
export function browserAvailable(suite: string): boolean {
  if (existsSync(CHROMIUM_PATH)) return true
  const message = `\n!!! ${suite}: SKIPPED — no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM).\n`
  if (process.env.CI === 'true') throw new Error(message)
  console.warn(message)
  return false
}

function newestMtime(folder: string): number {
  let newest = 0
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

/**
 * Builds the renderer when there is no build or the sources are newer than
 * it (`npm test` builds first, so this is for running a suite on its own).
 * Suites in parallel workers take turns through a lock folder.
 */
export function ensureRendererBuilt(): void {
  const fresh = () =>
    existsSync(RENDERER_INDEX) &&
    statSync(RENDERER_INDEX).mtimeMs >=
      Math.max(newestMtime(join(ROOT, 'src/renderer')), newestMtime(join(ROOT, 'src/core')))
  if (fresh()) return
  const lock = join(ROOT, 'out/.e2e-build-lock')
  mkdirSync(join(ROOT, 'out'), { recursive: true })
  const deadline = Date.now() + 300_000
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      if (Date.now() > deadline)
        throw new Error(`Timed out waiting for ${lock}; remove it if stale.`)
      spawnSync('sleep', ['1'])
    }
  }
  try {
    if (fresh()) return
    const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' })
    if (result.status !== 0)
      throw new Error('electron-vite build failed: the e2e suites need the built renderer.')
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

/** Launches the Debian Chromium headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
}

/** A harness and a page with the app loaded and its first document shown. */
export interface AppSession {
  harness: Harness
  page: Page
  /** Messages the page logged as errors, and uncaught exceptions (tests assert there are none). */
  pageErrors: string[]
  close(): Promise<void>
}

/** The live app of one suite: its session is there from the suite's first hook on. */
export interface SuiteApp {
  session: AppSession
}

/**
 * Opens the built app in a fresh Chromium before the suite's tests and closes
 * both after them. Call it in the suite's `describe` before its own hooks:
 * those run after it opens the app and before it closes it.
 */
export function useApp(options: Parameters<typeof openApp>[1] = {}): SuiteApp {
  let browser: Browser | undefined
  const app = {} as SuiteApp
  beforeAll(async () => {
    ensureRendererBuilt()
    browser = await launchBrowser()
    app.session = await openApp(browser, options)
  })
  afterAll(async () => {
    await app.session?.close()
    await browser?.close()
  })
  return app
}

/** Starts a harness and opens the app in a new page of `browser`. */
export async function openApp(
  browser: Browser,
  options: HarnessOptions & { viewport?: { width: number; height: number } } = {}
): Promise<AppSession> {
  const harness = await startHarness(options)
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1440, height: 960 }
  })
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text())
  })
  await page.goto(harness.url)
  await page.locator('.ProseMirror').waitFor()
  return {
    harness,
    page,
    pageErrors,
    close: async () => {
      await context.close()
      await harness.close()
    }
  }
}
