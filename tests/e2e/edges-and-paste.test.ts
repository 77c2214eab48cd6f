import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { browserAvailable, useApp } from './browser'

/**
 * The keys at block edges (docs/EDITING.md) and paste with structure, typed
 * and pasted in the real app in Chromium: Enter at the start and in the
 * middle of titles, Enter then Ctrl+Alt+R in a recommendation, a join that
 * breaks a reference and the notice's Undo, and clipboard events carrying
 * the HTML Word and LibreOffice put on the clipboard (tests/fixtures/clipboard),
 * with every label and reference checked after each step.
 */

const run = browserAvailable('e2e edges and paste') ? describe : describe.skip

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../fixtures/clipboard', name), 'utf8')

/** Every label the page shows, by kind, and the text of every cross-reference. */
async function labels(page: Page) {
  const all = (selector: string) => page.locator(`.ProseMirror ${selector}`).allTextContents()
  return {
    headings: await all('.heading-label'),
    paragraphs: await all('.paragraph-number'),
    recommendations: await all('.recommendation-heading'),
    items: await all('.list-label'),
    references: await all('.xref'),
    footnotes: await page.locator('.ProseMirror .footnote').count()
  }
}

const TEMPLATE_HEADINGS = ['I.', 'II.', 'III.', 'IV.', 'A.', 'B.', 'C.', 'D.', 'V.']

function headingText(page: Page, title: string) {
  return page.locator('.ProseMirror .heading-text', { hasText: title }).first()
}

function paragraphText(page: Page, text: string) {
  return page.locator('.ProseMirror .paragraph-text', { hasText: text }).first()
}

/** Dispatches a paste event with these clipboard payloads where the cursor is. */
async function paste(page: Page, data: Record<string, string>): Promise<number> {
  return page.evaluate((payload) => {
    const transfer = new DataTransfer()
    for (const [type, value] of Object.entries(payload)) transfer.setData(type, value)
    const started = performance.now()
    document
      .querySelector('.ProseMirror')!
      .dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true })
      )
    return performance.now() - started
  }, data)
}

