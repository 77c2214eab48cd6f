import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { serializeReport } from '../../src/core/report-file'
import { sampleReport } from '../fixtures/sample-report'
import { browserAvailable, useApp } from './browser'

/**
 * The English sample report opened in the app: every number, label and
 * reference as the sample prints them. With UPDATE_SCREENSHOTS=1 it also
 * refreshes docs/screenshot-editor.png (the README's picture).
 */

const run = browserAvailable('e2e sample report') ? describe : describe.skip

run('the sample report in the editor', () => {
  const app = useApp({ viewport: { width: 1440, height: 1150 } })

  beforeAll(async () => {
    const file = join(app.session.harness.documentsDir, 'wg-report-en.rapporteur')
    await writeFile(file, serializeReport(sampleReport()))
    app.session.harness.dialogs.nextOpen(file)
    await app.session.page.click('[data-command=open]')
    await app.session.page.locator('.ProseMirror .recommendation').first().waitFor()
  })

  it('shows the outline with current labels and statuses', async () => {
    const labels = await app.session.page
      .locator('.outline-item')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-label')))
    expect(labels[0]).toBe('I')
    expect(labels).toContain('II.A')
    expect(labels.filter((label) => label && !label.includes('.')).length).toBe(5)
  })

  it('numbers 18 paragraphs and 5 recommendations as the sample does', async () => {
    const { page } = app.session
    const numbers = await page.locator('.ProseMirror .paragraph-number').allTextContents()
    expect(numbers).toEqual(Array.from({ length: 18 }, (_, i) => `${i + 1}.`))
    expect(await page.locator('.ProseMirror .recommendation-heading').allTextContents()).toEqual(
      Array.from({ length: 5 }, (_, i) => `Recommendation ${i + 1}`)
    )
    expect(await page.locator('.ProseMirror .xref').allTextContents()).toEqual(['paragraph 9'])
    expect(await page.locator('[data-status=brackets]').textContent()).not.toContain(': 0')
    expect(await page.locator('.masthead-symbol').textContent()).toContain('CTOC/COP/WG.7/2024/L.1')
  })

  it('looks like a report (screenshot)', async () => {
    const { page } = app.session
    // A report mid-way: some sections agreed, one in review.
    for (const [label, status] of [
      ['I', 'agreed'],
      ['II.A', 'agreed'],
      ['II.B', 'review']
    ])
      await page
        .locator(`.outline-item[data-label="${label}"] select.status-badge`)
        .selectOption(status)
    await page
      .locator('.ProseMirror .paragraph-text', { hasText: 'recommends that' })
      .first()
      .click()
    await page.locator('.page-area').evaluate((area) => area.scrollTo(0, 0))
    const picture = await page.screenshot()
    expect(picture.byteLength).toBeGreaterThan(20_000)
    if (process.env.UPDATE_SCREENSHOTS === '1')
      await writeFile(resolve(__dirname, '../../docs/screenshot-editor.png'), picture)
    expect(app.session.pageErrors).toEqual([])
  })

  it('switches to paragraph-style recommendations from the report settings', async () => {
    const { page } = app.session
    await page.click('[data-command=settings]')
    await page.locator('input[name=recommendation-style][value=paragraph]').check()
    // Recommendations now take paragraph numbers: 18 paragraphs + 5 = 23 in one series.
    await expect
      .poll(() => page.locator('.ProseMirror .recommendation.paragraph-style').count())
      .toBe(5)
    await page.locator('input[name=recommendation-style][value=block]').check()
    await expect
      .poll(() => page.locator('.ProseMirror .recommendation.paragraph-style').count())
      .toBe(0)
    await page.click('.panel-close')
  })
})
