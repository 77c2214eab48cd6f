import { spawn } from 'node:child_process'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { reportToJSON, serializeReport } from '@core/report-file'
import { newReport } from '@core/template'
import { FileLocks, LockBusyError } from '../../src/services/file-lock'
import { RecoveryStore } from '../../src/services/recovery-store'
import { SettingsStore, defaultAppSettings } from '../../src/services/settings-store'
import { VersionStore } from '../../src/services/version-store'
import { isSafeExternalUrl } from '../../src/services/external-url'
import { requestPayload, temporaryFolder } from './helpers'

let folder: Awaited<ReturnType<typeof temporaryFolder>>
beforeEach(async () => {
  folder = await temporaryFolder()
})
afterEach(() => folder.remove())

function entry(documentId: string, title: string, path: string | null = null) {
  const report = newReport('en')
  report.meta.masthead.title = title
  return { documentId, path, title, report: requestPayload(reportToJSON(report)) }
}

describe('RecoveryStore', () => {
  it('keeps one entry per document, newest first, and restores the latest state', async () => {
    let now = 1000
    const store = new RecoveryStore({ folder: join(folder.path, 'recovery'), now: () => now++ })
    await store.write(entry('doc-a', 'First'))
    await store.write(entry('doc-b', 'Other'))
    await store.write(entry('doc-a', 'First, edited'))
    const { entries, problems } = await store.list()
    expect(problems).toEqual([])
    expect(entries.map((e) => [e.documentId, e.title, e.savedAt])).toEqual([
      ['doc-a', 'First, edited', 1002],
      ['doc-b', 'Other', 1001]
    ])
    const restored = await store.restore('doc-a')
    expect(restored.report.meta.masthead.title).toBe('First, edited')
  })

  it('gives a size hint against the file on disk, and none for a never-saved report', async () => {
    const store = new RecoveryStore({ folder: join(folder.path, 'recovery') })
    const path = join(folder.path, 'r.rapporteur')
    const onDisk = newReport('en')
    await writeFile(path, serializeReport(onDisk))
    const longer = entry('doc', 'A much longer title than the template had', path)
    await store.write(longer)
    await store.write(entry('new', 'Never saved'))
    const { entries } = await store.list()
    const hint = entries.find((e) => e.documentId === 'doc')?.sizeDifference
    expect(hint).toBe('A much longer title than the template had'.length - 'Draft report'.length)
    expect(entries.find((e) => e.documentId === 'new')?.sizeDifference).toBeNull()
  })

  it('survives damaged entries: skips and reports them, keeps them aside, lists the rest', async () => {
    const recovery = join(folder.path, 'recovery')
    const store = new RecoveryStore({ folder: recovery })
    await store.write(entry('good', 'Good'))
    await writeFile(
      join(recovery, '0123456789abcdef0123456789abcdef.json'),
      '{"format":"rapporteur-rec'
    )
    await writeFile(
      join(recovery, 'fedcba9876543210fedcba9876543210.json'),
      JSON.stringify({
        ...entry('bad-doc', 'Bad'),
        format: 'rapporteur-recovery',
        savedAt: 1,
        report: { ...entry('x', 'x').report, doc: { type: 'nonsense' } }
      })
    )
    await writeFile(join(recovery, '.abc.json.1234.tmp'), 'half a write')
    const { entries, problems } = await store.list()
    expect(entries.map((e) => e.documentId)).toEqual(['good'])
    expect(problems).toHaveLength(2)
    expect(problems.map((p) => p.message).join('\n')).toMatch(/damaged \(not readable JSON\)/)
    expect(problems.map((p) => p.message).join('\n')).toMatch(/unknown node type "nonsense"/)
    // Kept, not deleted: it may be someone's only copy.
    expect(await readdir(join(recovery, 'damaged'))).toHaveLength(2)
    await store.removeLeftovers()
    expect((await readdir(recovery)).sort()).toEqual(
      [store.entryFile('good').split('/').pop(), 'damaged'].sort()
    )
  })

  it('clears an entry and says clearly when there is nothing to restore', async () => {
    const store = new RecoveryStore({ folder: join(folder.path, 'recovery') })
    await store.write(entry('doc', 'x'))
    await store.clear('doc')
    await store.clear('doc')
    expect((await store.list()).entries).toEqual([])
    await expect(store.restore('doc')).rejects.toThrow(/no recovered copy/)
  })

  it('lists nothing (and no error) before the folder exists', async () => {
    const store = new RecoveryStore({ folder: join(folder.path, 'nowhere') })
    expect(await store.list()).toEqual({ entries: [], problems: [] })
  })
})

