import { readFile } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { parseReport } from '../../../src/core/report-file'
import { FileLocks } from '../../../src/services/file-lock'
import { FileStore } from '../../../src/services/file-store'
import { nodeFileSystem, type FileSystem } from '../../../src/services/fs-layer'
import { announce } from './child-host'
import { reportForGeneration } from './generations'

/**
 * One of two machines saving the same report on a shared folder, each with a
 * clock `skew` milliseconds off and its own host name (so neither can check
 * the other's pid: staleness can only come from watching the lock). Every
 * `pauseEvery`-th save it stops dead for `pauseMs` in the middle of the save,
 * the whole process frozen (no timer runs, its lock is not refreshed), as a
 * laptop whose lid closes mid-save. Announces like the rival writer:
 *   ready | S <version it expected> <version it wrote> | X | E <message>
 *
 * Usage: node skewed-writer.cjs <report> <base report> <host> <skew ms> <parity> <saves> <pause every> <pause ms> <stale ms>
 */

const [file, basePath, host, skewArgument, parityArgument, savesArgument, ...rest] =
  process.argv.slice(2)
const [pauseEvery, pauseMs, staleMs] = rest.map(Number)
const skew = Number(skewArgument)

/** Freezes the whole process, timers included, as SIGSTOP would. */
function freeze(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

let attempt = 0
const pausing = (): boolean => pauseEvery > 0 && attempt % pauseEvery === 0

// Pauses in the two long steps of a save: reading the file to compare, and writing the new one.
const pausingFs: FileSystem = {
  ...nodeFileSystem,
  readFile: async (path) => {
    const bytes = await nodeFileSystem.readFile(path)
    if (path === file && pausing() && attempt % 2 === 0) freeze(pauseMs)
    return bytes
  },
  open: async (path, flags, mode) => {
    const handle = await nodeFileSystem.open(path, flags, mode)
    if (!path.endsWith('.tmp')) return handle
    return {
      writeFile: async (data) => {
        await handle.writeFile(data)
        if (pausing() && attempt % 2 === 1) freeze(pauseMs)
      },
      sync: () => handle.sync(),
      close: () => handle.close()
    }
  }
}

async function main(): Promise<void> {
  const base = parseReport(await readFile(basePath, 'utf8'))
  const locks = new FileLocks({
    folder: '',
    besideFile: true,
    hostName: host,
    now: () => Date.now() + skew,
    staleMs,
    refreshMs: Math.floor(staleMs / 8),
    waitMs: 4 * staleMs
  })
  const files = new FileStore({ locks, fs: pausingFs })
  let diskVersion = (await files.open(file)).diskVersion
  announce('ready')
  await new Promise<void>((go) =>
    createInterface({ input: process.stdin }).once('line', () => go())
  )
  const parity = Number(parityArgument)
  for (attempt = 1; attempt <= Number(savesArgument); attempt++) {
    const report = reportForGeneration(base, attempt * 2 + parity)
    const saved = await files.save(file, report, { expectedVersion: diskVersion })
    if (saved.ok) {
      announce(`S ${diskVersion} ${saved.diskVersion}`)
      diskVersion = saved.diskVersion
    } else if (saved.reason === 'conflict') {
      announce('X')
      diskVersion = (await files.open(file)).diskVersion
    } else {
      announce(`E ${saved.message}`)
      diskVersion = (await files.open(file)).diskVersion
    }
  }
  announce('done')
  process.exit(0)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
