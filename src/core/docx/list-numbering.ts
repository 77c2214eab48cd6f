import { AlignmentType, LevelSuffix, type ILevelsOptions, type INumberingOptions } from 'docx'
import { wordLevel, type LabelSpec } from '../labels'
import { CONVENTIONS, listLevel, type Language } from '../languages'
import { LABEL_STEP, NUMBERING, TEXT_INDENT } from './layout'

/**
 * The Word numbering definitions of an exported report, in one place. Numbers
 * are Word's own (`w:numPr`), so a paragraph inserted in Word later is numbered
 * and the rest shift; each level is derived from the language's label spec
 * for its series (`languages.ts`), so Word shows the labels Rapporteur
 * computed.
 */

/** Word allows nine list levels. */
const LEVELS = 9

function level(
  index: number,
  label: LabelSpec,
  indent: { left: number; firstLine?: number; hanging?: number },
  tab: number
): ILevelsOptions {
  const word = wordLevel(label, index)
  return {
    level: index,
    // The docx package's LevelFormat values are Word's numFmt names.
    format: word.format as ILevelsOptions['format'],
    text: word.text,
    alignment: AlignmentType.START,
    suffix: LevelSuffix.TAB,
    style: { paragraph: { indent, leftTabStop: tab } }
  }
}

/** The report's numbering definitions for `language`. */
export function reportNumbering(language: Language): INumberingOptions {
  const labels = CONVENTIONS[language].labels
  const depths = Array.from({ length: LEVELS }, (_, depth) => depth)
  return {
    config: [
      {
        reference: NUMBERING.paragraphs,
        // The number stands at the text block's edge and the lines wrap back under it, as in UN documents.
        levels: [
          level(0, labels.paragraph, { left: TEXT_INDENT, firstLine: 0 }, TEXT_INDENT + LABEL_STEP)
        ]
      },
      {
        reference: NUMBERING.subparagraphs,
        levels: depths.map((depth) =>
          level(
            depth,
            listLevel(labels.subparagraphList, depth),
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
            listLevel(labels.agendaList, depth),
            { left: TEXT_INDENT + LABEL_STEP * (depth + 2), hanging: LABEL_STEP },
            TEXT_INDENT + LABEL_STEP * (depth + 2)
          )
        )
      }
    ]
  }
}
