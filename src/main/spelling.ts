import { LANGUAGES, type Language } from '@core/languages'

/**
 * The spelling checker of the desktop build follows the open report's
 * language. Electron's checker is per session (all windows share one), so
 * the focused window's report language wins. On Windows and Linux the
 * checker uses Hunspell dictionaries (Windows may use the OS's instead);
 * Chromium fetches a missing one from Google's servers, which an offline
 * editor must not do unless the user asks: by default the download address
 * points at a loopback port nothing serves, and only the "download spelling
 * dictionaries" setting restores Chromium's own. macOS checks with the OS's
 * dictionaries and detects the language itself.
 */

/** A download address that never leaves the machine (the discard port on loopback). */
export const NO_DOWNLOAD_URL = 'http://127.0.0.1:9/rapporteur-offline-dictionaries/'

/** Chromium's own dictionary server, used only when the user enables downloads. */
export const CHROMIUM_DICTIONARY_URL = 'https://redirector.gvt1.com/edgedl/chrome/dict/'

/** What spelling needs of Electron's `Session` (tests pass a stand-in). */
export interface SpellingSession {
  readonly availableSpellCheckerLanguages: string[]
  setSpellCheckerLanguages(languages: string[]): void
  setSpellCheckerEnabled(enable: boolean): void
  setSpellCheckerDictionaryDownloadURL(url: string): void
}

/**
 * Dictionary codes for each report language, best first. UN English is
 * Oxford spelling ("organization", "programme"). Chinese has no spelling
 * to check: the checker is switched off for it rather than underlining
 * every word against another language.
 */
const DICTIONARIES: Record<Language, readonly string[]> = {
  en: ['en-GB-oxendict', 'en-GB', 'en-US', 'en'],
  fr: ['fr-FR', 'fr'],
  es: ['es-ES', 'es'],
  ru: ['ru-RU', 'ru'],
  zh: [],
  ar: ['ar-SA', 'ar']
}

/** The dictionary to use for `language` among those the session has (null: none fits). */
export function dictionaryFor(language: Language, available: readonly string[]): string | null {
  const wanted = DICTIONARIES[language]
  if (wanted.length === 0) return null
  const lower = available.map((code) => code.toLowerCase())
  for (const code of wanted) {
    const at = lower.indexOf(code.toLowerCase())
    if (at >= 0) return available[at]
  }
  // Another region of the same language (Windows lists what the OS has, e.g. "fr-CA").
  const prefix = `${language}-`
  return available.find((code) => code.toLowerCase().startsWith(prefix)) ?? null
}

/** The spelling checker of one Electron session. */
export class Spelling {
  private current: Language | null = null

  constructor(
    private readonly session: SpellingSession,
    private readonly platform: NodeJS.Platform = process.platform
  ) {}

  /** Whether missing dictionaries may be fetched from the internet (the user's setting). */
  allowDownloads(allow: boolean): void {
    this.session.setSpellCheckerDictionaryDownloadURL(
      allow ? CHROMIUM_DICTIONARY_URL : NO_DOWNLOAD_URL
    )
  }

  /**
   * Checks spelling in `language` from now on; returns the dictionary chosen
   * (null: checking is off, as for Chinese or a language without one). Only
   * the six report languages are accepted, whatever the caller passes.
   */
  use(language: Language): string | null {
    if (!(LANGUAGES as readonly string[]).includes(language))
      throw new Error(`Not a report language for spelling: ${JSON.stringify(language)}`)
    this.current = language
    // The OS checks spelling on macOS and picks the language itself; Electron ignores the list.
    if (this.platform === 'darwin') return null
    const dictionary = dictionaryFor(language, this.session.availableSpellCheckerLanguages)
    if (dictionary === null) {
      this.session.setSpellCheckerEnabled(false)
      return null
    }
    this.session.setSpellCheckerLanguages([dictionary])
    this.session.setSpellCheckerEnabled(true)
    return dictionary
  }

  /** The language last asked for (a window getting focus sets its own again). */
  get language(): Language | null {
    return this.current
  }
}
