import type { ParagraphBreakChange, TextChangeAttrs } from '../review/change'
import type { ImportNote } from './note'
import type { LanguageGuess } from './language'
import type { Segment } from './segments'
import type { CommentThread } from '../review/threads'

/**
 * What an importer front end (plain text, Word) hands to structure
 * recognition: the source's paragraphs in order, each with what the source
 * format itself says about it (Word styles and generated numbers).
 */

/** One paragraph of the source, as the front end could delimit it. */
export interface SourceBlock {
  /** 1-based line (text) or paragraph (Word) where it starts, for notes. */
  line: number
  segments: Segment[]
  /** Heading level the source's style gives it: 1 chapter, 2 section, 3 subsection. */
  headingLevel?: 1 | 2 | 3
  /** The source marks it as the document title (Word's Title style). */
  title?: boolean
  /** The number Word generates for it ("12.", "(a)"): not part of its text. */
  numberLabel?: string
  /** Word list level (0 = outermost) of a Word-numbered paragraph. */
  numberLevel?: number
  /** The Word list definition that numbers it, so paragraphs stay paragraphs when Word restarts them. */
  numberList?: string
  /** Where the front end knows the block to stand (PDF layout): the masthead or the body. */
  zone?: 'masthead' | 'body'
  /** A suggested break after it (Word: a revision of its paragraph mark). */
  paragraphBreak?: ParagraphBreakChange
  /** Its format before a suggested formatting change (Word: `w:pPrChange`). */
  formerFormat?: SourceFormerFormat
}

/** What a source paragraph's old properties say, as far as a report's blocks can use it. */
export interface SourceFormerFormat {
  /** Who changed the format, and when. */
  change: TextChangeAttrs
  /** Whether the paragraph was numbered (it had a list numbering or a numbered style). */
  numbered: boolean
  /** Its old list level, when it had one. */
  level?: number
}

/** A footnote text found in running text ("¹ See …"), to be anchored at its marker. */
export interface SourceFootnote {
  line: number
  number: number
  segments: Segment[]
}

/** Footnote texts numbered from 1 again from a source line on (an annex's), by printed number. */
export interface FootnoteSeries {
  /** The line the series starts at: marks in blocks from there on take their texts from it. */
  from: number
  footnotes: Map<number, SourceFootnote>
}

/** A source read into paragraphs, ready for structure recognition. */
export interface SourceDocument {
  blocks: SourceBlock[]
  /** Footnote texts by their printed number (text import; Word footnotes sit in segments). */
  footnotes: Map<number, SourceFootnote>
  /** Later footnote series, in order: annexes that number their footnotes from 1 again (text import). */
  laterFootnotes?: FootnoteSeries[]
  /** What page furniture said: the running-head symbol and the job number. */
  furniture: { symbol?: string; jobNumber?: string }
  language: LanguageGuess
  notes: ImportNote[]
  /** Comment threads the source holds (Word comments), anchored by marks on their runs. */
  comments?: CommentThread[]
}

/** Display width of a string: East Asian wide characters count two. */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += isWide(char) ? 2 : 1
  return width
}

/** Whether a character is an East Asian wide character (Chinese, Japanese, full-width forms). */
export function isWide(char: string): boolean {
  const code = char.codePointAt(0) ?? 0
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  )
}

/** Two pieces of text joined as a line wrap joins them: no space between Chinese or Japanese. */
export function joinWrapped(before: string, after: string): string {
  if (!before) return after
  if (!after) return before
  return isWide(before[before.length - 1]) || isWide(after[0])
    ? before + after
    : `${before} ${after}`
}
