import { createHash } from 'node:crypto'
import { isByteParts, type FileContent } from './byte-parts'

/**
 * A short, stable fingerprint of a file's bytes: the `diskVersion` the renderer
 * holds, so a later save or a file watcher can tell whether the file on disk is
 * still the one it read or wrote. Content-based, because modification times
 * are coarse on some file systems and sync clients rewrite them. Bytes given
 * in pieces are hashed piece by piece, to the same fingerprint.
 */
export function fingerprint(content: FileContent): string {
  const hash = createHash('sha256')
  let size = 0
  if (typeof content === 'string') {
    hash.update(content)
    size = Buffer.byteLength(content)
  } else if (isByteParts(content)) {
    for (const part of content) {
      hash.update(part)
      size += part.byteLength
    }
  } else {
    hash.update(content)
    size = content.byteLength
  }
  return `${size}-${hash.digest('hex').slice(0, 32)}`
}
