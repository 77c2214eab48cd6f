import { basename, extname, isAbsolute, resolve } from 'node:path'
import type { RecentFile } from '@shared/contract'
import { EXTENSION } from '@core/report-file'
import { isRegularFile, type FileSystem } from './fs-layer'
import type { SettingsStore } from './settings-store'

/**
 * The recent-files list: reports opened or saved lately, newest first, kept
 * in the app settings. Only the host adds to it (after it opened or wrote the
 * file itself), so the page can name a file from this list without being able
 * to name just any path. Entries are checked on the way in and on the way out:
 * a hand-edited settings file cannot smuggle in a relative path or a non-report.
 */

/** How many reports the list keeps. */
export const MAX_RECENT_FILES = 10

/** Whether `path` may stand in the list: an absolute path to a `.rapporteur` file. */
export function isRecentFilePath(path: string): boolean {
  return (
    path.length > 0 &&
    path.length <= 4096 &&
    !path.includes('\0') &&
    isAbsolute(path) &&
    extname(path).toLowerCase() === `.${EXTENSION}`
  )
}

/** Reads and changes the recent-files list in the settings store. */
export class RecentFiles {
  constructor(
    private readonly settings: SettingsStore,
    private readonly fs: FileSystem,
    /** Called after the list changed (the desktop menu rebuilds its Open Recent submenu). */
    private readonly onChange: () => void = () => undefined
  ) {}

  /** The valid paths of the list as stored, newest first. */
  async paths(): Promise<string[]> {
    return validPaths((await this.settings.reload()).recentFiles)
  }

  /** The list with each file's name and whether it is still there. */
  async list(): Promise<RecentFile[]> {
    const paths = await this.paths()
    return Promise.all(
      paths.map(async (path) => ({
        path,
        name: basename(path),
        missing: !(await isRegularFile(this.fs, path).catch(() => false))
      }))
    )
  }

  /** Whether `path` is in the list. */
  async has(path: string): Promise<boolean> {
    return (await this.paths()).includes(resolve(path))
  }

  /** Puts a report the host just opened or saved at the top of the list. */
  async add(path: string): Promise<void> {
    const absolute = resolve(path)
    if (!isRecentFilePath(absolute)) return
    await this.change((paths) => [absolute, ...paths.filter((p) => p !== absolute)])
  }

  /** Takes one report off the list. */
  async remove(path: string): Promise<void> {
    const absolute = resolve(path)
    await this.change((paths) => paths.filter((p) => p !== absolute))
  }

  /** Empties the list. */
  async clear(): Promise<void> {
    await this.change(() => [])
  }

  private async change(edit: (paths: string[]) => string[]): Promise<void> {
    let changed = false
    await this.settings.update((settings) => {
      const before = validPaths(settings.recentFiles)
      const after = edit(before).slice(0, MAX_RECENT_FILES)
      changed = after.join('\0') !== before.join('\0')
      return { ...settings, recentFiles: after }
    })
    if (changed) this.onChange()
  }
}

function validPaths(paths: readonly string[] | undefined): string[] {
  const seen = new Set<string>()
  for (const path of paths ?? []) if (isRecentFilePath(path)) seen.add(resolve(path))
  return [...seen].slice(0, MAX_RECENT_FILES)
}
