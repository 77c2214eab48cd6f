import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { serializeReport } from '../src/core/report-file'
import { BENCH_REPORT, generateReport } from './generate'
import type { BenchRow } from './table'

/**
 * Pasting 5,000 paragraphs of typed-number text (as copied out of an earlier
 * report) into the 300-page report: recognition and building of the pasted
 * structure, and applying it as one transaction (numbering and counts
 * included), against the same text pasted as plain paragraphs with no
 * recognition, in the same run. The measuring runs on the editor state in
 * Node (`src/renderer/src/bench/paste-measure.ts`, under tsx with the web
 * path aliases): layout is the editor bench's business.
 */
export const title = 'Paste with structure (5,000 paragraphs into the 300-page report)'

const ROOT = resolve(__dirname, '..')

interface PasteTimings {
  recognize: number[]
  apply: number[]
  plain: number[]
  blocks: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** Runs the measurements. */
export async function run(): Promise<BenchRow[]> {
  const folder = mkdtempSync(join(tmpdir(), 'rapporteur-paste-bench-'))
  const file = join(folder, 'report.rapporteur')
  writeFileSync(file, serializeReport(generateReport(BENCH_REPORT)))
  const script = join(folder, 'measure.ts')
  const source = (path: string) => JSON.stringify(join(ROOT, path))
  writeFileSync(
    script,
    [
      `import { readFileSync } from 'node:fs'`,
      `import { parseReport } from ${source('src/core/report-file')}`,
      `import { measurePaste } from ${source('src/renderer/src/bench/paste-measure')}`,
      `const report = parseReport(readFileSync(${JSON.stringify(file)}, 'utf8'))`,
      `console.log(JSON.stringify(measurePaste(report.doc)))`
    ].join('\n')
  )
  try {
    // The page runs ProseMirror's ES module build (Vite bundles the "import" export); plain
    // tsx would load its transpiled CommonJS build, whose class helpers make every node
    // construction several times slower and the measurement not the app's.
    const child = spawnSync(
      process.execPath,
      ['--conditions=import', '--experimental-require-module', '--import', 'tsx', script],
      {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 1 << 24,
        env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.web.json' }
      }
    )
    if (child.status !== 0) throw new Error(`the paste measurement failed: ${child.stderr}`)
    const timings = JSON.parse(child.stdout.trim().split('\n').pop()!) as PasteTimings
    if (timings.blocks < 4000) throw new Error(`only ${timings.blocks} blocks were pasted`)
    const whole = median(timings.recognize) + median(timings.apply)
    await Promise.resolve()
    return [
      { metric: 'recognize and build', value: median(timings.recognize), unit: 'ms' },
      {
        metric: 'apply as one transaction',
        value: median(timings.apply),
        unit: 'ms',
        baseline: { name: 'plain paste', value: median(timings.plain) }
      },
      {
        metric: 'whole paste',
        value: whole,
        unit: 'ms',
        baseline: { name: 'plain paste', value: median(timings.plain) },
        budget: 1000
      }
    ]
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
