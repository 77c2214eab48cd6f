import type { Language } from '@core/languages'
import type { Masthead } from '@core/meta'

/**
 * The fixed words of the on-screen masthead, as the official document prints
 * them (the Word export's masthead uses the same wording): "United Nations"
 * in the report's language; Russian, Chinese and Arabic documents keep the
 * distribution block in English.
 */
export interface MastheadWords {
  unitedNations: string
  distribution(level: Masthead['distribution']): string
  original(language: string): string
  /** Locale of the date of issue ("6 June 2024"). */
  dateLocale: string
}

const english = {
  distribution: (level: string) => `Distr.: ${level}`,
  original: (language: string) => `Original: ${language}`,
  dateLocale: 'en-GB'
}

const WORDS: Record<Language, MastheadWords> = {
  en: { unitedNations: 'United Nations', ...english },
  fr: {
    unitedNations: 'Nations Unies',
    distribution: (level) =>
      `Distr. ${{ General: 'générale', Limited: 'limitée', Restricted: 'restreinte' }[level]}`,
    original: (language) => `Original : ${language}`,
    dateLocale: 'fr-FR'
  },
  es: {
    unitedNations: 'Naciones Unidas',
    distribution: (level) =>
      `Distr. ${{ General: 'general', Limited: 'limitada', Restricted: 'reservada' }[level]}`,
    original: (language) => `Original: ${language}`,
    dateLocale: 'es-ES'
  },
  ru: { unitedNations: 'Организация Объединенных Наций', ...english },
  zh: { unitedNations: '联合国', ...english },
  ar: { unitedNations: 'الأمم المتحدة', ...english }
}

/** The masthead words of a report language. */
export function mastheadWords(language: Language): MastheadWords {
  return WORDS[language]
}
