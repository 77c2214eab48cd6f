import { NUMERALS } from '../labels'
import type { Language } from '../languages'
import { labelTables } from './language'

/** "Chapter I" headings, the title on the same line or the next. */
export const CHAPTER_WORD =
  /^(?:Chapter|CHAPTER|Chapitre|CHAPITRE|Cap[íi]tulo|CAP[ÍI]TULO|Глава|ГЛАВА)\s+([IVXLC]{1,7}|\d{1,2})\.?(?:\s+(.*))?$/s

/**
 * Reading the printed number at the start of a block ("IV.", "B.", "12.",
 * "(a)", "ii)", "一.") back into what it could be. Many labels are ambiguous
 * on their own ("C." is section C or chapter 100; "(i)" is the ninth letter or
 * roman one): a marker lists every reading and the recognizer picks the one
 * that continues the document's sequences.
 */

/** A label at the start of a block. */
export type Marker =
  | {
      type: 'heading'
      /** Number as a chapter label ("IV." → 4), if it reads as one. */
      chapter?: number
      /** Number as a section label ("B." → 2), if it reads as one. */
      section?: number
      length: number
      label: string
    }
  | { type: 'number'; value: number; length: number; label: string }
  | {
      type: 'item'
      /** Number as a letter ("(c)" → 3), if it reads as one. */
      letter?: number
      /** Number as a lower-case roman numeral ("(iv)" → 4), if it reads as one. */
      roman?: number
      length: number
      label: string
    }

const HEADING_LATIN = /^([IVXLC]{1,7}|[A-Z]{1,2})\.(?:\s+|$)/
const HEADING_CJK = /^([一二三四五六七八九十百]{1,4})\s*[.．、](?:\s*)/
const HEADING_ARABIC = /^(\S+(?: \S+)?)\s+-\s+/
// PDF text loses the tab after wide numbers ("100.Conference"), so a capital may follow directly.
const NUMBER = /^(\d{1,4})[.．](?:\s+|$|(?=[\u3400-\u9fff“"(\p{Lu}]))/u
const NUMBER_ARABIC = /^(\d{1,4})\s*-\s+/
// Latin letters repeat past z ((tttttttttttttttttttt) is 500); Cyrillic and Arabic letters
// continue as (аа), (أب), so more than two (three with هـ) are words.
const ITEM =
  /^(?:[(（]([a-z]{1,20}|[а-я]{1,2}|[\u0621-\u064a\u0640]{1,3})[)）]|([a-z]{1,20}|[а-я]{1,2})\))(?:\s+|$|(?=[\u3400-\u9fff]))/

/** Value of a lower-case roman numeral, or undefined if it is not one (in canonical form). */
export function romanValue(token: string): number | undefined {
  if (!/^[ivxlcdm]+$/.test(token)) return undefined
  return NUMERALS['lower-roman'].parse(token)
}

/** The letter systems list items are lettered in, in the order a token is tried. */
const LIST_LETTERS = [NUMERALS['lower-latin'], NUMERALS['lower-cyrillic'], NUMERALS['arabic-abjad']]

/**
 * Value of a list letter as Word letters lists: "a" → 1, "z" → 26, "aa" → 27,
 * "bb" → 28 (also Cyrillic а, б, … and Arabic أ, ب, …).
 */
export function letterValue(token: string): number | undefined {
  if (/\d/.test(token)) return undefined
  for (const system of LIST_LETTERS) {
    const value = system.parse(token)
    if (value !== undefined) return value
  }
  return undefined
}

/** The marker a block's text starts with, if any. */
export function parseMarker(text: string, language: Language): Marker | undefined {
  const tables = labelTables(language)
  if (language === 'ar') {
    const number = NUMBER_ARABIC.exec(text)
    if (number)
      return {
        type: 'number',
        value: Number(number[1]),
        length: number[0].length,
        label: number[1]
      }
    const heading = HEADING_ARABIC.exec(text)
    if (heading) {
      const chapter = tables.chapter.get(heading[1])
      const section = tables.section.get(heading[1])
      if (chapter || section)
        return { type: 'heading', chapter, section, length: heading[0].length, label: heading[1] }
    }
  }
  const cjk = HEADING_CJK.exec(text)
  if (cjk) {
    const chapter = labelTables('zh').chapter.get(cjk[1])
    if (chapter) return { type: 'heading', chapter, length: cjk[0].length, label: cjk[1] }
  }
  const latin = HEADING_LATIN.exec(text)
  if (latin) {
    const token = latin[1]
    const chapter = labelTables('en').chapter.get(token)
    const section = labelTables('en').section.get(token)
    if (chapter || section)
      return { type: 'heading', chapter, section, length: latin[0].length, label: token }
  }
  const number = NUMBER.exec(text)
  if (number)
    return { type: 'number', value: Number(number[1]), length: number[0].length, label: number[1] }
  const item = ITEM.exec(text)
  if (item) {
    const token = item[1] ?? item[2]
    const letter = letterValue(token)
    const roman = romanValue(token)
    if (letter || roman)
      return { type: 'item', letter, roman, length: item[0].length, label: token }
  }
  return undefined
}

/**
 * A footnote mark that lost its superscript in a PDF copy: digits glued to
 * the end of a Latin or Cyrillic word or a closing mark ("providers.1"), or
 * to Chinese punctuation ("合作。1"). Digits after a Chinese character are not
 * marks: Chinese writes numbers that way ("第1次"); nor are those of "Add.1".
 */
export function gluedFootnoteMark(n?: number): RegExp {
  const digits = n === undefined ? '(\\d{1,3})' : `(${n})`
  // The number of an addendum, corrigendum, revision or amendment ("Add.1") is no mark.
  return new RegExp(
    `(?<!\\b(?:Add|Corr|Rev|Amend)\\.)(?<=[\\p{Lu}\\p{Ll})\\]"”’][.,;:]?|[。，；：）」”])${digits}(?!\\d)`,
    'gu'
  )
}

/**
 * A footnote mark set apart from the sentence it follows, as justified PDF
 * text spaces it ("national. 25"): after a word's closing punctuation. Only
 * trustworthy for the footnote that comes next.
 */
export function spacedFootnoteMark(): RegExp {
  return /(?<=[\p{L})\]"”’][.,;:]) (\d{1,3})(?=\s|$)/gu
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹'

/** The number a run of superscript digits stands for ("¹²" → 12). */
export function superscriptValue(digits: string): number {
  let value = 0
  for (const char of digits) value = value * 10 + SUPERSCRIPT_DIGITS.indexOf(char)
  return value
}

/** A number in superscript digits (12 → "¹²"). */
export function toSuperscript(n: number): string {
  return [...String(n)].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)]).join('')
}
