import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { serializeReport } from '../../src/core/report-file'
import { sampleReportAr } from '../fixtures/sample-report-ar'
import { browserAvailable, useApp } from './browser'

/**
 * An Arabic report in the Arabic interface: the window mirrors (outline on
 * the right), the report reads right to left with its labels on the right,
 * mixed runs keep their order, and the arrow keys move the caret the way the
 * text runs. With UPDATE_SCREENSHOTS=1 it refreshes docs/screenshot-editor-ar.png.
 */

const run = browserAvailable('e2e Arabic') ? describe : describe.skip

run('an Arabic report in the Arabic interface', () => {
  const app = useApp({ viewport: { width: 1440, height: 1000 } })

  it('mirrors the window, places labels on the right and moves the caret visually', async () => {
    const { page, harness } = app.session
    const file = join(harness.documentsDir, 'report-ar.rapporteur')
    await writeFile(file, serializeReport(sampleReportAr()))
    harness.dialogs.nextOpen(file)
    await page.click('[data-command=open]')
    await page.locator('.ProseMirror .recommendation').first().waitFor()

    await page.click('[data-command=settings]')
    await page.locator('select[name=ui-language]').selectOption('ar')
    await expect.poll(() => page.locator('[data-command=save]').textContent()).toContain('حفظ')
    await page.click('.panel-close')
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')

    // Mirrored: the outline sits right of the text, the toolbar starts at the right.
    const outline = (await page.locator('.outline').boundingBox())!
    const editor = (await page.locator('.ProseMirror').boundingBox())!
    expect(outline.x).toBeGreaterThan(editor.x)
    const firstButton = (await page.locator('[data-command=new]').boundingBox())!
    const lastButton = (await page.locator('[data-command=versions]').boundingBox())!
    expect(firstButton.x).toBeGreaterThan(lastButton.x)

    // The report's own labels, on the right of their text.
    expect(await page.locator('.outline-item .outline-label').first().textContent()).toBe('أولا -')
    const heading = page.locator('.ProseMirror .recommendation-heading').first()
    expect(await heading.textContent()).toBe('التوصية 1')
    const paragraph = page.locator('.ProseMirror .numbered-paragraph').first()
    const label = (await paragraph.locator('.paragraph-number').boundingBox())!
    const text = (await paragraph.locator('.paragraph-text').boundingBox())!
    expect(label.x).toBeGreaterThan(text.x + text.width / 2)

    // Mixed text typed at the end of a paragraph keeps its logical order (AutoCorrect
    // may bind "الفقرة 12" with a no-break space).
    const second = page.locator('.ProseMirror .paragraph-text').nth(1)
    await second.click()
    await page.keyboard.press('End')
    await page.keyboard.type(' انظر A/RES/70/1 الفقرة 12')
    await expect
      .poll(() => second.textContent())
      .toMatch(/حزيران\/يونيه 2024\. انظر A\/RES\/70\/1 الفقرة[\s\u00a0]12$/)

    // In right-to-left text the left arrow moves forward through the text, as the eye reads.
    await page.keyboard.press('Home')
    const offset = () => page.evaluate(() => window.getSelection()!.focusOffset)
    const start = await offset()
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    expect(await offset()).toBe(start + 2)
    await page.keyboard.press('ArrowRight')
    expect(await offset()).toBe(start + 1)

    const picture = await page.screenshot()
    if (process.env.UPDATE_SCREENSHOTS === '1')
      await writeFile(resolve(__dirname, '../../docs/screenshot-editor-ar.png'), picture)
    expect(app.session.pageErrors).toEqual([])
  })
})
