import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { RecentFile } from '@shared/contract'
import { useApi } from '../api'
import { t } from '../i18n'
import { messageOf, useReportStore } from './report'
import { useUiStore } from './ui'

/**
 * The recent-files list as the page shows it. The host keeps the list (it adds
 * a report when it opened or saved it); the page reads it, opens from it and
 * removes entries, and can name no file that is not on it.
 */
export const useRecentStore = defineStore('recent', () => {
  const api = useApi()
  const report = useReportStore()
  const ui = useUiStore()
  const files = ref<RecentFile[]>([])

  /** Reads the list again (each file checked for being still there). */
  async function refresh(): Promise<void> {
    try {
      files.value = await api.listRecentFiles()
    } catch (error) {
      ui.notify('error', messageOf(error))
    }
  }

  /** Opens a report from the list, after asking about unsaved changes. */
  async function open(path: string): Promise<boolean> {
    if (!(await report.confirmDiscard())) return false
    try {
      const outcome = await api.openRecentFile(path)
      if (!outcome.ok) {
        if (outcome.reason !== 'cancelled') ui.notify('error', outcome.message)
        return false
      }
      return await report.loadOpened(outcome.opened)
    } catch (error) {
      ui.notify('error', t('notice.cannotOpen', { message: messageOf(error) }))
      return false
    } finally {
      void refresh()
    }
  }

  /** Takes one report off the list. */
  async function remove(path: string): Promise<void> {
    await api.forgetRecentFile(path).catch((error) => ui.notify('error', messageOf(error)))
    await refresh()
  }

  /** Empties the list. */
  async function clear(): Promise<void> {
    await api.clearRecentFiles().catch((error) => ui.notify('error', messageOf(error)))
    await refresh()
  }

  return { files, refresh, open, remove, clear }
})
