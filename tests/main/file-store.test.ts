import { link, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { newReport } from '@core/template'
import { parseReport, serializeReport, type Report } from '@core/report-file'
import { FileLocks } from '../../src/services/file-lock'
import { FileStore } from '../../src/services/file-store'
import { fingerprint } from '../../src/services/fingerprint'
import { nodeFileSystem, type FileSystem } from '../../src/services/fs-layer'
import { VersionStore } from '../../src/services/version-store'
import { LANGUAGES } from '@core/languages'
import { everyFeatureReport } from '../fixtures/every-feature-report'
import { BENCH_REPORT, generateReport } from '../../bench/generate'
import {
  faultyFileSystem,
  fileSystemWithHandles,
  temporaryFolder,
  type FaultPoint
} from './helpers'

let folder: Awaited<ReturnType<typeof temporaryFolder>>
beforeEach(async () => {
  folder = await temporaryFolder()
})
afterEach(() => folder.remove())

function store(fs?: FileSystem, keep = 20): { files: FileStore; versions: VersionStore } {
  const versions = new VersionStore({
    folder: join(folder.path, 'user', 'versions'),
    fs,
    keep: () => keep
  })
  const locks = new FileLocks({ folder: join(folder.path, 'user', 'locks'), fs })
  return { files: new FileStore({ fs, locks, versions }), versions }
}

function edited(title: string) {
  const report = newReport('en')
  return { ...report, meta: { ...report.meta, masthead: { ...report.meta.masthead, title } } }
}

describe('FileStore.open', () => {
  it('reads a report and fingerprints the bytes', async () => {
    const path = join(folder.path, 'r.rapporteur')
    const text = serializeReport(edited('Draft report'))
    await writeFile(path, text)
    const opened = await store().files.open(path)
    expect(opened.report.meta.masthead.title).toBe('Draft report')
    expect(opened.diskVersion).toBe(fingerprint(text))
  })

  it.each([
    ['{"format":"rapporteur","version":1,', /cut short or damaged/],
    ['{"format":"rapporteur","version":999,"meta":{},"doc":{}}', /newer version of Rapporteur/],
    ['[1,2,3]', /not a Rapporteur report/]
  ])(
    'refuses a bad file with a message naming the problem and leaves it alone',
    async (text, message) => {
      const path = join(folder.path, 'bad.rapporteur')
      await writeFile(path, text)
      await expect(store().files.open(path)).rejects.toThrow(message)
      expect(await readFile(path, 'utf8')).toBe(text)
    }
  )

  it('names a missing file and a folder in plain words', async () => {
    await expect(store().files.open(join(folder.path, 'nope.rapporteur'))).rejects.toThrow(
      /Cannot open “nope.rapporteur”: no such file or folder/
    )
    await expect(store().files.open(folder.path)).rejects.toThrow(/it is a folder, not a file/)
  })

  it('accepts a file that starts with a byte-order mark', async () => {
    const path = join(folder.path, 'bom.rapporteur')
    await writeFile(path, '\ufeff' + serializeReport(newReport('zh')))
    expect((await store().files.open(path)).report.meta.language).toBe('zh')
  })
})

describe('FileStore.save', () => {
  it('writes the report and returns the new disk version', async () => {
    const path = join(folder.path, 'r.rapporteur')
    const result = await store().files.save(path, edited('One'), { expectedVersion: null })
    expect(result.ok).toBe(true)
    const text = await readFile(path, 'utf8')
    expect(parseReport(text).meta.masthead.title).toBe('One')
    if (result.ok) expect(result.diskVersion).toBe(fingerprint(text))
  })

  it('refuses to overwrite a file that changed on disk since it was read, unless forced', async () => {
    const { files } = store()
    const path = join(folder.path, 'r.rapporteur')
    const first = await files.save(path, edited('Mine'), { expectedVersion: null })
    if (!first.ok) throw new Error(first.message)
    const theirs = serializeReport(edited('Theirs'))
    await writeFile(path, theirs)

    const refused = await files.save(path, edited('Mine again'), {
      expectedVersion: first.diskVersion
    })
    expect(refused).toMatchObject({ ok: false, reason: 'conflict' })
    if (!refused.ok) expect(refused.message).toMatch(/changed on disk/)
    expect(await readFile(path, 'utf8')).toBe(theirs)
    // The text it had started writing beside the file is gone with the refusal.
    expect(await readdir(folder.path)).toEqual(['r.rapporteur', 'user'])

    const forced = await files.save(path, edited('Mine again'), {
      expectedVersion: first.diskVersion,
      force: true
    })
    expect(forced.ok).toBe(true)
    expect(parseReport(await readFile(path, 'utf8')).meta.masthead.title).toBe('Mine again')
  })

  it('treats a file deleted on disk since it was read as a conflict', async () => {
    const { files } = store()
    const path = join(folder.path, 'gone.rapporteur')
    const result = await files.save(path, edited('x'), { expectedVersion: '10-abc' })
    expect(result).toMatchObject({ ok: false, reason: 'conflict' })
    if (!result.ok) expect(result.message).toMatch(/no longer on disk/)
    await expect(readdir(folder.path)).resolves.not.toContain('gone.rapporteur')
  })

  it('of two windows saving the same file at once, one saves and the other is told of a conflict', async () => {
    const path = join(folder.path, 'shared.rapporteur')
    const first = await store().files.save(path, edited('Original'), { expectedVersion: null })
    if (!first.ok) throw new Error(first.message)
    // Two stores sharing the user-data locks, like two windows (or instances) of the app.
    for (let round = 0; round < 10; round++) {
      const current = fingerprint(await readFile(path))
      const results = await Promise.all([
        store().files.save(path, edited(`Window A, round ${round}`), { expectedVersion: current }),
        store().files.save(path, edited(`Window B, round ${round}`), { expectedVersion: current })
      ])
      expect(results.filter((result) => result.ok)).toHaveLength(1)
      expect(results.filter((result) => !result.ok)).toEqual([
        expect.objectContaining({ ok: false, reason: 'conflict' })
      ])
      const winner = results[0].ok ? 'A' : 'B'
      expect(parseReport(await readFile(path, 'utf8')).meta.masthead.title).toBe(
        `Window ${winner}, round ${round}`
      )
    }
  })

  it('keeps the replaced file as a version on every save', async () => {
    const { files, versions } = store()
    const path = join(folder.path, 'r.rapporteur')
    let version: string | null = null
    for (const title of ['v1', 'v2', 'v3']) {
      const result = await files.save(path, edited(title), { expectedVersion: version })
      if (!result.ok) throw new Error(result.message)
      version = result.diskVersion
    }
    const kept = await versions.list(path)
    expect(kept).toHaveLength(2)
    const titles = await Promise.all(
      kept.map(
        async (v) =>
          parseReport((await versions.read(path, v.versionId)).toString()).meta.masthead.title
      )
    )
    expect(titles).toEqual(['v2', 'v1'])
  })

  const faults: Array<[FaultPoint, string, RegExp]> = [
    ['write', 'ENOSPC', /the disk is full/],
    ['open', 'EACCES', /permission denied/],
    ['open', 'EROFS', /the disk is read-only/],
    ['sync', 'EIO', /input\/output error/],
    ['rename', 'EPERM', /permission denied.*Word/],
    ['open', 'ENAMETOOLONG', /the path is too long/]
  ]
  it.each(faults)(
    'a save failing at %s with %s leaves the original byte-identical and says why',
    async (point, code, message) => {
      const path = join(folder.path, 'r.rapporteur')
      const original = serializeReport(edited('Original'))
      await writeFile(path, original)
      const before = await readFile(path)
      const faulty = faultyFileSystem(
        point,
        code,
        (p) => p.startsWith(folder.path) && !p.includes('user')
      )
      const { files } = store(faulty)
      const result = await files.save(path, edited('New'), {
        expectedVersion: fingerprint(before)
      })
      expect(result).toMatchObject({ ok: false, reason: 'error' })
      if (!result.ok) {
        expect(result.message).toMatch(message)
        expect(result.message).toMatch(/Could not save “r.rapporteur”/)
        expect(result.message).toMatch(/file on disk was not changed/)
      }
      expect(Buffer.compare(await readFile(path), before)).toBe(0)
      // No temporary file is left beside it.
      expect(await readdir(folder.path)).toEqual(['r.rapporteur', 'user'])
    }
  )

  it('names a folder that disappeared', async () => {
    const path = join(folder.path, 'gone', 'r.rapporteur')
    const result = await store().files.save(path, edited('x'), { expectedVersion: null })
    expect(result).toMatchObject({ ok: false, reason: 'error' })
    if (!result.ok) expect(result.message).toMatch(/no such file or folder.*Save As/)
  })

  it('still saves when the backup store cannot be written, and warns', async () => {
    const path = join(folder.path, 'r.rapporteur')
    await writeFile(path, serializeReport(edited('Old')))
    const faulty = faultyFileSystem('mkdir', 'ENOSPC', (p) => p.includes('versions'))
    const warnings: string[] = []
    const locks = new FileLocks({ folder: join(folder.path, 'user', 'locks') })
    const versions = new VersionStore({ folder: join(folder.path, 'user', 'versions'), fs: faulty })
    const files = new FileStore({ fs: faulty, locks, versions, warn: (m) => warnings.push(m) })
    const result = await files.save(path, edited('New'), { expectedVersion: null })
    expect(result.ok).toBe(true)
    expect(warnings.join()).toMatch(/Could not keep the previous version.*disk is full/)
  })

  it('writes exactly the bytes of the report’s text, in every script', async () => {
    const { files } = store()
    for (const language of LANGUAGES) {
      const path = join(folder.path, `${language}.rapporteur`)
      const report = everyFeatureReport(language)
      const result = await files.save(path, report, { expectedVersion: null })
      if (!result.ok) throw new Error(result.message)
      const bytes = await readFile(path)
      expect(bytes.equals(Buffer.from(serializeReport(report)))).toBe(true)
      expect(result.diskVersion).toBe(fingerprint(bytes))
    }
  })
})

describe('FileStore.save between two saves', () => {
  /** Saves one after the other, each expecting the file the previous one wrote. */
  async function saveInTurn(
    files: FileStore,
    path: string,
    reports: Array<string | Report>
  ): Promise<string> {
    let version: string | null = null
    for (const report of reports) {
      const result = await files.save(path, typeof report === 'string' ? edited(report) : report, {
        expectedVersion: version
      })
      if (!result.ok) throw new Error(result.message)
      version = result.diskVersion
    }
    return version as string
  }

  async function keptTitles(versions: VersionStore, path: string): Promise<string[]> {
    const kept = await versions.list(path)
    return Promise.all(
      kept.map(
        async (v) =>
          parseReport((await versions.read(path, v.versionId)).toString()).meta.masthead.title
      )
    )
  }

  it('catches a change of the same size made by another program', async () => {
    const { files } = store()
    const path = join(folder.path, 'r.rapporteur')
    const mine = await saveInTurn(files, path, ['Mine 1', 'Mine 2'])
    const theirs = serializeReport(edited('Them 2'))
    expect(Buffer.byteLength(theirs)).toBe(Number(mine.split('-')[0]))
    await writeFile(path, theirs)
    const refused = await files.save(path, edited('Mine 3'), { expectedVersion: mine })
    expect(refused).toMatchObject({ ok: false, reason: 'conflict' })
    expect(await readFile(path, 'utf8')).toBe(theirs)
  })

  it('keeps a version of texts of the same size, without reading back the one it kept', async () => {
    const versionReads: string[] = []
    const recording: FileSystem = {
      ...nodeFileSystem,
      readFile: (path) => {
        if (path.includes('versions') && path.endsWith('.rapporteur')) versionReads.push(path)
        return nodeFileSystem.readFile(path)
      }
    }
    const { files, versions } = store(recording)
    const path = join(folder.path, 'r.rapporteur')
    await saveInTurn(files, path, ['A', 'B', 'A', 'B', 'A'])
    expect(versionReads).toEqual([])
    expect(await keptTitles(versions, path)).toEqual(['B', 'A', 'B', 'A'])
  })

  it('keeps one copy of a text saved again unchanged', async () => {
    const { files, versions } = store()
    const path = join(folder.path, 'r.rapporteur')
    const unchanged = edited('B')
    await saveInTurn(files, path, ['A', unchanged, unchanged, unchanged])
    expect(await keptTitles(versions, path)).toEqual(['B', 'A'])
  })

  it('keeps the replaced file as a version under a second name, and copies it when it has others', async () => {
    const { files, versions } = store()
    const path = join(folder.path, 'r.rapporteur')
    const first = await saveInTurn(files, path, ['A'])
    const replaced = await stat(path)
    await files.save(path, edited('B'), { expectedVersion: first })
    const [linked] = await versions.list(path)
    const linkedFile = join(versions.folderFor(path), linked.versionId)
    // The file the save replaced, itself: no copy written, its own modification time kept.
    expect((await stat(linkedFile)).ino).toBe(replaced.ino)
    expect((await stat(linkedFile)).nlink).toBe(1)
    expect(linked.savedAt).toBe(replaced.mtimeMs)
    expect(await keptTitles(versions, path)).toEqual(['A'])

    // A report with another name of the user's: a link would tie the version to that name.
    const other = join(folder.path, 'other-name.rapporteur')
    await link(path, other)
    const shared = await stat(path)
    const second = await files.save(path, edited('C'), {
      expectedVersion: fingerprint(await readFile(path))
    })
    expect(second).toMatchObject({ ok: true, brokeHardLinks: true })
    const [copied] = await versions.list(path)
    expect((await stat(join(versions.folderFor(path), copied.versionId))).ino).not.toBe(shared.ino)
    expect(await keptTitles(versions, path)).toEqual(['B', 'A'])
    expect(parseReport(await readFile(other, 'utf8')).meta.masthead.title).toBe('B')
  })

  it.each([
    ['a file system without links', { link: undefined }],
    [
      'a link refused (another volume)',
      {
        link: async () => {
          throw Object.assign(new Error('EXDEV: cross-device link'), { code: 'EXDEV' })
        }
      }
    ]
  ])('copies the replaced file as a version on %s', async (_name, change) => {
    const { files, versions } = store({ ...nodeFileSystem, ...change })
    const path = join(folder.path, 'r.rapporteur')
    await saveInTurn(files, path, ['A', 'B', 'C'])
    expect(await keptTitles(versions, path)).toEqual(['B', 'A'])
    const [newest] = await versions.list(path)
    expect((await stat(join(versions.folderFor(path), newest.versionId))).ino).not.toBe(
      (await stat(path)).ino
    )
  })

  it('reads the whole file it replaces, even one that grew past the size it was stat-ed at', async () => {
    // Every stat says 10 bytes: the conflict check and the kept copy must still see it all.
    const understated: FileSystem = {
      ...nodeFileSystem,
      link: undefined,
      stat: async (path) => {
        const real = await nodeFileSystem.stat(path)
        return Object.assign(Object.create(Object.getPrototypeOf(real) as object) as object, real, {
          size: Math.min(real.size, 10)
        }) as typeof real
      }
    }
    const { files, versions } = store(understated)
    const path = join(folder.path, 'r.rapporteur')
    const text = serializeReport(
      generateReport({ ...BENCH_REPORT, sections: 2, paragraphs: 100, recommendations: 10 })
    )
    expect(Buffer.byteLength(text)).toBeGreaterThan(64 * 1024 + 10)
    await writeFile(path, text)
    const saved = await files.save(path, edited('Next'), { expectedVersion: fingerprint(text) })
    expect(saved.ok).toBe(true)
    const [kept] = await versions.list(path)
    expect((await versions.read(path, kept.versionId)).toString('utf8')).toBe(text)
  })

  it('keeps versions again after their folder was deleted', async () => {
    const { files, versions } = store()
    const path = join(folder.path, 'r.rapporteur')
    const version = await saveInTurn(files, path, ['A', 'B'])
    const kept = versions.folderFor(path)
    await rm(kept, { recursive: true })
    await files.save(path, edited('C'), { expectedVersion: version })
    expect(await keptTitles(versions, path)).toEqual(['B'])
    expect(JSON.parse(await readFile(join(kept, 'source.json'), 'utf8'))).toEqual({ path })
  })
})

/** A promise the test settles when it chooses. */
function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { opened, open }
}

