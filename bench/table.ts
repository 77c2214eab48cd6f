/**
 * Benchmarks report rows of one shape and print them as one table per run, so
 * runs on different commits can be compared line by line.
 */

/** One measured figure, with the baseline measured in the same run where there is one. */
export interface BenchRow {
  /** What was measured, e.g. "keystroke p95". */
  metric: string
  /** Our figure. */
  value: number
  unit: 'ms' | 'MB' | 's'
  /** The same measure of the baseline (bare ProseMirror, pandoc, …), same run. */
  baseline?: { name: string; value: number }
  /** The budget from the design budgets, in the same unit. */
  budget?: number
}

/** A benchmark module's contract: `bench/*.bench.ts` exports `title` and `run`. */
export interface Benchmark {
  title: string
  run(): Promise<BenchRow[]>
}

const fixed = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(2))

/** The table text for one benchmark's rows. */
export function formatTable(title: string, rows: BenchRow[]): string {
  const header = ['metric', 'value', 'baseline', 'ratio', 'budget', 'within']
  const lines = rows.map((row) => [
    row.metric,
    `${fixed(row.value)} ${row.unit}`,
    row.baseline ? `${row.baseline.name} ${fixed(row.baseline.value)} ${row.unit}` : '-',
    row.baseline && row.baseline.value > 0
      ? `${(row.value / row.baseline.value).toFixed(2)}×`
      : '-',
    row.budget !== undefined ? `${fixed(row.budget)} ${row.unit}` : '-',
    row.budget !== undefined ? (row.value <= row.budget ? 'yes' : 'NO') : '-'
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)))
  const render = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ')
  return [
    `## ${title}`,
    render(header),
    render(widths.map((w) => '-'.repeat(w))),
    ...lines.map(render)
  ].join('\n')
}
