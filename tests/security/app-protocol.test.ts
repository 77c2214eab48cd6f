import { createRequire } from 'node:module'
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import {
  APP_FOLDER_URL,
  APP_INDEX_URL,
  appFileFor,
  serveAppFile
} from '../../src/main/app-protocol'
import { appResourceCheck, appUrlCheck, CONTENT_SECURITY_POLICY } from '../../src/main/security'
import { FuseV1Options } from '@electron/fuses'

/**
 * The packaged page comes from its own scheme, app://rapporteur/, which
 * serves the renderer folder and nothing else: no other host, no path that
 * climbs out, however it is spelled; the IPC gate and the resource filter
 * accept that page and its files only; file:// keeps no extra privileges.
 */

/** The packaging hook's fuse settings (a CommonJS script that electron-builder loads). */
const { fuseConfig } = createRequire(__filename)('../../scripts/after-pack.cjs') as {
  fuseConfig: (platform: string, arch: string) => Record<number, unknown>
}

let root: string
let renderer: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'rapporteur-scheme-'))
  renderer = join(root, 'out', 'renderer')
  await mkdir(join(renderer, 'assets'), { recursive: true })
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>R</title>')
  await writeFile(join(renderer, 'assets', 'index-abc.js'), 'export {}')
  await writeFile(join(root, 'out', 'secret.txt'), 'not for the page')
})

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('the app:// scheme', () => {
  it('serves the page and its files, with their types and the CSP', async () => {
    const page = await serveAppFile(APP_INDEX_URL, renderer)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await page.text()).toContain('<title>R</title>')
    const script = await serveAppFile(`${APP_FOLDER_URL}assets/index-abc.js`, renderer)
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/)
  })

  it.each([
    'app://rapporteur/../secret.txt',
    'app://rapporteur/%2e%2e/secret.txt',
    'app://rapporteur/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://rapporteur/..%5csecret.txt',
    'app://rapporteur/index.html%00.js',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'app://rapporteur/%E0%A4%A',
    'app://rapporteur/missing.js',
    'app://rapporteur/assets'
  ])('answers 404 for %s', async (url) => {
    const answer = await serveAppFile(url, renderer)
    expect(answer.status).toBe(404)
    expect(await answer.text()).not.toContain('not for the page')
  })

  it('never names a file outside the renderer folder, whatever the path', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('..', '.', '%2e%2e', '%2F', '%5C', 'assets', 'a b', '%00', '//'), {
          maxLength: 8
        }),
        (parts) => {
          const file = appFileFor(`app://rapporteur/${parts.join('/')}`, renderer)
          if (file !== null) expect(file.startsWith(renderer)).toBe(true)
        }
      ),
      { numRuns: 2_000 }
    )
  })

  it('is the only page the IPC gate and the resource filter accept in the packaged app', () => {
    const isApp = appUrlCheck({ indexHtmlUrl: APP_INDEX_URL })
    expect(isApp(`${APP_INDEX_URL}#outline`)).toBe(true)
    expect(isApp('app://rapporteur/other.html')).toBe(false)
    expect(isApp('app://evil/index.html')).toBe(false)
    expect(isApp('file:///opt/rapporteur/out/renderer/index.html')).toBe(false)
    const isResource = appResourceCheck({ rendererFolderUrl: APP_FOLDER_URL })
    expect(isResource('app://rapporteur/assets/index-abc.js')).toBe(true)
    expect(isResource('file:///etc/passwd')).toBe(false)
    expect(isResource('app://evil/assets/index-abc.js')).toBe(false)
  })

  it('lets the packaged app switch off the file scheme’s extra privileges', () => {
    expect(fuseConfig('linux', 'x64')[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false)
  })
})
