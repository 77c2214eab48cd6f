import { promises as nodeFs } from 'node:fs'
import { createHash } from 'node:crypto'

/**
 * The file-system calls the services make, as one injectable object. The app
 * passes Node's own `fs.promises`; tests pass a wrapper that fails chosen calls
 * (ENOSPC, EACCES, EROFS, ENOENT, ENAMETOOLONG…) to prove that no fault damages
 * a file that was on disk before.
 */

/** The part of an open file handle the services use. */
export interface FileHandleLike {
  writeFile(data: string | Uint8Array): Promise<void>
  /** Writes `data` at `position` without truncating (a lock's heartbeat); optional for test doubles. */
  write?(data: Uint8Array, offset: number, length?: number, position?: number): Promise<unknown>
  /** Writes the pieces in order (a save's bytes in parts); optional for test doubles. */
  writev?(buffers: Uint8Array[]): Promise<{ bytesWritten: number }>
  /** Reads into `buffer` (a save reading the file it replaces); optional for test doubles. */
  read?(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number
  ): Promise<{ bytesRead: number }>
  sync(): Promise<void>
  close(): Promise<void>
}

/** The part of a `stat` result the services use. */
export interface StatLike {
  size: number
  mtimeMs: number
  /** Permission bits and file type. */
  mode: number
  /** How many names (hard links) the file has. */
  nlink: number
  isFile(): boolean
  isDirectory(): boolean
  isSymbolicLink(): boolean
}

/** The file-system operations every service goes through. */
export interface FileSystem {
  readFile(path: string): Promise<Buffer>
  open(path: string, flags: string, mode?: number): Promise<FileHandleLike>
  rename(from: string, to: string): Promise<void>
  rm(path: string, options?: { force?: boolean; recursive?: boolean }): Promise<void>
  mkdir(path: string, options: { recursive: true }): Promise<string | undefined>
  readdir(path: string): Promise<string[]>
  stat(path: string): Promise<StatLike>
  lstat(path: string): Promise<StatLike>
  realpath(path: string): Promise<string>
  chmod(path: string, mode: number): Promise<void>
  utimes(path: string, atime: number | Date, mtime: number | Date): Promise<void>
  /** Gives the file at `existing` a second name (a hard link); optional for test doubles. */
  link?(existing: string, newPath: string): Promise<void>
}

/** The real file system (Node's `fs.promises`). */
export const nodeFileSystem: FileSystem = {
  readFile: (path) => nodeFs.readFile(path),
  open: (path, flags, mode) => nodeFs.open(path, flags, mode),
  rename: (from, to) => nodeFs.rename(from, to),
  rm: (path, options) => nodeFs.rm(path, options),
  mkdir: (path, options) => nodeFs.mkdir(path, options),
  readdir: (path) => nodeFs.readdir(path),
  stat: (path) => nodeFs.stat(path),
  lstat: (path) => nodeFs.lstat(path),
  realpath: (path) => nodeFs.realpath(path),
  chmod: (path, mode) => nodeFs.chmod(path, mode),
  utimes: (path, atime, mtime) => nodeFs.utimes(path, atime, mtime),
  link: (existing, newPath) => nodeFs.link(existing, newPath)
}

/** The error code for a path that names a device, a pipe or a socket instead of a file. */
export const NOT_A_FILE = 'ENOTREGULAR'

/**
 * Reads a file the user named, checking first that it is an ordinary file of
 * at most `maxBytes`: a FIFO or a device (`/dev/zero`) claims size 0, and
 * reading one would wait forever or fill memory. Throws an errno-style error
 * (`EISDIR`, `ENOTREGULAR`, `EFBIG`) that `describeFsError` puts in words.
 */
export async function readRegularFile(
  fs: FileSystem,
  path: string,
  maxBytes: number
): Promise<Buffer> {
  await statRegularFile(fs, path, maxBytes)
  return fs.readFile(path)
}

/** The checks of `readRegularFile` without the read: the file's stat, or the error it throws. */
export async function statRegularFile(
  fs: FileSystem,
  path: string,
  maxBytes: number
): Promise<StatLike> {
  const stat = await fs.stat(path)
  if (stat.isDirectory()) throw fsError('EISDIR', path)
  if (!stat.isFile()) throw fsError(NOT_A_FILE, path)
  if (stat.size > maxBytes) throw Object.assign(fsError('EFBIG', path), { maxBytes })
  return stat
}

/** Whether `path` is an ordinary file (not missing, not a folder, device, pipe or socket). */
export async function isRegularFile(fs: FileSystem, path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isFile()
  } catch {
    return false
  }
}

function fsError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path}`), { code, path })
}

/** Longest file name (bytes) that every file system the app runs on accepts. */
export const MAX_NAME_BYTES = 255

/**
 * A file's name shortened so that `reserve` more bytes fit after it (a
 * temporary file's or a lock's suffix) within `MAX_NAME_BYTES`: names that
 * fit are kept, longer ones cut at a character boundary and followed by a
 * hash of the whole name, so each file still gets its own, stable name.
 */
export function nameWithin(name: string, reserve: number): string {
  if (Buffer.byteLength(name) + reserve <= MAX_NAME_BYTES) return name
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8)
  const room = MAX_NAME_BYTES - reserve - hash.length - 1
  let cut = ''
  let bytes = 0
  for (const character of name) {
    const size = Buffer.byteLength(character)
    if (bytes + size > room) break
    cut += character
    bytes += size
  }
  return `${cut}~${hash}`
}

/**
 * The file a save of `path` really writes: a symbolic link is followed to its
 * target (replacing the link with a plain file would leave the real file
 * holding the old text). A path that does not exist yet is itself.
 */
export async function realTarget(fs: FileSystem, path: string): Promise<string> {
  try {
    return await fs.realpath(path)
  } catch (error) {
    if (isMissing(error)) return path
    throw error
  }
}

/** Whether an error is the file system saying "no such file or folder". */
export function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
}
