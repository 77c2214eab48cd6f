import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serializeReport } from '../../src/core/report-file'
import { BENCH_REPORT, generateReport } from '../../bench/generate'
import { browserAvailable, useApp } from './browser'

/**
 * A long report (the design's 300 pages) opened in the browser build is drawn
 * in stages: its beginning first, its later chapters and sections as
 * placeholders that the page fills in while idle. Scrolling far down at once
 * shows text, not a placeholder; Ctrl+End and typing land in the last
 * paragraph; and in the end every paragraph is on the page.
 */

const run = browserAvailable('e2e long report') ? describe : describe.skip

/**
 * Installs `window.firstStage`, resolved in the page itself (a test driver's
 * round trips on a busy machine would let the idle turns get ahead of it).
 * At the first frame with placeholders it notes how many paragraphs are
 * drawn and scrolls 70 % of the way down at once; when text shows at the
 * middle of the window there, it notes how many placeholders are left above
 * the window: the idle turns go in order from the top, so any left there
 * show that what came into view was drawn first.
 */
const FIRST_STAGE_WATCH = `void (window.firstStage = new Promise((resolve, reject) => {
  setTimeout(() => reject(new Error('no placeholders, or no text where it scrolled, in 20 s')), 20000)
  let drawnAtFirst = -1
  const tick = () => {
    const placeholders = [...document.querySelectorAll('.ProseMirror .dormant')]
    if (drawnAtFirst < 0) {
      if (placeholders.length > 0) {
        drawnAtFirst = document.querySelectorAll('.ProseMirror .numbered-paragraph').length
        let scroller = document.querySelector('.ProseMirror')
        while (scroller.scrollHeight <= scroller.clientHeight + 1) scroller = scroller.parentElement
        scroller.scrollTop = scroller.scrollHeight * 0.7
      }
      return requestAnimationFrame(tick)
    }
    const box = document.querySelector('.ProseMirror').getBoundingClientRect()
    const middle = document.elementFromPoint(box.left + box.width / 2, innerHeight / 2)
    if (!middle || middle.closest('.dormant')) return requestAnimationFrame(tick)
    const skippedOver = placeholders.filter((e) => e.getBoundingClientRect().bottom < 0).length
    resolve({ drawnAtFirst, skippedOver })
  }
  requestAnimationFrame(tick)
}))`

run('a long report drawn in stages', () => {
  const app = useApp()
  const report = generateReport(BENCH_REPORT)
  let paragraphs = 0
  report.doc.descendants((node) => {
    if (node.type.name === 'numbered_paragraph') paragraphs++
    return !node.isTextblock
  })

  afterEach(() => {
    expect(app.session.pageErrors).toEqual([])
  })

  it('shows the beginning first, text wherever it scrolls, and in the end every paragraph', async () => {
    const { page, harness } = app.session
    const file = join(harness.documentsDir, 'long.rapporteur')
    await writeFile(file, serializeReport(report))
    harness.dialogs.nextOpen(file)
    await page.evaluate(FIRST_STAGE_WATCH)
    await page.click('[data-command=open]')
    const firstStage = await page.evaluate<{ drawnAtFirst: number; skippedOver: number }>(
      'window.firstStage'
    )
    expect(firstStage.drawnAtFirst).toBeGreaterThan(0)
    expect(firstStage.drawnAtFirst).toBeLessThan(paragraphs / 2)
    // Scrolled far down at once: what came into view was drawn before what it skipped over.
    expect(firstStage.skippedOver).toBeGreaterThan(0)

    // The cursor sent to the end: the last chapter is drawn and takes the typing.
    await page.locator('.ProseMirror .paragraph-text').first().click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type('Zq')
    const lastChapter = page.locator('.ProseMirror > section').last()
    await expect.poll(() => lastChapter.textContent(), { timeout: 5000 }).toMatch(/Zq$/)

    await expect
      .poll(() => page.locator('.ProseMirror .dormant').count(), { timeout: 20_000 })
      .toBe(0)
    expect(await page.locator('.ProseMirror .numbered-paragraph').count()).toBe(paragraphs)
  })

  it('types where the cursor is in sight without measuring the page, and scrolls to a cursor out of sight', async () => {
    const { page } = app.session
    // Runs on the report the test above opened and drew whole.
    const middle = page.locator('.ProseMirror .paragraph-text').nth(Math.floor(paragraphs / 2))
    await middle.scrollIntoViewIfNeeded()
    await middle.click()
    await page.evaluate(`void (() => {
      window.measured = 0
      const measure = Element.prototype.getBoundingClientRect
      Element.prototype.getBoundingClientRect = function () {
        window.measured++
        return measure.call(this)
      }
      let scroller = document.querySelector('.ProseMirror')
      while (scroller.scrollHeight <= scroller.clientHeight + 1) scroller = scroller.parentElement
      window.scroller = scroller
      window.scrolledFrom = scroller.scrollTop
    })()`)
    await page.keyboard.type('in sight ')
    const typed = await page.evaluate<{ measured: number; moved: number }>(
      '({ measured: window.measured, moved: window.scroller.scrollTop - window.scrolledFrom })'
    )
    await expect.poll(() => middle.textContent()).toContain('in sight ')
    expect(typed.moved).toBe(0)
    // ProseMirror's own scrolling measures a dozen elements per keystroke here; nine keys typed.
    expect(typed.measured).toBeLessThanOrEqual(9)

    // The cursor sent to the end of the report: the page scrolls to it.
    await page.keyboard.press('Control+End')
    await page.keyboard.type('end')
    const caret = await page.evaluate<{
      top: number
      bottom: number
      areaTop: number
      areaBottom: number
    }>(
      `(() => {
        const caret = getSelection().getRangeAt(0).getBoundingClientRect()
        const area = window.scroller.getBoundingClientRect()
        return { top: caret.top, bottom: caret.bottom, areaTop: area.top, areaBottom: area.bottom }
      })()`
    )
    expect(caret.top).toBeGreaterThanOrEqual(caret.areaTop)
    expect(caret.bottom).toBeLessThanOrEqual(caret.areaBottom)
  })
})
