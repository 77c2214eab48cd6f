import { createHash, randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { VersionSummary } from '@shared/contract'
import { writeFileAtomic } from './atomic-write'
import { fingerprint } from './fingerprint'
import { normalizePath } from './file-lock'
import { nodeFileSystem, isMissing, type FileSystem } from './fs-layer'

/**
 * Earlier versions of each report, kept in `<userData>/versions/<key>/` (not
 * beside the file, so a shared folder is not littered and a read-only folder
 * still gets backups). Every save first puts the file it is about to replace
 * here; the oldest are dropped beyond `keep` (default 20).
 *
 * Layout: one folder per report path (key = hash of the path) holding
 * `source.json` ({ path }) and `v-<backedUpAt>-<random>.rapporteur` files
 * whose modification time is the time the kept version was saved.
 */

/** Default number of versions kept per report. */
export const DEFAULT_VERSIONS_KEPT = 20

const VERSION_FILE = /^v-(\d{15})-([0-9a-f]{8})\.rapporteur$/

/** Options of `VersionStore`. */
export interface VersionStoreOptions {
  /** Normally `<userData>/versions`. */
  folder: string
  fs?: FileSystem
  /** How many versions to keep per report (read at every pruning, so settings apply at once). */
  keep?: () => number
  now?: () => number
}

/** The kept versions of every report. */
export class VersionStore {
  private readonly fs: FileSystem
  private readonly now: () => number
  /**
   * Per folder, the version this store last wrote and its fingerprint: a save
   * whose previous text has another fingerprint need not read that version back
   * to know it differs. Only ever used to skip a read for bytes known to differ,
   * never to skip keeping a version.
   */
  private readonly newestWritten = new Map<string, { name: string; fingerprint: string }>()
  /** Folders whose `source.json` this store has checked or written (again once a folder is made anew). */
  private readonly recorded = new Set<string>()
  /** The dropping of old versions queued by `pruneSoon`, one after another. */
  private pruning: Promise<void> = Promise.resolve()

  constructor(private readonly options: VersionStoreOptions) {
    this.fs = options.fs ?? nodeFileSystem
    this.now = options.now ?? Date.now
  }

  /** The folder holding the versions of the report at `path`. */
  folderFor(path: string): string {
    const key = createHash('sha256').update(normalizePath(path)).digest('hex').slice(0, 32)
    return join(this.options.folder, key)
  }

  /**
   * Keeps `bytes` (the content of `path` about to be replaced, saved at `savedAt`,
   * whose fingerprint the caller may pass when it has it) as a version, unless it
   * equals the newest one kept. Drops none: a save has the oldest dropped
   * (`pruneSoon`) once its file is replaced, so that freeing them does not hold
   * the save up.
   *
   * With `linkFrom` (the file holding those bytes, about to be replaced by a
   * rename and known to have no other name), the version is that file under a
   * second name, a hard link: nothing is copied, and once the rename gives the
   * report a new file, the version's is the old one's alone. Where links cannot
   * be made (another volume, a file system without them) the bytes are copied.
   */
  async keep(
    path: string,
    bytes: Uint8Array,
    savedAt: number,
    bytesFingerprint: string = fingerprint(bytes),
    linkFrom?: string
  ): Promise<void> {
    const folder = this.folderFor(path)
    let names = await this.versionNames(folder)
    if (names === null) {
      // First version of this report, or its folder was deleted since: nothing known holds.
      this.newestWritten.delete(folder)
      this.recorded.delete(folder)
      await this.fs.mkdir(folder, { recursive: true })
      names = []
    }
    const newest = names[names.length - 1]
    if (newest !== undefined && (await this.holds(folder, newest, bytes, bytesFingerprint))) return
    // Strictly increasing stamps keep the order right for two saves within one millisecond.
    const newestStamp = newest === undefined ? 0 : Number(VERSION_FILE.exec(newest)?.[1] ?? 0)
    const stamp = String(Math.max(this.now(), newestStamp + 1)).padStart(15, '0')
    const name = `v-${stamp}-${randomBytes(4).toString('hex')}.rapporteur`
    const version = join(folder, name)
    // A linked version is the saved file itself, its modification time the time it was saved.
    if (!(linkFrom !== undefined && (await this.linked(linkFrom, version)))) {
      // Not fsynced: the report's own save is, and this copy is a convenience that must not
      // double what every save costs (a crash within moments of a save may lose only this copy).
      await writeFileAtomic(version, bytes, this.fs, false)
      const when = new Date(savedAt)
      await this.fs.utimes(version, when, when).catch(() => undefined)
    }
    this.newestWritten.set(folder, { name, fingerprint: bytesFingerprint })
    if (!this.recorded.has(folder)) {
      await this.recordSource(folder, path)
      this.recorded.add(folder)
    }
  }

  /** Whether `version` could be made a second name of `existing` (else the caller copies). */
  private async linked(existing: string, version: string): Promise<boolean> {
    if (!this.fs.link) return false
    try {
      await this.fs.link(existing, version)
      return true
    } catch {
      return false
    }
  }

  /**
   * Whether the kept version `name` holds exactly `bytes`. Read back only when
   * it may: not when it is the one this store last wrote there with another
   * fingerprint (most saves), nor when its size differs.
   */
  private async holds(
    folder: string,
    name: string,
    bytes: Uint8Array,
    bytesFingerprint: string
  ): Promise<boolean> {
    const written = this.newestWritten.get(folder)
    if (written?.name === name && written.fingerprint !== bytesFingerprint) return false
    const path = join(folder, name)
    const size = await this.fs.stat(path).then(
      (stat) => stat.size,
      () => -1
    )
    if (size !== bytes.byteLength) return false
    const previous = await this.fs.readFile(path).catch(() => null)
    return previous !== null && Buffer.compare(previous, bytes) === 0
  }

  /** The kept versions of the report at `path`, newest first. */
  async list(path: string): Promise<VersionSummary[]> {
    // Never more than the limit: once a save's queued dropping is done.
    await this.pruning
    const folder = this.folderFor(path)
    const names = (await this.versionNames(folder)) ?? []
    const summaries: VersionSummary[] = []
    for (const name of names.reverse()) {
      try {
        const stat = await this.fs.stat(join(folder, name))
        summaries.push({ versionId: name, savedAt: stat.mtimeMs, bytes: stat.size })
      } catch (error) {
        if (!isMissing(error)) throw error
      }
    }
    return summaries
  }

  /** The bytes of one kept version; throws if the id is not one of this report's versions. */
  async read(path: string, versionId: string): Promise<Buffer> {
    // The id comes from the renderer: only names this store makes are accepted (no "../").
    if (!VERSION_FILE.test(versionId)) throw new Error(`There is no kept version "${versionId}".`)
    try {
      return await this.fs.readFile(join(this.folderFor(path), versionId))
    } catch (error) {
      if (isMissing(error))
        throw new Error('That version is no longer kept (it may have been dropped as too old).')
      throw error
    }
  }

  /** Notes which report the folder's versions are of, unless it says so already. */
  private async recordSource(folder: string, path: string): Promise<void> {
    const source = join(folder, 'source.json')
    const text = JSON.stringify({ path: normalizePath(path) })
    const recorded = await this.fs.readFile(source).then(String, () => null)
    if (recorded !== text) await writeFileAtomic(source, text, this.fs)
  }

  /** The folder's version files, oldest first; null when there is no such folder. */
  private async versionNames(folder: string): Promise<string[] | null> {
    try {
      // Names sort by backup time (fixed-width stamp), oldest first.
      return (await this.fs.readdir(folder)).filter((name) => VERSION_FILE.test(name)).sort()
    } catch (error) {
      if (isMissing(error)) return null
      throw error
    }
  }

  /**
   * Drops the oldest versions of the report at `path` beyond the number to
   * keep, after any dropping queued before, without holding the caller up: a
   * save is done once its file is in place, while deleting the oldest copy (as
   * slow as writing it, the system freeing its blocks and cached pages) runs on.
   * `onError` hears of a failure.
   */
  pruneSoon(path: string, onError: (error: unknown) => void): void {
    this.pruning = this.pruning.then(() => this.prune(path)).catch(onError)
  }

  /** Resolves once the dropping queued by `pruneSoon` is done. */
  settled(): Promise<void> {
    return this.pruning
  }

  /** Drops the oldest versions of the report at `path` beyond the number to keep. */
  async prune(path: string): Promise<void> {
    const folder = this.folderFor(path)
    const names = (await this.versionNames(folder)) ?? []
    const keep = Math.max(1, this.options.keep?.() ?? DEFAULT_VERSIONS_KEPT)
    for (const name of names.slice(0, Math.max(0, names.length - keep)))
      await this.fs.rm(join(folder, name), { force: true })
  }
}
