/**
 * Label formats as values: numeral systems, label specs, and what the
 * editor, the Word export and the importer derive from them.
 */
export * from './spec'
export * from './word'
export {
  NUMERALS,
  numeralForWordFormat,
  type NumeralName,
  type NumeralSystem
} from './numeral-systems'
export { toRoman } from './roman'
export { toChineseNumeral } from './chinese'
