import { execFile, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { Packer } from 'docx'
import type { Node } from 'prosemirror-model'
import { reportToDocument, reportToDocx } from '../src/core/docx/index'
import { computeNumbering, resolveReference, type Numbering } from '../src/core/numbering'
import { serializeReport, type Report } from '../src/core/report-file'
import { undocsUrl } from '../src/core/symbols'
import {
  BENCH_REPORT,
  FOOTNOTE_BENCH_REPORT,
  HUGE_BENCH_REPORT,
  LARGE_BENCH_REPORT,
  generateReport,
  type GeneratedReportOptions
} from './generate'
import type { BenchRow } from './table'
import { median } from './measure'

/**
 * .docx export of the 300-page report against pandoc writing a .docx of the
 * same content from Markdown, in the same run; and where our time goes
 * (building the document object vs. serializing and zipping it).
 */
export const title =
  'Word export (300-page report vs pandoc Markdown → .docx; 1,200 pages, 50 MB and 100,000 footnotes through the CLI vs the docx library packing one tree)'

const run$ = promisify(execFile)

/** Markdown escaping enough for generated prose (pandoc would read `*`, `_`, `[` as markup). */
const escape = (text: string) => text.replace(/([\\*_[\]`#<>])/g, '\\$1')

function inlineMarkdown(
  block: Node,
  report: Report,
  numbering: Numbering,
  notes: string[]
): string {
  let out = ''
  block.forEach((child) => {
    if (child.isText) {
      const symbol = child.marks.find((mark) => mark.type.name === 'doc_symbol')
      const text = escape(child.text ?? '')
      out += symbol
        ? `[${text}](${undocsUrl(symbol.attrs.symbol as string, report.meta.language)})`
        : text
    } else if (child.type.name === 'cross_reference') {
      out += resolveReference(numbering, child.attrs.target as string).text
    } else if (child.type.name === 'footnote') {
      notes.push(inlineMarkdown(child.firstChild!, report, numbering, notes))
      out += `[^${notes.length}]`
    }
  })
  return out
}

/** The report as Markdown with the same text, headings, numbers, lists, footnotes and links. */
export function reportToMarkdown(report: Report): string {
  const numbering = computeNumbering(report.doc, {
    language: report.meta.language,
    recommendationStyle: report.meta.settings.recommendationStyle
  })
  const notes: string[] = []
  const out: string[] = [`# ${report.meta.masthead.title}`, '']
  report.doc.descendants((node, pos) => {
    const item = numbering.byPos.get(pos)
    switch (node.type.name) {
      case 'chapter':
      case 'section':
      case 'subsection': {
        const level =
          node.type.name === 'chapter' ? '##' : node.type.name === 'section' ? '###' : '####'
        out.push(`${level} ${item!.label} ${escape(node.firstChild!.textContent)}`, '')
        return true
      }
      case 'numbered_paragraph':
        out.push(`${item!.number}. ${inlineMarkdown(node, report, numbering, notes)}`, '')
        return false
      case 'recommendation':
        out.push(`**${item!.label}**`, '')
        return true
      case 'list_item':
        out.push(
          `${'    '.repeat(item!.depth)}${item!.label} ${inlineMarkdown(node.firstChild!, report, numbering, notes)}`
        )
        return false
      case 'paragraph':
        out.push(inlineMarkdown(node, report, numbering, notes), '')
        return false
      case 'ordered_list':
        return true
      default:
        return true
    }
  })
  out.push('', ...notes.map((note, index) => `[^${index + 1}]: ${note}`), '')
  return out.join('\n')
}

const CLI = join(__dirname, '../bin/rapporteur.js')

/** Peak RSS (MB) and wall time (ms) of one export run in a child process. */
interface ChildExport {
  peakMb: number
  ms: number
}

/** Runs `args` with Node and the peak-RSS probe; the child reports its own peak at exit. */
async function childExport(args: string[], folder: string): Promise<ChildExport | undefined> {
  const probe = join(folder, 'peak-rss.cjs')
  writeFileSync(
    probe,
    "process.on('exit', () => process.stderr.write('PEAK_RSS_KB=' + process.resourceUsage().maxRSS + '\\n'))\n"
  )
  const start = performance.now()
  const { stderr } = await run$(process.execPath, ['-r', probe, ...args], {
    maxBuffer: 16 * 1024 * 1024
  })
  const ms = performance.now() - start
  const match = /PEAK_RSS_KB=(\d+)/.exec(stderr)
  return match ? { peakMb: Number(match[1]) / 1024, ms } : undefined
}

/**
 * Peak RSS and time of the built CLI exporting the report. Undefined (with a
 * note) when the CLI is not built.
 */
async function cliExport(report: Report, folder: string): Promise<ChildExport | undefined> {
  if (!existsSync(join(__dirname, '../out/main/cli.js'))) {
    console.warn('!!! out/main/cli.js not built (npm run build): no CLI memory figure')
    return undefined
  }
  const input = join(folder, 'report.rapporteur')
  writeFileSync(input, serializeReport(report))
  // Each size writes the same scratch file: replace the previous one.
  return childExport([CLI, 'export', input, '-o', join(folder, 'cli.docx'), '--force'], folder)
}

/** The report just exported by the CLI, exported again in a child as `mode` (bench/export-child.ts). */
async function childModeExport(
  mode: 'block' | 'tree',
  folder: string
): Promise<ChildExport | undefined> {
  const tsx = join(__dirname, '../node_modules/tsx/dist/cli.mjs')
  return childExport(
    [
      tsx,
      join(__dirname, 'export-child.ts'),
      mode,
      join(folder, 'report.rapporteur'),
      join(folder, `${mode}.docx`)
    ],
    folder
  )
}

/**
 * The largest legitimate reports: through the CLI as a user runs it, within
 * 2 GB (issue 10); and read and exported as the app exports them against
 * the library's one-tree packing of the same file, the rest of the work the
 * same, in the same run.
 */
async function largeRows(
  name: string,
  options: GeneratedReportOptions,
  folder: string
): Promise<BenchRow[]> {
  const cli = await cliExport(generateReport(options), folder)
  if (cli === undefined) return []
  const block = await childModeExport('block', folder)
  const tree = await childModeExport('tree', folder)
  const rows: BenchRow[] = [
    { metric: `${name} \`rapporteur export\`, wall`, value: cli.ms, unit: 'ms' },
    {
      metric: `${name} \`rapporteur export\` peak RSS`,
      value: cli.peakMb,
      unit: 'MB',
      budget: 2048
    }
  ]
  if (block && tree)
    rows.push(
      {
        metric: `${name} read + export, wall`,
        value: block.ms,
        unit: 'ms',
        baseline: { name: 'docx one tree', value: tree.ms }
      },
      {
        metric: `${name} read + export, peak RSS`,
        value: block.peakMb,
        unit: 'MB',
        baseline: { name: 'docx one tree', value: tree.peakMb }
      }
    )
  return rows
}

/** Runs the measurements. */
export async function run(): Promise<BenchRow[]> {
  const report = generateReport(BENCH_REPORT)
  const folder = mkdtempSync(join(tmpdir(), 'rapporteur-bench-export-'))
  try {
    await reportToDocx(report) // warm the JIT and the docx library's caches
    const total = await median(5, () => reportToDocx(report))
    const build = await median(5, () => reportToDocument(report))
    const document = reportToDocument(report)
    const pack = await median(5, () => Packer.pack(document, 'uint8array'))
    const size = (await reportToDocx(report)).byteLength / 1e6

    const rows: BenchRow[] = []
    const markdown = join(folder, 'report.md')
    writeFileSync(markdown, reportToMarkdown(report))
    const pandocFound = spawnSync('sh', ['-c', 'command -v pandoc']).status === 0
    let pandoc: number | undefined
    if (pandocFound) {
      const output = join(folder, 'pandoc.docx')
      pandoc = await median(3, () =>
        run$('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', output, markdown], {
          maxBuffer: 16 * 1024 * 1024
        })
      )
    } else
      console.warn(
        '!!! pandoc not found: the export benchmark has no baseline (apt install pandoc)'
      )

    rows.push({
      metric: '.docx export, total',
      value: total,
      unit: 'ms',
      budget: 1500,
      ...(pandoc !== undefined ? { baseline: { name: 'pandoc', value: pandoc } } : {})
    })
    rows.push({ metric: '  build document object', value: build, unit: 'ms' })
    rows.push({ metric: '  pack (XML + zip)', value: pack, unit: 'ms' })
    rows.push({ metric: '.docx size', value: size, unit: 'MB' })
    const cli = await cliExport(report, folder)
    if (cli !== undefined)
      rows.push({
        metric: '`rapporteur export` peak RSS',
        value: cli.peakMb,
        unit: 'MB',
        budget: 500
      })
    // Four times the design's report, through the CLI as a user would run it.
    const large = await cliExport(generateReport(LARGE_BENCH_REPORT), folder)
    if (large !== undefined) {
      rows.push({ metric: '1,200 p. `rapporteur export`, wall', value: large.ms, unit: 'ms' })
      rows.push({
        metric: '1,200 p. `rapporteur export` peak RSS',
        value: large.peakMb,
        unit: 'MB',
        budget: 400
      })
    }
    rows.push(...(await largeRows('50 MB report', HUGE_BENCH_REPORT, folder)))
    rows.push(...(await largeRows('100,000 footnotes', FOOTNOTE_BENCH_REPORT, folder)))
    // Peak RSS of this whole bench process (every benchmark that ran before, pandoc's output read
    // back …): context for the figure above, not a budgeted measure.
    rows.push({
      metric: 'peak RSS (bench process)',
      value: process.resourceUsage().maxRSS / 1024,
      unit: 'MB'
    })
    return rows
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
