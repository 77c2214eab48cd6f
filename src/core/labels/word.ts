import { NUMERALS } from './numeral-systems'
import type { LabelSpec } from './spec'

/**
 * A label spec as Word writes it: a numbering level (`w:numFmt` and
 * `w:lvlText`, where `%N` stands for the number of level N) or the format
 * switch of a SEQ field.
 */

/** A Word numbering level's number format and text. */
export interface WordLevel {
  /** The `w:numFmt` value. */
  format: string
  /** The `w:lvlText` value: the affixes around `%N`. */
  text: string
}

/** Word's `%` escapes nothing, so an affix holding one would be read as a level placeholder. */
function wordAffix(text: string): string {
  if (text.includes('%')) throw new Error(`a Word level text cannot hold "%": ${text}`)
  return text
}

/** The Word numbering level (0-based `level`) that prints the labels of `format`. */
export function wordLevel(format: LabelSpec, level: number): WordLevel {
  const wordFormat = NUMERALS[format.numeral].wordFormat
  if (wordFormat === null)
    throw new Error(`Word has no numbering format for ${format.numeral} numbers`)
  return {
    format: wordFormat,
    text: `${wordAffix(format.prefix)}%${level + 1}${wordAffix(format.suffix)}`
  }
}

/** The SEQ field format switch that writes numbers as `format` does (`\* ARABIC`). */
export function sequenceSwitch(format: LabelSpec): string {
  const switchText = NUMERALS[format.numeral].fieldFormat
  if (switchText === null)
    throw new Error(`Word fields have no format for ${format.numeral} numbers`)
  return switchText
}
