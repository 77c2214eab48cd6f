import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Page } from 'playwright-core'
import { parseReport } from '../../src/core/report-file'
import { browserAvailable, useApp } from './browser'

/**
 * A report officer's day in the real app, in Chromium, against the real host
 * services: a report from the template, the masthead filled, sections and
 * recommendations added, section II.A moved below II.B (every number and
 * reference follows), a cross-reference inserted and followed, a footnote,
 * save, reload, and everything found as it was.
 */

const run = browserAvailable('e2e drafting') ? describe : describe.skip

const SYMBOL = 'CTOC/COP/WG.7/2024/L.1'

/** Texts of every element matching `selector` in the page, in document order. */
function texts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).allTextContents()
}

function outlineRow(page: Page, title: string) {
  return page.locator('.outline-item', { has: page.locator('.outline-text', { hasText: title }) })
}

/**
 * Puts the cursor at the end of the heading with this title and presses
 * Enter: the container's first paragraph, into which `text` is typed.
 */
async function startSection(page: Page, title: string, text: string): Promise<void> {
  const heading = page.locator('.ProseMirror .heading', { hasText: title })
  await heading.locator('.heading-text').click()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  // Type into the new paragraph itself: on a loaded machine the browser's caret can lag
  // behind the editor's selection for a moment after Enter.
  const paragraph = heading.locator('xpath=following-sibling::*[1]')
  await expect.poll(() => paragraph.getAttribute('class')).toContain('numbered-paragraph')
  await paragraph.locator('.paragraph-text').click()
  await page.keyboard.type(text)
}

/** Inserts a recommendation from the toolbar and types its text into it. */
async function addRecommendation(page: Page, text: string): Promise<void> {
  const before = await page.locator('.ProseMirror .recommendation').count()
  await page.click('[data-command=insert-recommendation]')
  await expect.poll(() => page.locator('.ProseMirror .recommendation').count()).toBe(before + 1)
  // Click into the new, empty one (see startSection on a loaded machine's caret).
  const empty = page.locator('.ProseMirror .recommendation-body p', { hasNotText: /\S/ })
  await empty.first().click()
  await page.keyboard.type(text)
}

async function insertReference(page: Page, query: string): Promise<void> {
  await page.click('[data-command=insert-reference]')
  await page.locator('.reference-query').fill(query)
  await page.locator('.reference-results li.active').waitFor()
  await page.keyboard.press('Enter')
  await page.locator('.modal').waitFor({ state: 'detached' })
}

