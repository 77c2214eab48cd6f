/**
 * Bytes held in pieces: a report's file as the host encodes it, each node's
 * bytes kept from save to save (see `report-bytes.ts`). They are written
 * (`writev`, in runs), hashed and compared piece by piece, so a save never joins
 * megabytes into one fresh buffer, which costs more than the write itself
 * where the system is slow to hand out new memory.
 */
export type ByteParts = readonly Uint8Array[]

/** What a file's content may be given as. */
export type FileContent = string | Uint8Array | ByteParts

/** Whether `content` is given in pieces. */
export function isByteParts(content: FileContent): content is ByteParts {
  return Array.isArray(content)
}

/** The number of bytes `content` holds. */
export function byteLengthOf(content: Uint8Array | ByteParts): number {
  if (!isByteParts(content)) return content.byteLength
  let length = 0
  for (const part of content) length += part.byteLength
  return length
}

/** Whether `bytes` are exactly the bytes `content` holds. */
export function sameBytes(bytes: Uint8Array, content: Uint8Array | ByteParts): boolean {
  if (bytes.byteLength !== byteLengthOf(content)) return false
  const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (!isByteParts(content)) return whole.equals(content)
  let offset = 0
  for (const part of content) {
    if (whole.compare(part, 0, part.byteLength, offset, offset + part.byteLength) !== 0)
      return false
    offset += part.byteLength
  }
  return true
}

/** The most bytes one write call is given: 512 KiB, as Node's own `writeFile` writes. */
export const WRITE_RUN_BYTES = 512 * 1024

/**
 * `parts` regrouped, in order, into runs of at most `limit` bytes each, a
 * part longer than a run's room cut into views of it; no byte is copied.
 * Each run is one gathered write: a single write of megabytes can take many
 * times as long as the same bytes in runs (see `writeContent` in
 * `atomic-write.ts`).
 */
export function writeRuns(parts: ByteParts, limit = WRITE_RUN_BYTES): Uint8Array[][] {
  const runs: Uint8Array[][] = []
  let run: Uint8Array[] = []
  let room = limit
  for (const part of parts)
    for (let start = 0; start < part.byteLength;) {
      if (room === 0) {
        runs.push(run)
        run = []
        room = limit
      }
      const end = Math.min(part.byteLength, start + room)
      run.push(start === 0 && end === part.byteLength ? part : part.subarray(start, end))
      room -= end - start
      start = end
    }
  if (run.length > 0) runs.push(run)
  return runs
}
