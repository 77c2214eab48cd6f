import { createHash, randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { nodeFileSystem, isMissing, nameWithin, type FileSystem } from './fs-layer'

// Tokens of the locks this process holds right now, over every FileLocks (windows share the
// process). A lock file naming this process with any other token was left by a release or an
// acquire that a disk fault cut short, and must not block the next save until it ages out.
const heldTokens = new Set<string>()

// How long a lock file may stay empty or half-written before it counts as left by a killed
// process: its creator writes it right after creating it, so an unreadable lock younger than
// this is one being written at this instant (breaking it would let two savers in at once).
const UNWRITTEN_GRACE_MS = 1_000

/**
 * A cross-process lock on one report file, held while a save checks the disk
 * version and writes. Two windows or two app instances therefore cannot both
 * pass the "has the file changed since I read it?" check and then overwrite
 * each other: the second waits, then sees the first one's write as a conflict.
 *
 * The lock is a small JSON file created with O_EXCL: beside the report
 * (`.<name>.lock`, where every process that can see the file sees it, also
 * two colleagues' instances on a shared or synced folder) or in
 * `<userData>/locks/`, named after the report's path. It records pid, host
 * and time; a lock whose process is gone (killed mid-save) or that is older
 * than `staleMs` is stale and taken over.
 */

/** What a lock file says about its holder. */
export interface LockOwner {
  pid: number
  host: string
  /** Distinguishes holders inside one process (two windows). */
  token: string
  path: string
  acquiredAt: number
}

/** Why a lock could not be taken. */
export class LockBusyError extends Error {
  constructor(
    readonly path: string,
    readonly owner: LockOwner | null
  ) {
    super(
      `"${path}" is being saved by another Rapporteur window or program` +
        (owner ? ` (process ${owner.pid})` : '') +
        '. Try again in a moment.'
    )
    this.name = 'LockBusyError'
  }
}

/** Options of `FileLocks`. */
export interface FileLockOptions {
  /** Folder for the lock files unless they are kept beside the report (normally `<userData>/locks`). */
  folder: string
  /**
   * Keep each lock beside the report it guards, so that instances with different
   * user data (two users, two machines on a shared drive) keep each other out too.
   */
  besideFile?: boolean
  fs?: FileSystem
  /** A lock older than this is stale whatever its pid says (pids get reused). */
  staleMs?: number
  /** How long `withLock` waits for a busy lock before giving up. */
  waitMs?: number
  now?: () => number
}

/** A held lock; `release` removes it. */
export interface HeldLock {
  release(): Promise<void>
}

/** Takes and releases the save locks of report files. */
export class FileLocks {
  private readonly fs: FileSystem
  private readonly staleMs: number
  private readonly waitMs: number
  private readonly now: () => number

  constructor(private readonly options: FileLockOptions) {
    this.fs = options.fs ?? nodeFileSystem
    this.staleMs = options.staleMs ?? 15_000
    this.waitMs = options.waitMs ?? 3_000
    this.now = options.now ?? Date.now
  }

  /** The lock file that guards `path`. */
  lockFileFor(path: string): string {
    if (this.options.besideFile) {
      const absolute = resolve(path)
      // Room for ".lock" and the ".<8 hex>.stale" of a set-aside lock, within any legal name.
      return join(dirname(absolute), `.${nameWithin(basename(absolute), 22)}.lock`)
    }
    const key = createHash('sha256').update(normalizePath(path)).digest('hex').slice(0, 40)
    return join(this.options.folder, `${key}.lock`)
  }

  /** Takes the lock on `path` once, or throws `LockBusyError` if a live holder has it. */
  async acquire(path: string): Promise<HeldLock> {
    // Beside the report the folder is the user's: never create it (a vanished folder is an error).
    if (!this.options.besideFile) await this.fs.mkdir(this.options.folder, { recursive: true })
    const lockFile = this.lockFileFor(path)
    const owner: LockOwner = {
      pid: process.pid,
      host: hostname(),
      token: randomBytes(8).toString('hex'),
      path: normalizePath(path),
      acquiredAt: this.now()
    }
    // Two rounds: the second after clearing a stale lock.
    for (let round = 0; round < 2; round++) {
      // Held from before the file exists: another window of this process that reads the lock
      // while this one is still closing it must see a live holder, not a leftover to break.
      heldTokens.add(owner.token)
      try {
        const handle = await this.fs.open(lockFile, 'wx', 0o644)
        try {
          await handle.writeFile(JSON.stringify(owner))
        } finally {
          await handle.close()
        }
        return { release: () => this.release(lockFile, owner.token) }
      } catch (error) {
        heldTokens.delete(owner.token)
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      const holder = await this.readOwner(lockFile)
      if (holder && !this.isStale(holder)) throw new LockBusyError(path, holder)
      if (!holder && (await this.isFresh(lockFile))) throw new LockBusyError(path, null)
      await this.breakStaleLock(lockFile, holder?.token ?? null)
    }
    throw new LockBusyError(path, await this.readOwner(lockFile))
  }

  /**
   * Removes the lock files that processes killed while breaking a stale lock
   * left set aside next to `path`'s lock. Call it holding the lock. Never throws.
   */
  async removeLeftovers(path: string): Promise<void> {
    const lockFile = this.lockFileFor(path)
    const folder = dirname(lockFile)
    const prefix = `${basename(lockFile)}.`
    try {
      for (const name of await this.fs.readdir(folder))
        if (name.startsWith(prefix) && /^[0-9a-f]{8}\.stale$/.test(name.slice(prefix.length)))
          await this.fs.rm(join(folder, name), { force: true })
    } catch {
      // Tidying must not fail a save; the leftovers wait for the next one.
    }
  }

  /** Runs `task` holding the lock on `path`, waiting up to `waitMs` for a busy lock. */
  async withLock<T>(path: string, task: () => Promise<T>): Promise<T> {
    const deadline = this.now() + this.waitMs
    let lock: HeldLock
    for (;;) {
      try {
        lock = await this.acquire(path)
        break
      } catch (error) {
        if (!(error instanceof LockBusyError) || this.now() >= deadline) throw error
        await new Promise((resolveWait) => setTimeout(resolveWait, 50))
      }
    }
    try {
      return await task()
    } finally {
      await lock.release()
    }
  }

  private async release(lockFile: string, token: string): Promise<void> {
    heldTokens.delete(token)
    // Only remove our own lock: if it was broken as stale and retaken, it is someone else's now.
    const holder = await this.readOwner(lockFile)
    if (holder?.token === token) await this.fs.rm(lockFile, { force: true }).catch(() => undefined)
  }

  private async readOwner(lockFile: string): Promise<LockOwner | null> {
    try {
      const parsed: unknown = JSON.parse((await this.fs.readFile(lockFile)).toString('utf8'))
      const candidate = parsed as Partial<LockOwner>
      if (typeof candidate.pid === 'number' && typeof candidate.acquiredAt === 'number')
        return parsed as LockOwner
      return null
    } catch {
      // Missing (released meanwhile) or half-written by a process killed mid-write: treat as stale.
      return null
    }
  }

  /** Whether a lock file was created (or written) less than `UNWRITTEN_GRACE_MS` ago. */
  private async isFresh(lockFile: string): Promise<boolean> {
    try {
      return Date.now() - (await this.fs.stat(lockFile)).mtimeMs < UNWRITTEN_GRACE_MS
    } catch {
      return false
    }
  }

  private isStale(holder: LockOwner): boolean {
    if (this.now() - holder.acquiredAt > this.staleMs) return true
    // Only the local machine's pids can be checked; a lock from another host ages out instead.
    if (holder.host === hostname() && !processIsAlive(holder.pid)) return true
    if (holder.host === hostname() && holder.pid === process.pid && !heldTokens.has(holder.token))
      return true
    return false
  }

  private async breakStaleLock(lockFile: string, staleToken: string | null): Promise<void> {
    // Rename first so that of two processes breaking the same stale lock only one succeeds
    // in removing it; the other's rename fails and it simply retries the O_EXCL create.
    const aside = `${lockFile}.${randomBytes(4).toString('hex')}.stale`
    try {
      await this.fs.rename(lockFile, aside)
    } catch (error) {
      if (isMissing(error)) return
      throw error
    }
    // Between reading the stale holder and the rename, another process may have broken it
    // and taken a fresh lock: if what we moved aside is live, put it back.
    const moved = await this.readOwner(aside)
    const live = moved
      ? moved.token !== staleToken && !this.isStale(moved)
      : await this.isFresh(aside)
    if (live) {
      await this.fs.rename(aside, lockFile)
      return
    }
    await this.fs.rm(aside, { force: true })
  }
}

/** Whether a local process id is running. */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** One spelling per file, so `a/../b.rapporteur` and `b.rapporteur` share a lock. */
export function normalizePath(path: string): string {
  const absolute = resolve(path)
  // Windows and macOS file systems are case-insensitive by default.
  return process.platform === 'linux' ? absolute : absolute.toLowerCase()
}
