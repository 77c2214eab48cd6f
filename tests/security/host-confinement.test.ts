import fc from 'fast-check'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, resolve, sep } from 'node:path'
import {
  isRequestMethod,
  parseRequestArguments,
  REQUEST_ARGUMENTS,
  type RapporteurRequests
} from '../../src/shared/contract'
import { reportToJSON, serializeReport } from '../../src/core/report-file'
import { newReport } from '../../src/core/template'
import { createRequestHandlers, type RequestHandlers } from '../../src/services/host'
import { nodeFileSystem, type FileSystem } from '../../src/services/fs-layer'

/**
 * A compromised page can call any request with any well-formed arguments.
 * Whatever sequence of calls and paths it tries (other files, `../`, the
 * granted file's folder, relative paths, recovery entries naming other files,
 * version ids that climb out), the host touches nothing on disk but its own
 * user-data folder and the one report the user opened, and changes no other
 * file. Saving anywhere else goes through the Save dialog (here the user
 * always cancels).
 */

type Method = keyof RapporteurRequests

let root: string
let userData: string
let docs: string
let granted: string
let secret: string
let other: string
const touched: Array<{ operation: string; path: string }> = []

/** The real file system, recording every path the host touches. */
const recordingFs: FileSystem = Object.fromEntries(
  (Object.keys(nodeFileSystem) as Array<keyof FileSystem>).map((operation) => [
    operation,
    (path: string, ...rest: unknown[]) => {
      touched.push({ operation, path })
      if (operation === 'rename' || operation === 'link')
        touched.push({ operation, path: rest[0] as string })
      return (nodeFileSystem[operation] as (...args: unknown[]) => unknown)(path, ...rest)
    }
  ])
) as unknown as FileSystem

let host: RequestHandlers
/** The session id the host gave the one report the user opened. */
let openedId: string
const dialogsShown: string[] = []

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'rapporteur-confinement-'))
  userData = join(root, 'user-data')
  docs = join(root, 'docs')
  await mkdir(join(root, 'outside'), { recursive: true })
  await mkdir(docs)
  granted = join(docs, 'granted.rapporteur')
  secret = join(docs, 'secret.txt')
  other = join(root, 'outside', 'other.rapporteur')
  await writeFile(granted, serializeReport(newReport('en')))
  await writeFile(secret, 'root:x:0:0:secret')
  await writeFile(other, serializeReport(newReport('fr')))
  let openAnswer: string | null = granted
  host = createRequestHandlers({
    userDataDir: userData,
    fs: recordingFs,
    dialogs: {
      showOpen: async () => {
        dialogsShown.push('open')
        const answer = openAnswer
        openAnswer = null
        return answer
      },
      showSave: async () => {
        dialogsShown.push('save')
        return null
      }
    },
    openExternal: async () => undefined,
    setWindowState: () => undefined,
    exportDocx: async () => new Uint8Array([80, 75])
  })
  // The user opens one report: the only file outside user data the host may touch.
  const opened = await host.openReport()
  if (!opened.ok) throw new Error(`could not open the granted report: ${JSON.stringify(opened)}`)
  openedId = opened.opened.documentId
})

afterAll(async () => {
  host?.dispose()
  if (root) await rm(root, { recursive: true, force: true })
})

/** Whether the host may touch `path`: its user data, the granted report, its folder, its hidden siblings. */
function allowed(touchedPath: string): boolean {
  // Resolved as the OS does ("granted.rapporteur/" names the same file, refused by the OS).
  const path = resolve(touchedPath)
  if (path === userData || path.startsWith(userData + sep)) return true
  if (path === granted || path === docs) return true
  // Its hidden siblings: the atomic write's temporary file and the save lock.
  return path.startsWith(join(docs, `.${basename(granted)}.`))
}

describe('the host confines a compromised page', () => {
  it('touches only user data and the opened report, whatever paths the page names', async () => {
    const hostilePath = fc.oneof(
      fc
        .constantFrom(
          () => secret,
          () => other,
          () => '/etc/passwd',
          () => docs,
          () => root,
          () => `${granted}/../secret.txt`,
          () => join(docs, '..', 'outside', 'other.rapporteur'),
          () => `${docs}${sep}.${sep}granted.rapporteur`,
          () => granted,
          () => `${granted}${sep}`,
          () => granted.toUpperCase(),
          () => 'granted.rapporteur',
          () => '../../../../etc/passwd',
          () => `file://${granted}`
        )
        .map((pick) => pick()),
      fc.string({ minLength: 1, maxLength: 40 })
    )
    const id = fc.oneof(
      fc.constantFrom(
        'doc-1',
        'doc-2',
        '../../../etc/passwd',
        '..',
        'v-000000000000001-abcd1234.rapporteur'
      ),
      fc.string({ minLength: 1, maxLength: 20 })
    )
    const payload = reportToJSON(newReport('en'))
    const req = (method: Method, args: unknown[]): [Method, unknown[]] => [method, args]
    const call: fc.Arbitrary<[Method, unknown[]]> = fc.oneof(
      fc
        .record({
          // The opened report's session, or ids (and paths) the host never gave out.
          documentId: fc.oneof(fc.constant(openedId), id, hostilePath),
          saveAs: fc.boolean(),
          force: fc.boolean()
        })
        .map(({ documentId, ...options }) => req('saveReport', [documentId, payload, options])),
      hostilePath.map((path) => req('reloadFromDisk', [path])),
      hostilePath.map((path) => req('listVersions', [path])),
      fc
        .tuple(hostilePath, id)
        .map(([path, versionId]) => req('restoreVersion', [path, versionId])),
      fc
        .tuple(id, fc.option(hostilePath, { nil: null }))
        .map(([documentId, path]) =>
          req('writeRecovery', [{ documentId, path, title: 't', report: payload }])
        ),
      id.map((documentId) => req('restoreRecovery', [documentId])),
      id.map((documentId) => req('discardRecovery', [documentId])),
      fc.constant(req('listRecovery', [])),
      hostilePath.map((name) =>
        req('exportDocx', [{ report: payload, suggestedName: name.slice(0, 255) }])
      ),
      fc.constant(req('importReport', [])),
      fc.constant(req('openReport', []))
    )
    const secretBefore = await readFile(secret, 'utf8')
    const otherBefore = await readFile(other, 'utf8')
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 6 }), async (calls) => {
        for (const [method, args] of calls) {
          // The IPC gate lets through only well-formed arguments; the rest never reach the host.
          if (!isRequestMethod(method) || !REQUEST_ARGUMENTS[method].safeParse(args).success)
            continue
          const checked = parseRequestArguments(method, args) as unknown[]
          touched.length = 0
          const handler = host[method] as (...values: unknown[]) => Promise<unknown>
          await handler.apply(host, checked).catch(() => undefined)
          const escaped = touched.filter((entry) => !allowed(entry.path))
          expect(escaped, `${method}(${JSON.stringify(args).slice(0, 300)})`).toEqual([])
        }
      }),
      { numRuns: 400 }
    )
    expect(await readFile(secret, 'utf8')).toBe(secretBefore)
    expect(await readFile(other, 'utf8')).toBe(otherBefore)
    expect((await readdir(docs)).filter((name) => !name.endsWith('.tmp')).sort()).toEqual([
      'granted.rapporteur',
      'secret.txt'
    ])
    // Saving elsewhere than the opened report asked the user (who cancelled).
    expect(dialogsShown).toContain('save')
  }, 300_000)
})
