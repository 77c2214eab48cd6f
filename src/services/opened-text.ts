import { createHash } from 'node:crypto'
import { setImmediate as nextTurn } from 'node:timers/promises'

/**
 * A report file's bytes on their way to the page, in parts. Whatever touches
 * all of a large file at once — decoding it, hashing it, copying it into one
 * IPC message — holds the host's thread for as long as that takes (a 50 MB
 * report: a few hundred milliseconds on a busy machine). So the host hashes
 * the bytes a part at a time, letting other work run in between, and decodes
 * each part only when the page asks for it.
 */

/** Bytes per part: small enough that decoding or copying one never holds the thread long. */
export const TEXT_PART_BYTES = 2 * 1024 * 1024

/** Bytes hashed per turn of the event loop (hashing runs at about 100 MB/s on a busy machine). */
const HASH_STEP_BYTES = 1024 * 1024

/** The parts `bytes` is handed over in (at least one, so an empty file still has its text). */
export function textPartCount(bytes: Uint8Array): number {
  return Math.max(1, Math.ceil(bytes.byteLength / TEXT_PART_BYTES))
}

/** Where part `index` starts: moved forward past continuation bytes, so no character is split. */
function partStart(bytes: Uint8Array, index: number): number {
  let start = Math.min(bytes.byteLength, index * TEXT_PART_BYTES)
  while (start < bytes.byteLength && (bytes[start] & 0xc0) === 0x80) start++
  return start
}

/**
 * The text of part `index` (UTF-8; the byte-order mark some Windows editors
 * write is left out). Joined in order, the parts are the whole file's text.
 */
export function textPart(bytes: Buffer, index: number): string {
  const text = bytes.toString('utf8', partStart(bytes, index), partStart(bytes, index + 1))
  return index === 0 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * The `fingerprint` of `bytes`, hashed a part at a time with a turn of the
 * event loop between parts.
 */
export async function fingerprintInParts(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256')
  for (let start = 0; start < bytes.byteLength; start += HASH_STEP_BYTES) {
    if (start > 0) await nextTurn()
    hash.update(bytes.subarray(start, start + HASH_STEP_BYTES))
  }
  return `${bytes.byteLength}-${hash.digest('hex').slice(0, 32)}`
}
