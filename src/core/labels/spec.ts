import { NUMERALS, type NumeralName } from './numeral-systems'

/**
 * A label format as a value: a numeral system and the text around the
 * number. "(a)" is lower-latin between "(" and ")"; "Recommendation 3" is
 * decimal after "Recommendation "; "أولا -" is an Arabic ordinal before " -".
 * The editor's labels, the Word numbering levels and SEQ switches of the
 * export, and the importer's readings all derive from these values.
 */

/** How one series of labels is written. */
export interface LabelSpec {
  numeral: NumeralName
  prefix: string
  suffix: string
}

/** A computed label in its parts, so nothing has to parse a label back. */
export interface LabelParts {
  /** Text before the number ("(", "Recommendation "). */
  prefix: string
  /** The number as written ("a", "II", "أولا", "12"). */
  text: string
  /** Text after the number (")", ".", " -"). */
  suffix: string
  /** The number's value in its series. */
  value: number
}

/** A label spec written compactly: `spec('lower-latin', '(', ')')`. */
export function spec(numeral: NumeralName, prefix = '', suffix = ''): LabelSpec {
  return { numeral, prefix, suffix }
}

/** The label of number `n` in the series `format`, in its parts. */
export function labelParts(format: LabelSpec, n: number): LabelParts {
  return {
    prefix: format.prefix,
    text: NUMERALS[format.numeral].format(n),
    suffix: format.suffix,
    value: n
  }
}

/** The printed label: prefix, number, suffix. */
export function labelText(parts: LabelParts): string {
  return parts.prefix + parts.text + parts.suffix
}

/** The printed label of number `n` in the series `format`. */
export function formatLabel(format: LabelSpec, n: number): string {
  return labelText(labelParts(format, n))
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * A regex source matching a printed label of the series, the number in the
 * named group `number`. Spaces in the affixes match any run of white space,
 * as text copied out of a document spaces them.
 */
export function labelPattern(format: LabelSpec): string {
  const affix = (text: string) => escapeRegex(text).replace(/ /g, '\\s*')
  return `${affix(format.prefix)}(?<number>${NUMERALS[format.numeral].pattern})${affix(format.suffix)}`
}

/** The number a printed number text stands for in the series, or undefined. */
export function parseNumber(format: LabelSpec, text: string): number | undefined {
  return NUMERALS[format.numeral].parse(text)
}

const anchored = new Map<string, RegExp>()

/** The number a whole printed label stands for in the series ("(bb)" → 28), or undefined. */
export function parseLabel(format: LabelSpec, label: string): number | undefined {
  const key = `${format.numeral}\u0000${format.prefix}\u0000${format.suffix}`
  let regex = anchored.get(key)
  if (!regex) {
    regex = new RegExp(`^${labelPattern(format)}$`, 'u')
    anchored.set(key, regex)
  }
  const match = regex.exec(label.trim())
  return match?.groups ? parseNumber(format, match.groups.number) : undefined
}
