import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { reportToDocx } from '../src/core/docx/index'
import { importPdf } from '../src/services/pdf-import'
import { readPdfLayout } from '../src/services/pdf-reader'
import { generateReport, type GeneratedReportOptions } from './generate'
import { median } from './measure'
import type { BenchRow } from './table'

/**
 * Importing a 100-page PDF: the generated report exported to Word and printed
 * to PDF by LibreOffice (cached between runs), imported with its layout;
 * against pdftotext taking the text out of the same file in the same run.
 */
export const title = 'PDF import (100-page report printed by LibreOffice)'

const PAGES_100: GeneratedReportOptions = {
  sections: 12,
  paragraphs: 600,
  recommendations: 120,
  footnotes: 160,
  wordsPerParagraph: 80
}

/** The PDF of the generated report, made once and kept in the temporary folder. */
async function benchPdf(): Promise<string> {
  const folder = join(tmpdir(), 'rapporteur-bench-pdf')
  const name = `report-${PAGES_100.paragraphs}`
  const pdf = join(folder, `${name}.pdf`)
  if (existsSync(pdf)) return pdf
  mkdirSync(folder, { recursive: true })
  const docx = join(folder, `${name}.docx`)
  writeFileSync(docx, await reportToDocx(generateReport(PAGES_100)))
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', folder, docx], {
    stdio: 'ignore',
    timeout: 300_000,
    env: { ...process.env, HOME: folder }
  })
  return pdf
}

/** Runs the measurements. */
export async function run(): Promise<BenchRow[]> {
  const pdf = await benchPdf()
  const bytes = new Uint8Array(readFileSync(pdf))
  const pages = (await readPdfLayout(bytes)).pages.length
  const whole = await median(3, () => importPdf(bytes))
  const layout = await median(3, () => readPdfLayout(bytes))
  const pdftotext = await median(3, () => execFileSync('pdftotext', [pdf, '-']))
  return [
    {
      metric: `import a ${pages}-page PDF (layout read + recognition)`,
      value: whole,
      unit: 'ms',
      baseline: { name: 'pdftotext', value: pdftotext },
      budget: 5000
    },
    {
      metric: 'of which reading the layout with pdfjs',
      value: layout,
      unit: 'ms',
      baseline: { name: 'pdftotext', value: pdftotext }
    }
  ]
}
