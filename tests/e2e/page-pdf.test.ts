import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serializeReport } from '../../src/core/report-file'
import { sampleReport } from '../fixtures/sample-report'
import { browserAvailable, useApp } from './browser'

/**
 * Save as PDF from the page view, as Chromium prints it (the desktop app's
 * printToPDF and Playwright's page.pdf are the same printing): the PDF read
 * back with poppler has the page view's pages, A4, the masthead on page 1
 * and the labels in order; the browser build's command prints the pages.
 */

const hasPoppler = spawnSync('pdfinfo', ['-v']).error === undefined
const run = browserAvailable('e2e save as PDF') && hasPoppler ? describe : describe.skip
if (!hasPoppler) {
  const message =
    '\n!!! e2e save as PDF: SKIPPED — no pdfinfo/pdftotext (apt-get install poppler-utils).\n'
  if (process.env.CI === 'true') throw new Error(message)
  console.warn(message)
}

run('Save as PDF from the page view', () => {
  const app = useApp({ viewport: { width: 1280, height: 1000 } })
  const folder = mkdtempSync(join(tmpdir(), 'rapporteur-pdf-'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  beforeAll(async () => {
    const { page, harness } = app.session
    const file = join(harness.documentsDir, 'pdf.rapporteur')
    await writeFile(file, serializeReport(sampleReport()))
    harness.dialogs.nextOpen(file)
    await page.click('[data-command=open]')
    await page.locator('.ProseMirror .recommendation').first().waitFor()
  }, 20_000)

  it('prints the pages from the browser build’s Save as PDF command (Ctrl+P)', async () => {
    const { page } = app.session
    await page.evaluate(() => {
      const printed: string[] = []
      Object.assign(window, { printedPages: printed })
      window.print = () => {
        printed.push(
          `${document.body.classList.contains('printing-pages')}:${document.querySelectorAll('.pagedjs_page').length}`
        )
      }
    })
    await page.locator('.ProseMirror').click()
    await page.keyboard.press('Control+p')
    await page.waitForFunction(
      () => (window as unknown as { printedPages: string[] }).printedPages.length > 0
    )
    const printed = await page.evaluate(
      () => (window as unknown as { printedPages: string[] }).printedPages
    )
    expect(printed[0]).toMatch(/^true:[1-9]\d*$/)
    // The class is gone once printing returns: the app shows its chrome again.
    expect(await page.evaluate(() => document.body.classList.contains('printing-pages'))).toBe(
      false
    )
  })

  it('makes an A4 PDF with the page view’s pages, masthead on page 1, labels in order', async () => {
    const { page } = app.session
    const pages = await page.locator('.pagedjs_page').count()
    await page.evaluate(() => document.body.classList.add('printing-pages'))
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true
    })
    await page.evaluate(() => document.body.classList.remove('printing-pages'))
    const path = join(folder, 'report.pdf')
    writeFileSync(path, pdf)
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(pages)
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/)
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })
    const [first] = text.split('\f')
    expect(first).toContain('United Nations')
    expect(first).toContain('CTOC/COP/WG.7/2024/L.1')
    const numbers = [...text.matchAll(/^\s*(\d+)\.\s{2,}\S/gm)].map((m) => Number(m[1]))
    expect(numbers.filter((n) => n <= 18)).toEqual(
      expect.arrayContaining(Array.from({ length: 18 }, (_, i) => i + 1))
    )
    const paragraphs = numbers.filter((n, i) => numbers.indexOf(n) === i && n <= 18)
    expect(paragraphs).toEqual([...paragraphs].sort((a, b) => a - b))
    const chapters = [...text.matchAll(/^\s*(I|II|III|IV|V)\.\s+[A-Z]/gm)].map((m) => m[1])
    expect(chapters).toEqual(['I', 'II', 'III', 'IV', 'V'])
    // Bookmarks from the headings (Chromium builds the outline from a tagged PDF).
    const raw = pdf.toString('latin1')
    expect(raw).toContain('/Outlines')
    expect(raw).toContain('/Title (I. Introduction)')
    expect(raw).toContain('/Title (A. General recommendations)')
  })
})
