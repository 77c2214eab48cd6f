import { CHINESE_MAX, chineseToNumber, toChineseNumeral } from './chinese'
import { lettersMax, lettersToNumber, toLetters, type LetterConvention } from './letters'
import { ROMAN_MAX, romanToNumber, toRoman } from './roman'
import { ARABIC_ORDINALS, ARABIC_SECTION_NAMES } from './arabic-words'

/**
 * The ways a number can be written in a label, each with everything the
 * editor, the exporter and the importer need: how to write it, how to read
 * it back, and which Word format renders it the same way. Outside its range
 * every system writes decimal digits, so a label is always finite and reads
 * back to its number.
 */

/** One way of writing numbers. */
export interface NumeralSystem {
  /** `n` written in this system. */
  format(n: number): string
  /** The number `text` stands for, or undefined when `format` would never write it. */
  parse(text: string): number | undefined
  /** A regex source matching any text `format` writes (no anchors, no capturing groups). */
  pattern: string
  /**
   * Word's `w:numFmt` that renders the same labels, or null where Word has
   * none: such numbers (heading words) are written as text, never as Word
   * numbering.
   */
  wordFormat: string | null
  /** The `\*` switch of a SEQ field that writes the same, or null where Word has none. */
  fieldFormat: string | null
}

/** Names of the numeral systems labels use. */
export type NumeralName =
  | 'decimal'
  | 'upper-roman'
  | 'lower-roman'
  | 'upper-latin'
  | 'lower-latin'
  | 'lower-cyrillic'
  | 'upper-cyrillic'
  | 'arabic-abjad'
  | 'arabic-alphabetic'
  | 'chinese'
  | 'arabic-ordinal'
  | 'arabic-letter-name'

const DIGITS = '\\d{1,9}'

/** Decimal digits as a fallback reading: only for numbers the system itself does not write. */
function digitsAbove(text: string, max: number): number | undefined {
  if (!/^\d{1,9}$/.test(text)) return undefined
  const value = Number(text)
  return value > max ? value : undefined
}

const decimal: NumeralSystem = {
  format: (n) => String(n),
  parse: (text) => (/^[1-9]\d{0,8}$/.test(text) ? Number(text) : undefined),
  pattern: DIGITS,
  wordFormat: 'decimal',
  fieldFormat: '\\* ARABIC'
}

function roman(lower: boolean): NumeralSystem {
  const numeral = lower ? /^[ivxlcdm]+$/ : /^[IVXLCDM]+$/
  return {
    format: (n) => (lower ? toRoman(n).toLowerCase() : toRoman(n)),
    parse: (text) =>
      (numeral.test(text) ? romanToNumber(text.toUpperCase()) : undefined) ??
      digitsAbove(text, ROMAN_MAX),
    pattern: lower ? `[ivxlcdm]{1,15}|${DIGITS}` : `[IVXLCDM]{1,15}|${DIGITS}`,
    wordFormat: lower ? 'lowerRoman' : 'upperRoman',
    fieldFormat: lower ? '\\* roman' : '\\* ROMAN'
  }
}

function letters(
  alphabet: string,
  convention: LetterConvention,
  word: { wordFormat: string | null; fieldFormat: string | null },
  /** Other spellings of a letter that Word or LibreOffice write for it. */
  variants: ReadonlyArray<[string, string]> = []
): NumeralSystem {
  const list = [...alphabet]
  const max = lettersMax(list, convention)
  const normalize = (text: string) =>
    variants.reduce((out, [variant, letter]) => out.split(variant).join(letter), text)
  return {
    format: (n) => toLetters(n, list, convention),
    parse: (text) => lettersToNumber(normalize(text), list, convention) ?? digitsAbove(text, max),
    pattern: `[${alphabet}${variants.map(([variant]) => variant).join('')}]{1,30}|${DIGITS}`,
    ...word
  }
}

function wordTable(table: readonly string[]): NumeralSystem {
  const index = new Map(table.map((word, i) => [word, i + 1]))
  return {
    format: (n) => table[n - 1] ?? String(n),
    parse: (text) => index.get(text) ?? digitsAbove(text, table.length),
    // Longest first, so "حادي عشر" is not read as a shorter word.
    pattern: [...table]
      .sort((a, b) => b.length - a.length)
      .concat(DIGITS)
      .join('|'),
    wordFormat: null,
    fieldFormat: null
  }
}

const LATIN = 'abcdefghijklmnopqrstuvwxyz'
/** Word's and LibreOffice's Russian letters: the alphabet without ё, й, ъ and ь. */
const CYRILLIC = 'абвгдежзиклмнопрстуфхцчшщыэюя'
/** The abjad order of the Arabic letters, as UN Arabic documents letter their lists. */
const ABJAD = 'أبجدهوزحطيكلمنسعفصقرشتثخذضظغ'
/** The alphabetical (hijāʾī) order, Word's `arabicAlpha`. */
const ALPHABETIC = 'أبتثجحخدذرزسشصضطظعغفقكلمنهوى'
/** Word writes the fifth abjad letter with a tatweel (هـ), LibreOffice the first without hamza (ا). */
const ARABIC_VARIANTS: ReadonlyArray<[string, string]> = [
  ['هـ', 'ه'],
  ['ا', 'أ']
]

/** Every numeral system by name. */
export const NUMERALS: Record<NumeralName, NumeralSystem> = {
  decimal,
  'upper-roman': roman(false),
  'lower-roman': roman(true),
  'upper-latin': letters(LATIN.toUpperCase(), 'repeated', {
    wordFormat: 'upperLetter',
    fieldFormat: '\\* ALPHABETIC'
  }),
  'lower-latin': letters(LATIN, 'repeated', {
    wordFormat: 'lowerLetter',
    fieldFormat: '\\* alphabetic'
  }),
  'lower-cyrillic': letters(CYRILLIC, 'bijective', {
    wordFormat: 'russianLower',
    fieldFormat: null
  }),
  'upper-cyrillic': letters(CYRILLIC.toUpperCase(), 'bijective', {
    wordFormat: 'russianUpper',
    fieldFormat: null
  }),
  'arabic-abjad': letters(
    ABJAD,
    'bijective',
    { wordFormat: 'arabicAbjad', fieldFormat: null },
    ARABIC_VARIANTS
  ),
  'arabic-alphabetic': letters(
    ALPHABETIC,
    'bijective',
    { wordFormat: 'arabicAlpha', fieldFormat: null },
    ARABIC_VARIANTS
  ),
  chinese: {
    format: toChineseNumeral,
    parse: (text) => chineseToNumber(text) ?? digitsAbove(text, CHINESE_MAX),
    pattern: `[一二三四五六七八九十百零]{1,6}|${DIGITS}`,
    wordFormat: 'chineseCounting',
    fieldFormat: null
  },
  // Heading words have no Word numbering format: headings carry their label as typed text.
  'arabic-ordinal': wordTable(ARABIC_ORDINALS),
  'arabic-letter-name': wordTable(ARABIC_SECTION_NAMES)
}

/** The numeral system Word's `w:numFmt` value names, if labels use it. */
export function numeralForWordFormat(wordFormat: string): NumeralSystem | undefined {
  return Object.values(NUMERALS).find((system) => system.wordFormat === wordFormat)
}
