import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serializeReport } from '../../src/core/report-file'
import { sampleReport } from '../fixtures/sample-report'
import { browserAvailable, useApp } from './browser'

/**
 * The page view in the built app, under its Content Security Policy: the
 * English sample laid out by Paged.js on A4 pages with the masthead on page
 * 1, running heads and page numbers after it, each footnote at the foot of
 * the page of its mark, and the page count in the status bar.
 */

const run = browserAvailable('e2e page view') ? describe : describe.skip

run('the page view', () => {
  const app = useApp({ viewport: { width: 1280, height: 1000 } })

  beforeAll(async () => {
    const file = join(app.session.harness.documentsDir, 'page-view.rapporteur')
    await writeFile(file, serializeReport(sampleReport()))
    app.session.harness.dialogs.nextOpen(file)
    await app.session.page.click('[data-command=open]')
    await app.session.page.locator('.ProseMirror .recommendation').first().waitFor()
    await app.session.page.click('[data-command=page-view]')
    await app.session.page.locator('[data-status=pages]').waitFor({ timeout: 10_000 })
  }, 20_000)

  it('lays the report out on A4 pages and counts them in the status bar', async () => {
    const { page } = app.session
    const sizes = await page
      .locator('.pagedjs_page')
      .evaluateAll((pages) => pages.map((p) => [p.clientWidth, p.clientHeight]))
    expect(sizes.length).toBeGreaterThan(1)
    // A4 at 96 px to the inch: 210 × 297 mm.
    for (const [width, height] of sizes) {
      expect(Math.abs(width - (210 / 25.4) * 96)).toBeLessThan(2)
      expect(Math.abs(height - (297 / 25.4) * 96)).toBeLessThan(2)
    }
    expect(await page.locator('[data-status=pages]').textContent()).toContain(String(sizes.length))
    expect(await page.locator('.ProseMirror').isVisible()).toBe(false)
    expect(app.session.pageErrors).toEqual([])
  })

  it('puts the masthead on page 1 and the labels in order', async () => {
    const { page } = app.session
    const first = page.locator('.pagedjs_page').first()
    expect(await first.locator('.rp-mh-un').textContent()).toBe('United Nations')
    expect(await first.locator('.rp-mh-symbol').textContent()).toBe('CTOC/COP/WG.7/2024/L.1')
    const numbers = await page
      .locator('.rp-numbered > .rp-label')
      .evaluateAll((labels) => labels.map((l) => l.textContent?.trim()))
    expect(numbers).toEqual(Array.from({ length: 18 }, (_, i) => `${i + 1}.`))
    const chapters = await page
      .locator('.rp-chapter:not([data-split-from]) > .rp-label')
      .allTextContents()
    expect(chapters.map((label) => label.trim())).toEqual(['I.', 'II.', 'III.', 'IV.', 'V.'])
  })

  it('prints running heads with the symbol and page numbers after page 1', async () => {
    const { page } = app.session
    const furniture = await page.locator('.pagedjs_page').evaluateAll((pages) =>
      pages.map((p) => {
        const boxes = [...p.querySelectorAll('.pagedjs_margin-top .pagedjs_margin-content')]
        const feet = [...p.querySelectorAll('.pagedjs_margin-bottom .pagedjs_margin-content')]
        const text = (els: Element[]) =>
          els.map((el) => getComputedStyle(el, '::after').content).join(' ')
        return { head: text(boxes), foot: text(feet) }
      })
    )
    expect(furniture[0].head).not.toContain('CTOC')
    expect(furniture[1].head).toContain('CTOC/COP/WG.7/2024/L.1')
    expect(furniture[1].foot).toMatch(/counter\(page\)|\b2\b/)
  })

  it('sets each footnote at the foot of the page of its mark', async () => {
    const { page } = app.session
    const placed = await page.locator('.pagedjs_page').evaluateAll((pages) =>
      pages.flatMap((p, index) =>
        [...p.querySelectorAll('.pagedjs_footnote_area [data-footnote-marker]')].map((note) => ({
          page: index,
          note: note.getAttribute('data-ref'),
          callPage: pages.findIndex((other) =>
            other.querySelector(
              `.pagedjs_page_content [data-footnote-call="${note.getAttribute('data-ref')}"]`
            )
          )
        }))
      )
    )
    expect(placed.length).toBeGreaterThan(0)
    for (const note of placed) expect(note.page).toBe(note.callPage)
  })

  it('goes back to the editor', async () => {
    const { page } = app.session
    await page.click('[data-command=page-view]')
    await page.locator('.ProseMirror').waitFor({ state: 'visible' })
    expect(await page.locator('.pagedjs_page').count()).toBe(0)
    expect(await page.locator('[data-status=pages]').count()).toBe(0)
    // Paged.js's stylesheets went with the pages.
    expect(await page.locator('head style[data-pagedjs-inserted-styles]').count()).toBe(0)
  })
})
