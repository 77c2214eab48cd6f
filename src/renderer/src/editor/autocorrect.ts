import { InputRule } from 'prosemirror-inputrules'
import { Plugin, PluginKey, type Command, type EditorState } from 'prosemirror-state'
import type { Language } from '@core/languages'
import { numberingOptionsOf } from './numbering-plugin'

/**
 * UN AutoCorrect as you type, by report language: typographic quotes (“ ”
 * in English and Chinese, « » with narrow no-break spaces in French, « » in
 * Russian, Spanish and Arabic), an en dash in number ranges ("paragraphs
 * 3–5", "2019–2020"), and a no-break space that keeps "paragraph 12",
 * "recommendation 3" or "article 5" on one line. Each correction is undone
 * by the next Ctrl+Z (or Backspace), which leaves what was typed; each rule
 * can be switched off in the app settings.
 */

/** Which corrections are on. */
export interface AutoCorrectOptions {
  quotes: boolean
  dashes: boolean
  nonBreakingSpaces: boolean
}

/** Every correction on: a fresh install's choice. */
export const AUTOCORRECT_ON: AutoCorrectOptions = {
  quotes: true,
  dashes: true,
  nonBreakingSpaces: true
}

const autoCorrectKey = new PluginKey<AutoCorrectOptions>('rapporteur-autocorrect')

/** The plugin that holds the AutoCorrect switches. */
export function autoCorrectPlugin(options: AutoCorrectOptions = AUTOCORRECT_ON): Plugin {
  return new Plugin<AutoCorrectOptions>({
    key: autoCorrectKey,
    state: {
      init: () => options,
      apply: (tr, value) => (tr.getMeta(autoCorrectKey) as AutoCorrectOptions | undefined) ?? value
    }
  })
}

/** The AutoCorrect switches in force. */
export function autoCorrectOf(state: EditorState): AutoCorrectOptions {
  return autoCorrectKey.getState(state) ?? AUTOCORRECT_ON
}

/** Command: set the AutoCorrect switches (no undo step, no document change). */
export function setAutoCorrect(options: AutoCorrectOptions): Command {
  return (state, dispatch) => {
    const current = autoCorrectOf(state)
    if (
      current.quotes === options.quotes &&
      current.dashes === options.dashes &&
      current.nonBreakingSpaces === options.nonBreakingSpaces
    )
      return false
    dispatch?.(state.tr.setMeta(autoCorrectKey, { ...options }).setMeta('addToHistory', false))
    return true
  }
}

const NARROW_NBSP = '\u202f'
const NBSP = '\u00a0'

/** Quotation marks per language: outer open/close, inner open/close, apostrophe. */
const QUOTES: Record<
  Language,
  { open: string; close: string; innerOpen: string; innerClose: string }
> = {
  en: { open: '“', close: '”', innerOpen: '‘', innerClose: '’' },
  zh: { open: '“', close: '”', innerOpen: '‘', innerClose: '’' },
  fr: { open: `«${NARROW_NBSP}`, close: `${NARROW_NBSP}»`, innerOpen: '“', innerClose: '”' },
  es: { open: '«', close: '»', innerOpen: '“', innerClose: '”' },
  ru: { open: '«', close: '»', innerOpen: '„', innerClose: '“' },
  ar: { open: '«', close: '»', innerOpen: '“', innerClose: '”' }
}

/** Words that a following number must stay with, per language (lower case). */
const NUMBERED_WORDS: Record<Language, string> = {
  en: 'paragraphs?|recommendations?|articles?|chapters?|sections?|annex(?:es)?|rules?|resolutions?|decisions?|items?',
  fr: 'paragraphes?|recommandations?|articles?|chapitres?|sections?|annexes?|règles?|résolutions?|décisions?|points?',
  es: 'párrafos?|recomendaci(?:ón|ones)|artículos?|capítulos?|secci(?:ón|ones)|anexos?|reglas?|resoluci(?:ón|ones)|decisi(?:ón|ones)|temas?',
  ru: 'пункт[а-я]*|рекомендаци[а-я]*|стать[а-я]*|глав[а-я]*|раздел[а-я]*|приложени[а-я]*|правил[а-я]*|резолюци[а-я]*|решени[а-я]*',
  ar: 'الفقرة|الفقرات|التوصية|التوصيات|المادة|المواد|الفصل|الفرع|المرفق|القاعدة|القرار|المقرر|البند',
  zh: '(?!)'
}

