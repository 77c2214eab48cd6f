import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { serializeReport } from '../../src/core/report-file'
import { sampleReport } from '../fixtures/sample-report'
import { browserAvailable, type AppSession, useApp } from './browser'

/**
 * Everyday editing on the sample report in Chromium: find and replace,
 * broken references counted, the context menu, drag and drop in the
 * outline, focus mode, undoing a deleted section, import with notes, export.
 */

const run = browserAvailable('e2e editing') ? describe : describe.skip

/** Opens a fresh copy of the sample report, answering "Don't save" if the app asks about changes. */
async function openSample(session: AppSession): Promise<void> {
  const { page, harness } = session
  const name = `sample-${Date.now()}.rapporteur`
  const file = join(harness.documentsDir, name)
  await writeFile(file, serializeReport(sampleReport()))
  harness.dialogs.nextOpen(file)
  await page.click('[data-command=open]')
  const question = page.locator('[data-choice=discard]')
  await expect
    .poll(async () => {
      if (await question.count()) await question.click()
      return page.locator('.brand-title').textContent()
    })
    .toBe(name)
  await page.locator('.ProseMirror .recommendation').first().waitFor()
}

function outlineItem(page: Page, label: string) {
  return page.locator(`.outline-item[data-label="${label}"]`)
}

