import { labelParts } from '../labels'
import { CONVENTIONS, type Language } from '../languages'

/**
 * What the importer needs to know about each report language: how to tell it
 * from the others, how its recommendation headings and cross-reference
 * phrases read, and which masthead lines are fixed wording.
 */

/** A kind of thing a cross-reference phrase can name. */
export type PhraseKind = 'paragraph' | 'recommendation' | 'chapter' | 'section'

/**
 * A cross-reference phrase in running text. `phrase` is a regex source whose
 * group `phrase` is the part the reference node replaces (it shows the
 * target's label) and whose group `n` is the number it names; `context`, when
 * given, must follow it ("above", "below") unless the source marks the run as
 * a reference (a Word REF field).
 */
export interface ReferencePattern {
  kind: PhraseKind
  phrase: string
  context?: string
}

/**
 * Whether a block is an annex heading in any report language ("Annex", "ANNEX II",
 * "Annex *", "Annexe 2.", "Приложение", "Anexos"): a report in one language may
 * keep another's annex heading, and none of them is a line of running text.
 */
export function isAnnexHeading(text: string): boolean {
  // Every line of a text goes through here: a long one is never a heading of one or two words.
  if (text.length > 40) return false
  const name = text
    .trim()
    .replace(/\s*\*+$/, '')
    .replace(/\.$/, '')
    .replace(/^\p{Lu}+/u, (word) => word[0] + word.slice(1).toLowerCase())
  return Object.values(IMPORT_LANGUAGES).some((language) => language.annex.test(name))
}

/** The regexes of a reference pattern: with and without the required context. */
export function referenceRegexes(pattern: ReferencePattern): { strict: RegExp; relaxed: RegExp } {
  const strict = pattern.context ? `${pattern.phrase}(?=${pattern.context})` : pattern.phrase
  return { strict: new RegExp(strict, 'giu'), relaxed: new RegExp(pattern.phrase, 'giu') }
}

/** Language-specific patterns the importer uses. */
export interface ImportLanguage {
  /** "Recommendation 4", optionally followed by its text on the same line. */
  recommendationHeading: RegExp
  references: ReferencePattern[]
  /** A phrase naming several paragraphs at once ("paragraphs 9 and 10 above"). */
  pluralReference?: RegExp
  /** An annex heading, which the report structure has no place for. */
  annex: RegExp
  /** Masthead lines that are fixed wording ("United Nations") and carry no field. */
  fixedMastheadLines: RegExp
  /** "Original: English" → the language named. */
  originalLanguage: RegExp
}

const ROMAN = '[IVXLC]+'

