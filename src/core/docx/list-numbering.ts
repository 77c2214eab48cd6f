import {
  AlignmentType,
  LevelFormat,
  LevelSuffix,
  type ILevelsOptions,
  type INumberingOptions
} from 'docx'
import type { Language } from '../languages'
import { LABEL_STEP, NUMBERING, TEXT_INDENT } from './layout'

/**
 * The Word numbering definitions of an exported report, in one place. Numbers
 * are Word's own (`w:numPr`), so a paragraph inserted in Word later is numbered
 * and the rest shift; the formats follow the language's conventions
 * (`languages.ts`), so Word shows the labels Rapporteur computed.
 */

type Format = (typeof LevelFormat)[keyof typeof LevelFormat]

/** One level's number: its Word format and its text around the number (`%` stands for it). */
interface LevelLabel {
  format: Format
  text: string
}

/** The Word formats that reproduce each language's labels (DESIGN.md §1). */
interface LanguageNumbering {
  paragraph: LevelLabel
  subparagraph: readonly LevelLabel[]
  agendaTop: LevelLabel
}

const decimalDot: LevelLabel = { format: LevelFormat.DECIMAL, text: '%.' }
const parenLetter: LevelLabel = { format: LevelFormat.LOWER_LETTER, text: '(%)' }
const parenRoman: LevelLabel = { format: LevelFormat.LOWER_ROMAN, text: '(%)' }
const letterParen: LevelLabel = { format: LevelFormat.LOWER_LETTER, text: '%)' }
const romanParen: LevelLabel = { format: LevelFormat.LOWER_ROMAN, text: '%)' }
const arabicDash: LevelLabel = { format: LevelFormat.DECIMAL, text: '% -' }

const LANGUAGE_NUMBERING: Record<Language, LanguageNumbering> = {
  en: { paragraph: decimalDot, subparagraph: [parenLetter, parenRoman], agendaTop: decimalDot },
  zh: { paragraph: decimalDot, subparagraph: [parenLetter, parenRoman], agendaTop: decimalDot },
  fr: { paragraph: decimalDot, subparagraph: [letterParen, romanParen], agendaTop: decimalDot },
  es: { paragraph: decimalDot, subparagraph: [letterParen, romanParen], agendaTop: decimalDot },
  ru: {
    paragraph: decimalDot,
    subparagraph: [{ format: LevelFormat.RUSSIAN_LOWER, text: '%)' }, romanParen],
    agendaTop: decimalDot
  },
  ar: {
    paragraph: arabicDash,
    subparagraph: [
      { format: LevelFormat.ARABIC_ABJAD, text: '(%)' },
      { format: LevelFormat.DECIMAL, text: '(%)' }
    ],
    agendaTop: arabicDash
  }
}

/** Word allows nine list levels. */
const LEVELS = 9

function level(
  index: number,
  label: LevelLabel,
  indent: { left: number; firstLine?: number; hanging?: number },
  tab: number
): ILevelsOptions {
  return {
    level: index,
    format: label.format,
    text: label.text.replace('%', `%${index + 1}`),
    alignment: AlignmentType.START,
    suffix: LevelSuffix.TAB,
    style: { paragraph: { indent, leftTabStop: tab } }
  }
}

/**
 * Labels by depth as the core's numbering gives them: past the last defined
 * depth, the last label repeats.
 */
function labelAt(labels: readonly LevelLabel[], depth: number): LevelLabel {
  return labels[Math.min(depth, labels.length - 1)]
}

/** The report's numbering definitions for `language`. */
export function reportNumbering(language: Language): INumberingOptions {
  const formats = LANGUAGE_NUMBERING[language]
  const depths = Array.from({ length: LEVELS }, (_, depth) => depth)
  const agendaLabels = [formats.agendaTop, ...formats.subparagraph]
  return {
    config: [
      {
        reference: NUMBERING.paragraphs,
        // The number stands at the text block's edge and the lines wrap back under it, as in UN documents.
        levels: [
          level(0, formats.paragraph, { left: TEXT_INDENT, firstLine: 0 }, TEXT_INDENT + LABEL_STEP)
        ]
      },
      {
        reference: NUMBERING.subparagraphs,
        levels: depths.map((depth) =>
          level(
            depth,
            labelAt(formats.subparagraph, depth),
            { left: TEXT_INDENT, firstLine: LABEL_STEP * (depth + 1) },
            TEXT_INDENT + LABEL_STEP * (depth + 2)
          )
        )
      },
      {
        reference: NUMBERING.agenda,
        // Agenda items hang: the item's text lines up under its first word.
        levels: depths.map((depth) =>
          level(
            depth,
            labelAt(agendaLabels, depth),
            { left: TEXT_INDENT + LABEL_STEP * (depth + 2), hanging: LABEL_STEP },
            TEXT_INDENT + LABEL_STEP * (depth + 2)
          )
        )
      }
    ]
  }
}
