import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { byteLengthOf, isByteParts, writeRuns, type FileContent } from './byte-parts'
import {
  isMissing,
  nameWithin,
  nodeFileSystem,
  realTarget,
  type FileHandleLike,
  type FileSystem
} from './fs-layer'

/** Marks the temporary files `writeFileAtomic` leaves behind only when killed midway. */
export const TEMPORARY_SUFFIX = '.tmp'

/**
 * Writes a file so that, whatever happens midway (a crash, a full disk, a
 * kill), the path holds either the complete old content or the complete new
 * content: write a temporary file in the same folder, fsync it, rename it over
 * the target, then fsync the folder so the rename itself is durable.
 */
export async function writeFileAtomic(
  path: string,
  data: FileContent,
  fs: FileSystem = nodeFileSystem,
  /**
   * False for a copy the user's work does not depend on (a kept version): still
   * never half-written, as it is renamed into place whole, but not forced to the
   * disk, which costs as much as the write of the report itself.
   */
  durable = true
): Promise<void> {
  // A link is followed, so the real file gets the new text and the link stays a link.
  const target = await realTarget(fs, path)
  const existingMode = await modeOf(fs, target)
  // A read-only file is one the user protected: refuse instead of silently replacing it.
  if (existingMode !== null) refuseReadOnly(target, existingMode)
  const staged = stageWrite(target, data, fs, durable)
  try {
    await staged.written
    if (existingMode !== null) await staged.keepMode(existingMode)
    await staged.commit()
  } finally {
    await staged.discard()
  }
  if (durable) await syncFolder(dirname(target), fs)
}

/**
 * New content on its way to disk in a temporary file beside `target`, not yet
 * in the target's place. The write starts at once, so the caller may do other
 * work meanwhile (read and check the file it replaces) while the disk catches
 * up; it then renames it into place with `commit`, or drops it with `discard`.
 */
export interface StagedWrite {
  /** The temporary file, in the target's folder so the rename never crosses file systems. */
  readonly temporary: string
  /** Settles once the content is written, fsynced when durable, and the file closed. */
  readonly written: Promise<void>
  /**
   * Settles once the content is in the system's hands and its fsync has begun
   * (or the write failed): from then on the disk needs nothing of this thread
   * until the fsync returns, so work that holds the thread fits there.
   */
  readonly syncing: Promise<void>
  /**
   * Gives the temporary the permission bits of `mode`, the file it replaces:
   * a private 0600 report stays private.
   */
  keepMode(mode: number): Promise<void>
  /** Renames the written temporary over the target (the folder is not fsynced: see `syncFolder`). */
  commit(): Promise<void>
  /** Removes the temporary unless it was committed; never throws. */
  discard(): Promise<void>
}

/** Starts writing `data` for `target` (see `StagedWrite`); `durable` fsyncs it. */
export function stageWrite(
  target: string,
  data: FileContent,
  fs: FileSystem = nodeFileSystem,
  durable = true
): StagedWrite {
  // A dot name keeps sync clients quiet.
  const temporary = join(
    dirname(target),
    `${temporaryPrefix(target)}${randomBytes(6).toString('hex')}${TEMPORARY_SUFFIX}`
  )
  let syncBegun!: () => void
  const syncing = new Promise<void>((resolve) => (syncBegun = resolve))
  const written = writeTemporary(temporary, data, fs, durable, syncBegun)
  // Seen by whoever awaits it (a caller that fails first must not leave it unhandled); once it
  // has settled, the fsync has begun or never will, and `syncing` must not keep anyone waiting.
  written.catch(() => undefined).finally(syncBegun)
  let committed = false
  return {
    temporary,
    written,
    syncing,
    keepMode: (mode) => fs.chmod(temporary, mode & 0o7777),
    async commit() {
      await written
      await fs.rename(temporary, target)
      committed = true
    },
    async discard() {
      if (committed) return
      await written.catch(() => undefined)
      await fs.rm(temporary, { force: true }).catch(() => undefined)
    }
  }
}

