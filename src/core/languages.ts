/**
 * Numbering and wording conventions of the six official UN languages. A
 * report has one language; every label it shows follows that language's row.
 * Adding a language is adding its code to `LANGUAGES` and one entry to
 * `CONVENTIONS`: its labels are label specs (`./labels`), from which the
 * editor's labels, the Word numbering and fields and the importer's label
 * readers all derive. The tables of words that are not labels (import
 * phrases, typography, masthead wording, the template outline) are records
 * keyed by `Language`, so the type checker names each one still missing it.
 */

import { spec, type LabelSpec } from './labels'

/** The languages a report can be written in. */
export const LANGUAGES = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const
/** A report language code. */
export type Language = (typeof LANGUAGES)[number]

/** Kinds of thing a cross-reference can point at. */
export type ReferenceKind = 'chapter' | 'section' | 'subsection' | 'paragraph' | 'recommendation'

/** The label series of a report, each written by one label spec. */
export interface LanguageLabels {
  /** Chapter label, e.g. "II." or "二.". */
  chapter: LabelSpec
  /** Section label, restarting in each chapter, e.g. "B.". */
  section: LabelSpec
  /** Subsection label, restarting in each section, e.g. "1.". */
  subsection: LabelSpec
  /** Numbered paragraph label, running through the report, e.g. "12.". */
  paragraph: LabelSpec
  /** The heading line of a block-style recommendation, e.g. "Recommendation 3". */
  recommendation: LabelSpec
  /** Sub-paragraph list labels by nesting depth (four levels): (a), then (i). */
  subparagraphList: readonly LabelSpec[]
  /** Agenda list labels by nesting depth (four levels): 1., then (a). */
  agendaList: readonly LabelSpec[]
  /** Footnote mark as shown in the text. */
  footnote: LabelSpec
}

/** How one language numbers and names the parts of a report. */
export interface LanguageConventions {
  /** Writing direction of the report. */
  direction: 'ltr' | 'rtl'
  /** How each series is labelled. */
  labels: LanguageLabels
  /**
   * The words a cross-reference shows for its target. `label` is the target's
   * bare number ("12", "II", "B"); `path` adds the enclosing chapter for
   * sections and subsections ("II.B").
   */
  reference(kind: ReferenceKind, label: string, path: string): string
  /** What a reference shows when its target no longer exists. */
  brokenReference: string
}

/** List depths the label tables define; deeper lists repeat the last. */
export const LIST_LEVELS = 4

/** The spec of list level `depth` (0-based): past the last defined level, the last repeats. */
export function listLevel(levels: readonly LabelSpec[], depth: number): LabelSpec {
  return levels[Math.min(depth, levels.length - 1)]
}

const romanDot = spec('upper-roman', '', '.')
const upperDot = spec('upper-latin', '', '.')
const decimalDot = spec('decimal', '', '.')
const parenLower = spec('lower-latin', '(', ')')
const parenRoman = spec('lower-roman', '(', ')')
const lowerParen = spec('lower-latin', '', ')')
const romanParen = spec('lower-roman', '', ')')
const footnote = spec('decimal')

/** Four list levels: the first two as given, the deeper ones as the second. */
function listLevels(first: LabelSpec, second: LabelSpec): readonly LabelSpec[] {
  return [first, second, second, second]
}

/** The labels most languages share: I., A., 1., 12., lists as given. */
function westernLabels(
  recommendation: string,
  subparagraph: readonly [LabelSpec, LabelSpec],
  chapter: LabelSpec = romanDot
): LanguageLabels {
  return {
    chapter,
    section: upperDot,
    subsection: decimalDot,
    paragraph: decimalDot,
    recommendation: spec('decimal', `${recommendation} `),
    subparagraphList: listLevels(...subparagraph),
    agendaList: listLevels(decimalDot, subparagraph[0]),
    footnote
  }
}

/** Label parts for the European-language references: "paragraph 12", "chapter II". */
function europeanReference(words: Record<ReferenceKind, string>) {
  return (kind: ReferenceKind, label: string, path: string) =>
    `${words[kind]} ${kind === 'section' || kind === 'subsection' ? path : label}`
}

/** The conventions table. */
export const CONVENTIONS: Record<Language, LanguageConventions> = {
  en: {
    direction: 'ltr',
    labels: westernLabels('Recommendation', [parenLower, parenRoman]),
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
    labels: westernLabels('Recommandation', [lowerParen, romanParen]),
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
    labels: westernLabels('Recomendación', [lowerParen, romanParen]),
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
    labels: westernLabels('Рекомендация', [spec('lower-cyrillic', '', ')'), romanParen]),
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
    labels: westernLabels('建议', [parenLower, parenRoman], spec('chinese', '', '.')),
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
    labels: {
      chapter: spec('arabic-ordinal', '', ' -'),
      section: spec('arabic-letter-name', '', ' -'),
      subsection: spec('decimal', '', ' -'),
      paragraph: spec('decimal', '', ' -'),
      recommendation: spec('decimal', 'التوصية '),
      subparagraphList: listLevels(spec('arabic-abjad', '(', ')'), spec('decimal', '(', ')')),
      agendaList: listLevels(spec('decimal', '', ' -'), spec('arabic-abjad', '(', ')')),
      footnote
    },
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
