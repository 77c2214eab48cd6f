import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importText } from '../../src/core/import'
import { reportToDocx } from '../../src/core/docx/index'
import { sampleReport } from '../fixtures/sample-report'
import { sampleReportZh } from '../fixtures/sample-report-zh'
import type { Report } from '../../src/core/report-file'
import { statsOf } from './helpers'

/**
 * The real thing: a report exported to .docx, printed to PDF by LibreOffice,
 * and its text taken out with pdftotext the two ways PDF viewers copy text
 * (reading order, `-raw`; and visual layout, `-layout`), must import to the
 * structure it was exported from.
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

  /** Exports the report, prints it to PDF and returns its text in the given pdftotext mode. */
  async function pdfText(report: Report, name: string, mode: '-raw' | '-layout'): Promise<string> {
    const docx = join(folder, `${name}.docx`)
    const pdf = join(folder, `${name}.pdf`)
    writeFileSync(docx, await reportToDocx(report))
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', folder, docx], {
      stdio: 'ignore',
      timeout: 120_000,
      env: { ...process.env, HOME: folder }
    })
    const text = join(folder, `${name}${mode}.txt`)
    execFileSync('pdftotext', [mode, '-enc', 'UTF-8', pdf, text])
    return readFileSync(text, 'utf8')
  }

  it.each(['-raw', '-layout'] as const)('keeps the English sample structure (%s)', async (mode) => {
    const original = sampleReport()
    const { report } = importText(await pdfText(original, 'en', mode))
    expect(statsOf(report)).toEqual(statsOf(original))
    expect(report.meta.masthead).toEqual(original.meta.masthead)
  })

  it('keeps the Chinese sample structure (-raw)', async () => {
    const original = sampleReportZh()
    const { report } = importText(await pdfText(original, 'zh', '-raw'))
    expect(statsOf(report)).toEqual(statsOf(original))
    expect(report.meta.masthead).toEqual(original.meta.masthead)
  })
})
