import { hasNativeMenus, useApi } from '../api'
import type { NoticeAction } from '../stores/ui'

/**
 * The buttons of the "Exported to …" notice: open the .docx in Word, or show
 * it in its folder. Only the desktop app has them (a browser cannot open a
 * file on the user's disk); the host answers only for the file it just wrote.
 */
export function exportActions(
  path: string,
  t: (key: string) => string,
  failed: (message: string) => void
): NoticeAction[] {
  if (!hasNativeMenus()) return []
  const api = useApi()
  const reveal = (how: 'open' | 'folder') => async (): Promise<void> => {
    const shown = await api.revealExport(path, how).catch(() => false)
    if (!shown) failed(t('exportReveal.failed'))
  }
  return [
    { id: 'open-export', label: t('exportReveal.open'), run: reveal('open') },
    { id: 'show-export', label: t('exportReveal.folder'), run: reveal('folder') }
  ]
}
