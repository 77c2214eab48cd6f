import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RecoveryWrite } from '../../src/shared/contract'
import { reportToJSON, serializeReport, type Report } from '../../src/core/report-file'
import { createHostServices } from '../../src/services/host'
import { fingerprint } from '../../src/services/fingerprint'
import { baseReport, reportForGeneration } from './support/generations'
import { countingFileSystem, type FsCall } from './support/counting-fs'

/**
 * The fault matrix: a save (over a file, and to a new place) and a recovery
 * write, with a simulated fault at EVERY file-system call they make, for
 * every kind of fault a disk, a permission or a path can raise. Whatever
 * fails, the file on disk is byte-identical to before (or, if the fault hit
 * something that does not matter to the file, wholly the new version), the
 * user gets a message in plain words, nothing is left half-written, and the
 * next save works.
 */

/** Fault codes, with the words the user must see for each. */
const FAULTS: Array<[code: string, words: RegExp]> = [
  ['ENOSPC', /the disk is full/],
  ['EDQUOT', /the disk is full/],
  ['EACCES', /permission denied/],
  ['EPERM', /permission denied/],
  ['EROFS', /the disk is read-only/],
  ['EIO', /input\/output error/],
  ['ENOENT', /no such file or folder/],
  ['ENAMETOOLONG', /the path is too long/],
  ['EBUSY', /in use by another program/],
  ['EMFILE', /too many files are open/]
]

const base = baseReport()
const original = reportForGeneration(base, 1)
const edited = reportForGeneration(base, 2)
const ORIGINAL_TEXT = serializeReport(original)
const EDITED_TEXT = serializeReport(edited)

let root: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'rapporteur-faults-'))
})

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

let caseNumber = 0

/** A fresh user-data folder and documents folder for one case. */
async function freshCase(withFile: boolean) {
  const folder = join(root, `case-${++caseNumber}`)
  const docs = join(folder, 'docs')
  await mkdir(docs, { recursive: true })
  const file = join(docs, 'report.rapporteur')
  if (withFile) await writeFile(file, ORIGINAL_TEXT)
  return { userData: join(folder, 'user-data'), docs, file }
}

async function temporaryFiles(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((name) => name.endsWith('.tmp'))
  } catch {
    return []
  }
}

async function exists(path: string): Promise<boolean> {
  return readFile(path).then(
    () => true,
    () => false
  )
}

/** Runs `attempt` once without faults to learn how many file-system calls it makes. */
async function callsOf(
  run: (fs: ReturnType<typeof countingFileSystem>) => Promise<unknown>
): Promise<FsCall[]> {
  const counting = countingFileSystem(0, 'NONE')
  await run(counting)
  return counting.calls
}

const matrix = { cases: 0, failedCleanly: 0, savedDespiteFault: 0 }

afterAll(() => {
  console.info(
    `Fault matrix: ${matrix.cases} simulated faults; ${matrix.failedCleanly} refused the save with the file untouched, ` +
      `${matrix.savedDespiteFault} hit a call the saved file does not depend on and saved whole.`
  )
})

