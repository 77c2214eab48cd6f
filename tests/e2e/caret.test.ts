import type { CDPSession, Page } from 'playwright-core'
import { browserAvailable, useApp } from './browser'

/**
 * Typing right after a structural key or button lands where the editor put
 * the cursor, also on a busy machine. There the keys a fast typist sends
 * queue up in the page and are handled one after the other before the page
 * draws its next frame; this suite sends them the same way (all at once
 * over the DevTools protocol, none waiting for the one before, with the CPU
 * throttled six times). After Enter at the end of a section heading the
 * text must go into the new first paragraph, never into the next heading;
 * after the toolbar's Recommendation button, into the new recommendation
 * without clicking into it first.
 */

const run = browserAvailable('e2e caret') ? describe : describe.skip

/** Windows virtual key code of a key the tests type (letters, space, full stop, Enter). */
function keyCode(key: string): number {
  if (key === 'Enter') return 13
  if (key === '.') return 190
  return key.toUpperCase().charCodeAt(0)
}

/** One `Input.dispatchKeyEvent` of the DevTools protocol. */
interface KeyEvent {
  type: 'keyDown' | 'keyUp'
  key: string
  windowsVirtualKeyCode: number
  text?: string
  unmodifiedText?: string
}

/** The DevTools events that press and release `key`, typing its text. */
function keyEvents(key: string): KeyEvent[] {
  const text = key === 'Enter' ? '\r' : key
  const code = keyCode(key)
  return [
    { type: 'keyDown', key, windowsVirtualKeyCode: code, text, unmodifiedText: text },
    { type: 'keyUp', key, windowsVirtualKeyCode: code }
  ]
}

/**
 * Sends key presses all at once (after the events in `before`), as a busy
 * page receives a fast typist's keys.
 */
async function burst(cdp: CDPSession, keys: string[], before: Promise<unknown>[] = []) {
  const sent = [...before]
  for (const key of keys)
    for (const event of keyEvents(key)) sent.push(cdp.send('Input.dispatchKeyEvent', event))
  await Promise.all(sent)
}

/** Clicks the centre of `selector` and, without waiting for the page, types `keys`. */
async function clickThenBurst(
  page: Page,
  cdp: CDPSession,
  selector: string,
  keys: string[]
): Promise<void> {
  const box = await page.locator(selector).boundingBox()
  if (!box) throw new Error(`${selector} is not shown`)
  const at = {
    x: box.x + box.width / 2,
    y: box.y + box.height / 2,
    button: 'left' as const,
    clickCount: 1
  }
  await burst(cdp, keys, [
    cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at }),
    cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at })
  ])
}

function outlineRow(page: Page, title: string) {
  return page.locator('.outline-item', { has: page.locator('.outline-text', { hasText: title }) })
}

function heading(page: Page, title: string) {
  return page.locator('.ProseMirror .heading', { hasText: title })
}

/** The text of every heading, paragraph and recommendation of the page, in order. */
function blocks(page: Page): Promise<string[]> {
  return page
    .locator('.ProseMirror :is(.heading-text, .paragraph-text, .recommendation-body)')
    .allTextContents()
}

run('typing right after Enter or a toolbar button on a busy machine', () => {
  const app = useApp()
  let cdp: CDPSession

  beforeAll(async () => {
    cdp = await app.session.page.context().newCDPSession(app.session.page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 })
  })

  afterAll(async () => {
    await cdp?.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  })

  afterEach(() => {
    expect(app.session.pageErrors).toEqual([])
  })

  const titles = ['Prevention', 'Protection', 'Prosecution']

  /** The texts from the chapter "Recommendations" on, as many as `expected` has. */
  async function fromRecommendations(expected: string[]): Promise<string[]> {
    const shown = await blocks(app.session.page)
    const from = shown.indexOf('Recommendations')
    return shown.slice(from, from + expected.length)
  }

  it('puts the text typed right after Enter at the end of a heading into the new paragraph', async () => {
    const { page } = app.session
    // Empty sections one after the other, as a report officer sets them up from the outline.
    await outlineRow(page, 'Recommendations').locator('.outline-row').click()
    for (const title of titles) {
      await page.click('[data-action=add-section]')
      await outlineRow(page, 'New section').locator('.outline-row').dblclick()
      await page.locator('.outline-rename').fill(title)
      await page.locator('.outline-rename').press('Enter')
      await outlineRow(page, title).waitFor()
      await outlineRow(page, 'Recommendations').first().locator('.outline-row').click()
    }
    for (const title of titles) {
      await heading(page, title).locator('.heading-text').click()
      await page.keyboard.press('End')
      await burst(cdp, ['Enter', ...`On ${title}.`])
    }
    const expected = [
      'Recommendations',
      ...titles.flatMap((title) => [title, `On ${title}.`]),
      'Summary of deliberations'
    ]
    expect(await fromRecommendations(expected)).toEqual(expected)
  })

  it('puts the text typed right after the toolbar inserted a recommendation into it', async () => {
    const { page } = app.session
    const sections = ['Opening of the meeting', 'Adoption of the agenda', 'Attendance']
    for (const title of sections) {
      // A first paragraph, typed at a calm pace after clicking into it.
      await heading(page, title).locator('.heading-text').click()
      await page.keyboard.press('End')
      await page.keyboard.press('Enter')
      const paragraph = heading(page, title).locator('xpath=following-sibling::*[1]')
      await expect.poll(() => paragraph.getAttribute('class')).toContain('numbered-paragraph')
      await paragraph.locator('.paragraph-text').click()
      await page.keyboard.type(`Opened ${sections.indexOf(title)}.`)
      await clickThenBurst(page, cdp, '[data-command=insert-recommendation]', [
        ...`States should act ${sections.indexOf(title)}.`
      ])
    }
    const shown = await blocks(page)
    expect(shown.slice(shown.indexOf('Organization of the meeting'))).toEqual([
      'Organization of the meeting',
      'Opening of the meeting',
      'Opened 0.',
      'States should act 0.',
      'Adoption of the agenda and organization of work',
      'Opened 1.',
      'States should act 1.',
      'Attendance',
      'Opened 2.',
      'States should act 2.',
      'Documentation',
      'Adoption of the report'
    ])
  })
})
