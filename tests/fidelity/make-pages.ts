import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { reportToDocx } from '../../src/core/docx/index'
import { sampleReport } from '../fixtures/sample-report'
import { convertToPdf, missingTools, pdfPagesToPng } from './render'

/**
 * `npm run docs:pages`: exports the English sample, renders it with
 * LibreOffice and writes its first two pages at 60 dpi to `docs/page-1.png`
 * and `docs/page-2.png` (the pictures the README shows).
 */
async function main(): Promise<void> {
  const missing = missingTools().filter((tool) => tool !== 'python3-docx')
  if (missing.length) throw new Error(`cannot render pages: missing ${missing.join(', ')}`)
  const docs = resolve(__dirname, '../../docs')
  mkdirSync(docs, { recursive: true })
  const folder = mkdtempSync(join(tmpdir(), 'rapporteur-pages-'))
  try {
    const docx = join(folder, 'wg-report-en.docx')
    writeFileSync(docx, await reportToDocx(sampleReport()))
    const pdf = await convertToPdf(docx)
    const pages = await pdfPagesToPng(pdf, join(folder, 'page'), 1, 2, 60)
    pages.forEach((page, index) => copyFileSync(page, join(docs, `page-${index + 1}.png`)))
    console.log(
      `wrote ${pages.map((_, index) => join('docs', `page-${index + 1}.png`)).join(', ')}`
    )
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
