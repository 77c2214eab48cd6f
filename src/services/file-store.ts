import { basename, dirname } from 'node:path'
import { parseReport, ReportFileError, type Report } from '@core/report-file'
import {
  refuseReadOnly,
  removeLeftoverTemporaries,
  stageWrite,
  syncFolder,
  type StagedWrite
} from './atomic-write'
import { FileLocks, LockBusyError, LockLostError, type HeldLock } from './file-lock'
import { fingerprint } from './fingerprint'
import { sameBytes, type ByteParts } from './byte-parts'
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

/** Bytes read past a file's `stat` size at least: its end is found by a read that finds nothing. */
const READ_SLACK = 64 * 1024

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
  /**
   * Told the fingerprint of the text being written before it replaces the file
   * (a file watcher takes it for the app's own write, not another program's).
   */
  announce?: (diskVersion: string) => void
  /**
   * Told once the new text is in place, before the save has made the rename
   * durable and given the lock back: for the caller's own work that may run
   * alongside those (noting the file among the recent ones).
   */
  replaced?: () => void
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

  /**
   * What this store last wrote, and where: a save that finds the file still
   * holding exactly these bytes knows their fingerprint without hashing them.
   */
  private lastWritten: {
    path: string
    content: Uint8Array | ByteParts
    diskVersion: string
  } | null = null
  /** The buffer saves read the file they replace into (see `readWhole`); null while in use. */
  private spareBuffer: Buffer | null = null

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
   * Saves the text of a report (serialized once by the caller), as `save` does,
   * given as its UTF-8 bytes, encoded once for both its fingerprint and the
   * write (Node hashes a string several times slower than its bytes); given in
   * pieces, it is hashed and written piece by piece, never joined.
   */
  async saveText(
    path: string,
    text: Uint8Array | ByteParts,
    options: SaveOptions
  ): Promise<SaveResult> {
    try {
      // A symbolic link is saved through: the lock, the check and the write are the real file's.
      const target = await realTarget(this.fs, path)
      let renameMadeDurable: Promise<void> = Promise.resolve()
      const result = await this.options.locks.withLock(target, async (lock) => {
        const saved = await this.saveLocked(target, text, options, lock)
        renameMadeDurable = saved.renameMadeDurable
        return saved.result
      })
      // The lock guards the check and the rename; the folder's fsync, which makes the rename
      // survive a power cut, need not keep another window's save of the file waiting.
      await renameMadeDurable
      return result
    } catch (error) {
      if (error instanceof LockBusyError)
        return { ok: false, reason: 'error', message: error.message }
      return { ok: false, reason: 'error', message: saveFailure(path, error) }
    }
  }

  private async saveLocked(
    path: string,
    text: Uint8Array | ByteParts,
    options: SaveOptions,
    lock: HeldLock
  ): Promise<Replacement> {
    // The new text starts on its way to disk at once, beside the file: its fsync, the slowest
    // step of a save, runs while the file it replaces is read and checked and the new text
    // fingerprinted. It replaces nothing until the checks pass; else it is dropped (a conflict
    // costs a write, but no save waits for the disk before it can write).
    const staged = stageWrite(path, text, this.fs)
    // Under the lock no other save of this file runs, so any hidden temporary or set-aside lock
    // file beside it was left by a process killed midway: tidy it out of the user's folder
    // meanwhile (never throws).
    const tidied = Promise.all([
      removeLeftoverTemporaries(path, this.fs, staged.temporary),
      this.options.locks.removeLeftovers(path)
    ])
    let current: CurrentFile | null = null
    let versionKept: Promise<void> | null = null
    try {
      current = await this.readCurrent(path)
      const conflict = conflictWith(path, current, options)
      if (conflict) return { result: conflict, renameMadeDurable: Promise.resolve() }
      // A read-only file is one the user protected: refuse instead of silently replacing it.
      if (current) refuseReadOnly(path, current.mode)
      // Kept as a version while the new text is still on its way (linked, at no cost, where it
      // can be): a save that then fails has kept a copy of what is still on disk, no more.
      versionKept = current && this.keepVersion(path, current)
      // Hashing holds the thread (5 ms for 8 MB): not before the fsync has begun, so that it
      // neither delays the write's next step nor waits for the disk.
      await staged.syncing
      const diskVersion = fingerprint(text)
      options.announce?.(diskVersion)
      return await this.replace({
        path,
        text,
        options,
        lock,
        staged,
        current,
        versionKept,
        diskVersion
      })
    } finally {
      // The version may still be copied from the buffer the file was read into: not given back before.
      await Promise.all([staged.discard(), tidied, versionKept])
      if (current?.buffer) this.spareBuffer = current.buffer
    }
  }

  /** Puts the staged text of a save past its checks in place of the file. */
  private async replace(save: CheckedSave): Promise<Replacement> {
    const { path, text, options, lock, staged, current, versionKept, diskVersion } = save
    try {
      // Each before the rename, which is what replaces the file: the version kept, the user's
      // permissions given to the new file, and the lock confirmed, so that a save overtaken
      // while paused past its staleness replaces nothing. Begun while the fsync runs (the
      // staleness is counted in seconds, the fsync in milliseconds), so the rename follows it.
      const ready = allOrFirstError([
        versionKept,
        current && staged.keepMode(current.mode),
        lock.confirm()
      ])
      await Promise.all([staged.written, ready])
      await staged.commit()
    } catch (error) {
      // Overtaken while paused, the other saver may also have tidied away this save's temporary.
      const lost =
        error instanceof LockLostError
          ? error
          : await lock.confirm().then(noLoss, (e: unknown) => e)
      const message = lost instanceof LockLostError ? lost.message : saveFailure(path, error)
      return {
        result: { ok: false, reason: 'error', message },
        renameMadeDurable: Promise.resolve()
      }
    }
    const renameMadeDurable = syncFolder(dirname(path), this.fs)
    options.replaced?.()
    // Freeing the oldest version's disk space takes as long as the write: the save need not wait.
    this.options.versions?.pruneSoon(path, (error) =>
      this.options.warn?.(
        `Could not drop the oldest versions of “${displayName(path)}”: ${describeFsError(error)}.`
      )
    )
    this.lastWritten = { path, content: text, diskVersion }
    if (current === null || current.nlink === 1)
      return { result: { ok: true, diskVersion }, renameMadeDurable }
    // The rename gave this name a new file; the old one lives on under its other names.
    const notice = `“${displayName(path)}” had other names (hard links); they still show the previous text, since saving gave this name a new file.`
    this.options.warn?.(notice)
    return {
      result: { ok: true, diskVersion, notice, brokeHardLinks: true },
      renameMadeDurable
    }
  }

  /**
   * The file as it is now, fingerprinted once for both the conflict check and
   * the version store; when it still holds exactly what this store last wrote
   * there, that write's fingerprint is its own, and nothing is hashed.
   */
  private async readCurrent(path: string): Promise<CurrentFile | null> {
    try {
      const stat = await statRegularFile(this.fs, path, MAX_REPORT_BYTES)
      const { bytes, buffer } = await this.readWhole(path, stat.size)
      const written = this.lastWritten
      const diskVersion =
        written?.path === path && sameBytes(bytes, written.content)
          ? written.diskVersion
          : fingerprint(bytes)
      return {
        bytes,
        buffer,
        mtimeMs: stat.mtimeMs,
        mode: stat.mode,
        nlink: stat.nlink,
        diskVersion
      }
    } catch (error) {
      // A missing file (or folder) is a new save; the write itself reports a missing folder.
      if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null
      throw error
    }
  }

  /**
   * The whole file, read into the buffer this store keeps for it (taken while
   * in use, so a second save at the same time reads into a new one): where the
   * system is slow to hand out memory, a fresh buffer of megabytes costs more
   * than the read. Read to its end, however much it grew since its `stat`.
   */
  private async readWhole(
    path: string,
    statSize: number
  ): Promise<{ bytes: Buffer; buffer: Buffer | null }> {
    const handle = await this.fs.open(path, 'r')
    try {
      if (!handle.read) return { bytes: await this.fs.readFile(path), buffer: null }
      const spare = this.spareBuffer
      this.spareBuffer = null
      // Room for one read past the end, which finds nothing and so shows the end was reached.
      let buffer =
        spare && spare.byteLength > statSize ? spare : Buffer.allocUnsafeSlow(statSize + READ_SLACK)
      let length = 0
      for (;;) {
        if (length === buffer.byteLength) {
          if (length > MAX_REPORT_BYTES)
            throw Object.assign(new Error(`EFBIG: ${path}`), { code: 'EFBIG', path })
          const grown = Buffer.allocUnsafeSlow(buffer.byteLength * 2)
          buffer.copy(grown)
          buffer = grown
        }
        const { bytesRead } = await handle.read(buffer, length, buffer.byteLength - length, length)
        if (bytesRead === 0) break
        length += bytesRead
      }
      return { bytes: buffer.subarray(0, length), buffer }
    } finally {
      await handle.close()
    }
  }

  private async keepVersion(path: string, current: CurrentFile): Promise<void> {
    if (!this.options.versions) return
    try {
      await this.options.versions.keep(
        path,
        current.bytes,
        current.mtimeMs,
        current.diskVersion,
        current.nlink === 1 ? path : undefined
      )
    } catch (error) {
      // The user asked to save; a backup store that is full or broken must not stop that.
      this.options.warn?.(
        `Could not keep the previous version of “${displayName(path)}”: ${describeFsError(error)}.`
      )
    }
  }
}

