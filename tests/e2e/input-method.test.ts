import type { CDPSession, Locator, Page } from 'playwright-core'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serializeReport } from '../../src/core/report-file'
import { sampleReportZh } from '../fixtures/sample-report-zh'
import { browserAvailable, useApp } from './browser'
import { compose } from './ime'

/**
 * Typing through an input method, as Chinese (pinyin) and Arabic (diacritics)
 * users do: composition events from Chromium's own IME path, driven over the
 * DevTools protocol. Each committed composition lands once, whole, in the block
 * it started in, and one Ctrl+Z takes it back.
 */

const run = browserAvailable('e2e input methods') ? describe : describe.skip

/** Puts the caret at the very end of a block's text (End only reaches the end of a visual line). */
async function endOf(page: Page, block: Locator): Promise<void> {
  await block.click()
  await block.evaluate((element) => {
    const range = document.createRange()
    range.selectNodeContents(element)
    range.collapse(false)
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
  })
  // ProseMirror reads the DOM selection on selectionchange.
  await page.waitForTimeout(50)
}

run('typing through an input method', () => {
  const app = useApp()
  let cdp: CDPSession

  beforeAll(async () => {
    const { page, harness } = app.session
    const file = join(harness.documentsDir, 'ime.rapporteur')
    await writeFile(file, serializeReport(sampleReportZh()))
    harness.dialogs.nextOpen(file)
    await page.click('[data-command=open]')
    await page.locator('.ProseMirror .recommendation').first().waitFor()
    cdp = await page.context().newCDPSession(page)
  })

  it.each([
    ['a numbered paragraph', '.ProseMirror .numbered-paragraph .paragraph-text'],
    ['a recommendation’s text', '.ProseMirror .recommendation-body p'],
    ['a chapter heading', '.ProseMirror .heading'],
    ['a list item', '.ProseMirror .list-item-content p']
  ])(
    'commits a Chinese composition once, whole, in %s, and undoes it in one step',
    async (_, selector) => {
      const { page } = app.session
      const block = page.locator(selector).first()
      const before = (await block.textContent())!
      await endOf(page, block)
      await compose(cdp, ['g', 'go', 'gon', 'gong', 'gongz', 'gongzu', 'gongzuo'], '工作')
      await compose(cdp, ['z', 'zu'], '组')
      await expect.poll(() => block.textContent()).toBe(`${before}工作组`)
      // Nothing leaked into the neighbouring blocks, and the labels did not move.
      expect(await page.locator('.ProseMirror').textContent()).not.toContain('gong')
      await page.keyboard.press('Control+z')
      await expect.poll(() => block.textContent()).toBe(`${before}工作`)
      await page.keyboard.press('Control+z')
      await expect.poll(() => block.textContent()).toBe(before)
    }
  )

  it('commits Chinese compositions in the footnote pop-up once each, and undoes each in one step', async () => {
    const { page } = app.session
    const footnote = page.locator('.ProseMirror .footnote').first()
    const saved = (await footnote.getAttribute('title'))!
    // Clicking the number opens the footnote's own editor with the caret at the end of its text.
    await footnote.locator('.footnote-number').click()
    const popup = page.locator('.footnote-editor .ProseMirror')
    await popup.waitFor()
    expect(await popup.textContent()).toBe(saved)
    await expect
      .poll(() =>
        popup.evaluate(
          (element) =>
            element.contains(document.activeElement) || element === document.activeElement
        )
      )
      .toBe(true)

    await compose(cdp, ['b', 'be', 'bei', 'beij', 'beiji', 'beijin', 'beijing'], '背景')
    await compose(cdp, ['w', 'we', 'wen'], '文')
    await expect.poll(() => popup.textContent()).toBe(`${saved}背景文`)
    // The footnote node itself (what is saved and exported) holds the text once.
    await expect.poll(() => footnote.getAttribute('title')).toBe(`${saved}背景文`)
    expect(await page.locator('.ProseMirror').first().textContent()).not.toMatch(/bei|wen/)
    expect(await page.locator('.footnote-editor').count()).toBe(1)

    // Undo from inside the pop-up: one committed composition per step.
    await page.keyboard.press('Control+z')
    await expect.poll(() => footnote.getAttribute('title')).toBe(`${saved}背景`)
    await expect.poll(() => popup.textContent()).toBe(`${saved}背景`)
    await page.keyboard.press('Control+z')
    await expect.poll(() => footnote.getAttribute('title')).toBe(saved)
    await expect.poll(() => popup.textContent()).toBe(saved)
    expect(app.session.pageErrors).toEqual([])
  })

  it('keeps Arabic diacritics composed in the footnote pop-up', async () => {
    const { page } = app.session
    const footnote = page.locator('.ProseMirror .footnote').first()
    const saved = (await footnote.getAttribute('title'))!
    const popup = page.locator('.footnote-editor .ProseMirror')
    if ((await popup.count()) === 0) await footnote.locator('.footnote-number').click()
    await popup.waitFor()
    await endOf(page, popup)
    await compose(cdp, ['ك', 'كُ'], 'كُتُب')
    await expect.poll(() => footnote.getAttribute('title')).toBe(`${saved}كُتُب`)
    expect(await popup.textContent()).toBe(`${saved}كُتُب`)
    await page.keyboard.press('Escape')
    expect(await page.locator('.footnote-editor').count()).toBe(0)
  })

  it('keeps Arabic diacritics composed on their letter', async () => {
    const { page } = app.session
    const block = page.locator('.ProseMirror .numbered-paragraph .paragraph-text').nth(1)
    const before = (await block.textContent())!
    await endOf(page, block)
    await compose(cdp, ['ك', 'كُ'], 'كُتُب')
    await expect.poll(() => block.textContent()).toBe(`${before}كُتُب`)
    expect(app.session.pageErrors).toEqual([])
  })
})