describe('VersionStore', () => {
  /** A version kept as a save keeps it, the oldest beyond the limit then dropped. */
  async function add(store: VersionStore, path: string, bytes: Buffer, savedAt: number) {
    await store.keep(path, bytes, savedAt)
    await store.prune(path)
  }

  it('keeps the last N versions, newest first, and drops the oldest', async () => {
    let keep = 3
    const store = new VersionStore({ folder: join(folder.path, 'versions'), keep: () => keep })
    const path = join(folder.path, 'r.rapporteur')
    for (let i = 1; i <= 5; i++) await add(store, path, Buffer.from(`version ${i}`), i * 1000)
    const listed = await store.list(path)
    expect(listed).toHaveLength(3)
    const contents = await Promise.all(
      listed.map(async (v) => (await store.read(path, v.versionId)).toString())
    )
    expect(contents).toEqual(['version 5', 'version 4', 'version 3'])
    expect(listed.map((v) => v.savedAt)).toEqual([5000, 4000, 3000])
    expect(listed[0].bytes).toBe('version 5'.length)
    keep = 1
    await add(store, path, Buffer.from('version 6'), 6000)
    expect(await store.list(path)).toHaveLength(1)
  })

  it('does not keep the same content twice in a row', async () => {
    const store = new VersionStore({ folder: join(folder.path, 'versions') })
    const path = join(folder.path, 'r.rapporteur')
    await add(store, path, Buffer.from('same'), 1)
    await add(store, path, Buffer.from('same'), 2)
    expect(await store.list(path)).toHaveLength(1)
  })

  it('reads the newest version back before calling it equal, whatever it wrote there', async () => {
    const store = new VersionStore({ folder: join(folder.path, 'versions') })
    const path = join(folder.path, 'r.rapporteur')
    await add(store, path, Buffer.from('same'), 1)
    const [newest] = await store.list(path)
    // Changed behind the store's back: the same bytes again are then a version of their own.
    await writeFile(join(store.folderFor(path), newest.versionId), 'else')
    await add(store, path, Buffer.from('same'), 2)
    const kept = await store.list(path)
    expect(kept).toHaveLength(2)
    expect((await store.read(path, kept[0].versionId)).toString()).toBe('same')
  })

  it('keeps the versions of different reports apart, and refuses ids it did not make', async () => {
    const store = new VersionStore({ folder: join(folder.path, 'versions') })
    await add(store, join(folder.path, 'a.rapporteur'), Buffer.from('a'), 1)
    expect(await store.list(join(folder.path, 'b.rapporteur'))).toEqual([])
    const [version] = await store.list(join(folder.path, 'a.rapporteur'))
    await expect(store.read(join(folder.path, 'b.rapporteur'), version.versionId)).rejects.toThrow(
      /no longer kept/
    )
    await expect(
      store.read(join(folder.path, 'a.rapporteur'), '../../settings.json')
    ).rejects.toThrow(/no kept version/)
  })
})

