import { createI18n } from 'vue-i18n'
import { en } from './en'
import { zh } from './zh'

/**
 * The UI's languages (English and Chinese), independent of the report's
 * language: a Chinese-speaking officer may draft an English report.
 */

/** Languages the interface is available in. */
export const UI_LANGUAGES = ['en', 'zh'] as const
/** An interface language. */
export type UiLanguage = (typeof UI_LANGUAGES)[number]

/** The vue-i18n instance the app installs. */
export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en, zh },
  missingWarn: false,
  fallbackWarn: false
})

/** Switches the interface language. */
export function setUiLanguage(language: UiLanguage): void {
  i18n.global.locale.value = language
  if (typeof document !== 'undefined') document.documentElement.lang = language
}

/** Translates outside components (stores, plain modules). */
export function t(key: string, values?: Record<string, unknown>): string {
  return values ? i18n.global.t(key, values) : i18n.global.t(key)
}
