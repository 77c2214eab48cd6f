import { join } from 'node:path'
import { z } from 'zod'
import { isMissing, nodeFileSystem, type FileSystem } from './fs-layer'

/**
 * Where an office's update feed is (`<userData>/update-feed.json`, written by
 * IT or by hand). Without it, or with `feedUrl` empty, the app never looks for
 * updates and never contacts any server. A feed is an electron-builder
 * "generic" folder (latest.yml and the installers) on an intranet or website.
 */

/** The file's name in the user-data folder. */
export const UPDATE_SETTINGS_FILE = 'update-feed.json'

/** The update feed settings. */
export interface UpdateSettings {
  /** The feed folder's http(s) address, or null: updates off. */
  feedUrl: string | null
  /** Look for an update once at start (otherwise only on Help › Check for Updates…). */
  checkOnStart: boolean
}

/** Updates off: what a fresh install has. */
export const UPDATES_OFF: UpdateSettings = { feedUrl: null, checkOnStart: false }

const feedUrl = z
  .string()
  .max(2_000)
  .refine((value) => {
    try {
      const url = new URL(value)
      return (
        (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password
      )
    } catch {
      return false
    }
  }, 'must be an http or https address without a user name or password')

const schema = z.object({
  feedUrl: z.union([feedUrl, z.literal(''), z.null()]).default(null),
  checkOnStart: z.boolean().default(false)
})

/**
 * Reads the update settings. A missing file means updates off; a file that
 * is not valid also means updates off, with the problem named for the log.
 */
export async function readUpdateSettings(
  folder: string,
  options: { fs?: FileSystem; warn?: (message: string) => void } = {}
): Promise<UpdateSettings> {
  const fs = options.fs ?? nodeFileSystem
  const file = join(folder, UPDATE_SETTINGS_FILE)
  let text: string
  try {
    text = (await fs.readFile(file)).toString('utf8')
  } catch (error) {
    if (!isMissing(error)) options.warn?.(`Could not read ${file}: ${String(error)}`)
    return { ...UPDATES_OFF }
  }
  try {
    const parsed = schema.parse(JSON.parse(text))
    return { feedUrl: parsed.feedUrl || null, checkOnStart: parsed.checkOnStart }
  } catch (error) {
    const reason =
      error instanceof z.ZodError
        ? error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
        : String(error)
    options.warn?.(`Updates stay off: ${file} is not valid (${reason}).`)
    return { ...UPDATES_OFF }
  }
}
