import { createI18n } from 'vue-i18n'
import { UI_LANGUAGES, type UiLanguage } from '@shared/contract'
import { ar } from './ar'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'
import { ru } from './ru'
import { zh } from './zh'

/**
 * The UI's languages (the six official languages), independent of the
 * report's language: a Chinese-speaking officer may draft an English report.
 */

export { UI_LANGUAGES, type UiLanguage }

/** Every interface language's messages, one file each. */
export const MESSAGES = { en, fr, es, ru, zh, ar } as const

/**
 * Each interface language by its own name, as a language menu lists them so
 * that a reader finds theirs whatever the current language.
 */
export const UI_LANGUAGE_NAMES: Record<UiLanguage, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ru: 'Русский',
  zh: '中文',
  ar: 'العربية'
}

/** Interface languages written right to left: the whole window mirrors. */
const RIGHT_TO_LEFT: ReadonlySet<UiLanguage> = new Set(['ar'])

/** The writing direction of an interface language. */
export function uiDirection(language: UiLanguage): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr'
}

/** The vue-i18n instance the app installs. */
export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: MESSAGES,
  missingWarn: false,
  fallbackWarn: false
})

/** Switches the interface language. */
export function setUiLanguage(language: UiLanguage): void {
  i18n.global.locale.value = language
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language
    document.documentElement.dir = uiDirection(language)
  }
}

/** Translates outside components (stores, plain modules). */
export function t(key: string, values?: Record<string, unknown>): string {
  return values ? i18n.global.t(key, values) : i18n.global.t(key)
}
