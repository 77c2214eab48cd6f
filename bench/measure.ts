/**
 * Timing helpers shared by the benchmarks.
 */

/** The median wall-clock time of `times` runs of `action`, in milliseconds. */
export async function median(times: number, action: () => unknown): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const start = performance.now()
    await action()
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)]
}
