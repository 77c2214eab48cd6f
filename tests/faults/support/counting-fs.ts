import {
  nodeFileSystem,
  type FileHandleLike,
  type FileSystem
} from '../../../src/services/fs-layer'

/**
 * The real file system with a fault at one chosen call: every call the
 * services make (including writes, fsyncs and closes on open handles) is
 * counted, and the `failAt`-th one throws an errno error instead of running.
 * A failing write first writes half its data, as a disk that fills up does.
 * Counting one fault-free run first tells how many places a fault can hit.
 */

/** One call the services made. */
export interface FsCall {
  operation: string
  path: string
}

/** An errno-style error as Node's fs raises it. */
export function errnoError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated fault, ${syscall} '${path}'`), {
    code,
    syscall,
    path
  })
}

/** A counting file system; `failAt` 0 never fails. */
export function countingFileSystem(
  failAt: number,
  code: string
): { fs: FileSystem; calls: FsCall[] } {
  const calls: FsCall[] = []
  const step = (operation: string, path: string): void => {
    calls.push({ operation, path })
    if (calls.length === failAt) throw errnoError(code, operation, path)
  }
  const wrapHandle = (handle: FileHandleLike, path: string): FileHandleLike => ({
    async writeFile(data) {
      if (calls.length + 1 === failAt) {
        const half =
          typeof data === 'string'
            ? data.slice(0, data.length >> 1)
            : data.subarray(0, data.byteLength >> 1)
        await handle.writeFile(half)
      }
      step('write', path)
      return handle.writeFile(data)
    },
    async writev(buffers) {
      if (calls.length + 1 === failAt) {
        const joined = Buffer.concat(buffers)
        await handle.writeFile(joined.subarray(0, joined.byteLength >> 1))
      }
      step('write', path)
      return handle.writev!(buffers)
    },
    async read(buffer, offset, length, position) {
      step('read', path)
      return handle.read!(buffer, offset, length, position)
    },
    async sync() {
      step('fsync', path)
      return handle.sync()
    },
    async close() {
      // A close that reports an error still releases the descriptor (POSIX close semantics).
      if (calls.length + 1 === failAt) await handle.close()
      step('close', path)
      return handle.close()
    }
  })
  const fs: FileSystem = {
    async readFile(path) {
      step('readFile', path)
      return nodeFileSystem.readFile(path)
    },
    async open(path, flags, mode) {
      step(`open(${flags})`, path)
      return wrapHandle(await nodeFileSystem.open(path, flags, mode), path)
    },
    async lstat(path) {
      step('lstat', path)
      return nodeFileSystem.lstat(path)
    },
    async realpath(path) {
      step('realpath', path)
      return nodeFileSystem.realpath(path)
    },
    async chmod(path, mode) {
      step('chmod', path)
      return nodeFileSystem.chmod(path, mode)
    },
    async rename(from, to) {
      step('rename', to)
      return nodeFileSystem.rename(from, to)
    },
    async rm(path, options) {
      step('rm', path)
      return nodeFileSystem.rm(path, options)
    },
    async mkdir(path, options) {
      step('mkdir', path)
      return nodeFileSystem.mkdir(path, options)
    },
    async readdir(path) {
      step('readdir', path)
      return nodeFileSystem.readdir(path)
    },
    async stat(path) {
      step('stat', path)
      return nodeFileSystem.stat(path)
    },
    async utimes(path, atime, mtime) {
      step('utimes', path)
      return nodeFileSystem.utimes(path, atime, mtime)
    },
    async link(existing, newPath) {
      step('link', newPath)
      return nodeFileSystem.link!(existing, newPath)
    }
  }
  return { fs, calls }
}
