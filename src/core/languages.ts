/**
 * Numbering and wording conventions of the six official UN languages. A
 * report has one language; every label it shows follows that language's row.
 * Adding a language is adding one entry to `CONVENTIONS`.
 */

/** The languages a report can be written in. */
export const LANGUAGES = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const
/** A report language code. */
export type Language = (typeof LANGUAGES)[number]

/** Kinds of thing a cross-reference can point at. */
export type ReferenceKind = 'chapter' | 'section' | 'subsection' | 'paragraph' | 'recommendation'

/** How one language numbers and names the parts of a report. */
export interface LanguageConventions {
  /** Writing direction of the report. */
  direction: 'ltr' | 'rtl'
  /** Chapter label, e.g. "II." or "二.". */
  chapter(n: number): string
  /** Section label, restarting in each chapter, e.g. "B.". */
  section(n: number): string
  /** Subsection label, restarting in each section, e.g. "1.". */
  subsection(n: number): string
  /** Numbered paragraph label, running through the report, e.g. "12.". */
  paragraph(n: number): string
  /** The heading line of a block-style recommendation, e.g. "Recommendation 3". */
  recommendation(n: number): string
  /** Sub-paragraph list labels by nesting depth: (a), then (i). */
  subparagraphList: ReadonlyArray<(n: number) => string>
  /** Agenda list labels by nesting depth: 1., then (a). */
  agendaList: ReadonlyArray<(n: number) => string>
  /** Footnote mark as shown in the text. */
  footnote(n: number): string
  /**
   * The words a cross-reference shows for its target. `label` is the target's
   * bare number ("12", "II", "B"); `path` adds the enclosing chapter for
   * sections and subsections ("II.B").
   */
  reference(kind: ReferenceKind, label: string, path: string): string
  /** What a reference shows when its target no longer exists. */
  brokenReference: string
}

const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I']
]

/** Upper-case Roman numeral for n ≥ 1. */
export function toRoman(n: number): string {
  let rest = n
  let out = ''
  for (const [value, numeral] of ROMAN) {
    while (rest >= value) {
      out += numeral
      rest -= value
    }
  }
  return out
}

