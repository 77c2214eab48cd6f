import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { serializeReport } from '../../src/core/report-file'
import { sampleReportZh } from '../fixtures/sample-report-zh'
import { browserAvailable, useApp } from './browser'

/**
 * A Chinese report with the interface in Chinese: the report's labels follow
 * the report's language (一., 建议 1), the interface follows the setting.
 * With UPDATE_SCREENSHOTS=1 it refreshes docs/screenshot-editor-zh.png.
 */

const run = browserAvailable('e2e Chinese') ? describe : describe.skip

run('a Chinese report in the Chinese interface', () => {
  const app = useApp({ viewport: { width: 1440, height: 1000 } })

  it('labels chapters and recommendations in Chinese and switches the interface', async () => {
    const { page, harness } = app.session
    const file = join(harness.documentsDir, 'report-zh.rapporteur')
    await writeFile(file, serializeReport(sampleReportZh()))
    harness.dialogs.nextOpen(file)
    await page.click('[data-command=open]')
    await page.locator('.ProseMirror .recommendation').first().waitFor()
    expect(await page.locator('.outline-item .outline-label').first().textContent()).toBe('一.')
    expect(await page.locator('.ProseMirror .recommendation-heading').first().textContent()).toBe(
      '建议 1'
    )
    expect(await page.locator('[data-command=save]').textContent()).toContain('Save')

    await page.click('[data-command=settings]')
    await page.locator('select[name=ui-language]').selectOption('zh')
    await expect.poll(() => page.locator('[data-command=save]').textContent()).toContain('保存')
    await page.click('.panel-close')
    // The setting is the host's: it survives a reload.
    await expect.poll(async () => (await harness.handlers.getAppSettings()).uiLanguage).toBe('zh')
    await page.locator('.ProseMirror .paragraph-text').first().click()
    expect(await page.locator('[data-status=location]').textContent()).toContain('第 1 段')

    const picture = await page.screenshot()
    if (process.env.UPDATE_SCREENSHOTS === '1')
      await writeFile(resolve(__dirname, '../../docs/screenshot-editor-zh.png'), picture)
    expect(app.session.pageErrors).toEqual([])
  })
})
