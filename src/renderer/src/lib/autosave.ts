/**
 * When to write the recovery copy (or the file, with autosave-to-file on):
 * after a pause of `quietMs` since the last change, and at least every
 * `maxMs` while changes keep coming, so a long typing spell is never
 * unprotected for more than `maxMs`.
 */
export interface AutosaveScheduler {
  /** Records a change: (re)starts the quiet timer and, if not running, the ceiling timer. */
  changed(): void
  /** Forgets pending changes (after a save, or when the document is closed). */
  cancel(): void
  /** Writes now if a change is pending (e.g. before the window closes). */
  flush(): Promise<void>
  /** Whether a change is waiting to be written. */
  readonly pending: boolean
}

/** Options of `createAutosaveScheduler`. */
export interface AutosaveOptions {
  /** Pause after the last change before writing (ms). */
  quietMs: number
  /** Longest time a change may wait while typing continues (ms). */
  maxMs: number
  /** The write itself; failures are the caller's to report. */
  write(): Promise<void>
}

/** A scheduler as described on `AutosaveScheduler`. */
export function createAutosaveScheduler(options: AutosaveOptions): AutosaveScheduler {
  let quiet: ReturnType<typeof setTimeout> | null = null
  let ceiling: ReturnType<typeof setTimeout> | null = null
  let pending = false
  let writing: Promise<void> | null = null

  const clearTimers = () => {
    if (quiet) clearTimeout(quiet)
    if (ceiling) clearTimeout(ceiling)
    quiet = ceiling = null
  }

  const fire = async () => {
    clearTimers()
    if (!pending) return
    pending = false
    // One write at a time: a write still running is awaited before the next starts.
    if (writing) await writing
    writing = options.write().finally(() => {
      writing = null
    })
    await writing
  }

  return {
    changed() {
      pending = true
      if (quiet) clearTimeout(quiet)
      quiet = setTimeout(() => void fire(), options.quietMs)
      ceiling ??= setTimeout(() => void fire(), options.maxMs)
    },
    cancel() {
      clearTimers()
      pending = false
    },
    flush: fire,
    get pending() {
      return pending
    }
  }
}
