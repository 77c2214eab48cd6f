import { createHash } from 'node:crypto'

/**
 * A short, stable fingerprint of a file's bytes: the `diskVersion` the renderer
 * holds, so a later save or a file watcher can tell whether the file on disk is
 * still the one it read or wrote. Content-based, because modification times
 * are coarse on some file systems and sync clients rewrite them.
 */
export function fingerprint(bytes: string | Uint8Array): string {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32)
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength
  return `${size}-${hash}`
}
