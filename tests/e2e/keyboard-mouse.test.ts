import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { browserAvailable, useApp } from './browser'

/**
 * Keyboard and mouse in the browser build: the Insert menu's Ctrl+Alt keys,
 * outline moves that keep the keyboard in the outline, a new section's
 * title ready to be typed over, page zoom, a status bar that stays one line,
 * and a layout that works at 1024×700 and 800 px wide.
 */

const run = browserAvailable('e2e keyboard and mouse') ? describe : describe.skip

async function outlineLabels(page: Page): Promise<string[]> {
  return page.locator('.outline-item .outline-text').allTextContents()
}

run('keyboard and mouse', () => {
  const app = useApp({ viewport: { width: 1024, height: 700 } })

  afterEach(() => {
    expect(app.session.pageErrors).toEqual([])
  })

  it('Ctrl+Alt+X opens the cross-reference dialog; Escape closes it', async () => {
    const { page } = app.session
    await page.locator('.ProseMirror .heading-text').first().click()
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Text.')
    await page.keyboard.press('Control+Alt+x')
    await page.locator('.reference-query').waitFor()
    await page.keyboard.press('Escape')
    await page.locator('.modal').waitFor({ state: 'detached' })
  })

  it('Alt+↓ in the outline moves a chapter and keeps the keyboard on it', async () => {
    const { page } = app.session
    const before = await outlineLabels(page)
    await page.locator('.outline-item', { hasText: 'Introduction' }).first().focus()
    await page.keyboard.press('Alt+ArrowDown')
    await page.keyboard.press('Alt+ArrowDown')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Introduction')
    await expect
      .poll(async () => (await outlineLabels(page)).indexOf('Introduction'))
      .toBe(before.indexOf('Introduction') + 2)
    expect(await page.locator('.outline-item .outline-label').first().textContent()).toBe('I.')
  })

  it('a new section’s title is selected, so typing replaces it', async () => {
    const { page } = app.session
    await page.locator('.outline-item', { hasText: 'Attendance' }).first().click()
    await page.click('[data-action=add-section]')
    await page.keyboard.type('Budget')
    await expect
      .poll(() => page.locator('.ProseMirror .heading-text').allTextContents())
      .toContain('Budget')
    expect(await page.locator('.ProseMirror .heading-text').allTextContents()).not.toContain(
      'New section'
    )
  })

  it('Ctrl+= and Ctrl+- zoom the page, Ctrl+0 resets it', async () => {
    const { page } = app.session
    const sheet = page.locator('.sheet')
    const title = page.locator('.ProseMirror .heading-text').first()
    const height = async () => (await title.boundingBox())!.height
    const start = await height()
    await page.keyboard.press('Control+=')
    await expect.poll(() => sheet.evaluate((e) => getComputedStyle(e).zoom)).toBe('1.1')
    expect(await height()).toBeGreaterThan(start)
    await page.keyboard.press('Control+-')
    await page.keyboard.press('Control+-')
    await expect.poll(() => sheet.evaluate((e) => getComputedStyle(e).zoom)).toBe('0.9')
    await page.keyboard.press('Control+0')
    await expect.poll(() => sheet.evaluate((e) => getComputedStyle(e).zoom)).toBe('1')
  })

  it('the status bar stays one line under a very long heading', async () => {
    const { page } = app.session
    const heading = page.locator('.ProseMirror .heading-text', { hasText: 'Budget' })
    await heading.click()
    await page.keyboard.press('End')
    await page.keyboard.type(' and programme of work '.repeat(8))
    const bar = (await page.locator('.statusbar').boundingBox())!
    expect(bar.height).toBeLessThan(30)
    expect(await page.locator('[data-status=location]').getAttribute('title')).toContain(
      'programme of work'
    )
  })

  it('the context menu pastes with structure, or as plain text; the toolbar offers Save As', async () => {
    const { page } = app.session
    expect(await page.locator('[data-command=save-as]').count()).toBe(1)
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.evaluate(() => navigator.clipboard.writeText('7.\tPasted by the menu.'))
    await page.locator('.ProseMirror .paragraph-text', { hasText: 'Text.' }).first().click()
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    const empty = page.locator('.ProseMirror .paragraph-text', { hasNotText: /\S/ }).first()
    await empty.click({ button: 'right' })
    expect(await page.locator('.context-menu [data-action=paste-plain]').count()).toBe(1)
    await page.click('.context-menu [data-action=paste]')
    const pasted = page.locator('.ProseMirror .paragraph-text', { hasText: 'Pasted by the menu.' })
    await pasted.waitFor()
    // Recognized: the typed number is dropped.
    expect(await pasted.textContent()).toBe('Pasted by the menu.')
    await page.keyboard.press('Enter')
    await page.locator('.ProseMirror .paragraph-text', { hasNotText: /\S/ }).first().click({
      button: 'right'
    })
    await page.click('.context-menu [data-action=paste-plain]')
    await page
      .locator('.ProseMirror .paragraph-text', { hasText: '7.\tPasted by the menu.' })
      .waitFor()
  })

  it('at 1024×700 the outline and a readable page fit side by side', async () => {
    const { page } = app.session
    expect(await page.locator('nav.outline:not(.outline-collapsed)').count()).toBe(1)
    const text = (await page.locator('.ProseMirror').boundingBox())!
    expect(text.width).toBeGreaterThan(450)
    expect(text.x + text.width).toBeLessThanOrEqual(1024)
    await page.screenshot({ path: join(__dirname, '../../out/e2e-1024.png') })
  })

  it('800 px wide: the outline starts folded and unfolds on demand; the text column stays wide', async () => {
    const { page } = app.session
    await page.setViewportSize({ width: 800, height: 700 })
    await page.reload()
    await page.locator('.ProseMirror').waitFor()
    await page.locator('nav.outline-collapsed').waitFor()
    expect((await page.locator('.ProseMirror').boundingBox())!.width).toBeGreaterThan(500)
    await page.click('[data-action=expand-outline]')
    await page.locator('.outline-item').first().waitFor()
    expect((await page.locator('.ProseMirror').boundingBox())!.width).toBeGreaterThan(300)
    await page.screenshot({ path: join(__dirname, '../../out/e2e-800.png') })
    await page.click('[data-action=collapse-outline]')
    await page.locator('nav.outline-collapsed').waitFor()
  })
})
