import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { serializeReport } from '../../src/core/report-file'
import { sampleReport } from '../fixtures/sample-report'
import { sampleReportZh } from '../fixtures/sample-report-zh'
import type { Page } from 'playwright-core'
import type { Harness } from '../harness/server'
import { browserAvailable, useApp } from './browser'
import { compose } from './ime'

/**
 * The author's path through review in Chromium: name set in Settings,
 * tracking turned on with Ctrl+Shift+E, text typed and deleted, a comment
 * added, and the export to Word carrying them as revisions and a comment.
 */

const run = browserAvailable('e2e review') ? describe : describe.skip

/** Clicks "Discard" when the app asks what to do with the report open before. */
async function discardIfAsked(page: Page): Promise<void> {
  const discard = page.locator('[data-choice=discard]')
  await page.waitForTimeout(200)
  if (await discard.count()) await discard.click()
}

/** Imports the Word file `path` in the app, as File ▸ Import would. */
async function importWordFile(page: Page, harness: Harness, path: string): Promise<void> {
  harness.dialogs.nextOpen(path)
  await page.click('[data-command=import]')
  await discardIfAsked(page)
  await page.locator('.notice', { hasText: 'Imported' }).waitFor({ timeout: 30_000 })
}

run('review: track changes and comments', () => {
  const app = useApp()

  afterEach(() => {
    expect(app.session.pageErrors).toEqual([])
  })

  it('records edits and a comment and exports them as Word revisions and comments', async () => {
    const { page, harness } = app.session
    const file = join(harness.documentsDir, 'review.rapporteur')
    await writeFile(file, serializeReport(sampleReport()))
    harness.dialogs.nextOpen(file)
    await page.click('[data-command=open]')
    await expect.poll(() => page.locator('.brand-title').textContent()).toBe('review.rapporteur')

    // Whose suggestions these are: set once in Settings.
    await page.click('[data-command=settings]')
    await page.locator('input[name=review-author]').fill('Ana Ruiz')
    await page.locator('input[name=review-author]').press('Tab')
    await page.locator('input[name=review-initials]').fill('AR')
    await page.locator('input[name=review-initials]').press('Tab')
    await page.click('[data-command=review]')
    await expect.poll(() => page.locator('.review-author').textContent()).toContain('Ana Ruiz')

    const paragraph = page.locator('.ProseMirror .paragraph-text').first()
    const before = (await paragraph.textContent()) ?? ''
    await paragraph.click({ position: { x: 2, y: 4 } })
    await page.keyboard.press('Control+Shift+E')
    await expect
      .poll(() => page.locator('[data-command=track-changes]').getAttribute('aria-pressed'))
      .toBe('true')

    // Deleting original text strikes it; it stays in the text.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight')
    await page.keyboard.press('Backspace')
    await expect.poll(() => page.locator('.ProseMirror del.suggestion').count()).toBe(1)
    expect(await paragraph.textContent()).toBe(before)
    const struck = (await page.locator('.ProseMirror del.suggestion').textContent()) ?? ''
    expect(struck).toBe(before.slice(0, 4))

    await page.keyboard.type('Tracked words ')
    await expect
      .poll(() => page.locator('.ProseMirror ins.suggestion').first().textContent())
      .toBe('Tracked words ')

    // A comment on a word of the second paragraph.
    await page.locator('.ProseMirror .paragraph-text').nth(1).dblclick()
    await page.locator('textarea[name=new-comment]').fill('Check this figure.')
    await page.click('[data-review=comment]')
    const thread = page.locator('.review-thread')
    await expect.poll(() => thread.count()).toBe(1)
    expect(await thread.textContent()).toContain('Ana Ruiz')
    expect(await page.locator('.ProseMirror .comment-anchor').count()).toBeGreaterThan(0)

    // The Final view hides the struck text; the Check panel counts what is open.
    await page.locator('input[name=review-view][value=final]').check()
    await expect.poll(() => page.locator('.ProseMirror del.suggestion').isVisible()).toBe(false)
    await page.locator('input[name=review-view][value=markup]').check()
    await page.click('[data-command=check]')
    await expect
      .poll(() => page.locator('.check-panel').textContent())
      .toMatch(/2 open suggestions[\s\S]*One open comment/)

    const target = join(harness.documentsDir, 'review.docx')
    harness.dialogs.nextSave(target)
    await page.click('[data-command=export-docx]')
    const exportAnyway = page.locator('[data-choice=export]')
    if (await exportAnyway.count()) await exportAnyway.click()
    await page.locator('.notice-info', { hasText: 'Exported to' }).waitFor({ timeout: 30_000 })
    const parts = unzipSync(new Uint8Array(await readFile(target)))
    const document = strFromU8(parts['word/document.xml'])
    expect(document).toMatch(/<w:ins [^>]*w:author="Ana Ruiz"/)
    expect(document).toMatch(/<w:del [^>]*w:author="Ana Ruiz"/)
    expect(document).toContain('Tracked words')
    expect(document).toContain(`<w:delText xml:space="preserve">${struck}</w:delText>`)
    expect(document).toContain('<w:commentRangeStart')
    const comments = strFromU8(parts['word/comments.xml'])
    expect(comments).toContain('Check this figure.')
    expect(comments).toMatch(/w:author="Ana Ruiz"/)

    // Settling from the review panel: accept all, undo it, then resolve the comment.
    await page.click('[data-command=review]')
    await page.click('[data-review=accept-all]')
    await expect.poll(() => page.locator('.ProseMirror .suggestion').count()).toBe(0)
    expect(await paragraph.textContent()).toBe(`Tracked words ${before.slice(4)}`)
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.locator('.ProseMirror .suggestion').count()).toBe(2)
    await page.click('[data-review=resolve]')
    await expect.poll(() => thread.getAttribute('class')).toContain('resolved')

    // With tracking off, deleting the commented word for real leaves the comment flagged.
    await page.click('[data-command=track-changes]')
    await expect
      .poll(() => page.locator('[data-command=track-changes]').getAttribute('aria-pressed'))
      .toBe('false')
    await page.locator('.ProseMirror .comment-anchor').first().dblclick()
    await page.keyboard.press('Backspace')
    await expect.poll(() => page.locator('.ProseMirror .comment-anchor').count()).toBe(0)
    await expect.poll(() => page.locator('.review-thread .review-lost').count()).toBe(1)

    // The exported file read back: its revisions are suggestions again, its comment a thread.
    await importWordFile(page, harness, target)
    await expect
      .poll(() => page.locator('.ProseMirror del.suggestion').allTextContents())
      .toEqual([struck])
    expect(await page.locator('.ProseMirror ins.suggestion').allTextContents()).toEqual([
      'Tracked words '
    ])
    const authors = await page
      .locator('.ProseMirror .suggestion')
      .evaluateAll((found) => found.map((element) => element.getAttribute('data-author')))
    expect(authors).toEqual(['Ana Ruiz', 'Ana Ruiz'])
    if (!(await page.locator('.review-panel').count())) await page.click('[data-command=review]')
    await expect.poll(() => page.locator('.review-thread').count()).toBe(1)
    expect(await page.locator('.review-thread .review-entry').textContent()).toMatch(
      /Ana Ruiz[\s\S]*Check this figure\./
    )
    expect(await page.locator('.review-thread .review-lost').count()).toBe(0)
  }, 90_000)

  it('records a split and a join as paragraph-break suggestions, shown, exported and read back', async () => {
    const { page, harness } = app.session
    const file = join(harness.documentsDir, 'review-breaks.rapporteur')
    await writeFile(file, serializeReport(sampleReport()))
    harness.dialogs.nextOpen(file)
    await page.click('[data-command=open]')
    await discardIfAsked(page)
    await expect
      .poll(() => page.locator('.brand-title').textContent())
      .toBe('review-breaks.rapporteur')
    await page.click('[data-command=settings]')
    await page.locator('input[name=review-author]').fill('Ana Ruiz')
    await page.locator('input[name=review-author]').press('Tab')
    const paragraphs = page.locator('.ProseMirror .numbered-paragraph .paragraph-text')
    const count = await paragraphs.count()
    const [first, second] = [
      await paragraphs.nth(0).textContent(),
      await paragraphs.nth(1).textContent()
    ]
    await paragraphs.nth(0).click({ position: { x: 2, y: 4 } })
    if (
      (await page.locator('[data-command=track-changes]').getAttribute('aria-pressed')) !== 'true'
    )
      await page.keyboard.press('Control+Shift+E')

    // Enter after the first word splits the paragraph: a pilcrow, underlined, in Ana's colour.
    await page.keyboard.press('Control+ArrowRight')
    await page.keyboard.press('Enter')
    const splitMarker = page.locator('.ProseMirror .paragraph-break-change[data-type=split]')
    await expect.poll(() => splitMarker.count()).toBe(1)
    expect(await paragraphs.count()).toBe(count + 1)
    // Backspace at the start of the (old) second paragraph suggests joining it to the first.
    await paragraphs.nth(2).click({ position: { x: 2, y: 4 } })
    await page.keyboard.press('Home')
    await page.keyboard.press('Backspace')
    const joinMarker = page.locator('.ProseMirror .paragraph-break-change[data-type=join]')
    await expect.poll(() => joinMarker.count()).toBe(1)
    expect(await paragraphs.count()).toBe(count + 1)
    const style = await joinMarker.evaluate((element) => {
      const computed = getComputedStyle(element)
      return { colour: computed.color, line: computed.textDecorationLine }
    })
    expect(style.line).toBe('line-through')
    expect(
      await splitMarker.evaluate((element) => getComputedStyle(element).textDecorationLine)
    ).toBe('underline')
    expect(style.colour).toBe(
      await splitMarker.evaluate((element) => getComputedStyle(element).color)
    )

    const target = join(harness.documentsDir, 'review-breaks.docx')
    harness.dialogs.nextSave(target)
    await page.click('[data-command=export-docx]')
    const exportAnyway = page.locator('[data-choice=export]')
    await expect
      .poll(async () => {
        if (await exportAnyway.count()) await exportAnyway.click()
        return existsSync(target)
      })
      .toBe(true)
    const document = strFromU8(
      unzipSync(new Uint8Array(await readFile(target)))['word/document.xml']
    )
    expect(document).toMatch(
      /<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<w:rPr><w:ins [^>]*w:author="Ana Ruiz"/
    )
    expect(document).toMatch(
      /<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<w:rPr><w:del [^>]*w:author="Ana Ruiz"/
    )

    await importWordFile(page, harness, target)
    await expect.poll(() => splitMarker.count()).toBe(1)
    expect(await joinMarker.count()).toBe(1)
    // Accepting all keeps the split and makes the join: the first paragraph's words, then both joined.
    if (!(await page.locator('.review-panel').count())) await page.click('[data-command=review]')
    await page.click('[data-review=accept-all]')
    await expect.poll(() => page.locator('.ProseMirror .paragraph-break-change').count()).toBe(0)
    const firstWord = first!.split(' ')[0]
    expect(await paragraphs.nth(0).textContent()).toBe(firstWord)
    expect(await paragraphs.nth(1).textContent()).toBe(
      `${first!.slice(firstWord.length).trim()}${second}`
    )
  }, 90_000)

  it('records a Chinese composition once, whole, as one insertion', async () => {
    const { page, harness } = app.session
    const file = join(harness.documentsDir, 'review-zh.rapporteur')
    await writeFile(file, serializeReport(sampleReportZh()))
    harness.dialogs.nextOpen(file)
    await page.click('[data-command=open]')
    const discard = page.locator('[data-choice=discard]')
    await expect
      .poll(async () => {
        if (await discard.count()) await discard.click()
        return page.locator('.brand-title').textContent()
      })
      .toBe('review-zh.rapporteur')
    const block = page.locator('.ProseMirror .numbered-paragraph .paragraph-text').first()
    const before = (await block.textContent())!
    await block.click()
    // The very end of the block's text (End only reaches the end of a visual line).
    await block.evaluate((element) => {
      const range = document.createRange()
      range.selectNodeContents(element)
      range.collapse(false)
      window.getSelection()!.removeAllRanges()
      window.getSelection()!.addRange(range)
    })
    await page.waitForTimeout(50)
    if (
      (await page.locator('[data-command=track-changes]').getAttribute('aria-pressed')) !== 'true'
    )
      await page.keyboard.press('Control+Shift+E')
    await expect
      .poll(() => page.locator('[data-command=track-changes]').getAttribute('aria-pressed'))
      .toBe('true')
    const cdp = await page.context().newCDPSession(page)
    for (const [steps, text] of [
      [['g', 'go', 'gon', 'gong', 'gongz', 'gongzu', 'gongzuo'], '工作'],
      [['z', 'zu'], '组']
    ] as const) {
      await compose(cdp, steps, text)
    }
    await expect.poll(() => block.textContent()).toBe(`${before}工作组`)
    expect(await page.locator('.ProseMirror').textContent()).not.toContain('gong')
    await expect
      .poll(() => page.locator('.ProseMirror ins.suggestion').allTextContents())
      .toEqual(['工作组'])
  }, 60_000)
})
