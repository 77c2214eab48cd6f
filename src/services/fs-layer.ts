import { promises as nodeFs } from 'node:fs'

/**
 * The file-system calls the services make, as one injectable object. The app
 * passes Node's own `fs.promises`; tests pass a wrapper that fails chosen calls
 * (ENOSPC, EACCES, EROFS, ENOENT, ENAMETOOLONG…) to prove that no fault damages
 * a file that was on disk before.
 */

/** The part of an open file handle the services use. */
export interface FileHandleLike {
  writeFile(data: string | Uint8Array): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

/** The part of a `stat` result the services use. */
export interface StatLike {
  size: number
  mtimeMs: number
  isFile(): boolean
  isDirectory(): boolean
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
  utimes(path: string, atime: number | Date, mtime: number | Date): Promise<void>
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
  utimes: (path, atime, mtime) => nodeFs.utimes(path, atime, mtime)
}

/** Whether an error is the file system saying "no such file or folder". */
export function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
}
