import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { reportToDocx } from '../../src/core/docx/index'
import type { Report } from '../../src/core/report-file'
import { everyFeatureReport } from '../fixtures/every-feature-report'
import { sampleReport } from '../fixtures/sample-report'
import { sampleReportZh } from '../fixtures/sample-report-zh'
import { convertToPdf, missingTools, pdfPagesToPng } from './render'

/** A report's rendered pages copied into docs/ as `<name>-<n>.png`. */
async function writePages(
  folder: string,
  docs: string,
  report: Report,
  names: string[]
): Promise<string[]> {
  const docx = join(folder, `${names[0]}.docx`)
  writeFileSync(docx, await reportToDocx(report))
  const pdf = await convertToPdf(docx)
  const pages = await pdfPagesToPng(pdf, join(folder, names[0]), 1, names.length, 60)
  pages.forEach((page, index) => copyFileSync(page, join(docs, `${names[index]}.png`)))
  return names.map((name) => join('docs', `${name}.png`))
}

/**
 * `npm run docs:pages`: exports the English sample, renders it with
 * LibreOffice and writes its first two pages at 60 dpi to `docs/page-1.png`
 * and `docs/page-2.png`, and page 1 of the Chinese sample and of an Arabic
 * report to `docs/page-1-zh.png` and `docs/page-1-ar.png` (the pictures the
 * README shows).
 */
async function main(): Promise<void> {
  const missing = missingTools().filter((tool) => tool !== 'python3-docx')
  if (missing.length) throw new Error(`cannot render pages: missing ${missing.join(', ')}`)
  const docs = resolve(__dirname, '../../docs')
  mkdirSync(docs, { recursive: true })
  const folder = mkdtempSync(join(tmpdir(), 'rapporteur-pages-'))
  try {
    const written = [
      ...(await writePages(folder, docs, sampleReport(), ['page-1', 'page-2'])),
      ...(await writePages(folder, docs, sampleReportZh(), ['page-1-zh'])),
      ...(await writePages(folder, docs, everyFeatureReport('ar'), ['page-1-ar']))
    ]
    console.log(`wrote ${written.join(', ')}`)
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