/** Letters a, b, … z, aa, ab, … (spreadsheet-style, as Word's alphabetic numbering continues). */
export function toLetters(n: number, alphabet = 'abcdefghijklmnopqrstuvwxyz'): string {
  let rest = n
  let out = ''
  while (rest > 0) {
    const digit = (rest - 1) % alphabet.length
    out = alphabet[digit] + out
    rest = Math.floor((rest - 1) / alphabet.length)
  }
  return out
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** Chinese numeral for 1 ≤ n ≤ 999 (一, 十, 十一, 二十一, 一百零五). */
export function toChineseNumeral(n: number): string {
  if (n >= 1000 || n < 1) return String(n)
  const hundreds = Math.floor(n / 100)
  const tens = Math.floor((n % 100) / 10)
  const ones = n % 10
  let out = ''
  if (hundreds) out += CHINESE_DIGITS[hundreds] + '百'
  if (tens) out += (tens === 1 && !hundreds ? '' : CHINESE_DIGITS[tens]) + '十'
  else if (hundreds && ones) out += '零'
  if (ones) out += CHINESE_DIGITS[ones]
  return out
}

const ARABIC_ORDINALS = [
  'أولا',
  'ثانيا',
  'ثالثا',
  'رابعا',
  'خامسا',
  'سادسا',
  'سابعا',
  'ثامنا',
  'تاسعا',
  'عاشرا',
  'حادي عشر',
  'ثاني عشر',
  'ثالث عشر',
  'رابع عشر',
  'خامس عشر'
]
const ARABIC_SECTION_NAMES = [
  'ألف',
  'باء',
  'جيم',
  'دال',
  'هاء',
  'واو',
  'زاي',
  'حاء',
  'طاء',
  'ياء',
  'كاف',
  'لام',
  'ميم',
  'نون',
  'سين',
  'عين'
]
const ARABIC_LETTERS = 'أبجدهوزحطيكلمنسعفصقرشتثخذضظغ'

function fromTable(table: readonly string[], n: number): string {
  return table[n - 1] ?? String(n)
}

const romanDot = (n: number) => `${toRoman(n)}.`
const upperDot = (n: number) => `${toLetters(n).toUpperCase()}.`
const decimalDot = (n: number) => `${n}.`
const parenLower = (n: number) => `(${toLetters(n)})`
const parenRoman = (n: number) => `(${toRoman(n).toLowerCase()})`
const lowerParen = (n: number) => `${toLetters(n)})`
const romanParen = (n: number) => `${toRoman(n).toLowerCase()})`

/** Label parts for the European-language references: "paragraph 12", "chapter II". */
function europeanReference(words: Record<ReferenceKind, string>) {
  return (kind: ReferenceKind, label: string, path: string) =>
    `${words[kind]} ${kind === 'section' || kind === 'subsection' ? path : label}`
}

/** The conventions table. */
export const CONVENTIONS: Record<Language, LanguageConventions> = {
  en: {
    direction: 'ltr',
    chapter: romanDot,
    section: upperDot,
    subsection: decimalDot,
    paragraph: decimalDot,
    recommendation: (n) => `Recommendation ${n}`,
    subparagraphList: [parenLower, parenRoman],
    agendaList: [decimalDot, parenLower],
    footnote: String,
    reference: europeanReference({
      chapter: 'chapter',
      section: 'section',
      subsection: 'subsection',
      paragraph: 'paragraph',
      recommendation: 'recommendation'
    }),
    brokenReference: '[reference to deleted text]'
  },
  fr: {
    direction: 'ltr',
    chapter: romanDot,
    section: upperDot,
    subsection: decimalDot,
    paragraph: decimalDot,
    recommendation: (n) => `Recommandation ${n}`,
    subparagraphList: [lowerParen, romanParen],
    agendaList: [decimalDot, lowerParen],
    footnote: String,
    reference: europeanReference({
      chapter: 'chapitre',
      section: 'section',
      subsection: 'sous-section',
      paragraph: 'paragraphe',
      recommendation: 'recommandation'
    }),
    brokenReference: '[renvoi à un texte supprimé]'
  },
  es: {
    direction: 'ltr',
    chapter: romanDot,
    section: upperDot,
    subsection: decimalDot,
    paragraph: decimalDot,
    recommendation: (n) => `Recomendación ${n}`,
    subparagraphList: [lowerParen, romanParen],
    agendaList: [decimalDot, lowerParen],
    footnote: String,
    reference: europeanReference({
      chapter: 'capítulo',
      section: 'sección',
      subsection: 'subsección',
      paragraph: 'párrafo',
      recommendation: 'recomendación'
    }),
    brokenReference: '[remisión a un texto suprimido]'
  },
  ru: {
    direction: 'ltr',
    chapter: romanDot,
    section: upperDot,
    subsection: decimalDot,
    paragraph: decimalDot,
    recommendation: (n) => `Рекомендация ${n}`,
    subparagraphList: [(n) => `${toLetters(n, 'абвгдежзиклмнопрстуфхцчшщэюя')})`, romanParen],
    agendaList: [decimalDot, (n) => `${toLetters(n, 'абвгдежзиклмнопрстуфхцчшщэюя')})`],
    footnote: String,
    reference: europeanReference({
      chapter: 'глава',
      section: 'раздел',
      subsection: 'подраздел',
      paragraph: 'пункт',
      recommendation: 'рекомендация'
    }),
    brokenReference: '[ссылка на удаленный текст]'
  },
  zh: {
    direction: 'ltr',
    chapter: (n) => `${toChineseNumeral(n)}.`,
    section: upperDot,
    subsection: decimalDot,
    paragraph: decimalDot,
    recommendation: (n) => `建议 ${n}`,
    subparagraphList: [parenLower, parenRoman],
    agendaList: [decimalDot, parenLower],
    footnote: String,
    reference: (kind, label, path) => {
      const [chapter = '', section = ''] = path.split('.')
      switch (kind) {
        case 'paragraph':
          return `第 ${label} 段`
        case 'recommendation':
          return `建议 ${label}`
        case 'chapter':
          return `第${label}章`
        case 'section':
          return `第${chapter}章 ${section} 节`
        case 'subsection':
          return `第${chapter}章 ${section} 节 ${label} 小节`
      }
    },
    brokenReference: '[引用的文本已删除]'
  },
  ar: {
    direction: 'rtl',
    chapter: (n) => `${fromTable(ARABIC_ORDINALS, n)} -`,
    section: (n) => `${fromTable(ARABIC_SECTION_NAMES, n)} -`,
    subsection: (n) => `${n} -`,
    paragraph: (n) => `${n} -`,
    recommendation: (n) => `التوصية ${n}`,
    subparagraphList: [(n) => `(${toLetters(n, ARABIC_LETTERS)})`, (n) => `(${n})`],
    agendaList: [(n) => `${n} -`, (n) => `(${toLetters(n, ARABIC_LETTERS)})`],
    footnote: String,
    reference: (kind, label, path) => {
      const words: Record<ReferenceKind, string> = {
        chapter: 'الفصل',
        section: 'الفرع',
        subsection: 'الفرع الفرعي',
        paragraph: 'الفقرة',
        recommendation: 'التوصية'
      }
      return `${words[kind]} ${kind === 'section' || kind === 'subsection' ? path : label}`
    },
    brokenReference: '[إحالة إلى نص محذوف]'
  }
}

/** Whether a string names a report language. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/**
 * The bare number inside a label, as references and paths use it: "II." → "II",
 * "(a)" → "a", "أولا -" → "أولا".
 */
export function bareLabel(label: string): string {
  return label.replace(/^\(|[.)]$|\s*-$/g, '').trim()
}
