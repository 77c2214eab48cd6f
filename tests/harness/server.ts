import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { mkdtemp, readFile, readdir, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, extname, join, resolve, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import { ZodError } from 'zod'
import {
  EVENT_CHANNELS,
  isRequestMethod,
  parseRequestArguments,
  type MenuCommand
} from '../../src/shared/contract'
import { inProcessConverters } from '../../src/services/converters'
import {
  createRequestHandlers,
  type Dialogs,
  type FileDialogOptions,
  type RequestHandlers
} from '../../src/services/host'
import { CONTENT_SECURITY_POLICY } from '../../src/main/security'

/**
 * The browser harness: serves the BUILT renderer (`out/renderer`) on
 * 127.0.0.1 at a random port and answers the renderer's API over loopback
 * with the very request handlers the Electron main process uses
 * (`createRequestHandlers`). Every API call must carry the run's random
 * token; arguments pass the same `parseRequestArguments` gate as IPC; the
 * page gets the app's Content Security Policy as a header. Native dialogs
 * are replaced by `ScriptedDialogs`, which tests (or `npm run dev:web`)
 * control.
 */

/** One dialog the host asked for, as the scripted stand-in saw it. */
export interface DialogCall {
  kind: 'open' | 'save'
  options: FileDialogOptions
  answer: string | null
}

/**
 * File dialogs without a person: answers queued by the test come first;
 * otherwise Save proposes the suggested name in the working folder and Open
 * picks the newest file there with an offered extension (or cancels).
 */
export class ScriptedDialogs implements Dialogs {
  readonly calls: DialogCall[] = []
  private readonly answers: Array<{ kind: 'open' | 'save'; path: string | null }> = []

  constructor(readonly folder: string) {}

  /** The next Open dialog answers `path` (null: the user cancels). */
  nextOpen(path: string | null): void {
    this.answers.push({ kind: 'open', path })
  }

  /** The next Save dialog answers `path` (null: the user cancels). */
  nextSave(path: string | null): void {
    this.answers.push({ kind: 'save', path })
  }

  async showOpen(options: FileDialogOptions): Promise<string | null> {
    const answer = this.take('open') ?? (await this.newestMatching(options))
    this.calls.push({ kind: 'open', options, answer })
    return answer
  }

  async showSave(options: FileDialogOptions): Promise<string | null> {
    const queued = this.take('save')
    const answer =
      queued !== undefined ? queued : join(this.folder, basename(options.defaultPath ?? 'report'))
    this.calls.push({ kind: 'save', options, answer })
    return answer
  }

  private take(kind: 'open' | 'save'): string | null | undefined {
    const index = this.answers.findIndex((a) => a.kind === kind)
    if (index < 0) return undefined
    return this.answers.splice(index, 1)[0].path
  }

  private async newestMatching(options: FileDialogOptions): Promise<string | null> {
    const extensions = new Set(options.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)))
    let best: { path: string; mtime: number } | null = null
    for (const name of await readdir(this.folder).catch(() => [] as string[])) {
      if (!extensions.has(extname(name).toLowerCase())) continue
      const path = join(this.folder, name)
      const info = await stat(path)
      if (!best || info.mtimeMs > best.mtime) best = { path, mtime: info.mtimeMs }
    }
    return best?.path ?? null
  }
}

/** Options of `startHarness`. */
export interface HarnessOptions {
  /** The built renderer; default `out/renderer` of this checkout. */
  rendererDir?: string
  /** The host's user-data folder; default a fresh temporary folder. */
  userDataDir?: string
  /** Where scripted dialogs save and open; default `<userDataDir>/documents`. */
  documentsDir?: string
  /** Largest request body accepted, in bytes (a 300-page report is about 3 MB of JSON). */
  maxBodyBytes?: number
  /** Log lines (dialogs, refused requests); silent by default. */
  log?(line: string): void
}

/** A running harness. */
export interface Harness {
  /** The page to open: the app with the token in its fragment. */
  url: string
  origin: string
  token: string
  userDataDir: string
  documentsDir: string
  dialogs: ScriptedDialogs
  /** The host's request handlers (the same object the HTTP API calls). */
  handlers: RequestHandlers
  /** URLs the page asked to open in the OS browser. */
  openedExternally: string[]
  /** The last window state the page published. */
  windowState: { title: string; dirty: boolean } | null
  /** Sends a menu command to the page, as the native menu would. */
  sendMenuCommand(command: MenuCommand): void
  /** Tells the page its file changed on disk, as the file watcher would. */
  sendFileChanged(path: string): void
  close(): Promise<void>
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8'
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        reject(new Error(`request body larger than ${limit} bytes`))
        request.destroy()
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  sendAnswer(response, status, 'application/json', JSON.stringify(body))
}

/**
 * A text answer (an opened report's parts) goes as it is, as `text/plain`:
 * wrapped in JSON it would be escaped here and parsed again by the page,
 * which at 8 MB cost the open more than the page's own parse (Electron's IPC
 * copies a string as it is).
 */
function sendText(response: ServerResponse, text: string): void {
  sendAnswer(response, 200, 'text/plain', text)
}

/** An API answer of `type`, never cached nor sniffed as anything else. */
function sendAnswer(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff'
  })
  response.end(body)
}

/** The harness's own page: the app with the loopback API client (the product page has none). */
export const HARNESS_PAGE = 'harness.html'

