import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { newReport } from '../../src/core/template'
import { serializeReport } from '../../src/core/report-file'
import { browserAvailable, useApp } from './browser'

/**
 * The recent-files list in the browser build, against the real host: reports
 * opened join the toolbar's Recent list newest first, one opens again from
 * it, one moved away shows as missing and is removed; the export notice has
 * no "Open exported file" here (a browser cannot open files on the disk).
 */

const run = browserAvailable('e2e recent files') ? describe : describe.skip

run('recent files in the browser build', () => {
  const app = useApp({ viewport: { width: 1280, height: 800 } })

  afterEach(() => {
    expect(app.session.pageErrors).toEqual([])
  })

  it('lists opened reports, reopens one, marks a moved one missing and removes it', async () => {
    const { page, harness } = app.session
    const files: string[] = []
    for (const title of ['First report', 'Second report']) {
      const report = newReport('en')
      report.meta.masthead.title = title
      const file = join(harness.documentsDir, `${title.split(' ')[0].toLowerCase()}.rapporteur`)
      await writeFile(file, serializeReport(report))
      files.push(file)
      harness.dialogs.nextOpen(file)
      await page.click('[data-command=open]')
      await expect
        .poll(() => page.locator('.brand-title').textContent())
        .toBe(`${title.split(' ')[0].toLowerCase()}.rapporteur`)
    }
    await page.click('[data-command=recent]')
    await expect
      .poll(() => page.locator('.recent-entry .recent-name').allTextContents())
      .toEqual(['second.rapporteur', 'first.rapporteur'])
    await page.click('.recent-open[data-path$="first.rapporteur"]')
    await expect.poll(() => page.locator('.brand-title').textContent()).toBe('first.rapporteur')
    expect(await page.locator('.recent-list').count()).toBe(0)

    await rm(files[1])
    await page.click('[data-command=recent]')
    const missing = page.locator('.recent-entry.missing')
    await expect
      .poll(() => missing.locator('.recent-name').allTextContents())
      .toEqual(['second.rapporteur'])
    expect(await missing.locator('.recent-open').isDisabled()).toBe(true)
    await missing.locator('.recent-remove').click()
    await expect
      .poll(() => page.locator('.recent-entry .recent-name').allTextContents())
      .toEqual(['first.rapporteur'])
  })

  it('exports without Open exported file or Show in folder', async () => {
    const { page } = app.session
    await page.keyboard.press('Escape')
    await page.click('[data-command=export-docx]')
    await page.locator('.notice-info', { hasText: 'Exported to' }).waitFor({ timeout: 60_000 })
    expect(await page.locator('[data-action=open-export]').count()).toBe(0)
    expect(await page.locator('[data-action=show-export]').count()).toBe(0)
  }, 90_000)
})
