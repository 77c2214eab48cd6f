/**
 * The text of a plain-text draft, whatever encoding an editor saved it in:
 * UTF-16 told apart by its byte-order mark, else UTF-8, else (when UTF-8
 * decoding breaks down) Windows-1252 from an old editor. Byte-order marks
 * are dropped.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
  // A few replacement characters can be damage; many mean the file was never UTF-8.
  const broken = utf8.match(/\uFFFD/g)?.length ?? 0
  return broken > 3 ? decodeWindows1252(bytes) : utf8
}

/** Windows-1252's characters for bytes 0x80–0x9F (where it differs from Latin-1). */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

/**
 * Decoded by hand: Node's `TextDecoder('windows-1252')` treats the label as
 * Latin-1 and turns Word's dashes and quotes into control characters.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes)
    text += byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte)
  return text
}
