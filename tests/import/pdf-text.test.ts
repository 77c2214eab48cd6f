import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importText } from '../../src/core/import'
import { importPdf } from '../../src/services/pdf-import'
import { reportToDocx } from '../../src/core/docx/index'
import { sampleReport } from '../fixtures/sample-report'
import { sampleReportZh } from '../fixtures/sample-report-zh'
import type { Report } from '../../src/core/report-file'
import { schema } from '../../src/core/schema'
import { Transform } from 'prosemirror-transform'
import { statsOf } from './helpers'

/** The report with its first section's heading replaced. */
function withFirstSectionTitle(report: Report, title: string): Report {
  let at = -1
  report.doc.descendants((node, pos) => {
    if (at < 0 && node.type.name === 'section') at = pos
    return at < 0
  })
  const heading = report.doc.nodeAt(at + 1)!
  const tr = new Transform(report.doc).replaceWith(
    at + 2,
    at + 1 + heading.nodeSize - 1,
    schema.text(title)
  )
  return { ...report, doc: tr.doc }
}

/**
 * The real thing: a report exported to .docx, printed to PDF by LibreOffice,
 * and its text taken out with pdftotext the two ways PDF viewers copy text
 * (reading order, `-raw`; and visual layout, `-layout`), must import to the
 * structure it was exported from, a section heading wrapped onto two lines included.
 */

function available(command: string): boolean {
  try {
    execFileSync('which', [command], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

const tools = available('soffice') && available('pdftotext')
if (!tools && process.env.CI === 'true')
  throw new Error(
    'soffice and pdftotext are required in CI (libreoffice-writer-nogui, poppler-utils)'
  )
if (!tools)
  console.warn(
    '\n*** SKIPPING the PDF-text import tests: soffice or pdftotext is not installed ***\n'
  )

describe.runIf(tools)('import of text taken out of an exported PDF', () => {
  // Long enough that the first section's heading wraps onto a second line in the PDF.
  const samples: Array<[string, () => Report]> = [
    [
      'en',
      () =>
        withFirstSectionTitle(
          sampleReport(),
          'General recommendations on the protection of the rights of smuggled migrants, on international cooperation and on the prevention of smuggling by sea'
        )
    ],
    [
      'zh',
      () =>
        withFirstSectionTitle(
          sampleReportZh(),
          '关于保护被偷运移民权利、开展国际合作以及预防海上偷运移民行为和加强边境官员培训的一般性建议'
        )
    ]
  ]
  let folder: string
  const pdfs = new Map<string, string>()

  // Both reports go to LibreOffice in one run, before the cases: the slow part is shared, and
  // no case waits on it inside its own timeout.
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'rapporteur-pdf-'))
    const docxFiles: string[] = []
    for (const [name, make] of samples) {
      const docx = join(folder, `${name}.docx`)
      writeFileSync(docx, await reportToDocx(make()))
      docxFiles.push(docx)
      pdfs.set(name, join(folder, `${name}.pdf`))
    }
    execFileSync(
      'soffice',
      ['--headless', '--convert-to', 'pdf', '--outdir', folder, ...docxFiles],
      {
        stdio: 'ignore',
        timeout: 240_000,
        env: { ...process.env, HOME: folder }
      }
    )
  }, 300_000)
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  /** The PDF's text as pdftotext gives it in one of its modes (default: reading order as laid out). */
  function pdfText(name: string, mode: string): string {
    const text = join(folder, `${name}${mode}.txt`)
    execFileSync('pdftotext', [...(mode ? [mode] : []), '-enc', 'UTF-8', pdfs.get(name)!, text])
    return readFileSync(text, 'utf8')
  }

  const modes = ['', '-raw', '-layout']
  const cases = samples.flatMap(([name, make]) =>
    modes.map((mode) => [name, mode || 'default', make] as const)
  )

  /**
   * What a text copy of the current house-style layout does not yet give back,
   * by sample and mode (the PDF itself, read with its layout, has none of these):
   * in pdftotext's default mode the Chinese documentation list's item is split,
   * its symbol's last part set above it. Everything else must survive exactly —
   * in default mode too the footnote whose number lands among the agenda list
   * and whose text lands at the foot of the page (no rule line is printed as
   * text), and in -raw mode the Chinese masthead, its distribution one space
   * after the body name.
   */
  const KNOWN_GAPS: Record<string, ReadonlyArray<keyof ReturnType<typeof statsOf>>> = {
    'zh default': ['documentSymbols']
  }

  it.each(cases)(
    'keeps the %s sample structure and masthead (pdftotext, %s mode)',
    async (name, mode, make) => {
      const original = make()
      const { report } = importText(pdfText(name, mode === 'default' ? '' : mode))
      const gaps = KNOWN_GAPS[`${name} ${mode}`] ?? []
      const comparable = (stats: ReturnType<typeof statsOf>) =>
        Object.fromEntries(Object.entries(stats).filter(([key]) => !gaps.includes(key as never)))
      expect(comparable(statsOf(report))).toEqual(comparable(statsOf(original)))
      if (!gaps.includes('masthead')) expect(report.meta.masthead).toEqual(original.meta.masthead)
    }
  )

  // The PDF itself, read with its layout: the body's whole structure, the title and the symbol.
  // (The masthead's wrapped left column beside the right-hand fields is not read apart yet, and
  // the Chinese sample's section headings are not told from paragraphs: English only for now.)
  describe('the PDF itself', () => {
    let report: Report
    // Read once before the case: pdfjs starting cold on a loaded machine is slow, and no case
    // should wait on it inside its own timeout.
    beforeAll(async () => {
      report = (await importPdf(new Uint8Array(readFileSync(pdfs.get('en')!)))).report
    }, 120_000)

    it('keeps the en sample structure when the PDF itself is imported', () => {
      const original = samples[0][1]()
      const withoutMasthead = (stats: ReturnType<typeof statsOf>) => ({ ...stats, masthead: null })
      expect(withoutMasthead(statsOf(report))).toEqual(withoutMasthead(statsOf(original)))
      expect(report.meta.masthead.title).toBe(original.meta.masthead.title)
      expect(report.meta.masthead.symbol).toBe(original.meta.masthead.symbol)
    })
  })
})
