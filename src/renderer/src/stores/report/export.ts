import type { RapporteurApi } from '@shared/contract'
import { t } from '../../i18n'
import { exportActions } from '../../lib/export-actions'
import type { useUiStore } from '../ui'
import { baseName, messageOf, type DocumentSession } from './document'

/** What export needs besides the document. */
export interface ExportDependencies {
  api: RapporteurApi
  ui: ReturnType<typeof useUiStore>
  /** Marks the window busy while the host works (null when done). */
  setBusy(busy: 'exporting' | null): void
}

/** Export to Word: the host asks where and converts in its worker; the window shows progress. */
export function createExport(document: DocumentSession, deps: ExportDependencies) {
  /** Writes the official .docx (the host asks where), showing progress and any error. */
  async function exportDocx(): Promise<boolean> {
    const report = document.payload()
    if (!report) return false
    const { ui } = deps
    deps.setBusy('exporting')
    const progress = ui.notify('progress', t('notice.exporting'))
    try {
      const path = document.path.value
      const stem = path ? baseName(path).replace(/\.rapporteur$/i, '') : document.title.value
      const outcome = await deps.api.exportDocx({
        report,
        suggestedName: `${stem.replace(/[\\/:*?"<>|]+/g, '_').slice(0, 200)}.docx`
      })
      if (outcome.ok)
        ui.notify(
          'info',
          t('notice.exported', { path: outcome.path }),
          exportActions(outcome.path, t, (message) => ui.notify('error', message))
        )
      else if (outcome.reason !== 'cancelled')
        ui.notify('error', t('notice.exportFailed', { message: outcome.message }))
      return outcome.ok
    } catch (error) {
      ui.notify('error', t('notice.exportFailed', { message: messageOf(error) }))
      return false
    } finally {
      ui.dismiss(progress)
      deps.setBusy(null)
    }
  }

  return { exportDocx }
}