run('drafting a report end to end', () => {
  const app = useApp()

  it('starts from the standard template', async () => {
    const { page } = app.session
    expect(await texts(page, '.outline-item .outline-label')).toEqual([
      'I.',
      'II.',
      'III.',
      'IV.',
      'A.',
      'B.',
      'C.',
      'D.',
      'V.'
    ])
    expect(await page.locator('.masthead-title').textContent()).toBe('Draft report')
  })

  it('fills the masthead, refusing a malformed symbol', async () => {
    const { page } = app.session
    await page.click('[data-command=masthead]')
    const form = page.locator('.masthead-panel')
    const symbol = form.locator('input[name=symbol]')
    await symbol.fill('ctoc wg7 2024')
    await symbol.press('Tab')
    await expect(form.locator('[data-problem=symbol]').textContent()).resolves.toContain(
      'Not a UN document symbol'
    )
    // Flagged, not applied: the page still shows no symbol.
    expect(await page.locator('.masthead-symbol').textContent()).toContain('No document symbol')
    await symbol.fill(SYMBOL)
    await symbol.press('Tab')
    await form.locator('[data-problem=symbol]').waitFor({ state: 'detached' })
    await form.locator('input[name=date]').fill('2024-06-06')
    await form
      .locator('textarea[name=subsidiaryBody]')
      .fill('Working Group on the Smuggling of Migrants')
    await form.locator('input[name=meeting]').fill('Vienna, 4–6 June 2024')
    await form.locator('input[name=jobNumber]').fill('V.24-04321 (E)')
    await form.locator('input[name=jobNumber]').press('Tab')
    expect(await page.locator('.masthead-symbol').textContent()).toContain(SYMBOL)
    expect(await page.locator('.masthead-subsidiary').textContent()).toContain(
      'Smuggling of Migrants'
    )
    expect(await page.locator('.masthead-distribution').textContent()).toContain('6 June 2024')
    await page.click('.panel-close')
  })

  it('adds sections, paragraphs and recommendations', async () => {
    const { page } = app.session
    await outlineRow(page, 'Recommendations').locator('.outline-row').click()
    for (const title of ['Recommendations on prevention', 'Recommendations on protection']) {
      await page.click('[data-action=add-section]')
      const added = outlineRow(page, 'New section')
      await added.locator('.outline-row').dblclick()
      await page.locator('.outline-rename').fill(title)
      await page.locator('.outline-rename').press('Enter')
      await outlineRow(page, title).waitFor()
      await outlineRow(page, 'Recommendations').first().locator('.outline-row').click()
    }
    expect(await outlineRow(page, 'Recommendations on prevention').getAttribute('data-label')).toBe(
      'II.A'
    )
    expect(await outlineRow(page, 'Recommendations on protection').getAttribute('data-label')).toBe(
      'II.B'
    )

    await startSection(page, 'Introduction', 'The Working Group met in Vienna.')
    await startSection(page, 'Recommendations on prevention', 'Prevention was discussed.')
    await addRecommendation(page, 'States should prevent smuggling.')
    await startSection(page, 'Recommendations on protection', 'Protection was discussed. See ')
    await addRecommendation(page, 'States should protect migrants.')

    expect(await texts(page, '.ProseMirror .paragraph-number')).toEqual(['1.', '2.', '3.'])
    expect(await texts(page, '.ProseMirror .recommendation-heading')).toEqual([
      'Recommendation 1',
      'Recommendation 2'
    ])
  })

  it('inserts cross-references that show the current labels', async () => {
    const { page } = app.session
    await page
      .locator('.ProseMirror .paragraph-text', { hasText: 'Protection was discussed' })
      .click()
    await page.keyboard.press('End')
    await insertReference(page, 'recommendation 1')
    await page.keyboard.type(' and ')
    await insertReference(page, 'paragraph 2')
    await page.keyboard.type('.')
    expect(await texts(page, '.ProseMirror .xref')).toEqual(['recommendation 1', 'paragraph 2'])
  })

  it('adds a footnote', async () => {
    const { page } = app.session
    await page.locator('.ProseMirror .paragraph-text', { hasText: 'met in Vienna' }).click()
    await page.keyboard.press('End')
    await page.click('[data-command=insert-footnote]')
    await page.locator('.footnote-editor .ProseMirror').waitFor()
    await page.keyboard.type('See CTOC/COP/WG.7/2024/2.')
    await page.keyboard.press('Escape')
    expect(await texts(page, '.ProseMirror .footnote-number')).toEqual(['1'])
  })

  it('moves section II.A below II.B and renumbers everything', async () => {
    const { page } = app.session
    const prevention = outlineRow(page, 'Recommendations on prevention')
    await prevention.locator('.outline-row').click()
    await page.click('.outline-tools [data-action=move-down]')
    await expect
      .poll(() => outlineRow(page, 'Recommendations on prevention').getAttribute('data-label'))
      .toBe('II.B')
    expect(await outlineRow(page, 'Recommendations on protection').getAttribute('data-label')).toBe(
      'II.A'
    )
    // Paragraphs run on in the new order; recommendations too.
    expect(await texts(page, '.ProseMirror .numbered-paragraph')).toEqual([
      '1.The Working Group met in Vienna.1',
      expect.stringMatching(
        /^2\.Protection was discussed\. See recommendation 2 and paragraph 3\.$/
      ),
      '3.Prevention was discussed.'
    ])
    expect(await texts(page, '.ProseMirror .recommendation')).toEqual([
      'Recommendation 1States should protect migrants.',
      'Recommendation 2States should prevent smuggling.'
    ])
    // The references follow their targets.
    expect(await texts(page, '.ProseMirror .xref')).toEqual(['recommendation 2', 'paragraph 3'])
    expect(await texts(page, '.ProseMirror .heading-label')).toContain('B.')
  })

  it('follows a cross-reference to its target', async () => {
    const { page } = app.session
    await page.locator('.ProseMirror .xref', { hasText: 'recommendation 2' }).click()
    await expect
      .poll(() => page.locator('[data-status=location]').textContent())
      .toContain('Recommendation 2')
    await page.keyboard.type(' Follow-up')
    expect(await page.locator('.ProseMirror .recommendation').nth(1).textContent()).toContain(
      'Follow-up'
    )
    for (let i = 0; i < ' Follow-up'.length; i++) await page.keyboard.press('Backspace')
    expect(await page.locator('.ProseMirror .recommendation').nth(1).textContent()).not.toContain(
      'Follow-up'
    )
  })

  it('sets a section status from the outline', async () => {
    const { page } = app.session
    await outlineRow(page, 'Recommendations on protection')
      .locator('select.status-badge')
      .selectOption('agreed')
    await expect
      .poll(() =>
        page.locator('.ProseMirror section.section.status-agreed .heading-text').textContent()
      )
      .toBe('Recommendations on protection')
  })

  it('saves, reloads and finds everything as it was', async () => {
    const { page, harness } = app.session
    await page.keyboard.press('Control+s')
    await expect.poll(() => harness.windowState?.dirty).toBe(false)
    const saved = harness.dialogs.calls.find((call) => call.kind === 'save')?.answer
    expect(saved).toBeTruthy()
    const onDisk = parseReport(await readFile(saved as string, 'utf8'))
    expect(onDisk.meta.masthead.symbol).toBe(SYMBOL)
    expect(onDisk.meta.masthead.jobNumber).toBe('V.24-04321 (E)')

    await page.reload()
    await page.locator('.ProseMirror').waitFor()
    expect(await page.locator('.ProseMirror .paragraph-number').count()).toBe(0)
    harness.dialogs.nextOpen(saved as string)
    await page.keyboard.press('Control+o')
    await expect
      .poll(() => texts(page, '.ProseMirror .paragraph-number'))
      .toEqual(['1.', '2.', '3.'])

    expect(await page.locator('.masthead-symbol').textContent()).toContain(SYMBOL)
    expect(await page.locator('.masthead-distribution').textContent()).toContain('6 June 2024')
    expect(await outlineRow(page, 'Recommendations on protection').getAttribute('data-label')).toBe(
      'II.A'
    )
    expect(await outlineRow(page, 'Recommendations on prevention').getAttribute('data-label')).toBe(
      'II.B'
    )
    expect(
      await outlineRow(page, 'Recommendations on protection')
        .locator('select.status-badge')
        .inputValue()
    ).toBe('agreed')
    expect(await texts(page, '.ProseMirror .recommendation-heading')).toEqual([
      'Recommendation 1',
      'Recommendation 2'
    ])
    expect(await texts(page, '.ProseMirror .xref')).toEqual(['recommendation 2', 'paragraph 3'])
    expect(await texts(page, '.ProseMirror .footnote-number')).toEqual(['1'])
    expect(JSON.stringify(onDisk.doc.toJSON())).toContain('CTOC/COP/WG.7/2024/2')
    // The title bar names the file, with no unsaved mark.
    expect(await page.locator('.brand-title').textContent()).toBe(basename(saved as string))
    expect(await page.locator('.dirty-dot').count()).toBe(0)
    expect(app.session.pageErrors).toEqual([])
  })

  it('saves again only what changed, and the file holds every edit', async () => {
    const { page, harness } = app.session
    const saveBodies: string[] = []
    page.on('request', (request) => {
      if (request.url().endsWith('/api/saveReport')) saveBodies.push(request.postData() ?? '')
    })
    const typeAtEnd = async (selector: string, text: string) => {
      await page.locator(selector).last().click()
      await page.keyboard.press('End')
      await page.keyboard.type(text)
    }
    await typeAtEnd('.ProseMirror .numbered-paragraph .paragraph-text', ' First addition.')
    await page.keyboard.press('Control+s')
    await expect.poll(() => harness.windowState?.dirty).toBe(false)
    await typeAtEnd('.ProseMirror .recommendation-body p', ' Second addition.')
    await page.keyboard.press('Control+s')
    await expect.poll(() => harness.windowState?.dirty).toBe(false)

    // The first save after the open sends the whole report, the next only what changed.
    expect(saveBodies).toHaveLength(2)
    expect(saveBodies[0]).not.toContain('"base"')
    expect(saveBodies[1]).toContain('"base"')
    expect(saveBodies[1].length).toBeLessThan(saveBodies[0].length)
    const path = harness.dialogs.calls.find((call) => call.kind === 'save')?.answer as string
    const text = JSON.stringify(parseReport(await readFile(path, 'utf8')).doc.toJSON())
    expect(text).toContain('First addition.')
    expect(text).toContain('Second addition.')
    expect(text).toContain('CTOC/COP/WG.7/2024/2')
    expect(app.session.pageErrors).toEqual([])
  })
})
