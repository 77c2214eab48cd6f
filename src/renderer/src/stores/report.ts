import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { useApi } from '../api'
import { useSettingsStore } from './settings'
import { useUiStore } from './ui'
import { t } from '../i18n'
import { createDocumentSession, messageOf } from './report/document'
import { createFileActions, type Busy } from './report/file-actions'
import { createRecovery } from './report/recovery'
import { createExport } from './report/export'

export { baseName, messageOf, SETTLE_MS } from './report/document'
export { RECOVERY_MAX_MS, RECOVERY_QUIET_MS } from './report/recovery'

/**
 * The open report, as one store for the components: the document session
 * (`report/document.ts`: editor state, metadata, dirty state, the view
 * registry), its file actions (`report/file-actions.ts`), recovery copies
 * (`report/recovery.ts`) and export (`report/export.ts`). One document per window.
 */
export const useReportStore = defineStore('report', () => {
  const api = useApi()
  const ui = useUiStore()
  const settingsStore = useSettingsStore()
  const busy = ref<Busy>(null)

  const document = createDocumentSession({
    changed: (first) => {
      if (first) publishWindowState()
      recovery.changed()
    }
  })

  function sendWindowState(): Promise<void> {
    return api.setWindowState({
      // The bare title: the window adds the product name itself.
      title: document.title.value,
      dirty: document.dirty.value
    })
  }
  function publishWindowState(): void {
    // A refused state would leave the window closing without asking about unsaved work: say so.
    sendWindowState().catch((error: unknown) =>
      ui.notify('error', t('notice.windowStateFailed', { message: messageOf(error) }))
    )
  }
  // The title follows the masthead, which undo and redo change too.
  watch(document.title, publishWindowState)

  const recovery = createRecovery(document, {
    api,
    notifyError: (message) => ui.notify('error', message),
    autosaveToFile: async () => {
      if (settingsStore.settings.autosaveToFile && document.path.value && document.dirty.value)
        await files.save()
    }
  })
  const files = createFileActions(document, {
    api,
    ui,
    recovery,
    busy,
    publishWindowState,
    sendWindowState
  })
  const { exportDocx } = createExport(document, {
    api,
    ui,
    setBusy: (value) => (busy.value = value)
  })

  return {
    ...document,
    ...files,
    busy,
    exportDocx,
    /** Writes any pending recovery copy now. */
    flushRecovery: recovery.flush
  }
})