async function writeTemporary(
  temporary: string,
  data: FileContent,
  fs: FileSystem,
  durable: boolean,
  syncBegun: () => void
): Promise<void> {
  let handle: FileHandleLike | undefined
  try {
    handle = await fs.open(temporary, 'wx', 0o644)
    await writeContent(handle, data)
    const synced = durable ? handle.sync() : Promise.resolve()
    syncBegun()
    await synced
    await handle.close()
    handle = undefined
  } catch (error) {
    await handle?.close().catch(() => undefined)
    throw error
  }
}

/** Throws `EREADONLY` for a file whose permissions `mode` let nobody write it. */
export function refuseReadOnly(path: string, mode: number): void {
  if ((mode & 0o222) === 0)
    throw Object.assign(new Error(`EREADONLY: ${path}`), { code: 'EREADONLY', path })
}

/**
 * Writes `data` through `handle`: pieces with gathered writes where the
 * handle can, in runs of at most 512 KiB as Node's `writeFile` writes a
 * buffer. One write call of megabytes was at times 7 to 15 times as slow as
 * the same bytes in runs (a Linux virtual machine, measured with `strace`:
 * the time was the kernel's copy into the file's cache); where single calls
 * were fast, runs cost at most 1.5 ms more on 8.5 MB.
 */
async function writeContent(handle: FileHandleLike, data: FileContent): Promise<void> {
  if (!isByteParts(data)) return handle.writeFile(data)
  if (!handle.writev) return handle.writeFile(Buffer.concat(data))
  for (const run of writeRuns(data)) {
    const { bytesWritten } = await handle.writev(run)
    // libuv writes every piece or fails; a short count would leave the temporary incomplete.
    const expected = byteLengthOf(run)
    if (bytesWritten !== expected)
      throw Object.assign(new Error(`EIO: wrote ${bytesWritten} of ${expected} bytes`), {
        code: 'EIO'
      })
  }
}

/** The permission bits and type of the file at `path`, or null when there is none. */
async function modeOf(fs: FileSystem, path: string): Promise<number | null> {
  try {
    return (await fs.stat(path)).mode
  } catch (error) {
    if (isMissing(error)) return null
    throw error
  }
}

/** Longest suffix after the prefix: 12 hex digits and `.tmp`. */
const TEMPORARY_RESERVE = 12 + TEMPORARY_SUFFIX.length + 2

/** The start of every temporary file name for `path`, short enough for any legal file name. */
function temporaryPrefix(path: string): string {
  return `.${nameWithin(basename(path), TEMPORARY_RESERVE)}.`
}

/**
 * Makes the renames in `folder` durable (fsyncs the folder itself) where it
 * can. Never throws: the new content is in place once the rename returns, and
 * a folder that cannot be fsynced (some network shares) must not turn a
 * completed save into a reported failure.
 */
export async function syncFolder(folder: string, fs: FileSystem = nodeFileSystem): Promise<void> {
  // Windows cannot open a folder for fsync; there the rename is as durable as it gets.
  if (process.platform === 'win32') return
  try {
    const handle = await fs.open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Left as durable as the folder allows.
  }
}

/**
 * Removes the temporary files that earlier writes of `path` left when they
 * were killed midway (a crash, a power cut). Call it only while no other write
 * of `path` can be running but the caller's own (`inUse`): the file store holds
 * its save lock. Never throws: tidying up must not fail a save. Returns how
 * many it removed.
 */
export async function removeLeftoverTemporaries(
  path: string,
  fs: FileSystem = nodeFileSystem,
  /** The temporary of the caller's own write, still on its way: not a leftover. */
  inUse?: string
): Promise<number> {
  const folder = dirname(path)
  const prefix = temporaryPrefix(path)
  const own = inUse === undefined ? undefined : basename(inUse)
  let removed = 0
  try {
    for (const name of await fs.readdir(folder)) {
      const rest = name.slice(prefix.length)
      if (!name.startsWith(prefix) || !/^[0-9a-f]{12}\.tmp$/.test(rest) || name === own) continue
      await fs.rm(join(folder, name), { force: true })
      removed++
    }
  } catch {
    // An unreadable folder or a file in use: the leftovers wait for the next save.
  }
  return removed
}
