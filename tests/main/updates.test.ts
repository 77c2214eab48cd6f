import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  UpdateChecker,
  type UpdateCheckerOptions,
  type Updater,
  type UpdatePrompts
} from '../../src/main/updates'
import {
  readUpdateSettings,
  UPDATE_SETTINGS_FILE,
  UPDATES_OFF,
  type UpdateSettings
} from '../../src/services/update-settings'
import { temporaryFolder } from './helpers'

/**
 * Updates are off until an office sets a feed; then the check goes to that
 * feed only (electron-updater, generic provider) and downloads nothing
 * without asking.
 */

/** An electron-updater stand-in that records what it is asked and finds `available` on the feed. */
function fakeUpdater(available: string | null) {
  const calls: string[] = []
  const updater: Updater & { feeds: unknown[] } = {
    autoDownload: true,
    autoInstallOnAppQuit: false,
    feeds: [],
    setFeedURL(options) {
      updater.feeds.push(options)
    },
    async checkForUpdates() {
      calls.push('check')
      return {
        isUpdateAvailable: available !== null,
        updateInfo: { version: available ?? '0.1.0' }
      }
    },
    async downloadUpdate() {
      calls.push('download')
    },
    quitAndInstall() {
      calls.push('install')
    }
  }
  return { updater, calls }
}

function prompts(answers: { download?: boolean; restart?: boolean } = {}) {
  const said: string[] = []
  const value: UpdatePrompts = {
    notConfigured: async () => void said.push('not-configured'),
    upToDate: async (version) => void said.push(`up-to-date ${version}`),
    offerDownload: async (version) => (said.push(`offer ${version}`), answers.download ?? false),
    offerRestart: async (version) => (said.push(`restart ${version}`), answers.restart ?? false),
    failed: async (message) => void said.push(`failed ${message}`)
  }
  return { value, said }
}

function checker(
  settings: UpdateSettings,
  updater: Updater,
  prompt: UpdatePrompts
): { checker: UpdateChecker; loads: () => number } {
  let loads = 0
  const options: UpdateCheckerOptions = {
    currentVersion: '0.1.0',
    readSettings: async () => settings,
    loadUpdater: async () => {
      loads++
      return updater
    },
    prompts: prompt
  }
  return { checker: new UpdateChecker(options), loads: () => loads }
}

describe('the update check', () => {
  it('without a feed never loads electron-updater, at start or on request', async () => {
    const { updater, calls } = fakeUpdater('9.9.9')
    const prompt = prompts()
    const subject = checker(UPDATES_OFF, updater, prompt.value)
    expect(await subject.checker.checkAtStart()).toBe('not-configured')
    expect(await subject.checker.checkNow()).toBe('not-configured')
    expect(subject.loads()).toBe(0)
    expect(calls).toEqual([])
    expect(prompt.said).toEqual(['not-configured'])
  })

  it('with a feed but checkOnStart off, does not check at start', async () => {
    const { updater, calls } = fakeUpdater('9.9.9')
    const feed = { feedUrl: 'https://intranet.example/rapporteur/', checkOnStart: false }
    const subject = checker(feed, updater, prompts().value)
    expect(await subject.checker.checkAtStart()).toBe('not-configured')
    expect(calls).toEqual([])
  })

  it('checks the office feed with the generic provider and downloads only when asked', async () => {
    const { updater, calls } = fakeUpdater('0.2.0')
    const prompt = prompts({ download: false })
    const feed = { feedUrl: 'https://intranet.example/rapporteur/', checkOnStart: true }
    const subject = checker(feed, updater, prompt.value)
    expect(await subject.checker.checkNow()).toBe('declined')
    expect(updater.feeds).toEqual([{ provider: 'generic', url: feed.feedUrl }])
    expect(updater.autoDownload).toBe(false)
    expect(calls).toEqual(['check'])
    expect(prompt.said).toEqual(['offer 0.2.0'])
  })

  it('downloads, then installs on restart if the user agrees', async () => {
    const { updater, calls } = fakeUpdater('0.2.0')
    const prompt = prompts({ download: true, restart: true })
    const feed = { feedUrl: 'https://intranet.example/rapporteur/', checkOnStart: true }
    expect(await checker(feed, updater, prompt.value).checker.checkAtStart()).toBe('restarting')
    expect(calls).toEqual(['check', 'download', 'install'])
  })

  it('says when the app is up to date, and names a failure', async () => {
    const feed = { feedUrl: 'https://intranet.example/rapporteur/', checkOnStart: false }
    const current = prompts()
    expect(await checker(feed, fakeUpdater(null).updater, current.value).checker.checkNow()).toBe(
      'up-to-date'
    )
    expect(current.said).toEqual(['up-to-date 0.1.0'])
    const broken = fakeUpdater('0.2.0').updater
    broken.checkForUpdates = async () => {
      throw new Error('net::ERR_NAME_NOT_RESOLVED')
    }
    const failing = prompts()
    expect(await checker(feed, broken, failing.value).checker.checkNow()).toBe('failed')
    expect(failing.said).toEqual(['failed net::ERR_NAME_NOT_RESOLVED'])
  })
})

describe('the update feed settings', () => {
  it('are off without a file, read from the file, and off (with a reason) for a bad one', async () => {
    const folder = await temporaryFolder('rapporteur-updates-')
    try {
      const warnings: string[] = []
      const read = () => readUpdateSettings(folder.path, { warn: (line) => warnings.push(line) })
      expect(await read()).toEqual(UPDATES_OFF)
      expect(warnings).toEqual([])
      await mkdir(folder.path, { recursive: true })
      const file = join(folder.path, UPDATE_SETTINGS_FILE)
      await writeFile(file, JSON.stringify({ feedUrl: 'https://intranet.example/rapporteur/' }))
      expect(await read()).toEqual({
        feedUrl: 'https://intranet.example/rapporteur/',
        checkOnStart: false
      })
      for (const bad of [
        { feedUrl: 'file:///etc/' },
        { feedUrl: 'https://user:secret@intranet.example/' },
        { feedUrl: 'https://intranet.example/', checkOnStart: 'yes' }
      ]) {
        await writeFile(file, JSON.stringify(bad))
        expect(await read()).toEqual(UPDATES_OFF)
      }
      await writeFile(file, '{ not json')
      expect(await read()).toEqual(UPDATES_OFF)
      expect(warnings).toHaveLength(4)
      expect(warnings[0]).toMatch(
        /Updates stay off: .*update-feed\.json is not valid \(feedUrl: must be an http or https address/
      )
    } finally {
      await folder.remove()
    }
  })
})
