import type { Dialog } from 'electron'
import { APP_NAME } from './window'

/**
 * Help › About Rapporteur: the app's version and licence, and the versions of
 * Electron, Chromium and Node.js it runs on (what a support request needs).
 */

/** The licence the app is distributed under (as in package.json). */
export const APP_LICENCE = 'MIT'

/** What the About box shows. */
export interface AboutInfo {
  version: string
  /** `process.versions` of the main process. */
  versions: Partial<Record<'electron' | 'chrome' | 'node' | 'v8', string>>
}

/** The About text: a headline and the lines below it. */
export function aboutText(info: AboutInfo): { message: string; detail: string } {
  const { versions } = info
  return {
    message: `${APP_NAME} ${info.version}`,
    detail: [
      'Drafts UN meeting reports and exports the official Word document.',
      `Licence: ${APP_LICENCE}`,
      '',
      `Electron ${versions.electron ?? '?'}`,
      `Chromium ${versions.chrome ?? '?'}`,
      `Node.js ${versions.node ?? '?'}`,
      `V8 ${versions.v8 ?? '?'}`
    ].join('\n')
  }
}

/** Shows the About box (a native dialog: nothing to load, nothing to secure). */
export async function showAbout(
  dialog: Pick<Dialog, 'showMessageBox'>,
  info: AboutInfo
): Promise<void> {
  await dialog.showMessageBox({ type: 'info', buttons: ['OK'], noLink: true, ...aboutText(info) })
}
