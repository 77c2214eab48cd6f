import { defineStore } from 'pinia'
import type { Command } from 'prosemirror-state'
import type { Outcome, ReportPayload } from '@shared/contract'
import { reportFromJSON } from '@core/report-file'
import { SKIP_TRACKING } from '../editor/tracking'
import { compareReports } from '@core/review/compare'
import { trackedChanges } from '@core/review/changes'
import { reviewSummary } from '@core/review/summary'
import { useApi } from '../api'
import { t } from '../i18n'
import { messageOf, useReportStore } from './report'
import { useUiStore } from './ui'

/**
 * Compare with a version: the open report shown with what changed since a
 * kept version (or another report or Word file) as suggestions, in one step
 * the user can undo, and accept or reject like any other suggestion.
 */
export const useCompareStore = defineStore('compare', () => {
  const api = useApi()
  const report = useReportStore()
  const ui = useUiStore()

  /** Reads the other side and writes the differences into the open report; false when nothing was shown. */
  async function compareWith(
    read: () => Promise<Outcome<{ report: ReportPayload; name: string }>>
  ): Promise<boolean> {
    const view = report.getView()
    if (!view) return false
    if (trackedChanges(view.state.doc).length > 0) {
      ui.notify('error', t('compare.pendingSuggestions'))
      return false
    }
    const outcome = await read()
    if (!outcome.ok) {
      if (outcome.reason !== 'cancelled')
        ui.notify('error', t('compare.failed', { message: outcome.message }))
      return false
    }
    let older
    try {
      older = reportFromJSON(outcome.report)
    } catch (error) {
      ui.notify('error', t('compare.failed', { message: messageOf(error) }))
      return false
    }
    // The report may have changed while the file was read: compare with the document as it is now.
    const current = report.getView()?.state.doc
    if (!current) return false
    const merged = compareReports(older.doc, current)
    const { insertions, deletions, moves } = reviewSummary(merged).trackedChanges
    if (insertions + deletions + moves === 0) {
      ui.notify('info', t('compare.none', { name: outcome.name }))
      return false
    }
    const show: Command = (state, dispatch) => {
      // The comparison's marks are the suggestions already: tracking must not record them again.
      const tr = state.tr.replaceWith(0, state.doc.content.size, merged.content)
      dispatch?.(tr.setMeta(SKIP_TRACKING, true).scrollIntoView())
      return true
    }
    report.run(show)
    ui.notify('info', t('compare.shown', { name: outcome.name, insertions, deletions, moves }))
    return true
  }

  /** Compares the open report with one of its kept versions. */
  function compareWithVersion(versionId: string): Promise<boolean> {
    const path = report.path
    if (!path) return Promise.resolve(false)
    return compareWith(() => api.readForComparison({ path, versionId }))
  }

  /** Asks for a report or Word file and compares the open report with it. */
  function compareWithFile(): Promise<boolean> {
    return compareWith(() => api.readForComparison(null))
  }

  return { compareWithVersion, compareWithFile }
})
