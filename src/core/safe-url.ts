/**
 * Which links may leave the app — to the OS browser or mail program, or into
 * an exported Word file as a hyperlink: web pages and e-mail only, with no
 * credentials in the address ("https://undocs.org@evil.example" is a classic
 * disguise) and no mail that attaches local files (`mailto:?attach=`).
 * Pure, so the exporter and the host apply the same rule.
 */

/** Schemes handed to the OS browser or mail program. */
export const EXTERNAL_PROTOCOLS = ['http:', 'https:', 'mailto:'] as const

/** Longest link accepted. */
export const MAX_LINK_LENGTH = 2048

/** mailto fields some mail programs read as "attach this local file". */
const ATTACHING_FIELDS = new Set(['attach', 'attachment', 'attachments'])

/** Whether `url` may be opened outside the app or exported as a hyperlink. */
export function isSafeLink(url: string): boolean {
  if (typeof url !== 'string' || url.length > MAX_LINK_LENGTH) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (!(EXTERNAL_PROTOCOLS as readonly string[]).includes(parsed.protocol)) return false
  if (parsed.protocol === 'mailto:') {
    for (const field of parsed.searchParams.keys())
      if (ATTACHING_FIELDS.has(field.trim().toLowerCase())) return false
    return parsed.pathname.length > 0
  }
  return parsed.hostname.length > 0 && parsed.username === '' && parsed.password === ''
}

/** Text with every lone UTF-16 surrogate replaced by U+FFFD (which URLs and XML can carry). */
export function withoutLoneSurrogates(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD'
  )
}

/** Whether text holds a lone UTF-16 surrogate (half a character, which no file can store). */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)
}
