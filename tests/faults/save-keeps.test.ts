import {
  chmodSync,
  linkSync,
  mkdirSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { newReport } from '../../src/core/template'
import { parseReport, reportToJSON, serializeReport } from '../../src/core/report-file'
import type { ReportPayload } from '../../src/shared/contract'
import { FileLocks } from '../../src/services/file-lock'
import { FileStore } from '../../src/services/file-store'
import { fingerprint } from '../../src/services/fingerprint'
import { openReportHost } from './support/child-host'

/**
 * A save keeps what the user had around the file: a symbolic link stays a
 * link and its target gets the text, the permissions stay, a read-only file
 * is refused with a message, a file with other hard links is saved with a
 * notice that says so, and names up to the longest legal one save in place.
 */

let folder: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'rapporteur-keeps-'))
})
afterEach(() => {
  rmSync(folder, { recursive: true, force: true })
})

function store(): FileStore {
  return new FileStore({
    locks: new FileLocks({ folder: join(folder, 'locks'), besideFile: true })
  })
}

function titled(title: string) {
  const report = newReport('en')
  return { ...report, meta: { ...report.meta, masthead: { ...report.meta.masthead, title } } }
}

let counter = 0

describe('saves that keep what the user had', () => {
  it('write through a symbolic link to the real file, leaving the link a link', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.boolean(),
        async (title, chain) => {
          const real = join(folder, `real-${counter++}.rapporteur`)
          writeFileSync(real, serializeReport(titled('old')))
          const middle = join(folder, `middle-${counter++}.rapporteur`)
          const link = join(folder, `link-${counter++}.rapporteur`)
          if (chain) {
            symlinkSync(real, middle)
            symlinkSync(middle, link)
          } else symlinkSync(real, link)
          const expectedVersion = fingerprint(readFileSync(real))
          const result = await store().save(link, titled(title), { expectedVersion })
          expect(result.ok).toBe(true)
          expect(lstatSync(link).isSymbolicLink()).toBe(true)
          expect(parseReport(readFileSync(real, 'utf8')).meta.masthead.title).toBe(title)
        }
      ),
      { numRuns: 10 }
    )
  })

  it('keep the file’s permissions, and refuse a read-only file with a message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 0o777 }), async (mode) => {
        const path = join(folder, `mode-${counter++}.rapporteur`)
        writeFileSync(path, serializeReport(titled('old')))
        chmodSync(path, mode | 0o400)
        const before = readFileSync(path)
        const result = await store().save(path, titled('new'), {
          expectedVersion: fingerprint(before)
        })
        if (((mode | 0o400) & 0o222) === 0) {
          expect(result).toMatchObject({ ok: false, message: expect.stringContaining('read-only') })
          expect(readFileSync(path)).toEqual(before)
        } else {
          expect(result.ok).toBe(true)
          expect(statSync(path).mode & 0o777).toBe(mode | 0o400)
        }
      }),
      { numRuns: 25 }
    )
  })

  it('say plainly that other hard links keep the old text', async () => {
    const path = join(folder, 'linked.rapporteur')
    writeFileSync(path, serializeReport(titled('old')))
    linkSync(path, join(folder, 'other-name.rapporteur'))
    const result = await store().save(path, titled('new'), {
      expectedVersion: fingerprint(readFileSync(path))
    })
    expect(result).toMatchObject({ ok: true, notice: expect.stringContaining('hard links') })
  })

  it('tell the window through the save answer, only when a link was broken', async () => {
    const path = join(folder, 'linked.rapporteur')
    writeFileSync(path, serializeReport(titled('old')))
    const opened = await openReportHost(path, join(folder, 'user'))
    const save = async () =>
      opened.host.saveReport(opened.documentId, reportToJSON(titled('new')) as ReportPayload, {
        saveAs: false,
        force: false
      })
    const plain = await save()
    expect(plain).toMatchObject({ ok: true })
    expect(plain).not.toHaveProperty('brokeHardLinks')
    linkSync(path, join(folder, 'other-name.rapporteur'))
    const linked = await save()
    expect(linked).toMatchObject({ ok: true, brokeHardLinks: true })
    opened.host.dispose()
  })

  it('save in place names of every legal length, up to 255 bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 200, max: 255 }),
        fc.constantFrom('a', 'é', '报'),
        async (bytes, unit) => {
          const extension = '.rapporteur'
          const room = bytes - extension.length
          const unitBytes = Buffer.byteLength(unit)
          const stem = unit.repeat(Math.floor(room / unitBytes)) + 'x'.repeat(room % unitBytes)
          const sub = join(folder, `n-${counter++}`)
          mkdirSync(sub)
          const path = join(sub, stem + extension)
          writeFileSync(path, serializeReport(titled('old')))
          const result = await store().save(path, titled('new'), {
            expectedVersion: fingerprint(readFileSync(path))
          })
          expect(result.ok).toBe(true)
          expect(parseReport(readFileSync(path, 'utf8')).meta.masthead.title).toBe('new')
          expect(readdirSync(sub)).toEqual([stem + extension])
        }
      ),
      { numRuns: 20 }
    )
  })
})