run('keys at block edges and paste with structure', () => {
  const app = useApp()

  afterEach(() => {
    expect(app.session.pageErrors).toEqual([])
  })

  it('Enter at the start of a title opens a paragraph before it; the title stays', async () => {
    const { page } = app.session
    await headingText(page, 'Recommendations').click()
    await page.keyboard.press('Home')
    await page.keyboard.press('Enter')
    await page.keyboard.type('The meeting was held in Vienna.')
    expect(await page.locator('.ProseMirror .heading-text').nth(1).textContent()).toBe(
      'Recommendations'
    )
    const first = page.locator('.ProseMirror .container.chapter').first()
    expect(await first.locator('.paragraph-text').allTextContents()).toEqual([
      'The meeting was held in Vienna.'
    ])
    expect(await labels(page)).toMatchObject({ headings: TEMPLATE_HEADINGS, paragraphs: ['1.'] })
  })

  it('Enter in the middle of a title does not split it', async () => {
    const { page } = app.session
    await headingText(page, 'Introduction').click()
    await page.keyboard.press('End')
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Opening words.')
    expect(await page.locator('.ProseMirror .heading-text').first().textContent()).toBe(
      'Introduction'
    )
    const first = page.locator('.ProseMirror .container.chapter').first()
    expect(await first.locator('.paragraph-text').allTextContents()).toEqual([
      'Opening words.',
      'The meeting was held in Vienna.'
    ])
    expect(await labels(page)).toMatchObject({
      headings: TEMPLATE_HEADINGS,
      paragraphs: ['1.', '2.']
    })
  })

  it('Enter then Ctrl+Alt+R leaves no empty line in the first recommendation', async () => {
    const { page } = app.session
    await headingText(page, 'Recommendations').click()
    await page.keyboard.press('End')
    await page.keyboard.press('Control+Alt+r')
    await page.keyboard.type('States should act.')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+Alt+r')
    await page.keyboard.type('States should report.')
    const recommendations = page.locator('.ProseMirror .recommendation')
    await expect.poll(() => recommendations.count()).toBe(2)
    expect(await recommendations.first().locator('.recommendation-body p').count()).toBe(1)
    expect(await recommendations.nth(1).locator('.recommendation-body').textContent()).toBe(
      'States should report.'
    )
    expect(await labels(page)).toMatchObject({
      paragraphs: ['1.', '2.'],
      recommendations: ['Recommendation 1', 'Recommendation 2']
    })
  })

  it('a join that deletes a referenced paragraph says so, and Undo brings it back', async () => {
    const { page } = app.session
    await paragraphText(page, 'Opening words.').click()
    await page.keyboard.press('End')
    await page.keyboard.type(' See ')
    await page.click('[data-command=insert-reference]')
    await page.locator('.reference-query').fill('Vienna')
    await page.locator('.reference-results li.active').waitFor()
    await page.keyboard.press('Enter')
    await page.locator('.modal').waitFor({ state: 'detached' })
    expect((await labels(page)).references).toEqual(['paragraph 2'])

    await paragraphText(page, 'The meeting was held').click()
    await page.keyboard.press('Home')
    await page.keyboard.press('Backspace')
    const notice = page.locator('.broken-by-edit')
    await notice.waitFor()
    expect(await notice.textContent()).toContain('paragraph 2')
    expect((await labels(page)).paragraphs).toEqual(['1.'])
    await notice.locator('[data-action=undo-edit]').click()
    await notice.waitFor({ state: 'detached' })
    expect(await labels(page)).toMatchObject({
      paragraphs: ['1.', '2.'],
      references: ['paragraph 2']
    })
  })

  it('Word HTML at the end of a chapter: a section, a recommendation, a list and a footnote', async () => {
    const { page } = app.session
    await headingText(page, 'Summary of deliberations').click()
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await paste(page, { 'text/html': fixture('word.html'), 'text/plain': 'Word’s text' })
    await expect.poll(async () => (await labels(page)).recommendations.length).toBe(3)
    expect(await labels(page)).toEqual({
      headings: ['I.', 'II.', 'III.', 'A.', 'IV.', 'A.', 'B.', 'C.', 'D.', 'V.'],
      paragraphs: ['1.', '2.', '3.'],
      recommendations: ['Recommendation 1', 'Recommendation 2', 'Recommendation 3'],
      items: ['(a)', '(b)'],
      references: ['paragraph 2', 'paragraph 2'],
      footnotes: 1
    })
    expect(await page.locator('.ProseMirror .heading-text').nth(3).textContent()).toBe(
      'Adoption of the agenda'
    )
    const pasted = paragraphText(page, 'At its 1st meeting')
    expect(await pasted.locator('em').textContent()).toBe('provisional')
    expect(await pasted.locator('a').first().textContent()).toBe('the annotated agenda')
    await page.screenshot({ path: join(__dirname, '../../out/e2e-paste-word.png') })
  })

  it('LibreOffice HTML in the middle of a chapter: numbers dropped, nested lists', async () => {
    const { page } = app.session
    await paragraphText(page, 'Opening words.').click()
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await paste(page, { 'text/html': fixture('libreoffice.html') })
    await expect.poll(async () => (await labels(page)).paragraphs.length).toBe(6)
    const result = await labels(page)
    expect(result.paragraphs).toEqual(['1.', '2.', '3.', '4.', '5.', '6.'])
    expect(result.items).toEqual(['(a)', '(b)', '(i)', '(a)', '(b)'])
    // Both references follow their paragraph, now number 5.
    expect(result.references).toEqual(['paragraph 5', 'paragraph 5'])
    expect(await page.locator('.ProseMirror .paragraph-text').nth(1).textContent()).toBe(
      'The meeting was opened by the Chair, who recalled resolution 9/1.'
    )
    expect(await page.locator('.ProseMirror .paragraph-text strong').first().textContent()).toBe(
      'Chair'
    )
  })

  it('Ctrl+Shift+V pastes plain text with no recognition', async () => {
    const { page } = app.session
    await paragraphText(page, 'See the UNODC site').click()
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.evaluate(() =>
      document.querySelector('.ProseMirror')!.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: 'V',
          code: 'KeyV',
          ctrlKey: true,
          shiftKey: true,
          bubbles: true,
          cancelable: true
        })
      )
    )
    await paste(page, {
      'text/plain': '9.\tKept as typed.',
      'text/html': '<b>Recommendation 7</b>'
    })
    const typed = paragraphText(page, 'Kept as typed.')
    await typed.waitFor()
    expect(await typed.textContent()).toBe('9.\tKept as typed.')
    expect((await labels(page)).recommendations).toHaveLength(3)
  })

  it('cleans 1 MB of adversarial clipboard HTML in under a second', async () => {
    const { page } = app.session
    await paragraphText(page, 'Kept as typed').click()
    for (const html of [
      '<body'.repeat(160_000),
      '<!--'.repeat(250_000),
      '<td'.repeat(340_000),
      '<o:p'.repeat(250_000)
    ]) {
      expect(await paste(page, { 'text/html': html })).toBeLessThan(1000)
    }
  })
})
