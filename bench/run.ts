import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { formatTable, type Benchmark } from './table'

/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or only those whose file
 * name contains an argument) and prints one table each.
 */
async function main(): Promise<void> {
  const filters = process.argv.slice(2)
  const files = readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
    .sort()
  console.log(`# Rapporteur benchmarks — ${new Date().toISOString()}, node ${process.version}\n`)
  for (const file of files) {
    const bench = (await import(pathToFileURL(join(__dirname, file)).href)) as Benchmark
    const rows = await bench.run()
    console.log(formatTable(bench.title, rows) + '\n')
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