describe.each([
  ['a save over an existing report', true],
  ['a save to a new place (Save As)', false]
])('%s, with a fault at every file-system call', (_name, withFile) => {
  const before = withFile ? fingerprint(ORIGINAL_TEXT) : null

  async function save(
    fs: ReturnType<typeof countingFileSystem>['fs'],
    where: Awaited<ReturnType<typeof freshCase>>,
    expectedVersion = before
  ) {
    const services = createHostServices(where.userData, { fs, warn: () => undefined })
    try {
      return await services.files.save(where.file, edited, {
        expectedVersion
      })
    } finally {
      services.watcher.stop()
    }
  }

  it.each(FAULTS)(
    '%s: the file is untouched or wholly new, the message is plain, the next save works',
    async (code, words) => {
      const calls = await callsOf(async ({ fs }) => save(fs, await freshCase(withFile)))
      expect(calls.length).toBeGreaterThan(5)
      for (let failAt = 1; failAt <= calls.length; failAt++) {
        const where = await freshCase(withFile)
        const faulty = countingFileSystem(failAt, code)
        const result = await save(faulty.fs, where)
        // The call the fault hit: a save runs some calls side by side, so the order of those
        // may differ from the fault-free run's.
        const hit = faulty.calls[failAt - 1] ?? calls[failAt - 1]
        const context = `${code} at call ${failAt} (${hit.operation} ${hit.path})`
        matrix.cases++
        if (result.ok) {
          matrix.savedDespiteFault++
          expect(await readFile(where.file, 'utf8'), context).toBe(EDITED_TEXT)
        } else {
          matrix.failedCleanly++
          // A file that "is not there" (ENOENT reading it back) is a conflict: the user is asked.
          if (code === 'ENOENT' && result.reason === 'conflict')
            expect(result.message, context).toMatch(/no longer on disk/)
          // A save lock that "is not there" when the save checks it before replacing was taken over.
          else if (code === 'ENOENT' && hit.operation === 'readFile' && hit.path.endsWith('.lock'))
            expect(result.message, context).toMatch(/another Rapporteur window or program saved/)
          else {
            expect(result.reason, context).toBe('error')
            expect(result.message, context).toMatch(words)
          }
          expect(result.message, context).toContain('report.rapporteur')
          expect(result.message, `${context}: raw error code shown`).not.toContain(code)
          if (withFile) expect(await readFile(where.file, 'utf8'), context).toBe(ORIGINAL_TEXT)
          else expect(await exists(where.file), `${context}: a file appeared`).toBe(false)
        }
        expect(await temporaryFiles(where.docs), `${context}: half-written files left`).toEqual([])
        // The document is still open in the app: saving again, once the fault is gone, works.
        // It expects the file it last saw: the new one if the save went through, else the old one.
        const retry = await save(
          countingFileSystem(0, 'NONE').fs,
          where,
          result.ok ? result.diskVersion : before
        )
        expect(retry, `${context}: the next save failed`).toMatchObject({ ok: true })
        expect(await readFile(where.file, 'utf8'), context).toBe(EDITED_TEXT)
      }
    },
    300_000
  )
})

describe('a recovery write, with a fault at every file-system call', () => {
  const entry = (report: Report): RecoveryWrite => ({
    documentId: 'doc-1',
    path: null,
    title: 'Draft report',
    report: reportToJSON(report) as RecoveryWrite['report']
  })

  it.each(FAULTS)(
    '%s: the previous entry survives whole, or the new one is written whole',
    async (code) => {
      const write = async (fs: ReturnType<typeof countingFileSystem>['fs'], userData: string) =>
        createHostServices(userData, { fs }).recovery.write(entry(edited))
      const calls = await callsOf(async ({ fs }) => {
        const { userData } = await freshCase(false)
        await createHostServices(userData).recovery.write(entry(original))
        return write(fs, userData)
      })
      for (let failAt = 1; failAt <= calls.length; failAt++) {
        const { userData } = await freshCase(false)
        const healthy = createHostServices(userData)
        await healthy.recovery.write(entry(original))
        const context = `${code} at call ${failAt} (${calls[failAt - 1].operation})`
        const failed = await write(countingFileSystem(failAt, code).fs, userData).then(
          () => false,
          () => true
        )
        matrix.cases++
        const listing = await healthy.recovery.list()
        expect(listing.problems, `${context}: the store is damaged`).toEqual([])
        const restored = await healthy.recovery.restore('doc-1')
        expect(serializeReport(restored.report), context).toBe(failed ? ORIGINAL_TEXT : EDITED_TEXT)
        expect(await temporaryFiles(join(userData, 'recovery')), context).toEqual([])
      }
    },
    300_000
  )
})

describe('what a killed save leaves beside the report', () => {
  it('is tidied by the next save, and nothing else is touched', async () => {
    const where = await freshCase(true)
    const leftovers = [
      '.report.rapporteur.0123456789ab.tmp',
      '.report.rapporteur.lock.deadbeef.stale'
    ]
    const unrelated = [
      '.report.rapporteur.notes',
      '.other.rapporteur.0123456789ab.tmp',
      'notes.txt'
    ]
    for (const name of [...leftovers, ...unrelated]) await writeFile(join(where.docs, name), 'x')
    const services = createHostServices(where.userData)
    const result = await services.files.save(where.file, edited, {
      expectedVersion: fingerprint(ORIGINAL_TEXT)
    })
    expect(result.ok).toBe(true)
    expect((await readdir(where.docs)).sort()).toEqual(['report.rapporteur', ...unrelated].sort())
  })
})
