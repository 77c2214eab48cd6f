/**
 * Which links may leave the app for the OS: web pages and e-mail only.
 * Everything else (file:, javascript:, custom protocol handlers that could
 * launch programs, malformed URLs) is refused.
 */

/** Schemes handed to the OS browser or mail program. */
export const EXTERNAL_PROTOCOLS = ['http:', 'https:', 'mailto:'] as const

/** Whether `url` may be opened outside the app (http, https or mailto, well formed). */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (!(EXTERNAL_PROTOCOLS as readonly string[]).includes(parsed.protocol)) return false
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0
  // A web link needs a host; credentials in it are a classic disguise ("https://undocs.org@evil").
  return parsed.hostname.length > 0 && parsed.username === '' && parsed.password === ''
}
