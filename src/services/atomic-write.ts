import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { nodeFileSystem, type FileHandleLike, type FileSystem } from './fs-layer'

/** Marks the temporary files `writeFileAtomic` leaves behind only when killed midway. */
export const TEMPORARY_SUFFIX = '.tmp'

/**
 * Writes a file so that, whatever happens midway (a crash, a full disk, a
 * kill), the path holds either the complete old content or the complete new
 * content: write a temporary file in the same folder, fsync it, rename it over
 * the target, then fsync the folder so the rename itself is durable.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  fs: FileSystem = nodeFileSystem
): Promise<void> {
  const folder = dirname(path)
  // Same folder, so the rename never crosses file systems; a dot name keeps sync clients quiet.
  const temporary = join(
    folder,
    `.${basename(path)}.${randomBytes(6).toString('hex')}${TEMPORARY_SUFFIX}`
  )
  let handle: FileHandleLike | undefined
  try {
    handle = await fs.open(temporary, 'wx', 0o644)
    await handle.writeFile(data)
    await handle.sync()
    await handle.close()
    handle = undefined
    await fs.rename(temporary, path)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await fs.rm(temporary, { force: true }).catch(() => undefined)
    throw error
  }
  // The new content is in place once the rename returns; a folder that cannot be fsynced
  // (some network shares) must not turn a completed save into a reported failure.
  await syncFolder(folder, fs).catch(() => undefined)
}

async function syncFolder(folder: string, fs: FileSystem): Promise<void> {
  // Windows cannot open a folder for fsync; there the rename is as durable as it gets.
  if (process.platform === 'win32') return
  const handle = await fs.open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Removes the temporary files that earlier writes of `path` left when they
 * were killed midway (a crash, a power cut). Call it only while no other write
 * of `path` can be running (the file store holds its save lock). Never throws:
 * tidying up must not fail a save. Returns how many it removed.
 */
export async function removeLeftoverTemporaries(
  path: string,
  fs: FileSystem = nodeFileSystem
): Promise<number> {
  const folder = dirname(path)
  const prefix = `.${basename(path)}.`
  let removed = 0
  try {
    for (const name of await fs.readdir(folder)) {
      const rest = name.slice(prefix.length)
      if (!name.startsWith(prefix) || !/^[0-9a-f]{12}\.tmp$/.test(rest)) continue
      await fs.rm(join(folder, name), { force: true })
      removed++
    }
  } catch {
    // An unreadable folder or a file in use: the leftovers wait for the next save.
  }
  return removed
}