/** A save past its conflict check, its new text staged beside the file. */
interface CheckedSave {
  path: string
  text: Uint8Array | ByteParts
  options: SaveOptions
  lock: HeldLock
  staged: StagedWrite
  /** The file it replaces, as read (null when there is none). */
  current: CurrentFile | null
  /** The keeping of `current` as a version, under way. */
  versionKept: Promise<void> | null
  /** The fingerprint of `text`. */
  diskVersion: string
}

/** A save's outcome, and the fsync of the folder that makes its rename durable, still running. */
interface Replacement {
  result: SaveResult
  renameMadeDurable: Promise<void>
}

/** The file a save is about to replace. */
interface CurrentFile {
  bytes: Buffer
  /** The buffer `bytes` lie in, given back to the store once the save is done with them. */
  buffer: Buffer | null
  mtimeMs: number
  /** Its permission bits and type, as `stat` gives them. */
  mode: number
  /** How many names it has: a version may be linked to it only when it has no other. */
  nlink: number
  /** Its fingerprint (see `fingerprint`). */
  diskVersion: string
}

/**
 * The save's conflict check on the file it replaces: a conflict for the user
 * when the file is gone or changed since the version the save expects (unless
 * forced, or a new place), else null.
 */
function conflictWith(
  path: string,
  current: CurrentFile | null,
  options: SaveOptions
): Extract<SaveResult, { ok: false }> | null {
  if (options.force || options.expectedVersion === null) return null
  const name = displayName(path)
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
  return null
}

/** The message for a save that failed; the file on disk is untouched by then. */
export function saveFailure(path: string, error: unknown): string {
  return `Could not save “${displayName(path)}”: ${describeWriteError(error)}. Your report is still open and the file on disk was not changed.`
}

const noLoss = (): null => null

/**
 * Waits for every task (a null one is none) and then throws the first error
 * among them, if any: none is left running behind a failure the caller acts on.
 */
async function allOrFirstError(tasks: ReadonlyArray<Promise<unknown> | null>): Promise<void> {
  const settled = await Promise.allSettled(tasks)
  for (const result of settled) if (result.status === 'rejected') throw result.reason
}

/** The file's name as shown in messages. */
export function displayName(path: string): string {
  return basename(path) || path
}

/** Text without a leading byte-order mark (which some Windows editors add and JSON refuses). */
export function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
