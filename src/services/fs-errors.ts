/**
 * Plain words for file-system faults, shared by the app's services and the
 * `rapporteur` CLI so a full disk reads the same everywhere.
 */

/** A person's words for a file-system error code (e.g. ENOSPC → "the disk is full"). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder'
    case 'ENOTDIR':
      return 'a part of the path is not a folder'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'it is a folder, not a file'
    case 'EREADONLY':
      return 'the file is read-only (its permissions protect it from changes)'
    case 'ENOTREGULAR':
      return 'it is not an ordinary file (a device, a pipe or a socket)'
    case 'EFBIG': {
      const maxBytes = (error as { maxBytes?: number }).maxBytes
      return maxBytes
        ? `it is too large (the limit is ${Math.round(maxBytes / 1024 / 1024)} MB)`
        : 'it is too large'
    }
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full'
    case 'EROFS':
      return 'the disk is read-only'
    case 'ENAMETOOLONG':
      return 'the path is too long'
    case 'EBUSY':
      return 'the file is in use by another program'
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open'
    case 'EIO':
      return 'the disk could not be read or written (input/output error)'
    default:
      return error instanceof Error ? error.message : String(error)
  }
}

/** What to tell the user when a file cannot be written, with a hint where one helps. */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const words = describeFsError(error)
  switch (code) {
    case 'EBUSY':
    case 'EPERM':
      return `${words} — if the file is open in another program (such as Word), close it there and try again`
    case 'ENOSPC':
    case 'EDQUOT':
      return `${words} — free some space or save to another place`
    case 'EROFS':
    case 'EACCES':
      return `${words} — save to another folder with “Save As…”`
    case 'EREADONLY':
      return `${words} — make it writable first, or save a copy with “Save As…”`
    case 'ENOENT':
      return `${words} — the folder may have been moved, deleted or disconnected; save to another place with “Save As…”`
    case 'ENAMETOOLONG':
      return `${words} — choose a shorter name or a folder nearer the top of the disk`
    default:
      return words
  }
}
