import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { reportToDocx } from '../../src/core/docx/index'
import { computeNumbering } from '../../src/core/numbering'
import { serializeReport, type Report } from '../../src/core/report-file'
import { generateReport } from '../../bench/generate'
import { sampleReport } from '../fixtures/sample-report'
import { sampleReportZh } from '../fixtures/sample-report-zh'
import { browserAvailable, ensureRendererBuilt, launchBrowser, openApp } from '../e2e/browser'
import { convertAllToPdf, fidelityToolsReady, pdfPages } from './render'

/**
 * The page view against Word's file as LibreOffice lays it out: on the
 * English sample, the Chinese sample and the generated 300-page report, the
 * page view's page count within 2% of the PDF's (pdfinfo) and each chapter
 * starting on the same page ± 1. The figures are printed whatever the
 * outcome, so a failure says by how much.
 */

/** What one layout says about a report: its pages and the page each chapter starts on. */
interface Pagination {
  pages: number
  chapterPages: number[]
}

const REPORTS: Array<{ name: string; report: () => Report }> = [
  { name: 'English sample', report: sampleReport },
  { name: 'Chinese sample', report: sampleReportZh },
  { name: 'generated 300-page report', report: () => generateReport() }
]

/** Each chapter's label and the start of its title, as a PDF's text shows its heading. */
function chapterHeadings(report: Report): RegExp[] {
  const numbering = computeNumbering(report.doc, {
    language: report.meta.language,
    recommendationStyle: report.meta.settings.recommendationStyle
  })
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const headings: RegExp[] = []
  report.doc.forEach((chapter, offset) => {
    if (chapter.type.name !== 'chapter') return
    const label = numbering.byPos.get(offset)?.label ?? ''
    const title = (chapter.firstChild?.textContent ?? '').trim().split(/\s+/).slice(0, 2).join(' ')
    headings.push(
      new RegExp(`^\\s*${escape(label)}\\s*${escape([...title].slice(0, 6).join(''))}`, 'm')
    )
  })
  return headings
}

/** The page each chapter heading stands on in the PDF's text, searching forward. */
function chapterPagesInPdf(pages: string[], headings: RegExp[]): number[] {
  const found: number[] = []
  let from = 0
  for (const heading of headings) {
    const index = pages.findIndex((page, i) => i >= from && heading.test(page))
    found.push(index + 1)
    if (index >= 0) from = index
  }
  return found
}

async function pageView(browser: Browser, report: Report): Promise<Pagination> {
  const session = await openApp(browser, { viewport: { width: 1280, height: 1000 } })
  try {
    const file = join(session.harness.documentsDir, 'fidelity.rapporteur')
    await writeFile(file, serializeReport(report))
    session.harness.dialogs.nextOpen(file)
    await session.page.click('[data-command=open]')
    // The new report's editor is there from the start: wait for the opened file's name instead,
    // or a loaded machine lays out the five-chapter template (one page) in its place.
    await session.page
      .locator('.brand-title', { hasText: 'fidelity.rapporteur' })
      .waitFor({ timeout: 120_000 })
    await session.page.click('[data-command=page-view]')
    await session.page.locator('[data-status=pages]').waitFor({ timeout: 240_000 })
    return await session.page.evaluate(() => {
      const chapterPages: number[] = []
      document.querySelectorAll<HTMLElement>('.rp-chapter[data-chapter]').forEach((heading) => {
        const index = Number(heading.dataset.chapter)
        const page = heading.closest<HTMLElement>('.pagedjs_page')
        if (page && chapterPages[index] === undefined)
          chapterPages[index] = Number(page.dataset.pageNumber)
      })
      return { pages: document.querySelectorAll('.pagedjs_page').length, chapterPages }
    })
  } finally {
    await session.close()
  }
}

const ready = fidelityToolsReady() && browserAvailable('page-count fidelity')
const run = ready ? describe : describe.skip

run('the page view against LibreOffice’s rendering of the exported Word file', () => {
  let browser: Browser
  let folder: string
  const word: Pagination[] = []

  beforeAll(async () => {
    ensureRendererBuilt()
    browser = await launchBrowser()
    folder = mkdtempSync(join(tmpdir(), 'rapporteur-pages-'))
    const paths: string[] = []
    for (const [index, { report }] of REPORTS.entries()) {
      const path = join(folder, `report-${index}.docx`)
      writeFileSync(path, await reportToDocx(report()))
      paths.push(path)
    }
    const pdfs = await convertAllToPdf(paths, 540_000)
    for (const [index, pdf] of pdfs.entries()) {
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1])
      word.push({
        pages,
        chapterPages: chapterPagesInPdf(
          await pdfPages(pdf),
          chapterHeadings(REPORTS[index].report())
        )
      })
    }
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    if (folder) rmSync(folder, { recursive: true, force: true })
  })

  for (const [index, { name, report }] of REPORTS.entries()) {
    it(`agrees on the ${name}: pages within 2%, chapters on the same page ± 1`, async () => {
      const view = await pageView(browser, report())
      const libreOffice = word[index]
      console.log(
        `page count, ${name}: page view ${view.pages}, LibreOffice ${libreOffice.pages}` +
          ` (${((100 * (view.pages - libreOffice.pages)) / libreOffice.pages).toFixed(1)}%);` +
          ` chapters start on ${view.chapterPages.join(', ')} vs ${libreOffice.chapterPages.join(', ')}`
      )
      expect(libreOffice.chapterPages.every((page) => page > 0)).toBe(true)
      expect(Math.abs(view.pages - libreOffice.pages)).toBeLessThanOrEqual(
        Math.max(0, Math.floor(0.02 * libreOffice.pages))
      )
      expect(view.chapterPages).toHaveLength(libreOffice.chapterPages.length)
      view.chapterPages.forEach((page, chapter) =>
        expect(Math.abs(page - libreOffice.chapterPages[chapter])).toBeLessThanOrEqual(1)
      )
    }, 300_000)
  }
})