describe('FileLocks', () => {
  it('lets one writer in at a time and the next one after release', async () => {
    const locks = new FileLocks({ folder: join(folder.path, 'locks') })
    const path = join(folder.path, 'r.rapporteur')
    const held = await locks.acquire(path)
    await expect(locks.acquire(path)).rejects.toBeInstanceOf(LockBusyError)
    await expect(locks.acquire(join(folder.path, 'other.rapporteur'))).resolves.toBeDefined()
    await held.release()
    const again = await locks.acquire(path)
    await again.release()
  })

  it('withLock waits for a short-held lock, and gives up with a message on a long one', async () => {
    const locks = new FileLocks({ folder: join(folder.path, 'locks'), waitMs: 300 })
    const path = join(folder.path, 'r.rapporteur')
    const held = await locks.acquire(path)
    setTimeout(() => void held.release(), 100)
    await expect(locks.withLock(path, async () => 'ran')).resolves.toBe('ran')
    const stuck = await locks.acquire(path)
    await expect(locks.withLock(path, async () => 'ran')).rejects.toThrow(
      /being saved by another Rapporteur window/
    )
    await stuck.release()
  })

  it('keeps out a second process while the first holds the lock, and takes over when it dies', async () => {
    const locksFolder = join(folder.path, 'locks')
    const locks = new FileLocks({ folder: locksFolder })
    const path = join(folder.path, 'r.rapporteur')
    const lockFile = locks.lockFileFor(path)
    await mkdir(locksFolder, { recursive: true })
    // Another process takes the lock the same way (O_EXCL create with its pid) and stays alive.
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('fs');
         fs.writeFileSync(${JSON.stringify(lockFile)}, JSON.stringify({ pid: process.pid, host: ${JSON.stringify(hostname())}, token: 'child', path: 'x', acquiredAt: Date.now() }), { flag: 'wx' });
         console.log('locked'); setInterval(() => {}, 1000)`
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] }
    )
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
    try {
      await expect(locks.acquire(path)).rejects.toThrow(`(process ${child.pid})`)
    } finally {
      child.kill('SIGKILL')
      await new Promise((resolve) => child.once('exit', resolve))
    }
    // Killed mid-save: its lock is stale and taken over.
    const held = await locks.acquire(path)
    expect(JSON.parse(await readFile(lockFile, 'utf8')).pid).toBe(process.pid)
    await held.release()
  })

  it('treats an old lock as stale even if its pid is alive (pids get reused)', async () => {
    let now = 1_000_000
    const locks = new FileLocks({
      folder: join(folder.path, 'locks'),
      staleMs: 10_000,
      now: () => now
    })
    const path = join(folder.path, 'r.rapporteur')
    await locks.acquire(path)
    // First sight of the lock: its holder (this very process) is alive, so it is busy.
    await expect(locks.acquire(path)).rejects.toBeInstanceOf(LockBusyError)
    now += 9_000
    await expect(locks.acquire(path)).rejects.toBeInstanceOf(LockBusyError)
    // Unchanged for longer than staleMs by this reader's clock: never refreshed, so stale.
    now += 2_000
    const taken = await locks.acquire(path)
    await taken.release()
  })
})

describe('SettingsStore', () => {
  it('starts from the defaults and remembers what is set', async () => {
    const store = new SettingsStore({ folder: folder.path })
    expect(await store.get()).toEqual(defaultAppSettings())
    await store.set({ uiLanguage: 'zh', autosaveToFile: true, versionsKept: 5 })
    expect(await new SettingsStore({ folder: folder.path }).get()).toEqual({
      uiLanguage: 'zh',
      autosaveToFile: true,
      versionsKept: 5
    })
  })

  it('starts in the OS language when it is one of the six, else in English; a choice sticks', async () => {
    const first = (locale: string) => new SettingsStore({ folder: folder.path, locale }).get()
    expect((await first('fr-CH')).uiLanguage).toBe('fr')
    expect((await first('ar_EG')).uiLanguage).toBe('ar')
    expect((await first('zh-Hans-CN')).uiLanguage).toBe('zh')
    expect((await first('de-DE')).uiLanguage).toBe('en')
    await new SettingsStore({ folder: folder.path }).set({
      ...defaultAppSettings(),
      uiLanguage: 'ru'
    })
    expect((await first('fr-FR')).uiLanguage).toBe('ru')
  })

  it('keeps the valid fields of a damaged settings file and warns about an unreadable one', async () => {
    await writeFile(
      join(folder.path, 'settings.json'),
      JSON.stringify({ uiLanguage: 'zh', versionsKept: -4 })
    )
    expect(await new SettingsStore({ folder: folder.path }).get()).toEqual({
      ...defaultAppSettings(),
      uiLanguage: 'zh'
    })
    await writeFile(join(folder.path, 'settings.json'), '{{{')
    const warnings: string[] = []
    const store = new SettingsStore({ folder: folder.path, warn: (m) => warnings.push(m) })
    expect(await store.get()).toEqual(defaultAppSettings())
    expect(warnings[0]).toMatch(/settings file is damaged/)
  })

  it('refuses invalid settings', async () => {
    const store = new SettingsStore({ folder: folder.path })
    await expect(
      store.set({ uiLanguage: 'xx', autosaveToFile: true, versionsKept: 0 } as never)
    ).rejects.toThrow()
  })
})

describe('isSafeExternalUrl', () => {
  it.each([
    'https://undocs.org/en/CTOC/COP/WG.4/2019/2',
    'http://www.unodc.org/',
    'mailto:secretariat@un.org'
  ])('lets %s out', (url) => expect(isSafeExternalUrl(url)).toBe(true))

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'vbscript:msgbox',
    'data:text/html,<script>alert(1)</script>',
    'https://undocs.org@evil.example/',
    'not a url',
    'https://',
    'mailto:',
    `https://example.org/${'a'.repeat(3000)}`
  ])('keeps %s in', (url) => expect(isSafeExternalUrl(url)).toBe(false))
})
