import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY } from './security'

/**
 * The page's own scheme: the packaged renderer is served as
 * `app://rapporteur/…` instead of `file://…`, so that `'self'` in the CSP
 * means the app's own files and nothing else on the disk, and the file
 * scheme's extra privileges can be switched off (the
 * `GrantFileProtocolExtraPrivileges` fuse, `scripts/after-pack.cjs`).
 */

/** The scheme's name. */
export const APP_SCHEME = 'app'
/** The one host the scheme serves. */
export const APP_HOST = 'rapporteur'
/** The page's address. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`
/** The folder address under which the page's files live. */
export const APP_FOLDER_URL = `${APP_SCHEME}://${APP_HOST}/`

/** What the scheme may do, for `protocol.registerSchemesAsPrivileged` (before the app is ready). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // Standard: relative URLs and an origin; secure: a secure context, as file:// was.
  privileges: { standard: true, secure: true, supportFetchAPI: true }
} as const

/** The content types of the files the renderer build holds. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream'
}

/**
 * The file under `rendererFolder` that an `app://rapporteur/…` URL names, or
 * null for any other host or scheme, or a path that would leave the folder.
 */
export function appFileFor(url: string, rendererFolder: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  let relative: string
  try {
    relative = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (relative.includes('\0')) return null
  const folder = normalize(rendererFolder + sep)
  const file = normalize(join(folder, relative === '/' ? 'index.html' : relative))
  return file.startsWith(folder) ? file : null
}

/**
 * Answers one request of the scheme: the file with its content type and the
 * app's CSP, 404 for anything else (never a file outside the renderer folder).
 */
export async function serveAppFile(url: string, rendererFolder: string): Promise<Response> {
  const file = appFileFor(url, rendererFolder)
  if (file !== null) {
    try {
      if ((await stat(file)).isFile())
        return new Response(new Uint8Array(await readFile(file)), {
          headers: {
            'Content-Type':
              CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
            'Content-Security-Policy': CONTENT_SECURITY_POLICY
          }
        })
    } catch {
      // Missing or unreadable: the same answer as a name that is not ours.
    }
  }
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } })
}
