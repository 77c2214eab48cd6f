import { isSafeLink } from '@core/safe-url'

/**
 * Which links may leave the app for the OS: web pages and e-mail only.
 * Everything else (file:, javascript:, custom protocol handlers that could
 * launch programs, malformed URLs, credentials in the address, mail that
 * attaches files) is refused. The rule itself is `isSafeLink`, shared with the
 * Word exporter.
 */

export { EXTERNAL_PROTOCOLS } from '@core/safe-url'

/** Whether `url` may be opened outside the app (http, https or mailto, well formed). */
export function isSafeExternalUrl(url: string): boolean {
  return isSafeLink(url)
}
