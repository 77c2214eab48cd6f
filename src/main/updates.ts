import type { Dialog } from 'electron'
import { UPDATE_SETTINGS_FILE, type UpdateSettings } from '../services/update-settings'

/**
 * "Check for Updates…": off until an office sets an update feed
 * (`update-feed.json`, see services/update-settings.ts), then electron-updater
 * with a generic provider pointed at that feed only. Nothing is downloaded
 * without asking; electron-updater itself is loaded only once a feed is set,
 * so an unconfigured app never contacts any server.
 */

/** The part of electron-updater's `AppUpdater` the checker uses. */
export interface Updater {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  setFeedURL(options: { provider: 'generic'; url: string }): void
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: { version: string } } | null>
  downloadUpdate(): Promise<unknown>
  quitAndInstall(): void
}

/** The questions and notices of an update check. */
export interface UpdatePrompts {
  /** Updates are off (interactive checks only). */
  notConfigured(): Promise<void>
  upToDate(currentVersion: string): Promise<void>
  /** Version `version` is on the feed: download it? */
  offerDownload(version: string): Promise<boolean>
  /** Downloaded: restart now to install (otherwise it installs on quit)? */
  offerRestart(version: string): Promise<boolean>
  failed(message: string): Promise<void>
}

/** What the checker needs from the shell. */
export interface UpdateCheckerOptions {
  currentVersion: string
  readSettings(): Promise<UpdateSettings>
  /** Loads electron-updater (only ever called once a feed is set). */
  loadUpdater(): Promise<Updater>
  prompts: UpdatePrompts
}

/** How a check ended. */
export type UpdateCheckOutcome =
  'not-configured' | 'up-to-date' | 'declined' | 'downloaded' | 'restarting' | 'failed'

/** Checks the office's update feed, on request or (if the office asks for it) at start. */
export class UpdateChecker {
  private updater: Updater | null = null
  private running: Promise<UpdateCheckOutcome> | null = null

  constructor(private readonly options: UpdateCheckerOptions) {}

  /** Help › Check for Updates…: tells the user the outcome, whatever it is. */
  checkNow(): Promise<UpdateCheckOutcome> {
    this.running ??= this.check(true).finally(() => (this.running = null))
    return this.running
  }

  /** At start: only if a feed is set and `checkOnStart` is on; silent unless there is an update. */
  async checkAtStart(): Promise<UpdateCheckOutcome> {
    const settings = await this.options.readSettings()
    if (!settings.feedUrl || !settings.checkOnStart) return 'not-configured'
    this.running ??= this.check(false).finally(() => (this.running = null))
    return this.running
  }

  private async check(interactive: boolean): Promise<UpdateCheckOutcome> {
    const { prompts } = this.options
    const settings = await this.options.readSettings()
    if (!settings.feedUrl) {
      if (interactive) await prompts.notConfigured()
      return 'not-configured'
    }
    try {
      const updater = (this.updater ??= await this.options.loadUpdater())
      updater.autoDownload = false
      updater.autoInstallOnAppQuit = true
      updater.setFeedURL({ provider: 'generic', url: settings.feedUrl })
      const result = await updater.checkForUpdates()
      // electron-updater compares versions: only a newer one on the feed is an update.
      const version = result?.isUpdateAvailable ? result.updateInfo.version : null
      if (!version) {
        if (interactive) await prompts.upToDate(this.options.currentVersion)
        return 'up-to-date'
      }
      if (!(await prompts.offerDownload(version))) return 'declined'
      await updater.downloadUpdate()
      if (!(await prompts.offerRestart(version))) return 'downloaded'
      updater.quitAndInstall()
      return 'restarting'
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (interactive) await prompts.failed(message)
      return 'failed'
    }
  }
}

/** The update prompts as native message boxes. */
export function dialogPrompts(dialog: Pick<Dialog, 'showMessageBox'>): UpdatePrompts {
  const tell = async (message: string, detail?: string): Promise<void> => {
    await dialog.showMessageBox({ type: 'info', buttons: ['OK'], noLink: true, message, detail })
  }
  const ask = async (message: string, yes: string, no: string): Promise<boolean> => {
    const { response } = await dialog.showMessageBox({
      type: 'question',
      buttons: [yes, no],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
      message
    })
    return response === 0
  }
  return {
    notConfigured: () =>
      tell(
        'Updates are not set up.',
        `Rapporteur looks for updates only on a feed your office sets (${UPDATE_SETTINGS_FILE} in the app's data folder); until then it never contacts any server.`
      ),
    upToDate: (version) => tell(`Rapporteur ${version} is the latest version.`),
    offerDownload: (version) =>
      ask(`Rapporteur ${version} is available. Download it now?`, 'Download', 'Later'),
    offerRestart: (version) =>
      ask(
        `Rapporteur ${version} is ready to install. Restart now? (Otherwise it installs when you quit.)`,
        'Restart',
        'Later'
      ),
    failed: (message) => tell('Could not check for updates.', message)
  }
}