/** Starts a harness on 127.0.0.1 at a random free port. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const rendererDir = resolve(options.rendererDir ?? join(__dirname, '../../out/renderer'))
  await stat(join(rendererDir, HARNESS_PAGE)).catch(() => {
    throw new Error(`No built renderer at ${rendererDir}: run "npm run build" first.`)
  })
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'rapporteur-harness-')))
  const documentsDir = options.documentsDir ?? join(userDataDir, 'documents')
  await import('node:fs/promises').then((fs) => fs.mkdir(documentsDir, { recursive: true }))
  const log = options.log ?? (() => undefined)
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024 * 1024
  const token = randomBytes(24).toString('base64url')
  const dialogs = new ScriptedDialogs(documentsDir)
  const streams = new Set<ServerResponse>()
  const openedExternally: string[] = []
  const policy = CONTENT_SECURITY_POLICY

  const emit = (channel: string, payload: unknown) => {
    const data = `data: ${JSON.stringify({ channel, payload })}\n\n`
    for (const stream of streams) stream.write(data)
  }

  const harness = {} as Harness
  const handlers = createRequestHandlers({
    userDataDir,
    dialogs,
    defaultFolder: documentsDir,
    openExternal: async (url) => {
      openedExternally.push(url)
    },
    setWindowState: (state) => {
      harness.windowState = state
    },
    notifyFileChanged: (event) => emit(EVENT_CHANNELS.onFileChanged, event),
    warn: (message) => log(`host: ${message}`),
    // The converters run in this process through the job code the app's worker runs.
    ...inProcessConverters()
  })

  let origin = ''

  async function serveApi(request: IncomingMessage, response: ServerResponse, method: string) {
    if (request.method !== 'POST') return sendJson(response, 405, { error: 'POST only' })
    if (!sameToken(request.headers['x-rapporteur-token'] as string | undefined, token)) {
      log(`refused ${method}: bad token`)
      return sendJson(response, 403, { error: 'forbidden' })
    }
    // Only our own page may call, never another site the browser has open.
    if (request.headers.origin && request.headers.origin !== origin)
      return sendJson(response, 403, { error: 'forbidden origin' })
    if (!isRequestMethod(method))
      return sendJson(response, 404, { error: `no such request: ${method}` })
    let args: unknown
    try {
      args = JSON.parse(await readBody(request, maxBodyBytes))
    } catch (error) {
      return sendJson(response, 400, { error: `unreadable request: ${(error as Error).message}` })
    }
    if (!Array.isArray(args)) return sendJson(response, 400, { error: 'arguments must be a list' })
    let parsed: unknown[]
    try {
      parsed = parseRequestArguments(method, args)
    } catch (error) {
      const detail =
        error instanceof ZodError
          ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
          : String(error)
      log(`refused ${method}: ${detail}`)
      return sendJson(response, 400, { error: `invalid arguments for ${method}: ${detail}` })
    }
    try {
      const call = handlers[method] as (...a: unknown[]) => Promise<unknown>
      const result = await call.apply(handlers, parsed)
      if (typeof result === 'string') sendText(response, result)
      else sendJson(response, 200, { result: result ?? null })
    } catch (error) {
      sendJson(response, 500, { error: error instanceof Error ? error.message : String(error) })
    }
  }

  function serveEvents(request: IncomingMessage, response: ServerResponse, url: URL) {
    if (!sameToken(url.searchParams.get('token'), token))
      return sendJson(response, 403, { error: 'forbidden' })
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive'
    })
    response.write(': connected\n\n')
    streams.add(response)
    request.on('close', () => streams.delete(response))
  }

  async function serveFile(response: ServerResponse, pathname: string) {
    let relative: string
    try {
      relative = decodeURIComponent(pathname === '/' ? `/${HARNESS_PAGE}` : pathname)
    } catch {
      // Any page can request a malformed %-escape (an <img src>): a 400, not a dead harness.
      return sendJson(response, 400, { error: 'malformed address' })
    }
    const file = resolve(rendererDir, `.${relative}`)
    if (file !== rendererDir && !file.startsWith(rendererDir + sep))
      return sendJson(response, 404, { error: 'not found' })
    try {
      const body = await readFile(file)
      response.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': policy,
        'x-content-type-options': 'nosniff',
        // Cross-origin isolated, like a locked-down app page (and fine-grained timers for benchmarks).
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
        'cache-control': 'no-store'
      })
      response.end(body)
    } catch {
      sendJson(response, 404, { error: 'not found' })
    }
  }

  const server = createServer((request, response) => {
    // A page on another name that resolves to 127.0.0.1 (DNS rebinding) is refused.
    if (request.headers.host !== new URL(origin).host)
      return sendJson(response, 421, { error: 'wrong host' })
    const url = new URL(request.url ?? '/', origin)
    const api = /^\/api\/([A-Za-z]+)$/.exec(url.pathname)
    if (api) return void serveApi(request, response, api[1])
    if (url.pathname === '/events') return serveEvents(request, response, url)
    if (request.method !== 'GET') return sendJson(response, 405, { error: 'GET only' })
    void serveFile(response, url.pathname)
  })

  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen))
  const port = (server.address() as AddressInfo).port
  origin = `http://127.0.0.1:${port}`

  Object.assign(harness, {
    url: `${origin}/${HARNESS_PAGE}#harness=${token}`,
    origin,
    token,
    userDataDir,
    documentsDir,
    dialogs,
    handlers,
    openedExternally,
    windowState: null,
    sendMenuCommand: (command: MenuCommand) => emit(EVENT_CHANNELS.onMenuCommand, command),
    sendFileChanged: (path: string) => emit(EVENT_CHANNELS.onFileChanged, { path }),
    close: async () => {
      handlers.dispose()
      for (const stream of streams) stream.end()
      streams.clear()
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
    }
  } satisfies Partial<Harness>)
  return harness
}
