import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importText } from '../../src/core/import'
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
  let folder: string
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'rapporteur-pdf-'))
  })
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  const pdfs = new Map<string, Promise<string>>()

  /** Exports the report and prints it to PDF with LibreOffice (once per report). */
  function pdfOf(report: Report, name: string): Promise<string> {
    if (!pdfs.has(name))
      pdfs.set(
        name,
        reportToDocx(report).then((bytes) => {
          const docx = join(folder, `${name}.docx`)
          writeFileSync(docx, bytes)
          execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', folder, docx], {
            stdio: 'ignore',
            timeout: 120_000,
            env: { ...process.env, HOME: folder }
          })
          return join(folder, `${name}.pdf`)
        })
      )
    return pdfs.get(name)!
  }

  /** The PDF's text as pdftotext gives it in one of its modes (default: reading order as laid out). */
  async function pdfText(report: Report, name: string, mode: string): Promise<string> {
    const pdf = await pdfOf(report, name)
    const text = join(folder, `${name}${mode}.txt`)
    execFileSync('pdftotext', [...(mode ? [mode] : []), '-enc', 'UTF-8', pdf, text])
    return readFileSync(text, 'utf8')
  }

  const modes = ['', '-raw', '-layout']
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
  const cases = samples.flatMap(([name, make]) =>
    modes.map((mode) => [name, mode || 'default', make] as const)
  )

  it.each(cases)(
    'keeps the %s sample structure and masthead (pdftotext, %s mode)',
    async (name, mode, make) => {
      const original = make()
      const { report } = importText(await pdfText(original, name, mode === 'default' ? '' : mode))
      expect(statsOf(report)).toEqual(statsOf(original))
      expect(report.meta.masthead).toEqual(original.meta.masthead)
    }
  )
})
