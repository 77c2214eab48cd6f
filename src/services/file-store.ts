import { basename } from 'node:path'
import { parseReport, ReportFileError, type Report } from '@core/report-file'
import { removeLeftoverTemporaries, writeFileAtomic } from './atomic-write'
import { FileLocks, LockBusyError, LockLostError, type HeldLock } from './file-lock'
import { fingerprint } from './fingerprint'
import { fingerprintInParts } from './opened-text'
import { reportBytes } from './report-bytes'
import { describeFsError, describeWriteError } from './fs-errors'
import {
  nodeFileSystem,
  isMissing,
  readRegularFile,
  realTarget,
  statRegularFile,
  type FileSystem
} from './fs-layer'
import type { VersionStore } from './version-store'

/**
 * Opening and saving `.rapporteur` files. Open reads, validates and
 * fingerprints; save checks under a cross-process lock that the file is still
 * the one the user last saw (else: conflict), keeps the file it replaces as a
 * version, and writes atomically. A failed save changes nothing on disk and
 * says why in plain words.
 */

/** Files larger than this are refused before reading (no real report comes near it). */
export const MAX_REPORT_BYTES = 512 * 1024 * 1024

/** A report read from disk. */
export interface OpenedFile {
  report: Report
  /** Fingerprint of the bytes read (see `fingerprint`). */
  diskVersion: string
  /** Size of the file read, in bytes. */
  bytes: number
}

/** What became of a save. */
export type SaveResult =
  | {
      ok: true
      diskVersion: string
      /** Something the user should know about a save that succeeded (hard links it broke). */
      notice?: string
      /** The file had other names (hard links) that still show the previous text. */
      brokeHardLinks?: boolean
    }
  | { ok: false; reason: 'conflict'; message: string }
  | { ok: false; reason: 'error'; message: string }

/** How to save. */
export interface SaveOptions {
  /** The fingerprint the user last read or wrote; null when writing a new place (Save As). */
  expectedVersion: string | null
  /** Overwrite although the file changed or vanished on disk (the user said so). */
  force?: boolean
  /** The fingerprint of the text being written, when the caller has it already. */
  diskVersion?: string
}

/** A file that cannot be opened, with a message for the user. */
export class FileOpenError extends Error {
  constructor(
    message: string,
    /** The loader's error code when the file was read but is not a valid report. */
    readonly code?: string
  ) {
    super(message)
    this.name = 'FileOpenError'
  }
}

/** Options of `FileStore`. */
export interface FileStoreOptions {
  fs?: FileSystem
  locks: FileLocks
  /** Where replaced versions go; none keeps no backups. */
  versions?: VersionStore
  /** Told about problems that do not stop a save (e.g. a backup that could not be kept). */
  warn?: (message: string) => void
}

/** Opens and saves report files. */
export class FileStore {
  readonly fs: FileSystem

  constructor(private readonly options: FileStoreOptions) {
    this.fs = options.fs ?? nodeFileSystem
  }

  /** Reads and validates a report. Throws `FileOpenError`; never writes anything. */
  async open(path: string): Promise<OpenedFile> {
    const name = displayName(path)
    const bytes = await this.readBytes(path)
    try {
      const report = parseReport(stripByteOrderMark(bytes.toString('utf8')))
      return { report, diskVersion: fingerprint(bytes), bytes: bytes.byteLength }
    } catch (error) {
      if (error instanceof ReportFileError)
        throw new FileOpenError(`Cannot open “${name}”: ${error.message}`, error.code)
      throw error
    }
  }

  /**
   * Reads a report file's bytes for the page to parse and check (the app's
   * Open: see `opened-text.ts`), fingerprinted without holding the thread.
   * Throws `FileOpenError` for a file that cannot be read; never writes anything.
   */
  async read(path: string): Promise<{ bytes: Buffer; diskVersion: string }> {
    const bytes = await this.readBytes(path)
    return { bytes, diskVersion: await fingerprintInParts(bytes) }
  }

  private async readBytes(path: string): Promise<Buffer> {
    try {
      return await readRegularFile(this.fs, path, MAX_REPORT_BYTES)
    } catch (error) {
      const name = displayName(path)
      if ((error as NodeJS.ErrnoException).code === 'EFBIG')
        throw new FileOpenError(`Cannot open “${name}”: it is too large to be a report.`)
      throw new FileOpenError(`Cannot open “${name}”: ${describeFsError(error)}.`)
    }
  }

  /** The fingerprint of the file as it is on disk now, or null if there is none. */
  async diskVersion(path: string): Promise<string | null> {
    try {
      return fingerprint(await readRegularFile(this.fs, path, MAX_REPORT_BYTES))
    } catch (error) {
      if (isMissing(error)) return null
      throw error
    }
  }

