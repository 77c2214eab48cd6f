import { newId } from '@core/ids'
import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import type { Language } from '@core/languages'
import { createLanguageVersion } from '@core/language-version'
import { reportToJSON, ReportFileError, type Report } from '@core/report-file'
import type { OpenedReport, ReportPayload } from '@shared/contract'
import { useApi } from '../api'
import { reportOfOpened } from '@shared/contract/opened-report'
import { t } from '../i18n'
import { baseName, messageOf, useReportStore } from './report'
import { useUiStore } from './ui'

/** Another language version shown beside the report, read-only. */
export interface OtherVersion {
  /** Its file name, for the column heading. */
  name: string
  report: Report
}

/**
 * Language versions of the open report: making a new one ("New language
 * version…"), showing another beside it, and telling the host which
 * language the spelling checker should use.
 */
export const useLanguageVersionsStore = defineStore('language-versions', () => {
  const api = useApi()
  const report = useReportStore()
  const ui = useUiStore()

  /** Whether the "New language version" dialog is open. */
  const dialogOpen = ref(false)
  /** The version shown side by side, if any. */
  const other = shallowRef<OtherVersion | null>(null)

  /**
   * Replaces the open report by its `language` version (same structure, ids
   * and numbers, texts marked untranslated), unsaved, after the usual
   * question about unsaved changes.
   */
  async function createVersion(language: Language): Promise<boolean> {
    if (!(await report.confirmDiscard())) return false
    // Read after the question: "Save" may have just saved it.
    const source = report.currentReport()
    if (!source) return false
    const version = createLanguageVersion(source, language)
    // A document id the host has not given out: its first save asks where, like a new report.
    const opened: OpenedReport = {
      documentId: newId(),
      path: null,
      diskVersion: null,
      report: reportToJSON(version) as ReportPayload
    }
    if (!report.load(opened, { dirty: true })) return false
    ui.notify('info', t('languageVersion.created', { language: t(`language.${language}`) }))
    return true
  }

  /** Asks for another language version and shows it beside the report. */
  async function openOther(): Promise<boolean> {
    try {
      const outcome = await api.openOtherVersion()
      if (!outcome.ok) {
        if (outcome.reason !== 'cancelled') ui.notify('error', outcome.message)
        return false
      }
      const opened = outcome.opened
      other.value = {
        name: opened.path ? baseName(opened.path) : t('app.untitled'),
        report: await reportOfOpened(api, opened)
      }
      return true
    } catch (error) {
      // The loader's refusal names the file already.
      const message =
        error instanceof ReportFileError
          ? error.message
          : t('notice.cannotOpen', { message: messageOf(error) })
      ui.notify('error', message)
      return false
    }
  }

  /** Closes the side-by-side view. */
  function closeOther(): void {
    other.value = null
  }

  // The spelling checker follows the report's language, whenever it loads or changes.
  watch(
    () => report.meta?.language,
    (language) => {
      if (language) api.setSpellingLanguage(language).catch(() => undefined)
    },
    { immediate: true }
  )

  return { dialogOpen, other, createVersion, openOther, closeOther }
})