const OPENS_AFTER = /[\s([{\u2018\u201c\u00ab\u2014\u2013-]|^$/u

/** The language of the report being edited. */
function languageOf(state: EditorState): Language {
  return numberingOptionsOf(state).language
}

/** How many of `mark` occur in `text`. */
function count(text: string, mark: string): number {
  return text.split(mark).length - 1
}

/**
 * A straight double quote becomes an opening or closing quotation mark of
 * the language: closing when a quotation the paragraph opened is still open
 * before the cursor, opening otherwise.
 */
export const doubleQuoteRule = new InputRule(/(^|.)"$/su, (state, match, _start, end) => {
  if (!autoCorrectOf(state).quotes) return null
  const marks = QUOTES[languageOf(state)]
  const before = match[1]
  const $end = state.doc.resolve(end)
  const text = $end.parent.textBetween(0, $end.parentOffset, undefined, '\ufffc')
  const open = marks.open.trim()
  const close = marks.close.trim()
  const tr = state.tr
  if (count(text, open) <= count(text, close)) return tr.insertText(marks.open, end)
  // The space typed before the closing mark goes (French: the mark brings its narrow one).
  if (/\s/u.test(before) && marks.close.startsWith(NARROW_NBSP))
    return tr.insertText(marks.close, end - before.length, end)
  return tr.insertText(marks.close, end)
})

/** A straight single quote becomes an apostrophe, or an inner opening quote after a space. */
export const singleQuoteRule = new InputRule(/(^|.)'$/su, (state, match, _start, end) => {
  if (!autoCorrectOf(state).quotes) return null
  const marks = QUOTES[languageOf(state)]
  const opening = OPENS_AFTER.test(match[1])
  return state.tr.insertText(opening ? marks.innerOpen : '’', end)
})

/** "3-5" and "2019-2020": the hyphen between numbers becomes an en dash (not inside symbols). */
export const numberRangeRule = new InputRule(
  /(?<![\p{L}\d/._-])\d+(-)\d$/u,
  (state, match, start, end) => {
    if (!autoCorrectOf(state).dashes) return null
    const hyphen = start + match[0].indexOf('-')
    return state.tr.insertText('–', hyphen, hyphen + 1).insertText(match[0].slice(-1), end)
  }
)

/** The space between "paragraph" (and the like) and the number typed after it becomes a no-break space. */
export function numberedWordRule(): InputRule {
  const byLanguage = new Map<Language, RegExp>()
  for (const [language, words] of Object.entries(NUMBERED_WORDS) as Array<[Language, string]>)
    byLanguage.set(language, new RegExp(`(?<![\\p{L}])(?:${words}) \\d$`, 'iu'))
  // One pattern for the input-rules plugin; the language's own is checked in the handler.
  const any = new RegExp(`(?<![\\p{L}])\\p{L}+ \\d$`, 'u')
  return new InputRule(any, (state, match, start, end) => {
    if (!autoCorrectOf(state).nonBreakingSpaces) return null
    if (!byLanguage.get(languageOf(state))!.test(match[0])) return null
    const space = start + match[0].length - 2
    return state.tr.insertText(NBSP, space, space + 1).insertText(match[0].slice(-1), end)
  })
}

/** The AutoCorrect input rules, in the order they are tried. */
export function autoCorrectRules(): InputRule[] {
  return [doubleQuoteRule, singleQuoteRule, numberRangeRule, numberedWordRule()]
}
