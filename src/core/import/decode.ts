import { ImportError } from './errors'
import type { ImportNote } from './note'

/**
 * The text of a plain-text draft, whatever encoding an editor saved it in:
 * UTF-16 told apart by its byte-order mark or by its zero bytes, else UTF-8
 * (damaged bytes replaced and reported line by line), else Windows-1252 from
 * an old editor when the bytes plainly are not UTF-8. Byte-order marks are
 * dropped. Every step is linear in the size and the size is checked first, so
 * a large binary file is refused before any of it is decoded.
 */

/** Largest text file decoded (bytes); a real draft is a few hundred kilobytes. */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024

/** Lines named one by one in the note about damaged bytes; past this the note sums up. */
const MAX_DAMAGED_LINES_NAMED = 20

/** Which encoding a text was read as. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

/** A decoded text file: the text, how it was read, and what the reader should check. */
export interface DecodedText {
  text: string
  encoding: TextEncodingName
  /** Lines where bytes could not be read and were replaced by �. */
  notes: ImportNote[]
}

/** The text of a plain-text file (see `decodeTextFile`). Throws `ImportError` for a file over budget. */
export function decodeText(bytes: Uint8Array): string {
  return decodeTextFile(bytes).text
}

/** Decodes a plain-text file and notes damaged lines. Throws `ImportError` for a file over budget. */
export function decodeTextFile(bytes: Uint8Array): DecodedText {
  if (bytes.length > MAX_TEXT_BYTES)
    throw new ImportError(
      'too-large',
      `The file is too large to import as text (${megabytes(bytes.length)} MB; the budget for a text file is ${megabytes(MAX_TEXT_BYTES)} MB).`
    )
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be')
  const unmarked = unmarkedUtf16(bytes)
  if (unmarked) return utf16(bytes, unmarked)
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const body = bytes.subarray(start)
  const { validSequences, invalidBytes } = utf8Census(body)
  // Damage is a few bad bytes among real UTF-8; a Windows-1252 file has accented letters and
  // quotes that are never followed by UTF-8 continuation bytes, so its "errors" outnumber the
  // valid sequences. A CJK draft with a few stray bytes stays UTF-8.
  if (invalidBytes > 0 && invalidBytes > validSequences)
    return { text: decodeWindows1252(body), encoding: 'windows-1252', notes: [] }
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body)
  return { text, encoding: 'utf-8', notes: invalidBytes > 0 ? damagedLineNotes(text) : [] }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes)
  return { text, encoding, notes: text.includes('\uFFFD') ? damagedLineNotes(text) : [] }
}

/**
 * UTF-16 without a byte-order mark, told by its zero bytes: Latin text in
 * UTF-16 has a zero in every other byte, always on the same side. Judged on
 * the first 4 KB, which is enough and keeps the check cheap.
 */
function unmarkedUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, 4096) & ~1
  if (length < 4) return null
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++
    if (bytes[i + 1] === 0) oddZeros++
  }
  const pairs = length / 2
  if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.02) return 'utf-16le'
  if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.02) return 'utf-16be'
  return null
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that belong to none, in one pass. */
function utf8Census(bytes: Uint8Array): { validSequences: number; invalidBytes: number } {
  let validSequences = 0
  let invalidBytes = 0
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i]
    if (lead < 0x80) {
      i++
      continue
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0
    let ok = length > 0 && i + length <= bytes.length
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xc0) === 0x80
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 either.
    if (ok && length === 3) {
      const second = bytes[i + 1]
      ok = !(lead === 0xe0 && second < 0xa0) && !(lead === 0xed && second >= 0xa0)
    }
    if (ok && length === 4) {
      const second = bytes[i + 1]
      ok = !(lead === 0xf0 && second < 0x90) && !(lead === 0xf4 && second >= 0x90)
    }
    if (ok) {
      validSequences++
      i += length
    } else {
      invalidBytes++
      i++
    }
  }
  return { validSequences, invalidBytes }
}

/** Notes naming the lines that hold a replacement character. */
function damagedLineNotes(text: string): ImportNote[] {
  const lines: number[] = []
  let line = 1
  let damagedOnThisLine = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0x0a) {
      line++
      damagedOnThisLine = false
    } else if (code === 0xfffd && !damagedOnThisLine) {
      lines.push(line)
      damagedOnThisLine = true
    }
  }
  const named = lines.slice(0, MAX_DAMAGED_LINES_NAMED).map((at) => ({
    line: at,
    message:
      'bytes that are not valid text in the file’s encoding were replaced by � — check this line against the original'
  }))
  if (lines.length > MAX_DAMAGED_LINES_NAMED)
    named.push({
      line: lines[MAX_DAMAGED_LINES_NAMED],
      message: `${lines.length - MAX_DAMAGED_LINES_NAMED} more lines hold unreadable bytes replaced by �`
    })
  return named
}

/** Windows-1252's characters for bytes 0x80–0x9F (where it differs from Latin-1). */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

/** UTF-16 code unit of each Windows-1252 byte. */
const WINDOWS_1252 = Uint16Array.from({ length: 256 }, (_, byte) =>
  byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH.charCodeAt(byte - 0x80) : byte
)

/**
 * Decoded through a table into UTF-16 code units, then by the platform
 * decoder: linear, and no string built a character at a time. (Node's own
 * `TextDecoder('windows-1252')` treats the label as Latin-1 and turns Word's
 * dashes and quotes into control characters.)
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length)
  for (let i = 0; i < bytes.length; i++) units[i] = WINDOWS_1252[bytes[i]]
  return new TextDecoder('utf-16le').decode(units)
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0)
}
