import type { Dialog } from 'electron'
import type { QuitChoice } from './windows'

/**
 * The one question asked when the app quits with unsaved reports, whatever
 * the number of windows: save them all, drop them all, or keep working.
 */
export async function askBeforeQuit(
  dialog: Pick<Dialog, 'showMessageBox'>,
  titles: string[]
): Promise<QuitChoice> {
  const many = titles.length > 1
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    buttons: [many ? 'Save All' : 'Save', 'Don’t Save', 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    message: many
      ? `You have unsaved changes in ${titles.length} reports. Do you want to save them before quitting?`
      : `Do you want to save the changes you made to “${titles[0]}” before quitting?`,
    detail: `${many ? titles.map((title) => `• ${title}`).join('\n') + '\n\n' : ''}Your changes will be lost if you don’t save them.`
  })
  return (['save', 'discard', 'cancel'] as const)[response] ?? 'cancel'
}
