import fc from 'fast-check'
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { serializeReport } from '../../src/core/report-file'
import { FileLocks, LockBusyError } from '../../src/services/file-lock'
import { bundleChild } from './support/bundle'
import { baseReport, reportForGeneration } from './support/generations'
import { expectCleanRace, runRivals } from './support/rivals'

/**
 * The save lock on a shared folder between machines whose clocks disagree:
 * whether a lock is stale must depend only on what the reader itself sees
 * (the lock's bytes unchanged for `staleMs` by its own clock), never on a
 * time written by another machine; a live holder refreshes its lock, and a
 * holder frozen past the staleness finds its lock taken over and stops
 * instead of overwriting.
 */

const ROOT = resolve(__dirname, '../..')
const HOUR = 3_600_000

let folder: string

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rapporteur-skew-'))
})

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true })
})

/** A lock file as another machine writes it, its times `offset` ms off this machine's. */
async function foreignLock(locks: FileLocks, path: string, offset: number): Promise<string> {
  const lockFile = locks.lockFileFor(path)
  await mkdir(join(folder, 'locks'), { recursive: true })
  const at = Date.now() + offset
  await writeFile(
    lockFile,
    JSON.stringify({ pid: 4242, host: 'colleague-pc', token: 'remote', path, acquiredAt: at })
  )
  await utimes(lockFile, at / 1000, at / 1000)
  return lockFile
}

/**
 * How long this machine takes to save `name` over a crashed colleague's lock
 * written by a clock `offset` ms off, with locks stale after `staleMs`.
 */
async function takeOverTime(
  staleMs: number,
  waitMs: number,
  name: string,
  offset: number
): Promise<number> {
  const locks = new FileLocks({ folder: join(folder, 'locks'), staleMs, waitMs })
  const path = join(folder, name)
  await foreignLock(locks, path, offset)
  const started = performance.now()
  await expect(locks.withLock(path, async () => 'saved')).resolves.toBe('saved')
  return performance.now() - started
}

describe('a save lock between machines with different clocks', () => {
  it.each([
    ['an hour ahead', HOUR],
    ['an hour behind', -HOUR],
    ['a minute ahead', 60_000]
  ])(
    'a crashed colleague’s lock written by a clock %s is taken over after staleMs of this reader’s own watching',
    async (_label, offset) => {
      const waited = await takeOverTime(400, 100, `crashed-${offset}.rapporteur`, offset)
      // At least staleMs of watching (it never trusted the written time), and not an hour.
      expect(waited).toBeGreaterThanOrEqual(400)
      expect(waited).toBeLessThan(10_000)
    },
    20_000
  )

  it('a crashed colleague’s lock is taken over after staleMs of watching, whatever the writer’s clock says', async () => {
    const YEAR = 365 * 24 * HOUR
    let round = 0
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -5 * YEAR, max: 5 * YEAR }), async (offset) => {
        const waited = await takeOverTime(150, 50, `crashed-any-${round++}.rapporteur`, offset)
        expect(waited).toBeGreaterThanOrEqual(150)
        expect(waited).toBeLessThan(10_000)
      }),
      { numRuns: 12 }
    )
  }, 60_000)

  it('a live colleague whose lock says it is an hour old keeps it as long as it refreshes it', async () => {
    const path = join(folder, 'live.rapporteur')
    const colleague = new FileLocks({
      folder: join(folder, 'locks'),
      hostName: 'colleague-pc',
      now: () => Date.now() - HOUR,
      staleMs: 300,
      refreshMs: 40
    })
    const reader = new FileLocks({ folder: join(folder, 'locks'), staleMs: 300, waitMs: 1_200 })
    const held = await colleague.acquire(path)
    try {
      // Four times staleMs of trying: the refreshes show a live holder, whatever its clock says.
      await expect(reader.withLock(path, async () => 'saved')).rejects.toBeInstanceOf(LockBusyError)
      await held.confirm()
    } finally {
      await held.release()
    }
    await expect(reader.withLock(path, async () => 'saved')).resolves.toBe('saved')
  }, 20_000)

  it('a holder frozen past staleMs finds its lock taken over and does not replace the file', async () => {
    let now = 0
    const path = join(folder, 'frozen.rapporteur')
    const frozen = new FileLocks({
      folder: join(folder, 'locks'),
      hostName: 'laptop',
      staleMs: 1_000,
      refreshMs: 60_000
    })
    const other = new FileLocks({ folder: join(folder, 'locks'), staleMs: 1_000, now: () => now })
    const held = await frozen.acquire(path)
    await expect(other.acquire(path)).rejects.toBeInstanceOf(LockBusyError)
    now += 1_500
    const taken = await other.acquire(path)
    await expect(held.confirm()).rejects.toThrow(/stopped responding for a while/)
    await held.release()
    // The late release of the frozen holder left the new holder's lock alone.
    await expect(taken.confirm()).resolves.toBeUndefined()
    await taken.release()
  })
})

describe('two machines, clocks 120 s apart, saving one report in tight loops with pauses', () => {
  it('loses no update', async () => {
    const run = join(folder, 'race')
    await mkdir(join(run, 'shared'), { recursive: true })
    const childScript = await bundleChild(join(__dirname, 'support/skewed-writer.ts'), run)
    const file = join(run, 'shared', 'report.rapporteur')
    const basePath = join(run, 'base.rapporteur')
    const base = baseReport()
    await writeFile(basePath, serializeReport(base))
    const original = serializeReport(reportForGeneration(base, 0))
    await writeFile(file, original)
    const saves = 24
    const staleMs = 600
    const machines = [
      { host: 'machine-ahead', skew: 60_000, pauseEvery: 5 },
      { host: 'machine-behind', skew: -60_000, pauseEvery: 7 }
    ]
    const children = machines.map((machine, parity) =>
      spawn(
        process.execPath,
        [
          childScript,
          file,
          basePath,
          machine.host,
          String(machine.skew),
          String(parity),
          String(saves),
          String(machine.pauseEvery),
          String(staleMs * 2),
          String(staleMs)
        ],
        { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] }
      )
    )
    const rivals = await runRivals(children)
    await expectCleanRace(rivals, file, original, saves * 2, 'Skewed clocks')
  }, 120_000)
})
