import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serializeReport } from '../../src/core/report-file'
import { sampleReport } from '../fixtures/sample-report'
import { browserAvailable, useApp } from './browser'

/**
 * Language versions in the built app: the French version made from the
 * English sample keeps every number and reference and marks its paragraphs
 * untranslated; the side-by-side view pairs it with the English file.
 */

const run = browserAvailable('e2e language versions') ? describe : describe.skip

run('language versions of the sample report', () => {
  const app = useApp()

  beforeAll(async () => {
    const { harness, page } = app.session
    const english = join(harness.documentsDir, 'wg-report-en.rapporteur')
    await writeFile(english, serializeReport(sampleReport()))
    harness.dialogs.nextOpen(english)
    await page.click('[data-command=open]')
    await page.locator('.ProseMirror .recommendation').first().waitFor()
  })

  it('New language version: French, every number and reference kept, texts untranslated', async () => {
    const { page } = app.session
    const numbersBefore = await page.locator('.ProseMirror .paragraph-number').allTextContents()
    const referencesBefore = await page.locator('.ProseMirror .xref').allTextContents()
    expect(numbersBefore).toHaveLength(18)
    expect(referencesBefore).toEqual(['paragraph 9'])

    await page.click('[data-command=new-language-version]')
    await page.locator('select[name=language-version]').selectOption('fr')
    await page.click('[data-action=create-version]')
    await expect
      .poll(() => page.locator('.ProseMirror .recommendation-heading').first().textContent())
      .toBe('Recommandation 1')

    expect(await page.locator('.ProseMirror .paragraph-number').allTextContents()).toEqual(
      numbersBefore
    )
    expect(await page.locator('.ProseMirror .recommendation-heading').allTextContents()).toEqual(
      Array.from({ length: 5 }, (_, i) => `Recommandation ${i + 1}`)
    )
    // The same target, in French words.
    expect(await page.locator('.ProseMirror .xref').allTextContents()).toEqual(['paragraphe 9'])
    // Every numbered paragraph's text is marked untranslated, none left bare.
    const paragraphs = await page.locator('.ProseMirror .numbered-paragraph').evaluateAll((nodes) =>
      nodes.map((node) => ({
        text: (node.textContent ?? '').trim().length,
        marked: node.querySelectorAll('.untranslated').length
      }))
    )
    expect(paragraphs).toHaveLength(18)
    for (const paragraph of paragraphs) expect(paragraph.marked).toBeGreaterThan(0)
    // Unsaved, with a title of its own: Save asks where.
    expect(await page.locator('.dirty-dot').count()).toBe(1)
    expect(app.session.pageErrors).toEqual([])
  })

  it('shows the English file side by side, aligned by paragraph number, read-only', async () => {
    const { harness, page } = app.session
    harness.dialogs.nextOpen(join(harness.documentsDir, 'wg-report-en.rapporteur'))
    await page.click('[data-command=side-by-side]')
    await page.locator('.side-by-side-row').first().waitFor()
    const labels = await page
      .locator('.side-by-side-row[data-kind=paragraph] .side-by-side-label')
      .allTextContents()
    expect(labels).toEqual(Array.from({ length: 18 }, (_, i) => `${i + 1}.`))
    expect(await page.locator('.side-by-side-row[data-problem]').count()).toBe(0)
    expect(await page.locator('[data-side-by-side=summary]').textContent()).toContain(
      'No structural difference'
    )
    // Paragraph 9 in French (still the source text) beside paragraph 9 of the English file.
    const row9 = page.locator('.side-by-side-row[data-kind=paragraph]').nth(8)
    expect(await row9.locator('.side-by-side-here').textContent()).toBe(
      await row9.locator('.side-by-side-there').textContent()
    )
    expect(await row9.locator('.side-by-side-there').getAttribute('lang')).toBe('en')
    expect(await page.locator('.side-by-side [contenteditable]').count()).toBe(0)
    expect(app.session.pageErrors).toEqual([])
  })
})