describe('FileStore.save, step by step', () => {
  it('writes and fsyncs the new text while the file it replaces is still being read', async () => {
    const path = join(folder.path, 'r.rapporteur')
    const first = await store().files.save(path, edited('Before'), { expectedVersion: null })
    if (!first.ok) throw new Error(first.message)
    const reading = gate()
    let temporarySynced = false
    let readStarted = false
    const fs = fileSystemWithHandles((handle, opened, flags) => {
      if (opened === path && flags === 'r')
        return {
          read: async (...args) => {
            readStarted = true
            await reading.opened
            return handle.read!(...args)
          }
        }
      if (opened.endsWith('.tmp'))
        return {
          sync: async () => {
            await handle.sync()
            temporarySynced = true
          }
        }
      return null
    })
    const saving = store(fs).files.save(path, edited('After'), {
      expectedVersion: first.diskVersion
    })
    // Read one after the other, the new text would wait for the read held here, and never sync.
    await vi.waitFor(() => expect(readStarted && temporarySynced).toBe(true), { timeout: 5_000 })
    expect(parseReport(await readFile(path, 'utf8')).meta.masthead.title).toBe('Before')
    reading.open()
    expect(await saving).toMatchObject({ ok: true })
    expect(parseReport(await readFile(path, 'utf8')).meta.masthead.title).toBe('After')
  })

  it('gives the lock back before the folder’s fsync, and answers only once that is done', async () => {
    const path = join(folder.path, 'r.rapporteur')
    const folderSync = gate()
    let folderSyncing = false
    const fs = fileSystemWithHandles((handle, opened) =>
      opened !== folder.path
        ? null
        : {
            sync: async () => {
              folderSyncing = true
              await folderSync.opened
              return handle.sync()
            }
          }
    )
    let answered = false
    const saving = store(fs)
      .files.save(path, edited('Saved'), { expectedVersion: null })
      .finally(() => (answered = true))
    await vi.waitFor(() => expect(folderSyncing).toBe(true), { timeout: 5_000 })
    // The file is in place and another window may take the lock, while the save is not yet done.
    expect(parseReport(await readFile(path, 'utf8')).meta.masthead.title).toBe('Saved')
    const other = new FileLocks({ folder: join(folder.path, 'user', 'locks'), waitMs: 0 })
    await (await other.acquire(path)).release()
    expect(answered).toBe(false)
    folderSync.open()
    expect(await saving).toMatchObject({ ok: true })
  })

  it('drops the oldest versions once the file is in place, and a failure to drop them fails no save', async () => {
    const path = join(folder.path, 'r.rapporteur')
    const versionsFolder = join(folder.path, 'user', 'versions')
    let refuseDrops = false
    const fs: FileSystem = {
      ...nodeFileSystem,
      rm: async (removed, options) => {
        if (refuseDrops && removed.startsWith(versionsFolder))
          throw Object.assign(new Error('EACCES: simulated'), { code: 'EACCES' })
        return nodeFileSystem.rm(removed, options)
      }
    }
    const warnings: string[] = []
    const versions = new VersionStore({ folder: versionsFolder, fs, keep: () => 2 })
    const locks = new FileLocks({ folder: join(folder.path, 'user', 'locks'), fs })
    const files = new FileStore({ fs, locks, versions, warn: (message) => warnings.push(message) })
    let expectedVersion: string | null = null
    const saveTitled = async (title: string) => {
      const result = await files.save(path, edited(title), { expectedVersion })
      if (!result.ok) throw new Error(result.message)
      expectedVersion = result.diskVersion
    }
    for (const title of ['v1', 'v2', 'v3', 'v4', 'v5']) await saveTitled(title)
    const keptTitles = async () =>
      Promise.all(
        (await versions.list(path)).map(
          async (v) =>
            parseReport((await versions.read(path, v.versionId)).toString()).meta.masthead.title
        )
      )
    expect(await keptTitles()).toEqual(['v4', 'v3'])
    expect(warnings).toEqual([])
    refuseDrops = true
    await saveTitled('v6')
    await versions.settled()
    expect(warnings).toEqual([
      expect.stringMatching(/Could not drop the oldest versions of “r.rapporteur”/)
    ])
    expect(parseReport(await readFile(path, 'utf8')).meta.masthead.title).toBe('v6')
    expect(await keptTitles()).toEqual(['v5', 'v4', 'v3'])
  })
})
