import { createHash, randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import {
  nodeFileSystem,
  isMissing,
  nameWithin,
  type FileHandleLike,
  type FileSystem
} from './fs-layer'

// Tokens of the locks this process holds right now, over every FileLocks (windows share the
// process). A lock file naming this process with any other token was left by a release or an
// acquire that a disk fault cut short, and must not block the next save.
const heldTokens = new Set<string>()

// An empty or half-written lock is one being written this instant (its creator writes right
// after creating it) or one left by a process killed in between: after this long it is the latter.
const UNWRITTEN_GRACE_MS = 1_000

/** Width of the heartbeat counter, fixed so that every refresh rewrites the same bytes in place. */
const BEAT_DIGITS = 12

/** A reader's clock: never compared with another machine's, so a monotonic one is best. */
const monotonicNow = (): number => performance.now()

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
 * and a heartbeat counter that the holder rewrites every `refreshMs` through
 * the handle it created the file with, for as long as it holds the lock.
 *
 * Whether a lock is stale never depends on a timestamp written by another
 * machine (whose clock may be minutes or hours off): a reader calls a lock
 * stale when it has seen the same bytes in it for `staleMs` by its OWN clock,
 * or at once when the holder is a process of this machine that no longer
 * runs. A holder paused for longer than that (a laptop lid closed mid-save)
 * may find its lock taken over; `HeldLock.confirm` tells it so before it
 * replaces the file, and the save stops instead of overwriting.
 */

/** What a lock file says about its holder. */
export interface LockOwner {
  pid: number
  host: string
  /** Distinguishes holders inside one process (two windows). */
  token: string
  path: string
  /** The holder's wall-clock time when it took the lock: shown, never compared. */
  acquiredAt: number
  /** Rises each time the holder refreshes the lock (fixed-width decimal). */
  beat?: string
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

/** A held lock was taken over by another process (this one was paused past `staleMs`). */
export class LockLostError extends Error {
  constructor(readonly path: string) {
    super(
      `"${path}" was not saved: this window stopped responding for a while during the save and ` +
        'another Rapporteur window or program saved the file meanwhile. Try again.'
    )
    this.name = 'LockLostError'
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
  /** A lock whose bytes this reader has seen unchanged for this long is stale (pids get reused). */
  staleMs?: number
  /** How often a holder rewrites its lock's heartbeat; well under `staleMs`. */
  refreshMs?: number
  /** How long `withLock` waits for a busy lock whose holder is seen alive before giving up. */
  waitMs?: number
  /** This reader's clock, for waits and staleness (monotonic by default). */
  now?: () => number
  /** The name this machine writes into its locks (tests play two machines with it). */
  hostName?: string
}

/** A held lock; `release` removes it. */
export interface HeldLock {
  /** Throws `LockLostError` unless the lock file still names this holder. */
  confirm(): Promise<void>
  release(): Promise<void>
}

/** What this reader last saw in a busy lock file, and since when by its own clock. */
interface Sighting {
  bytes: string
  since: number
}

/** Takes and releases the save locks of report files. */
export class FileLocks {
  private readonly fs: FileSystem
  private readonly staleMs: number
  private readonly refreshMs: number
  private readonly waitMs: number
  private readonly now: () => number
  private readonly host: string
  private readonly sightings = new Map<string, Sighting>()

  constructor(private readonly options: FileLockOptions) {
    this.fs = options.fs ?? nodeFileSystem
    this.staleMs = options.staleMs ?? 15_000
    this.refreshMs = options.refreshMs ?? Math.max(10, Math.floor(this.staleMs / 5))
    this.waitMs = options.waitMs ?? 3_000
    this.now = options.now ?? monotonicNow
    this.host = options.hostName ?? hostname()
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
      host: this.host,
      token: randomBytes(8).toString('hex'),
      path: normalizePath(path),
      acquiredAt: Date.now()
    }
    // Two rounds: the second after clearing a stale lock.
    for (let round = 0; round < 2; round++) {
      // Held from before the file exists: another window of this process that reads the lock
      // while this one is still closing it must see a live holder, not a leftover to break.
      heldTokens.add(owner.token)
      let handle: FileHandleLike | undefined
      try {
        handle = await this.fs.open(lockFile, 'wx', 0o644)
        await handle.writeFile(lockBytes(owner, 0))
      } catch (error) {
        heldTokens.delete(owner.token)
        await handle?.close().catch(() => undefined)
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        const seen = await this.readLock(lockFile)
        if (seen === null) continue // released meanwhile: try again
        if (!(await this.isStale(lockFile, seen))) throw new LockBusyError(path, seen.owner)
        await this.breakStaleLock(lockFile, seen.bytes)
        continue
      }
      this.sightings.delete(lockFile)
      return this.held(lockFile, owner, handle)
    }
    throw new LockBusyError(path, (await this.readLock(lockFile))?.owner ?? null)
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

  /**
   * Runs `task` holding the lock on `path`. A busy lock is waited for up to
   * `waitMs` while its holder is seen alive, and until it turns stale while it
   * is seen silent (so that a leftover of a crashed machine costs one wait,
   * not a failed save).
   */
  async withLock<T>(path: string, task: (lock: HeldLock) => Promise<T>): Promise<T> {
    const started = this.now()
    const lockFile = this.lockFileFor(path)
    let firstSighting: Sighting | undefined
    let lock: HeldLock
    for (;;) {
      try {
        lock = await this.acquire(path)
        break
      } catch (error) {
        if (!(error instanceof LockBusyError)) throw error
        const sighting = this.sightings.get(lockFile)
        firstSighting ??= sighting
        // Unchanged since this wait began: maybe a leftover, so wait until it can be called stale.
        const silentUntil =
          sighting && sighting === firstSighting
            ? sighting.since + this.staleMs + this.refreshMs
            : 0
        if (this.now() >= Math.max(started + this.waitMs, silentUntil)) throw error
        await new Promise((resolveWait) => setTimeout(resolveWait, 50))
      }
    }
    try {
      return await task(lock)
    } finally {
      await lock.release()
    }
  }

  /** The held lock: refreshed on a timer through its own handle until released. */
  private held(lockFile: string, owner: LockOwner, handle: FileHandleLike): HeldLock {
    let beat = 0
    let writing: Promise<void> = Promise.resolve()
    // Written through the creating handle: if the lock was broken meanwhile, the write lands
    // in the set-aside file, never in the lock of whoever holds it now.
    const refresh = (): void => {
      writing = writing
        .then(() => {
          const bytes = Buffer.from(lockBytes(owner, ++beat))
          return handle.write?.(bytes, 0, bytes.length, 0)
        })
        .then(() => undefined)
        .catch(() => undefined)
    }
    const timer = setInterval(refresh, this.refreshMs)
    timer.unref?.()
    return {
      confirm: async () => {
        let bytes: string
        try {
          bytes = (await this.fs.readFile(lockFile)).toString('utf8')
        } catch (error) {
          // Unreadable is a disk fault to report as such; only a missing lock was taken over.
          if (isMissing(error)) throw new LockLostError(owner.path)
          throw error
        }
        if (!bytes.includes(`"token":"${owner.token}"`)) throw new LockLostError(owner.path)
      },
      release: async () => {
        clearInterval(timer)
        await writing
        heldTokens.delete(owner.token)
        // Only remove our own lock: if it was broken as stale and retaken, it is someone else's now.
        const [, seen] = await Promise.all([
          handle.close().catch(() => undefined),
          this.readLock(lockFile)
        ])
        if (seen?.owner?.token === owner.token)
          await this.fs.rm(lockFile, { force: true }).catch(() => undefined)
      }
    }
  }

  /** The lock file's bytes and, when they parse, its holder; null when there is none. */
  private async readLock(
    lockFile: string
  ): Promise<{ bytes: string; owner: LockOwner | null } | null> {
    let bytes: string
    try {
      bytes = (await this.fs.readFile(lockFile)).toString('utf8')
    } catch (error) {
      if (isMissing(error)) return null
      // Unreadable right now (in use on Windows, a network hiccup): judge it by what it shows.
      return { bytes: '', owner: null }
    }
    try {
      const candidate = JSON.parse(bytes) as Partial<LockOwner>
      if (
        typeof candidate.pid === 'number' &&
        typeof candidate.host === 'string' &&
        typeof candidate.token === 'string'
      )
        return { bytes, owner: candidate as LockOwner }
    } catch {
      // Empty or half-written: being written right now, or left by a process killed mid-write.
    }
    return { bytes, owner: null }
  }

  /**
   * Whether a busy lock is stale: its holder is a process of this machine that
   * no longer runs (or this process, with a token it no longer holds), or this
   * reader has seen the very same bytes in it for `staleMs` by its own clock.
   */
  private async isStale(
    lockFile: string,
    seen: { bytes: string; owner: LockOwner | null }
  ): Promise<boolean> {
    const holder = seen.owner
    if (holder && holder.host === this.host) {
      if (!processIsAlive(holder.pid)) return true
      if (holder.pid === process.pid && !heldTokens.has(holder.token)) return true
    }
    // Unwritten: its file time is the one hint that survives the restart of the process that
    // left it. Trusting a wrong clock here costs no save: a creator overtaken this way finds
    // out through `confirm` before it replaces anything.
    if (!holder && (await this.olderThan(lockFile, UNWRITTEN_GRACE_MS))) return true
    const now = this.now()
    const sighting = this.sightings.get(lockFile)
    if (!sighting || sighting.bytes !== seen.bytes) {
      this.sightings.set(lockFile, { bytes: seen.bytes, since: now })
      return false
    }
    return now - sighting.since >= (holder ? this.staleMs : UNWRITTEN_GRACE_MS)
  }

  /** Whether the file was last written more than `ms` ago by this machine's clock. */
  private async olderThan(path: string, ms: number): Promise<boolean> {
    try {
      return Date.now() - (await this.fs.stat(path)).mtimeMs > ms
    } catch {
      return false
    }
  }

  private async breakStaleLock(lockFile: string, staleBytes: string): Promise<void> {
    this.sightings.delete(lockFile)
    // Rename first so that of two processes breaking the same stale lock only one succeeds
    // in removing it; the other's rename fails and it simply retries the O_EXCL create.
    const aside = `${lockFile}.${randomBytes(4).toString('hex')}.stale`
    try {
      await this.fs.rename(lockFile, aside)
    } catch (error) {
      if (isMissing(error)) return
      throw error
    }
    // Between reading the stale lock and the rename, its holder may have refreshed it, or
    // another process broken it and taken a fresh one: if what we moved aside changed, put it back.
    const moved = await this.readLock(aside)
    if (moved !== null && moved.bytes !== staleBytes) {
      await this.fs.rename(aside, lockFile)
      return
    }
    await this.fs.rm(aside, { force: true })
  }
}

/** The lock file's content for `owner` at heartbeat `beat`: always the same length. */
function lockBytes(owner: LockOwner, beat: number): string {
  return JSON.stringify({ ...owner, beat: String(beat).padStart(BEAT_DIGITS, '0') })
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
