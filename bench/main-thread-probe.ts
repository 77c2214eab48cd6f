/**
 * How long the calling thread was held, as a timer sees it: a 5 ms interval
 * records the longest gap between its turns while `action` runs. A gap well
 * over 5 ms is the longest time nothing else (an IPC message, a menu, a
 * window's repaint request) could have been handled. Used by the load/save
 * benchmark and the host's open test.
 */
export async function longestBlock<T>(
  action: () => Promise<T>
): Promise<{ result: T; blockedMs: number }> {
  let last = performance.now()
  let longest = 0
  const tick = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, 5)
  try {
    const result = await action()
    longest = Math.max(longest, performance.now() - last)
    return { result, blockedMs: longest }
  } finally {
    clearInterval(tick)
  }
}
