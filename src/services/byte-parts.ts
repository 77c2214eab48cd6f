/**
 * Bytes held in pieces: a report's file as the host encodes it, each node's
 * bytes kept from save to save (see `report-bytes.ts`). They are written
 * (`writev`), hashed and compared piece by piece, so a save never joins
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