  /** Saves `report` to `path`: conflict check under the lock, backup, atomic write. */
  async save(path: string, report: Report, options: SaveOptions): Promise<SaveResult> {
    return this.saveText(path, reportBytes(report), options)
  }

  /**
   * Saves the text of a report (serialized once by the caller), as `save` does.
   * Given as UTF-8 bytes, it is encoded once for both its fingerprint and the
   * write (Node hashes a string several times slower than its bytes).
   */
  async saveText(
    path: string,
    text: string | Uint8Array,
    options: SaveOptions
  ): Promise<SaveResult> {
    try {
      // A symbolic link is saved through: the lock, the check and the write are the real file's.
      const target = await realTarget(this.fs, path)
      return await this.options.locks.withLock(target, (lock) =>
        this.saveLocked(target, text, options, lock)
      )
    } catch (error) {
      if (error instanceof LockBusyError)
        return { ok: false, reason: 'error', message: error.message }
      return { ok: false, reason: 'error', message: saveFailure(path, error) }
    }
  }

  private async saveLocked(
    path: string,
    text: string | Uint8Array,
    options: SaveOptions,
    lock: HeldLock
  ): Promise<SaveResult> {
    const name = displayName(path)
    const current = await this.readCurrent(path)
    if (!options.force && options.expectedVersion !== null) {
      if (current === null)
        return {
          ok: false,
          reason: 'conflict',
          message: `“${name}” is no longer on disk: another program moved or deleted it since you opened it. Save it there again, or choose another place with “Save As…”.`
        }
      if (current.diskVersion !== options.expectedVersion)
        return {
          ok: false,
          reason: 'conflict',
          message: `“${name}” was changed on disk by another program or window since you opened it. Saving now would overwrite those changes.`
        }
    }
    if (current !== null) await this.keepVersion(path, current)
    let notice: string | undefined
    try {
      // A save paused past the lock's staleness may have been overtaken: then it must not replace.
      const outcome = await writeFileAtomic(path, text, this.fs, () => lock.confirm())
      if (outcome.brokeHardLinks) {
        notice = `“${displayName(path)}” had other names (hard links); they still show the previous text, since saving gave this name a new file.`
        this.options.warn?.(notice)
      }
    } catch (error) {
      // Overtaken while paused, the other saver may also have tidied away this save's temporary.
      const lost =
        error instanceof LockLostError
          ? error
          : await lock.confirm().then(noLoss, (e: unknown) => e)
      if (lost instanceof LockLostError)
        return { ok: false, reason: 'error', message: lost.message }
      return { ok: false, reason: 'error', message: saveFailure(path, error) }
    }
    // Under the lock no other save of this file runs, so any hidden temporary or set-aside lock
    // file beside it was left by a process killed midway: tidy it out of the user's folder.
    await removeLeftoverTemporaries(path, this.fs)
    await this.options.locks.removeLeftovers(path)
    const version = options.diskVersion ?? fingerprint(text)
    return notice
      ? { ok: true, diskVersion: version, notice, brokeHardLinks: true }
      : { ok: true, diskVersion: version }
  }

  /** The file as it is now, hashed once for both the conflict check and the version store. */
  private async readCurrent(path: string): Promise<CurrentFile | null> {
    try {
      const stat = await statRegularFile(this.fs, path, MAX_REPORT_BYTES)
      const bytes = await this.fs.readFile(path)
      return { bytes, mtimeMs: stat.mtimeMs, diskVersion: fingerprint(bytes) }
    } catch (error) {
      // A missing file (or folder) is a new save; the write itself reports a missing folder.
      if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null
      throw error
    }
  }

  private async keepVersion(path: string, current: CurrentFile): Promise<void> {
    if (!this.options.versions) return
    try {
      await this.options.versions.add(path, current.bytes, current.mtimeMs, current.diskVersion)
    } catch (error) {
      // The user asked to save; a backup store that is full or broken must not stop that.
      this.options.warn?.(
        `Could not keep the previous version of “${displayName(path)}”: ${describeFsError(error)}.`
      )
    }
  }
}

/** The file a save is about to replace. */
interface CurrentFile {
  bytes: Buffer
  mtimeMs: number
  /** Its fingerprint (see `fingerprint`). */
  diskVersion: string
}

/** The message for a save that failed; the file on disk is untouched by then. */
export function saveFailure(path: string, error: unknown): string {
  return `Could not save “${displayName(path)}”: ${describeWriteError(error)}. Your report is still open and the file on disk was not changed.`
}

const noLoss = (): null => null

/** The file's name as shown in messages. */
export function displayName(path: string): string {
  return basename(path) || path
}

/** Text without a leading byte-order mark (which some Windows editors add and JSON refuses). */
export function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
