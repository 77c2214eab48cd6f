import { execFile } from 'node:child_process'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import type { BenchRow } from './table'

/**
 * The page view on the 300-page report (first paint budget 1.5 s) against
 * the editor opening the same report, in the same run. The measuring runs
 * in its own process (`page-view-measure.ts`), where the app's harness finds
 * the project's path aliases.
 */
export const title = 'Page view (300-page report) vs the editor opening it'

const ROOT = resolve(__dirname, '..')

export async function run(): Promise<BenchRow[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      '--tsconfig',
      join(ROOT, 'tsconfig.node.json'),
      join(__dirname, 'page-view-measure.ts')
    ],
    { cwd: ROOT, timeout: 900_000, maxBuffer: 16 * 1024 * 1024 }
  )
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as BenchRow[]
}