run('everyday editing', () => {
  const app = useApp()

  afterEach(() => {
    expect(app.session.pageErrors).toEqual([])
  })

  beforeEach(async () => {
    // Each test starts from the sample, unsaved changes of the last one discarded.
    await openSample(app.session)
  })

  it('finds with a match count and case option, and replaces all', async () => {
    const { page } = app.session
    await page.locator('.ProseMirror .paragraph-text').first().click()
    await page.keyboard.press('Control+f')
    await page.locator('.find-query').fill('WORKING GROUP')
    const count = page.locator('[data-find=count]')
    const caseInsensitive = Number(/of (\d+)/.exec((await count.textContent()) ?? '')?.[1])
    expect(caseInsensitive).toBeGreaterThan(3)
    // Every match is highlighted on the page.
    expect(await page.locator('.ProseMirror .search-match').count()).toBe(caseInsensitive)
    await page.locator('.find-case input').check()
    await expect.poll(async () => (await count.textContent())?.trim()).toBe('0 of 0')
    await page.locator('.find-query').fill('Working Group')
    await page.locator('.find-replacement').fill('Expert Group')
    await page.click('[data-action=replace-all]')
    await expect.poll(async () => (await count.textContent())?.trim()).toBe('0 of 0')
    expect(await page.locator('.ProseMirror').textContent()).toContain(
      'the Expert Group considered'
    )
    await page.keyboard.press('Escape')
    await page.locator('.findbar').waitFor({ state: 'detached' })
    expect(await page.locator('.ProseMirror .search-match').count()).toBe(0)
  })

  it('makes a selection bold from the toolbar and shows the button pressed', async () => {
    const { page } = app.session
    await page.locator('.ProseMirror .paragraph-text').first().dblclick()
    const before = await page.locator('.ProseMirror strong').count()
    await page.click('[data-format=bold]')
    await expect.poll(() => page.locator('.ProseMirror strong').count()).toBe(before + 1)
    expect(await page.locator('[data-format=bold]').getAttribute('aria-pressed')).toBe('true')
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.locator('.ProseMirror strong').count()).toBe(before)
  })

  it('obeys the host menu (events over the harness stream)', async () => {
    const { page, harness } = app.session
    await page.locator('.ProseMirror .paragraph-text').first().click()
    const before = await page.locator('.ProseMirror .recommendation').count()
    harness.sendMenuCommand('insert-recommendation')
    await expect.poll(() => page.locator('.ProseMirror .recommendation').count()).toBe(before + 1)
    expect(await page.locator('.ProseMirror .recommendation-heading').first().textContent()).toBe(
      'Recommendation 1'
    )
    harness.sendMenuCommand('settings')
    await page.locator('.settings-panel').waitFor()
    await page.click('.panel-close')
  })

  it('counts a reference whose target was deleted as broken', async () => {
    const { page } = app.session
    expect(await page.locator('[data-status=broken]').textContent()).toContain(': 0')
    // Paragraph 9 is the target of the reference in recommendation 5: delete its text and block.
    const target = page.locator('.ProseMirror .numbered-paragraph').nth(8)
    expect(await target.textContent()).toMatch(/^9\.Several speakers/)
    await target.locator('.paragraph-text').click({ clickCount: 3 })
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Backspace')
    await expect.poll(() => page.locator('[data-status=broken]').textContent()).toContain(': 1')
    expect(await page.locator('.ProseMirror .xref.broken').count()).toBe(1)
    await page.keyboard.press('Control+z')
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.locator('[data-status=broken]').textContent()).toContain(': 0')
  })

  it('turns a numbered paragraph into an unnumbered one from the context menu', async () => {
    const { page } = app.session
    const before = await page.locator('.ProseMirror .paragraph-number').count()
    await page.locator('.ProseMirror .paragraph-text').nth(2).click({ button: 'right' })
    await page.locator('.context-menu').waitFor()
    await page.click('.context-menu [data-action=toggle-numbered]')
    await expect.poll(() => page.locator('.ProseMirror .paragraph-number').count()).toBe(before - 1)
    expect(await page.locator('.ProseMirror .paragraph-number').nth(2).textContent()).toBe('3.')
  })

  it('moves a paragraph to another section and deletes a block from the context menu', async () => {
    const { page } = app.session
    // Paragraph 1 goes to the end of chapter V's text: everything renumbers.
    await page
      .locator('.ProseMirror .paragraph-text', { hasText: 'In its decision 5/3' })
      .click({ button: 'right' })
    await page.click('.context-menu [data-action=move-to]')
    await page.locator('.modal .reference-query').fill('V')
    await page.locator('.modal li[data-target="V"]').click()
    const last = page.locator('.ProseMirror .numbered-paragraph').last()
    await expect.poll(() => last.textContent()).toMatch(/^18\.In its decision 5\/3/)
    expect(await page.locator('.ProseMirror .numbered-paragraph').first().textContent()).toMatch(
      /^1\.In its resolution 7\/1/
    )
    // Delete recommendation 1: the others renumber.
    await page
      .locator('.ProseMirror .recommendation')
      .first()
      .locator('p')
      .click({ button: 'right' })
    await page.click('.context-menu [data-action=delete-block]')
    await expect.poll(() => page.locator('.ProseMirror .recommendation-heading').count()).toBe(4)
    expect(await page.locator('.ProseMirror .recommendation-heading').allTextContents()).toEqual([
      'Recommendation 1',
      'Recommendation 2',
      'Recommendation 3',
      'Recommendation 4'
    ])
  })

  it('reorders chapters by dragging them in the outline', async () => {
    const { page } = app.session
    const title = async (label: string) =>
      outlineItem(page, label).locator('.outline-text').textContent()
    expect(await title('III')).toBe('Summary of deliberations')
    await outlineItem(page, 'III').dragTo(outlineItem(page, 'I'), {
      targetPosition: { x: 40, y: 4 }
    })
    await expect.poll(() => title('I')).toBe('Summary of deliberations')
    expect(await title('II')).toBe('Introduction')
    // Paragraph 1 is now the first paragraph of the deliberations.
    expect(await page.locator('.ProseMirror .numbered-paragraph').first().textContent()).toMatch(
      /^1\.At its 1st and 2nd meetings/
    )
  })

  it('shows one section at a time in focus mode', async () => {
    const { page } = app.session
    await page
      .locator('.ProseMirror .recommendation', { hasText: 'rescued at sea' })
      .locator('p')
      .click()
    await page.click('[data-command=focus]')
    await expect.poll(() => page.locator('.ProseMirror.focus-mode').count()).toBe(1)
    expect(
      await page
        .locator('.ProseMirror .paragraph-text', { hasText: 'In its decision 5/3' })
        .isVisible()
    ).toBe(false)
    expect(
      await page
        .locator('.ProseMirror .recommendation-heading', { hasText: 'Recommendation 4' })
        .isVisible()
    ).toBe(true)
    await page.click('[data-command=focus]')
    await expect.poll(() => page.locator('.ProseMirror.focus-mode').count()).toBe(0)
  })

  it('deletes a section from the outline and undoes it', async () => {
    const { page } = app.session
    await outlineItem(page, 'IV.C').locator('.outline-row').click()
    await page.click('.outline-tools [data-action=delete]')
    await expect.poll(() => outlineItem(page, 'IV.D').count()).toBe(0)
    await page.keyboard.press('Control+z')
    await expect
      .poll(() => outlineItem(page, 'IV.D').locator('.outline-text').textContent())
      .toBe('Documentation')
  })

  it('undoes a masthead title edit first, then the block move before it', async () => {
    const { page } = app.session
    const paragraphs = page.locator('.ProseMirror .numbered-paragraph')
    const firstTwo = async () => (await paragraphs.allTextContents()).slice(0, 2)
    const before = await firstTwo()
    expect(before[0]).toMatch(/^1\.In its decision 5\/3/)
    await page.locator('.ProseMirror .paragraph-text', { hasText: 'In its decision 5/3' }).click()
    await page.keyboard.press('Alt+Shift+ArrowDown')
    await expect.poll(async () => (await firstTwo())[1]).toMatch(/^2\.In its decision 5\/3/)
    const moved = await firstTwo()
    await page.click('[data-command=masthead]')
    await page.locator('input[name=title]').fill('Report on the thirteenth session')
    await page.locator('input[name=title]').press('Tab')
    await expect
      .poll(() => page.locator('.masthead-title').textContent())
      .toBe('Report on the thirteenth session')
    await page.locator('.ProseMirror .paragraph-text').last().click()
    await page.keyboard.press('Control+z')
    await expect
      .poll(() => page.locator('.masthead-title').textContent())
      .not.toBe('Report on the thirteenth session')
    expect(await firstTwo()).toEqual(moved)
    await page.keyboard.press('Control+z')
    await expect.poll(firstTwo).toEqual(before)
  })

  it('offers the disk version when the open file changes elsewhere while edited', async () => {
    const { page, harness } = app.session
    await page.locator('.ProseMirror .paragraph-text').first().click()
    await page.keyboard.type('My unsaved words. ')
    harness.sendFileChanged(
      join(harness.documentsDir, (await page.locator('.brand-title').textContent()) ?? '')
    )
    await page.locator('[data-action=load-disk]').click()
    await expect.poll(() => page.locator('.dirty-dot').count()).toBe(0)
    expect(await page.locator('.ProseMirror').textContent()).not.toContain('My unsaved words.')
  })

  it('keeps earlier versions on save and opens one as a new document', async () => {
    const { page } = app.session
    await page.locator('.ProseMirror .paragraph-text').first().click()
    await page.keyboard.type('Second version. ')
    await page.keyboard.press('Control+s')
    await expect.poll(() => page.locator('.dirty-dot').count()).toBe(0)
    await page.click('[data-command=versions]')
    await page.locator('.versions-list li').first().waitFor()
    await page.locator('.versions-list [data-action=restore-version]').first().click()
    await page.locator('.modal').waitFor({ state: 'detached' })
    // The restored version is a new, unsaved document without the later words.
    expect(await page.locator('.dirty-dot').count()).toBe(1)
    expect(await page.locator('.brand-title').textContent()).not.toMatch(/\.rapporteur$/)
    expect(await page.locator('.ProseMirror').textContent()).not.toContain('Second version.')
  })

  it('offers to structure a whole report pasted into an empty one', async () => {
    const { page } = app.session
    await page.click('[data-command=new]')
    await page.click('[data-action=create]')
    await expect.poll(() => page.locator('.ProseMirror .recommendation').count()).toBe(0)
    const text = await readFile(join(__dirname, '../fixtures/samples/wg-report-en.txt'), 'utf8')
    await page.locator('.ProseMirror .heading-text').first().click()
    await page.evaluate((pasted) => {
      const data = new DataTransfer()
      data.setData('text/plain', pasted)
      document
        .querySelector('.ProseMirror')!
        .dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
        )
    }, text)
    await page.click('[data-choice=structure]')
    await expect.poll(() => page.locator('.ProseMirror .recommendation-heading').count()).toBe(5)
    expect(await page.locator('.ProseMirror .paragraph-number').count()).toBe(18)
    expect(await page.locator('.masthead-subsidiary').textContent()).toContain(
      'Smuggling of Migrants'
    )
  })

  it('exports the official .docx through the host, showing progress', async () => {
    const { page, harness } = app.session
    const target = join(harness.documentsDir, 'export.docx')
    harness.dialogs.nextSave(target)
    await page.click('[data-command=export-docx]')
    // The pasted report still has text in square brackets: export asks first, as it should.
    expect(await page.locator('.question-detail').textContent()).toMatch(
      /passage\(s\) still in square brackets/
    )
    await page.click('[data-choice=export]')
    await page.locator('.notice-info', { hasText: 'Exported to' }).waitFor({ timeout: 30_000 })
    const bytes = await readFile(target)
    expect(bytes.subarray(0, 2).toString()).toBe('PK')
  }, 60_000)

  it('imports a text report and lists what the importer was unsure about', async () => {
    const { page, harness } = app.session
    const source = join(harness.documentsDir, 'wg-report-en.txt')
    await writeFile(source, await readFile(join(__dirname, '../fixtures/samples/wg-report-en.txt')))
    harness.dialogs.nextOpen(source)
    await page.click('[data-command=import]')
    await page.locator('.notice', { hasText: 'Imported' }).waitFor()
    await expect.poll(() => page.locator('.ProseMirror .recommendation-heading').count()).toBe(5)
    expect(await page.locator('.ProseMirror .paragraph-number').count()).toBe(18)
    expect(await page.locator('.brand-title').textContent()).not.toContain('.txt')
    const notes = await page.locator('.notes-list li').count()
    expect(notes > 0).toBe((await page.locator('.import-notes').count()) > 0)
  })

  it('lists import notes and jumps to the place each one is about', async () => {
    const { page, harness } = app.session
    const source = join(harness.documentsDir, 'gap.txt')
    await writeFile(
      source,
      [
        'Draft report',
        '',
        'I. Introduction',
        '',
        '1. First paragraph of the report text, long enough to be a paragraph.',
        '',
        '3. Third paragraph: the second is missing and the importer should say so.',
        ''
      ].join('\n')
    )
    harness.dialogs.nextOpen(source)
    await page.click('[data-command=import]')
    const note = page.locator('.import-notes .note', { hasText: 'paragraph 3 follows paragraph 1' })
    await note.waitFor()
    expect(await note.locator('.note-line').textContent()).toBe('Line 7')
    await page.locator('.ProseMirror .paragraph-text').first().click()
    await note.click()
    await expect
      .poll(() => page.locator('[data-status=location]').textContent())
      .toContain('para. 2')
  })
})