/** Per-language patterns. Every regex is matched against one block's plain text. */
export const IMPORT_LANGUAGES: Record<Language, ImportLanguage> = {
  en: {
    recommendationHeading: /^Recommendation\s+(\d{1,4})(?:\s*[.:\u2013\u2014-]\s*(.*))?$/s,
    references: [
      {
        kind: 'paragraph',
        phrase: '(?<![\\p{L}])(?<phrase>paragraph\\s+(?<n>\\d{1,4}))(?!\\d)',
        context: '\\s+(?:above|below)(?![\\p{L}])'
      },
      {
        kind: 'recommendation',
        phrase:
          '(?<![\\p{L}])(?<phrase>recommendation\\s+(?<n>\\d{1,4}))(?!\\d)(?!\\s+(?:of|contained|adopted by)\\s)'
      },
      {
        kind: 'section',
        phrase: `(?<![\\p{L}])(?<phrase>section\\s+(?<n>${ROMAN}\\.[A-Z]))(?![\\p{L}])`,
        context: '\\s+(?:above|below)(?![\\p{L}])'
      },
      {
        kind: 'chapter',
        phrase: `(?<![\\p{L}])(?<phrase>chapter\\s+(?<n>${ROMAN}))(?![\\p{L}])`,
        context: '\\s+(?:above|below)(?![\\p{L}])'
      }
    ],
    fixedMastheadLines: /^(United Nations|Distr\.?:?)$/i,
    originalLanguage: /^Original:\s*(.+)$/i,
    pluralReference: /\bparagraphs\s+\d+(?:\s*(?:,|and|to|–|-)\s*\d+)+\s+(?:above|below)\b/g,
    annex: /^Annex(?:es|\s+(?:[IVXLC]+|\d{1,2}))?$/
  },
  fr: {
    recommendationHeading: /^Recommandation\s+(\d{1,4})(?:\s*[.:\u2013\u2014-]\s*(.*))?$/s,
    references: [
      {
        kind: 'paragraph',
        phrase: '(?<![\\p{L}])(?<phrase>paragraphe\\s+(?<n>\\d{1,4}))(?!\\d)',
        context: '\\s+(?:ci-dessus|ci-dessous|plus haut|plus bas)'
      },
      {
        kind: 'recommendation',
        phrase: '(?<![\\p{L}])(?<phrase>recommandation\\s+(?<n>\\d{1,4}))(?!\\d)'
      }
    ],
    fixedMastheadLines: /^(Nations Unies|Distr\.?\s*:?)$/i,
    originalLanguage: /^Original\s*:\s*(.+)$/i,
    pluralReference: /\bparagraphes\s+\d+(?:\s*(?:,|et|à|–|-)\s*\d+)+\s+ci-dess(?:us|ous)/g,
    annex: /^Annexes?(?:\s+(?:[IVXLC]+|\d{1,2}))?$/
  },
  es: {
    recommendationHeading: /^Recomendaci[oó]n\s+(\d{1,4})(?:\s*[.:\u2013\u2014-]\s*(.*))?$/s,
    references: [
      {
        kind: 'paragraph',
        phrase: '(?<![\\p{L}])(?<phrase>p[aá]rrafo\\s+(?<n>\\d{1,4}))(?!\\d)',
        context: '\\s+(?:supra|infra|m[aá]s adelante|m[aá]s arriba)'
      },
      {
        kind: 'recommendation',
        phrase: '(?<![\\p{L}])(?<phrase>recomendaci[oó]n\\s+(?<n>\\d{1,4}))(?!\\d)'
      }
    ],
    fixedMastheadLines: /^(Naciones Unidas|Distr\.?\s*:?)$/i,
    originalLanguage: /^Original\s*:\s*(.+)$/i,
    pluralReference: /\bp[aá]rrafos\s+\d+(?:\s*(?:,|y|a|–|-)\s*\d+)+\s+(?:supra|infra)\b/g,
    annex: /^Anexos?(?:\s+(?:[IVXLC]+|\d{1,2}))?$/
  },
  ru: {
    recommendationHeading: /^Рекомендация\s+(\d{1,4})(?:\s*[.:\u2013\u2014-]\s*(.*))?$/s,
    references: [
      {
        kind: 'paragraph',
        phrase: '(?<![\\p{L}])(?<phrase>пункт[а-я]*\\s+(?<n>\\d{1,4}))(?!\\d)',
        context: '\\s+(?:выше|ниже)(?![\\p{L}])'
      },
      {
        kind: 'recommendation',
        phrase: '(?<![\\p{L}])(?<phrase>рекомендаци[а-я]*\\s+(?<n>\\d{1,4}))(?!\\d)'
      }
    ],
    fixedMastheadLines: /^(Организация Объединенных Наций|Distr\.?\s*:?)$/i,
    originalLanguage: /^Язык оригинала\s*:\s*(.+)$/i,
    pluralReference: /пункт(?:ы|ах)\s+\d+(?:\s*(?:,|и|–|-)\s*\d+)+\s+(?:выше|ниже)/g,
    annex: /^Приложени[ея](?:\s+(?:[IVXLC]+|\d{1,2}))?$/
  },
  zh: {
    recommendationHeading: /^建议\s*(\d{1,4})(?:\s*[.:：。]\s*(.*))?$/s,
    references: [
      { kind: 'paragraph', phrase: '(?<=[上下]文\\s*)(?<phrase>第\\s*(?<n>\\d{1,4})\\s*段)' },
      { kind: 'recommendation', phrase: '(?<phrase>建议\\s*(?<n>\\d{1,4}))(?!\\d)' }
    ],
    fixedMastheadLines: /^(联合国|Distr\.?\s*:?)$/i,
    originalLanguage: /^原文\s*[:：]\s*(.+)$/,
    pluralReference: /[上下]文第\s*\d+(?:\s*(?:、|和|至|–|-)\s*\d+)+\s*段/g,
    annex: /^附件(?:[一二三四五六七八九十]+)?$/
  },
  ar: {
    recommendationHeading: /^التوصية\s+(\d{1,4})(?:\s*[.:\u2013\u2014-]\s*(.*))?$/s,
    references: [
      {
        kind: 'paragraph',
        phrase: '(?<phrase>الفقرة\\s+(?<n>\\d{1,4}))(?!\\d)',
        context: '\\s+(?:أعلاه|أدناه)'
      },
      { kind: 'recommendation', phrase: '(?<phrase>التوصية\\s+(?<n>\\d{1,4}))(?!\\d)' }
    ],
    fixedMastheadLines: /^(الأمم المتحدة|Distr\.?\s*:?)$/i,
    originalLanguage: /^الأصل\s*:\s*(.+)$/,
    annex: /^المرفق(?:\s+\S+)?$/
  }
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g
const KANA = /[\u3040-\u30ff]/g
const CYRILLIC = /[\u0400-\u04ff]/g
const ARABIC = /[\u0600-\u06ff]/g
const LATIN = /[A-Za-z\u00c0-\u024f]/g

const FUNCTION_WORDS: Record<'en' | 'fr' | 'es', ReadonlySet<string>> = {
  en: new Set(['the', 'of', 'and', 'to', 'in', 'that', 'for', 'with', 'on', 'by', 'was', 'were']),
  fr: new Set(['le', 'la', 'les', 'des', 'et', 'du', 'que', 'une', 'pour', 'dans', 'sur', 'au']),
  es: new Set(['el', 'los', 'las', 'del', 'y', 'que', 'una', 'para', 'por', 'con', 'al', 'se'])
}

/** The report language a text is written in, and whether the guess is weak. */
export interface LanguageGuess {
  language: Language
  /** Why the guess is uncertain, when it is. */
  doubt?: string
}

/** Guesses the language of a report from its text: by script first, then by common words. */
export function detectLanguage(fullText: string): LanguageGuess {
  // A report's first pages say its language as surely as the whole of it does.
  const text = fullText.slice(0, 60_000)
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0
  const han = count(HAN)
  const kana = count(KANA)
  const scripts = {
    zh: han + kana,
    ru: count(CYRILLIC),
    ar: count(ARABIC),
    latin: count(LATIN)
  }
  // Chinese characters carry a word each, so a third of the letters is already a Chinese text.
  if (scripts.zh > 0 && scripts.zh * 3 >= scripts.latin) {
    if (kana > han / 4)
      return {
        language: 'zh',
        doubt: 'the text looks Japanese, which is not a report language; imported as Chinese'
      }
    return { language: 'zh' }
  }
  if (scripts.ru > scripts.latin / 2 && scripts.ru >= scripts.ar) return { language: 'ru' }
  if (scripts.ar > scripts.latin / 2) return { language: 'ar' }
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? []
  const scores = { en: 0, fr: 0, es: 0 }
  for (const word of words)
    for (const language of ['en', 'fr', 'es'] as const)
      if (FUNCTION_WORDS[language].has(word)) scores[language] += 1
  const ranked = (Object.entries(scores) as Array<['en' | 'fr' | 'es', number]>).sort(
    (a, b) => b[1] - a[1]
  )
  const [best, second] = ranked
  if (best[1] === 0)
    return { language: 'en', doubt: 'the language could not be recognized; imported as English' }
  if (second[1] > best[1] * 0.8)
    return {
      language: best[0],
      doubt: `the language is unclear (${best[0]} or ${second[0]}); imported as ${best[0]}`
    }
  return { language: best[0] }
}

/** Label tables of a language, for reading printed labels back into numbers. */
export interface LabelTables {
  /** Printed chapter label without its trailing punctuation ("IV", "四", "رابعا") → number. */
  chapter: Map<string, number>
  /** Printed section label without punctuation ("B", "باء") → number. */
  section: Map<string, number>
}

const tables = new Map<Language, LabelTables>()

/** The chapter and section labels of a language as lookup tables (first 60 chapters, 52 sections). */
export function labelTables(language: Language): LabelTables {
  let found = tables.get(language)
  if (!found) {
    const { labels } = CONVENTIONS[language]
    found = { chapter: new Map(), section: new Map() }
    for (let n = 60; n >= 1; n--) found.chapter.set(labelParts(labels.chapter, n).text, n)
    for (let n = 52; n >= 1; n--) found.section.set(labelParts(labels.section, n).text, n)
    tables.set(language, found)
  }
  return found
}
