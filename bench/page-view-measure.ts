import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serializeReport } from '../src/core/report-file'
import { ensureRendererBuilt, launchBrowser, openApp } from '../tests/e2e/browser'
import { generateReport } from './generate'
import type { BenchRow } from './table'

/**
 * Measures, for `page-view.bench.ts` (run in its own process: the app's
 * harness needs the project's path aliases), the page view on the 300-page report in the built app (Chromium, the
 * browser harness): first paint — from the toggle to page 1 with its
 * masthead on screen (budget 1.5 s) — and the whole layout, against the
 * editor's own first paint of the same report (open to text on screen),
 * timed in the same run.
 */
/** The measured rows. */
async function measure(): Promise<BenchRow[]> {
  ensureRendererBuilt()
  const browser = await launchBrowser()
  try {
    const session = await openApp(browser, { viewport: { width: 1280, height: 1000 } })
    const { page, harness } = session
    const file = join(harness.documentsDir, 'bench.rapporteur')
    await writeFile(file, serializeReport(generateReport()))
    harness.dialogs.nextOpen(file)
    let start = performance.now()
    await page.click('[data-command=open]')
    await page.locator('.ProseMirror .paragraph-number').first().waitFor({ timeout: 120_000 })
    const editor = performance.now() - start

    start = performance.now()
    await page.click('[data-command=page-view]')
    await page.locator('.pagedjs_page .rp-mh-un').first().waitFor({ timeout: 120_000 })
    const firstPaint = performance.now() - start
    await page.locator('[data-status=pages]').waitFor({ timeout: 600_000 })
    const whole = performance.now() - start
    const pages = await page.locator('.pagedjs_page').count()
    await session.close()
    const baseline = { name: 'editor open', value: editor }
    return [
      { metric: 'page view first paint', value: firstPaint, unit: 'ms', baseline, budget: 1500 },
      { metric: `page view, all ${pages} pages`, value: whole, unit: 'ms', baseline }
    ]
  } finally {
    await browser.close()
  }
}

measure().then(
  (rows) => console.log(JSON.stringify(rows)),
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  }
)
