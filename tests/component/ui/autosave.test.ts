import { createAutosaveScheduler } from '@renderer/lib/autosave'

describe('autosave scheduler', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('writes 2 s after the last change, once', async () => {
    const write = vi.fn(async () => undefined)
    const scheduler = createAutosaveScheduler({ quietMs: 2000, maxMs: 30_000, write })
    scheduler.changed()
    await vi.advanceTimersByTimeAsync(1500)
    scheduler.changed()
    await vi.advanceTimersByTimeAsync(1999)
    expect(write).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(write).toHaveBeenCalledTimes(1)
    expect(scheduler.pending).toBe(false)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(write).toHaveBeenCalledTimes(1)
  })

  it('writes at least every 30 s while typing never pauses', async () => {
    const write = vi.fn(async () => undefined)
    const scheduler = createAutosaveScheduler({ quietMs: 2000, maxMs: 30_000, write })
    // A keystroke every half second for 65 seconds.
    for (let t = 0; t < 65_000; t += 500) {
      scheduler.changed()
      await vi.advanceTimersByTimeAsync(500)
    }
    expect(write).toHaveBeenCalledTimes(2)
  })

  it('forgets pending changes when cancelled (after a save) and flushes on demand', async () => {
    const write = vi.fn(async () => undefined)
    const scheduler = createAutosaveScheduler({ quietMs: 2000, maxMs: 30_000, write })
    scheduler.changed()
    scheduler.cancel()
    await vi.advanceTimersByTimeAsync(40_000)
    expect(write).not.toHaveBeenCalled()
    scheduler.changed()
    await scheduler.flush()
    expect(write).toHaveBeenCalledTimes(1)
  })
})
