import type { Language } from './languages'
import type { Masthead } from './meta'

/**
 * The fixed words of a report's masthead as the official document prints
 * them — "United Nations" in the report's language, the distribution block,
 * the date of issue — shared by the on-screen masthead and the Word export.
 */

/** Fixed masthead words of one language. */
export interface MastheadWords {
  unitedNations: string
  distribution(level: Masthead['distribution']): string
  original(language: string): string
  /** This language version's own line above "Original:" ("Chinese", "Français"). */
  versionLanguage: string
  /** Names of this language an "Original:" line may give (in English and in the language), lower case. */
  names: readonly string[]
  /** Locale of the date of issue ("6 June 2024"). */
  dateLocale: string
}

// Russian, Chinese and Arabic documents keep the distribution block in English.
const englishBlock = {
  distribution: (level: string) => `Distr.: ${level}`,
  original: (language: string) => `Original: ${language}`,
  dateLocale: 'en-GB'
}

const WORDS: Record<Language, MastheadWords> = {
  en: {
    unitedNations: 'United Nations',
    ...englishBlock,
    versionLanguage: 'English',
    names: ['english', 'anglais', 'inglés']
  },
  fr: {
    unitedNations: 'Nations Unies',
    distribution: (level) =>
      `Distr. ${{ General: 'générale', Limited: 'limitée', Restricted: 'restreinte' }[level]}`,
    original: (language) => `Original : ${language}`,
    dateLocale: 'fr-FR',
    versionLanguage: 'Français',
    names: ['french', 'français', 'francés']
  },
  es: {
    unitedNations: 'Naciones Unidas',
    distribution: (level) =>
      `Distr. ${{ General: 'general', Limited: 'limitada', Restricted: 'reservada' }[level]}`,
    original: (language) => `Original: ${language}`,
    dateLocale: 'es-ES',
    versionLanguage: 'Español',
    names: ['spanish', 'español', 'espagnol']
  },
  ru: {
    unitedNations: 'Организация Объединенных Наций',
    ...englishBlock,
    versionLanguage: 'Russian',
    names: ['russian', 'русский', 'russe']
  },
  zh: {
    unitedNations: '联合国',
    ...englishBlock,
    versionLanguage: 'Chinese',
    names: ['chinese', '中文', 'chinois']
  },
  ar: {
    unitedNations: 'الأمم المتحدة',
    ...englishBlock,
    versionLanguage: 'Arabic',
    names: ['arabic', 'العربية', 'arabe']
  }
}

/** The masthead words of a report language. */
export function mastheadWords(language: Language): MastheadWords {
  return WORDS[language]
}

/**
 * The language line of the distribution block: the version's language when it
 * is not the original ("Chinese" above "Original: English"), else empty.
 */
export function versionLanguageLine(language: Language, originalLanguage: string): string {
  const original = originalLanguage.trim().toLowerCase()
  if (original === '') return ''
  const words = WORDS[language]
  return words.names.includes(original) ? '' : words.versionLanguage
}

/** The date of issue as the masthead prints it ("6 June 2024"); anything but yyyy-mm-dd as typed. */
export function mastheadDate(date: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) return date
  const value = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  if (Number.isNaN(value.getTime())) return date
  return new Intl.DateTimeFormat(WORDS[language].dateLocale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC'
  }).format(value)
}
