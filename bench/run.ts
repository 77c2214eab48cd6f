import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { formatTable, type Benchmark, type BenchRow } from './table'

/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or only those whose file
 * name contains an argument), prints one table each, and writes them all as
 * JSON under `bench/results/` (commit, date, figures), so a later commit's
 * run can be compared with an earlier one's. Exits when done.
 */

/** A run's record in `bench/results/`. */
export interface BenchRecord {
  /** The commit measured (with "-dirty" when the worktree had changes). */
  commit: string
  date: string
  node: string
  benches: Array<{ file: string; title: string; rows: BenchRow[] }>
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: __dirname, encoding: 'utf8' }).trim()
  } catch {
    return ''
  }
}

/** Writes the record; returns its path. */
function writeRecord(record: BenchRecord): string {
  const folder = join(__dirname, 'results')
  mkdirSync(folder, { recursive: true })
  const stamp = record.date.replace(/[:.]/g, '-')
  const file = join(folder, `${stamp}-${record.commit}.json`)
  writeFileSync(file, JSON.stringify(record, null, 1) + '\n')
  return file
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2)
  const files = readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
    .sort()
  const date = new Date().toISOString()
  const dirty = git('status', '--porcelain', '--untracked-files=no') !== ''
  const commit = (git('rev-parse', '--short=12', 'HEAD') || 'unknown') + (dirty ? '-dirty' : '')
  const record: BenchRecord = { commit, date, node: process.version, benches: [] }
  console.log(`# Rapporteur benchmarks — ${date}, ${commit}, node ${process.version}\n`)
  for (const file of files) {
    const bench = (await import(pathToFileURL(join(__dirname, file)).href)) as Benchmark
    const rows = await bench.run()
    record.benches.push({ file, title: bench.title, rows })
    console.log(formatTable(bench.title, rows) + '\n')
  }
  console.log(`Figures written to ${writeRecord(record)}`)
}

main().then(
  // Done: a browser or child a benchmark failed to stop must not keep the run alive.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  }
)
