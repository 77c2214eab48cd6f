import { watch as nodeWatch, type FSWatcher } from 'node:fs'
import { basename, dirname } from 'node:path'

/**
 * Notices when the open report changes on disk (another program, a sync
 * client) and says so once per change. It watches the file's folder rather
 * than the file, because editors and sync clients replace files by rename,
 * which a watch on the old file never reports. Events are debounced and then
 * confirmed by fingerprint, so touching the file or our own saves (announced
 * with `acknowledge` before they happen) raise nothing. Where the platform
 * cannot watch (inotify limits, some network shares) it polls instead.
 */

/** Starts watching a folder; the app passes Node's `fs.watch`, tests may pass a stand-in. */
export type WatchFolder = (
  folder: string,
  listener: (event: string, filename: string | Buffer | null) => void
) => Pick<FSWatcher, 'close' | 'on'>

/** Options of `FileWatcher`. */
export interface FileWatcherOptions {
  /** The fingerprint of the file now, or null if it is gone. */
  readVersion: (path: string) => Promise<string | null>
  /** Called once per outside change of the watched file. */
  onChange: (event: { path: string }) => void
  /** Quiet time after the last event before checking (default 250 ms). */
  debounceMs?: number
  /** Poll interval when watching is impossible (default 3 s). */
  pollMs?: number
  watchFolder?: WatchFolder
}

/** Watches one file at a time: the report open in a window. */
export class FileWatcher {
  private path: string | null = null
  private known = new Set<string | null>()
  private watcher: Pick<FSWatcher, 'close'> | null = null
  private poller: NodeJS.Timeout | null = null
  private timer: NodeJS.Timeout | null = null
  private checking: Promise<void> = Promise.resolve()

  constructor(private readonly options: FileWatcherOptions) {}

  /** The file being watched, if any. */
  get watchedPath(): string | null {
    return this.path
  }

  /** Watches `path`, whose content is now `diskVersion`; stops watching any other file. */
  track(path: string, diskVersion: string | null): void {
    if (this.path !== path) {
      this.stop()
      this.path = path
      this.start(path)
    }
    this.known = new Set([diskVersion])
  }

  /** Declares a version as ours (a save about to write it): seeing it raises nothing. */
  acknowledge(path: string, diskVersion: string): void {
    if (path === this.path) this.known.add(diskVersion)
  }

  /** Stops watching. */
  stop(): void {
    this.watcher?.close()
    this.watcher = null
    if (this.poller) clearInterval(this.poller)
    if (this.timer) clearTimeout(this.timer)
    this.poller = this.timer = null
    this.path = null
  }

  /** Resolves when any pending check has run (for tests and orderly shutdown). */
  async settled(): Promise<void> {
    await this.checking
  }

  private start(path: string): void {
    const name = basename(path)
    const watchFolder = this.options.watchFolder ?? (nodeWatch as unknown as WatchFolder)
    try {
      const watcher = watchFolder(dirname(path), (_event, filename) => {
        // Some platforms do not say which file changed: check anyway.
        if (filename === null || filename.toString() === name) this.schedule()
      })
      watcher.on('error', () => this.fallBackToPolling(path))
      this.watcher = watcher
    } catch {
      this.fallBackToPolling(path)
    }
  }

  private fallBackToPolling(path: string): void {
    this.watcher?.close()
    this.watcher = null
    if (this.poller || this.path !== path) return
    this.poller = setInterval(() => this.schedule(), this.options.pollMs ?? 3_000)
    this.poller.unref()
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      this.checking = this.checking.then(() => this.check())
    }, this.options.debounceMs ?? 250)
  }

  private async check(): Promise<void> {
    const path = this.path
    if (path === null) return
    let version: string | null
    try {
      version = await this.options.readVersion(path)
    } catch {
      return // unreadable for a moment (being written, locked): the next event checks again
    }
    if (path !== this.path || this.known.has(version)) {
      if (path === this.path) this.known = new Set([version])
      return
    }
    this.known = new Set([version])
    this.options.onChange({ path })
  }
}
