import { watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { hasNativeMenus, useApi } from '../api'
import { usePageViewStore } from '../stores/page-view'
import { baseName, messageOf, useReportStore } from '../stores/report'
import { useUiStore } from '../stores/ui'

/**
 * Save as PDF, from the page view: the pages are laid out (the view opens if
 * it was closed), the page's print stylesheet leaves only them, and Chromium
 * prints them — through the host's printToPDF in the desktop app (A4,
 * bookmarks from the headings, live links), through the browser's own print
 * dialog in the browser build.
 */

/** The class that makes the page print only the laid-out pages. */
export const PRINTING_CLASS = 'printing-pages'

/** Resolves once the page view has laid out its pages. */
function laidOut(pageView: ReturnType<typeof usePageViewStore>): Promise<void> {
  return new Promise((resolve) => {
    const stop = watch(
      () => pageView.pages !== null && !pageView.laying,
      (done) => {
        if (!done) return
        queueMicrotask(() => stop())
        resolve()
      },
      { immediate: true }
    )
  })
}

/** The Save as PDF command. */
export function useSavePdf(): () => Promise<boolean> {
  const api = useApi()
  const report = useReportStore()
  const pageView = usePageViewStore()
  const ui = useUiStore()
  const { t } = useI18n()

  return async function savePdf() {
    if (!report.meta) return false
    if (!pageView.on) pageView.toggle()
    await laidOut(pageView)
    document.body.classList.add(PRINTING_CLASS)
    try {
      if (!hasNativeMenus()) {
        window.print()
        return true
      }
      const stem = report.path ? baseName(report.path).replace(/\.rapporteur$/i, '') : report.title
      const outcome = await api.savePdf({
        suggestedName: `${stem.replace(/[\\/:*?"<>|]+/g, '_').slice(0, 200)}.pdf`
      })
      if (outcome.ok) ui.notify('info', t('pageView.pdfSaved', { path: outcome.path }))
      else if (outcome.reason !== 'cancelled')
        ui.notify('error', t('pageView.pdfFailed', { message: outcome.message }))
      return outcome.ok
    } catch (error) {
      ui.notify('error', t('pageView.pdfFailed', { message: messageOf(error) }))
      return false
    } finally {
      document.body.classList.remove(PRINTING_CLASS)
    }
  }
}
