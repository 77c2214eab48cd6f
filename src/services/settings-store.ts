import { join } from 'node:path'
import { appSettingsSchema, uiLanguageFor, type AppSettings } from '@shared/contract'
import { writeFileAtomic } from './atomic-write'
import { nodeFileSystem, isMissing, type FileSystem } from './fs-layer'
import { DEFAULT_VERSIONS_KEPT } from './version-store'

/**
 * The app's own settings (`AppSettings`: UI language, autosave-to-file, how
 * many versions to keep) in `<userData>/settings.json`. A missing or damaged
 * file gives the defaults field by field; it never stops the app starting.
 */

/** Settings of a first start: the interface speaks the OS's language when it is one of the six. */
export function defaultAppSettings(locale?: string): AppSettings {
  return {
    uiLanguage: uiLanguageFor(locale),
    autosaveToFile: false,
    versionsKept: DEFAULT_VERSIONS_KEPT
  }
}

/** Options of `SettingsStore`. */
export interface SettingsStoreOptions {
  /** Normally `<userData>`. */
  folder: string
  fs?: FileSystem
  warn?: (message: string) => void
  /** The OS locale ("fr-FR"), for the first start's interface language. */
  locale?: string
}

/** Reads and writes the app settings, keeping the current value in memory. */
export class SettingsStore {
  private readonly fs: FileSystem
  private current: AppSettings | null = null

  constructor(private readonly options: SettingsStoreOptions) {
    this.fs = options.fs ?? nodeFileSystem
  }

  /** The settings file. */
  get file(): string {
    return join(this.options.folder, 'settings.json')
  }

  /** The settings (read once, then from memory). */
  async get(): Promise<AppSettings> {
    this.current ??= await this.read()
    return { ...this.current }
  }

  /** The settings as last read or written, without touching the disk (defaults before the first read). */
  peek(): AppSettings {
    return { ...(this.current ?? defaultAppSettings(this.options.locale)) }
  }

  /** Validates and stores new settings. */
  async set(settings: AppSettings): Promise<void> {
    const valid = appSettingsSchema.parse(settings)
    await this.fs.mkdir(this.options.folder, { recursive: true })
    await writeFileAtomic(this.file, JSON.stringify(valid, null, 1) + '\n', this.fs)
    this.current = valid
  }

  /** The settings read again from the file (another window may have changed them). */
  async reload(): Promise<AppSettings> {
    this.current = await this.read()
    return { ...this.current }
  }

  /**
   * Reads the file again and stores `change` of it: another window of the app
   * may have written since this one last read, and its change must not be lost.
   */
  async update(change: (settings: AppSettings) => AppSettings): Promise<AppSettings> {
    const read = await this.read()
    const next = change(read)
    // Unchanged (the report saved is already first among the recent files): nothing to write,
    // so a save does not also rewrite and fsync the settings file every time.
    if (JSON.stringify(next) === JSON.stringify(read)) this.current = read
    else await this.set(next)
    return { ...next }
  }

  private async read(): Promise<AppSettings> {
    const defaults = defaultAppSettings(this.options.locale)
    let json: unknown
    try {
      json = JSON.parse((await this.fs.readFile(this.file)).toString('utf8'))
    } catch (error) {
      if (!isMissing(error))
        this.options.warn?.(
          `The settings file is damaged; using the defaults (${(error as Error).message}).`
        )
      return defaults
    }
    if (typeof json !== 'object' || json === null) return defaults
    // Keep every field that is still valid, so one bad value does not reset the others.
    const fields = appSettingsSchema.shape
    const merged: Record<string, unknown> = { ...defaults }
    for (const key of Object.keys(fields) as Array<keyof AppSettings>) {
      const value = (json as Record<string, unknown>)[key]
      if (fields[key].safeParse(value).success) merged[key] = value
    }
    return appSettingsSchema.parse(merged)
  }
}
