import type { ImportNote } from './note'
import type { Language } from '../languages'
import { findSymbols } from '../symbols'
import { furniture, type Furniture } from './furniture'
import { detectLanguage, IMPORT_LANGUAGES, isAnnexHeading, type LanguageGuess } from './language'
import {
  CHAPTER_WORD,
  gluedFootnoteMark,
  parseMarker,
  superscriptValue,
  toSuperscript
} from './markers'
import { plainSegments } from './segments'
import { copiedTitle } from './text-masthead'
import {
  displayWidth,
  isWide,
  joinWrapped,
  type FootnoteSeries,
  type SourceBlock,
  type SourceDocument,
  type SourceFootnote
} from './source'

/**
 * Plain text (typed, saved from Word, or copied out of a PDF) into source
 * paragraphs. PDF text comes hard-wrapped, sometimes with an empty line after
 * every line, with page furniture in the middle of paragraphs and stray
 * leading spaces; this module undoes all that so that every shape of the
 * same report yields the same paragraphs.
 */

/** What separated a line from the line of text before it. */
type Break = 'none' | 'blank' | 'page'

interface Line {
  text: string
  /** 1-based line number in the source. */
  line: number
  width: number
  breakBefore: Break
  /** Where the masthead reading put it: a field line above the title, or the title. */
  masthead?: MastheadRole
}

/** A first-page line's part in the masthead, once its title was found. */
type MastheadRole = 'field' | 'title'

/** How a line can open a new paragraph. */
type Opening =
  'heading' | 'annex' | 'recommendation' | 'number' | 'item' | 'footnote' | 'placeholder'

interface Group {
  lines: Line[]
  masthead?: MastheadRole
  opening: Opening | null
  /** Closed groups take no more lines (a recommendation heading stands alone). */
  closed: boolean
  footnote?: number
}

interface Layout {
  /** Lines were wrapped at a page width. */
  wrapped: boolean
  /** An empty line follows every line, so empty lines say nothing. */
  doubleSpaced: boolean
  /** Typical full-line width. */
  width: number
}

const SUPERSCRIPT_START = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(?=\S)/
const BRACKET_FOOTNOTE_START = /^\[(\d{1,3})\]\s+(?=\S)/
const PLAIN_FOOTNOTE_START = /^(\d{1,3})\s+(?=\S)/
const BARE_LABEL =
  /^(?:\d{1,4}\.|[IVXLC]{1,7}\.|[A-Z]\.|\(?[a-z]{1,5}\)|[一二三四五六七八九十]{1,3}[.、．])$/
const PLACEHOLDER = /^\[[.…\s]*\]$/
const TERMINAL = /[.;:!?。；：！？]["”’)]?$/
/** The end of a sentence; a title may end its line with a colon and go on with its subtitle. */
const SENTENCE_END = /[.;!?。；！？]["”’)]?$/
const CJK_EDGE = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/

/** Reads plain text into source paragraphs and footnote texts. */
export function readTextSource(input: string, language?: Language): SourceDocument {
  const notes: ImportNote[] = []
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const guess: LanguageGuess = language ? { language } : detectLanguage(text)
  const raws = rawLines(text, guess.language)
  markMasthead(raws, guess.language)
  const { lines, furniture: furnitureFound, seriesStarts } = contentLines(raws)
  const layout = measureLayout(lines)
  let words: Set<string> | undefined
  // Built only when a line ends in a hyphen: most texts never need it.
  const wordsOf = () => (words ??= wordSet(text))
  const { main, footnotes } = groupLines(lines, layout, guess.language, notes)

  const joined = (group: Group) => joinGroup(group, wordsOf, notes)
  const blocks: SourceBlock[] = main.map((group) => {
    const block: SourceBlock = { line: group.lines[0].line, segments: plainSegments(joined(group)) }
    if (group.masthead === 'title') block.title = true
    if (group.masthead === 'field') block.zone = 'masthead'
    return block
  })
  const series: FootnoteSeries[] = [-Infinity, ...seriesStarts].map((from) => ({
    from,
    footnotes: new Map<number, SourceFootnote>()
  }))
  for (const group of footnotes) {
    const number = group.footnote!
    const body = joined(group).replace(footnoteStart(group.lines[0].text)!, '')
    const footnoteTexts = series
      .filter((entry) => entry.from <= group.lines[0].line)
      .at(-1)!.footnotes
    if (footnoteTexts.has(number))
      notes.push({
        line: group.lines[0].line,
        message: `a second text for footnote ${number} — kept the first`
      })
    else
      footnoteTexts.set(number, {
        line: group.lines[0].line,
        number,
        segments: plainSegments(body)
      })
  }
  const [first, ...later] = series
  return {
    blocks,
    footnotes: first.footnotes,
    ...(later.length && { laterFootnotes: later }),
    furniture: furnitureFound,
    language: guess,
    notes
  }
}

/**
 * The lines that carry text, each with what separated it from the one before;
 * page furniture is dropped (and what it says kept), and footnote numbers that
 * stand on their own line are put back in front of their text.
 */
function contentLines(raws: readonly RawLine[]): {
  lines: Line[]
  furniture: SourceDocument['furniture']
  /** The lines of annex headings where footnote numbering starts again. */
  seriesStarts: number[]
} {
  const found: SourceDocument['furniture'] = {}
  const symbolCounts = new Map<string, number>()
  const lines: Line[] = []
  const seriesStarts: number[] = []
  let marks = new FootnoteMarks()
  let pending: Break = 'none'
  let nextFootnote = 1
  /** Where the lines of the current page start. */
  let pageStart = 0
  /** The copy keeps its page breaks (pdftotext's form feeds): furniture read mid-page is no page break. */
  const paged = raws.some((raw) => raw.page)
  /** Lines already read as the text of a footnote whose number came before them. */
  const taken = new Set<number>()
  for (let index = 0; index < raws.length; index++) {
    const { page, text, masthead, role } = raws[index]
    if (page) {
      pending = 'page'
      pageStart = lines.length
    }
    if (taken.has(index)) continue
    const area = FOOTNOTE_RULE.test(text) ? footnoteArea(raws, index + 1, nextFootnote) : undefined
    if (area) {
      raiseMarks(
        lines.slice(pageStart),
        area.footnotes.map((footnote) => footnote.number)
      )
      for (const footnote of area.footnotes) {
        const content = `${toSuperscript(footnote.number)} ${footnote.text}`
        lines.push({
          text: content,
          line: footnote.line,
          // A whole footnote on one line: no wrapped line, so the next page's text never joins it.
          width: 0,
          breakBefore: 'blank'
        })
        marks.used.add(footnote.number)
        nextFootnote = footnote.number + 1
      }
      for (const item of area.furniture) {
        if (item.kind === 'job-number') found.jobNumber ??= item.jobNumber
        if (item.kind === 'running-head')
          symbolCounts.set(item.symbol, (symbolCounts.get(item.symbol) ?? 0) + 1)
      }
      index = area.end - 1
      pending = 'page'
      continue
    }
    if (text === '') {
      if (pending === 'none') pending = 'blank'
      continue
    }
    if (!masthead && nextFootnote > 1 && isAnnexHeading(text)) {
      // An annex may number its footnotes from 1 again: its footnote areas are read from 1.
      seriesStarts.push(raws[index].line)
      nextFootnote = 1
      marks = new FootnoteMarks()
    }
    const slashed = slashFootnote(text, lines, pageStart)
    if (slashed !== undefined) {
      lines.push({
        text: slashed,
        line: raws[index].line,
        width: displayWidth(text),
        breakBefore: pending === 'none' ? 'blank' : pending
      })
      pending = 'none'
      continue
    }
    const item = furniture(text)
    const footnote = item?.kind === 'page-number' ? detachedFootnote(raws, index, marks) : undefined
    const atFoot =
      item?.kind === 'page-number' && !footnote && paged
        ? footnoteAtPageFoot(raws, index, marks)
        : undefined
    if (atFoot) {
      lines.push({
        text: `${toSuperscript(atFoot.number)} ${atFoot.text}`,
        line: raws[atFoot.from].line,
        width: 0,
        breakBefore: 'blank'
      })
      for (let at = atFoot.from; at < atFoot.to; at++) taken.add(at)
      marks.used.add(atFoot.number)
      continue
    }
    if (item && !footnote) {
      if (item.kind === 'job-number') found.jobNumber ??= item.jobNumber
      if (item.kind === 'running-head')
        symbolCounts.set(item.symbol, (symbolCounts.get(item.symbol) ?? 0) + 1)
      // The masthead's symbol is a field of its own, not a page break between two lines; where
      // the copy keeps its page breaks, a footer read in the middle of the page is none either.
      pending = masthead || paged ? (pending === 'none' ? 'blank' : pending) : 'page'
      continue
    }
    let content = text
    if (footnote) {
      // A footnote number that lost its superscript stands on its own line above its text.
      content = `${toSuperscript(footnote.number)} ${raws[footnote.textIndex].text}`
      marks.used.add(footnote.number)
      index = footnote.textIndex
    } else marks.scan(text)
    lines.push({
      text: content,
      line: raws[index].line,
      width: displayWidth(content),
      breakBefore: pending,
      ...(role && { masthead: role })
    })
    pending = 'none'
  }
  // The running head repeats the symbol on every page; the most frequent one is the report's.
  const symbol = [...symbolCounts].sort((a, b) => b[1] - a[1])[0]?.[0]
  if (symbol) found.symbol = symbol
  return { lines, furniture: found, seriesStarts }
}

/** The masthead's agenda item line: its numbers are never footnote marks. */
const AGENDA_LINE = /\b(?:item|agenda|point|tema)\b/i

/** The rule above the footnotes at the foot of a page, as pdftotext writes it. */
const FOOTNOTE_RULE = /^_{5,}$/

/**
 * The footnotes below a page's footnote rule, down to the end of the page,
 * numbered from the bare numbers found among them. In pdftotext's reading
 * order a footnote's number often lands apart from its text, before or after
 * it: the texts are told apart by where their sentences end, and numbered in
 * order from the lowest number on the page not yet placed (the numbers say where the series
 * stands; a text without its number is the one before them). A page with no
 * number that goes on from the footnotes before (an annex restarting at 1)
 * is left to be read as text.
 */
function footnoteArea(
  raws: readonly RawLine[],
  start: number,
  nextFootnote: number
):
  | {
      footnotes: Array<{ number: number; text: string; line: number }>
      furniture: Furniture[]
      end: number
    }
  | undefined {
  const texts: Array<{ lines: string[]; line: number }> = []
  const numbers: number[] = []
  const furnitureFound: Furniture[] = []
  let end = start
  for (; end < raws.length && !raws[end].page; end++) {
    const { text, line } = raws[end]
    if (text === '') continue
    if (/^\d{1,3}$/.test(text)) {
      numbers.push(Number(text))
      continue
    }
    // The date code of the first page's footer ("130225") stands alone in this order.
    if (/^\d{4,}$/.test(text)) continue
    const item = furniture(text)
    if (item) {
      furnitureFound.push(item)
      continue
    }
    const last = texts[texts.length - 1]
    const lastLine = last?.lines[last.lines.length - 1]
    if (last && !SENTENCE_END.test(lastLine!)) last.lines.push(text)
    else texts.push({ lines: [text], line })
  }
  const ahead = numbers.filter((n) => n >= nextFootnote)
  if (texts.length === 0 || ahead.length === 0) return undefined
  // More texts than numbers: the missing numbers are those of the first texts.
  const first = Math.max(
    nextFootnote,
    Math.min(...ahead) - Math.max(0, texts.length - ahead.length)
  )
  return {
    footnotes: texts.map((text, at) => ({
      number: first + at,
      text: text.lines.join(' '),
      line: text.line
    })),
    furniture: furnitureFound,
    end
  }
}

/**
 * Raises the footnote marks of a page whose footnotes were found: pdftotext
 * sets a mark apart from its word ("the event. 2 Feedback"), where it could
 * be any number, but a number set apart after a word on the page of the
 * footnote with that number is its mark (the first one, unless the mark is
 * already glued to its word).
 */
function raiseMarks(pageLines: Line[], numbers: readonly number[]): void {
  for (const n of numbers) {
    const glued = gluedFootnoteMark(n)
    if (pageLines.some((line) => glued.test(withoutSymbols(line.text)))) continue
    const spaced = new RegExp(`(?<=[\\p{L}.,;:)\\]"”’]) ${n}(?=\\s|$)`, 'u')
    const line = pageLines.find(
      (candidate) =>
        !AGENDA_LINE.test(candidate.text) && spaced.test(withoutSymbols(candidate.text))
    )
    if (line) line.text = line.text.replace(spaced, toSuperscript(n))
  }
}

/**
 * Older UN layouts mark footnotes "1/" in the line and open the footnote's
 * text with "1/" at the foot of the page. A line opening so, on a page whose
 * text carries the mark after a word, is that footnote: the line gets the
 * raised number a footnote opens with, and its mark is raised too.
 */
function slashFootnote(text: string, lines: Line[], pageStart: number): string | undefined {
  const opening = /^(\d{1,3})\/\s+(?=\S)/.exec(text)
  if (!opening) return undefined
  const n = Number(opening[1])
  const mark = new RegExp(`(?<=[\\p{L}.,;:)\\]"”’]) ${n}/(?=\\s|$)`, 'u')
  const marked = lines.slice(pageStart).find((line) => mark.test(line.text))
  if (!marked) return undefined
  marked.text = marked.text.replace(mark, toSuperscript(n))
  return `${toSuperscript(n)} ${text.slice(opening[0].length)}`
}

/** Whether the text is hard-wrapped, and at what width. */
function measureLayout(lines: Line[]): Layout {
  const widths = lines.map((line) => line.width).sort((a, b) => a - b)
  const width = widths[Math.floor((widths.length - 1) * 0.95)] ?? 0
  const adjacent = lines.slice(1).filter((line) => line.breakBefore === 'none').length
  const doubleSpaced = lines.length >= 4 && adjacent < (lines.length - 1) * 0.15
  // Wrapped text has lines of nearly the full width that stop mid-sentence and go on in the
  // next line; typed paragraphs, however short, do not.
  const evidence = lines.filter((line, index) => {
    const next = lines[index + 1]
    return (
      next &&
      line.width >= width * 0.85 &&
      !TERMINAL.test(line.text) &&
      (next.breakBefore === 'none' || (doubleSpaced && next.breakBefore === 'blank'))
    )
  }).length
  const wrapped = width >= 40 && width <= 180 && evidence >= Math.max(2, lines.length * 0.05)
  return { wrapped, doubleSpaced, width }
}

/** Every word of the text (lower case), hyphenated compounds whole and in parts. */
function wordSet(text: string): Set<string> {
  const words = new Set<string>()
  for (const match of text.toLowerCase().matchAll(/[\p{L}]+(?:-[\p{L}]+)*/gu)) {
    words.add(match[0])
    for (const part of match[0].split('-')) words.add(part)
  }
  return words
}

function footnoteStart(text: string): RegExp | undefined {
  if (SUPERSCRIPT_START.test(text)) return SUPERSCRIPT_START
  if (BRACKET_FOOTNOTE_START.test(text)) return BRACKET_FOOTNOTE_START
  if (PLAIN_FOOTNOTE_START.test(text)) return PLAIN_FOOTNOTE_START
  return undefined
}

/** Text with document symbols blanked out, so that "L.1" in a symbol is no footnote mark. */
function withoutSymbols(text: string): string {
  let out = text
  for (const found of findSymbols(text))
    out = out.slice(0, found.from) + ' '.repeat(found.to - found.from) + out.slice(found.to)
  return out
}

/** A source line after clean-up, with its 1-based number. */
interface RawLine {
  text: string
  line: number
  page: boolean
  /** Above the first chapter heading. */
  masthead: boolean
  /** Columns of space before the text on its source line. */
  indent: number
  /** Its part in the masthead, where the masthead's title was found. */
  role?: MastheadRole
}

/**
 * Marks the masthead's lines when its title can be told from the text: the
 * lines above the title are masthead fields (even "Distr." ending in a full
 * stop), the title's lines one title however they wrap.
 */
function markMasthead(raws: RawLine[], language: Language): void {
  const first = raws.filter((raw) => raw.masthead)
  const title = copiedTitle(first, language)
  if (!title) return
  first.forEach((raw, index) => {
    if (index < title.start && raw.text !== '') raw.role = 'field'
    else if (index < title.end && raw.text !== '') raw.role = 'title'
  })
}

const COLUMN_GAP = / {3,}/
/** The space before a masthead's "Distr." field set on the same line as other text. */
const DISTR_BESIDE = /(?<=\S) (?=Distr\.)/
const CJK_LATIN_SPACE =
  /(?<=[\u3400-\u9fff]) (?=[0-9A-Za-z])(?![A-Z][A-Z0-9.-]*\/)|(?<=[0-9A-Za-z]) (?=[\u3400-\u9fff])/g

/**
 * The source's lines, trimmed, with runs of spaces collapsed (justified PDF
 * text spreads words apart). Above the first chapter heading, where the
 * masthead sets fields side by side, a wide gap separates two columns, and
 * each column's text becomes a line of its own.
 */
function rawLines(text: string, language: Language): RawLine[] {
  const out: RawLine[] = []
  let masthead = true
  text.split('\n').forEach((raw, index) => {
    const page = raw.includes('\f')
    const spaced = raw.replace(/[\f\t\u00a0]/g, ' ').trim()
    const collapse = (part: string) => {
      const single = part.replace(/ {2,}/g, ' ')
      // PDF text of Chinese puts spaces around Latin letters and digits that the author never typed.
      // (A line that starts with a footnote's number keeps the space after it.)
      if (language !== 'zh') return single
      const lead = /^\d{1,3} (?=\S)/.exec(single)?.[0] ?? ''
      return lead + single.slice(lead.length).replace(CJK_LATIN_SPACE, '')
    }
    if (masthead) {
      const marker = parseMarker(collapse(spaced), language)
      if (marker?.type === 'heading' && marker.chapter === 1) masthead = false
    }
    // In -raw copies the distribution stands one space after the body name beside it.
    const parts = masthead
      ? spaced.split(COLUMN_GAP).flatMap((part) => part.split(DISTR_BESIDE))
      : [spaced]
    const untrimmed = raw.replace(/[\f\t\u00a0]/g, ' ')
    const lead = untrimmed.length - untrimmed.trimStart().length
    let from = 0
    parts.forEach((part, at) => {
      // Where each column starts on the line: -layout copies keep the page's indentation.
      from = spaced.indexOf(part, from)
      out.push({
        text: collapse(part),
        line: index + 1,
        page: page && at === 0,
        masthead,
        indent: lead + from
      })
      from += part.length
    })
  })
  return out
}

/** Footnote marks seen so far in running text, by kind, and footnote numbers already placed. */
class FootnoteMarks {
  readonly glued = new Set<number>()
  readonly bracketed = new Set<number>()
  readonly used = new Set<number>()

  /** Records the marks a line of running text carries. */
  scan(line: string): void {
    const text = withoutSymbols(line)
    for (const match of text.matchAll(gluedFootnoteMark())) this.glued.add(Number(match[1]))
    // A number set apart at the end of a line ("national. 25") marks a footnote too.
    const loose = /[.,;:)\]"”’] (\d{1,3})$/.exec(text)
    if (loose) this.glued.add(Number(loose[1]))
    for (const match of line.matchAll(/\[(\d{1,3})\]/g)) this.bracketed.add(Number(match[1]))
  }
}

/**
 * A bare number line that is a footnote's number rather than a page number: a
 * mark with that number was seen, the footnote is not placed yet, and text
 * follows it.
 */
function detachedFootnote(
  raws: readonly RawLine[],
  index: number,
  marks: FootnoteMarks
): { number: number; textIndex: number } | undefined {
  const number = Number(raws[index].text)
  if (!/^\d{1,3}$/.test(raws[index].text) || !marks.glued.has(number) || marks.used.has(number))
    return undefined
  // Empty lines and the page number may come between the footnote number and its text.
  let next = index + 1
  while (next < raws.length && (raws[next].text === '' || /^\d{1,4}$/.test(raws[next].text))) next++
  const text = raws[next]?.text
  if (!text || furniture(text) || /^\p{Ll}/u.test(text)) return undefined
  return { number, textIndex: next }
}

/**
 * The text of a footnote whose number stands alone with no text after it:
 * where no rule is printed as text, pdftotext's reading order may set the
 * number among the page's lines and the footnote's text at the foot of the
 * page, as its last block. That block is the footnote's text when a mark with
 * the number was seen and not placed, and the block reads as a note: a
 * sentence that starts with a capital (or in Chinese) and no label.
 */
function footnoteAtPageFoot(
  raws: readonly RawLine[],
  index: number,
  marks: FootnoteMarks
): { number: number; text: string; from: number; to: number } | undefined {
  const number = Number(raws[index].text)
  if (!/^\d{1,3}$/.test(raws[index].text) || !marks.glued.has(number) || marks.used.has(number))
    return undefined
  let end = index + 1
  while (end < raws.length && !raws[end].page) end++
  const blank = (at: number) => raws[at].text === '' || furniture(raws[at].text) !== undefined
  let last = end - 1
  while (last > index && blank(last)) last--
  let first = last
  while (first - 1 > index && !blank(first - 1)) first--
  if (last <= index) return undefined
  const texts = raws.slice(first, last + 1).map((raw) => raw.text)
  if (
    !/^[\p{Lu}\u3400-\u9fff]/u.test(texts[0]) ||
    BARE_LABEL.test(texts[0]) ||
    !SENTENCE_END.test(texts[texts.length - 1])
  )
    return undefined
  return { number, text: texts.reduce(joinWrapped, ''), from: first, to: last + 1 }
}

function groupLines(
  lines: Line[],
  layout: Layout,
  language: Language,
  notes: ImportNote[]
): { main: Group[]; footnotes: Group[] } {
  const patterns = IMPORT_LANGUAGES[language]
  const main: Group[] = []
  const footnotes: Group[] = []
  let current: Group | null = null
  let lastMain: Group | null = null
  let nextFootnote = 1
  let marks = new FootnoteMarks()

  const looksWrapped = (line: Line) =>
    layout.wrapped &&
    line.width >= layout.width * 0.7 &&
    !(TERMINAL.test(line.text) && line.width < layout.width * 0.85)

  const opening = (
    line: Line,
    previous: Line | undefined
  ): { kind: Opening; footnote?: number } | null => {
    const text = line.text
    const superscript = SUPERSCRIPT_START.exec(text)
    if (superscript) return { kind: 'footnote', footnote: superscriptValue(superscript[1]) }
    const bracket = BRACKET_FOOTNOTE_START.exec(text)
    if (bracket && marks.bracketed.has(Number(bracket[1])))
      return { kind: 'footnote', footnote: Number(bracket[1]) }
    const plain = PLAIN_FOOTNOTE_START.exec(text)
    if (
      plain &&
      Number(plain[1]) === nextFootnote &&
      (line.breakBefore !== 'none' || !previous || !looksWrapped(previous)) &&
      marks.glued.has(nextFootnote)
    )
      return { kind: 'footnote', footnote: nextFootnote }
    if (patterns.recommendationHeading.test(text)) return { kind: 'recommendation' }
    // "[……]" holds the place of text still to come: a paragraph of its own.
    if (PLACEHOLDER.test(text)) return { kind: 'placeholder' }
    if (CHAPTER_WORD.test(text)) return { kind: 'heading' }
    // An annex heading stands alone, even after a full line that ends the page before.
    if (isAnnexHeading(text)) return { kind: 'annex' }
    const marker = parseMarker(text, language)
    if (!marker) return null
    if (marker.type === 'heading') return { kind: 'heading' }
    if (marker.type === 'item') return { kind: 'item' }
    // A year or a number wrapped to the start of a line ("… in\n2024. The …") is no paragraph number.
    if (
      previous &&
      looksWrapped(previous) &&
      /[\p{Ll},]$/u.test(previous.text) &&
      marker.value > 999
    )
      return null
    return { kind: 'number' }
  }

  /** A line set as a title: narrower than the text and no sentence. */
  const annexTitleLike = (line: Line) =>
    !TERMINAL.test(line.text) && (!layout.wrapped || line.width <= layout.width * 0.8)

  const continues = (group: Group, line: Line): boolean => {
    const last = group.lines[group.lines.length - 1]
    // The masthead's lines were told apart already: each field a line, the title a block.
    if (group.closed || group.masthead) return false
    if (line.breakBefore === 'blank' && !layout.doubleSpaced) return false
    if (group.opening === 'heading') {
      // A heading wrapped onto a second line: a long first line, then a short unpunctuated one.
      // (A label that stood alone on its line is not a line of the title.)
      const titleLines = group.lines.length - (BARE_LABEL.test(group.lines[0].text) ? 1 : 0)
      return (
        layout.wrapped &&
        titleLines <= 2 &&
        // Headings are set larger or in a narrower column than the text: a title line that
        // wrapped is shorter than a full line of text, and ends without punctuation.
        last.width >= layout.width * 0.5 &&
        !SENTENCE_END.test(last.text) &&
        line.width <= Math.max(layout.width * 0.75, last.width) &&
        !TERMINAL.test(line.text) &&
        !/^\[.*\]$/.test(line.text)
      )
    }
    if (looksWrapped(last)) return true
    // Page furniture cut a sentence: it goes on in lower case (or in Chinese) on the next page.
    return (
      line.breakBefore === 'page' &&
      !TERMINAL.test(last.text) &&
      /^[\p{Ll}\u3400-\u9fff]/u.test(line.text)
    )
  }

  /**
   * Labels standing alone on their line, waiting for their text. PDF text
   * extraction often puts a label hanging in the margin ("C.", "3.") apart
   * from its text, even after the text of other blocks; a heading label takes
   * the next heading-like line, a number label the next other line.
   */
  const bare: Group[] = []
  const labelFor = (line: Line): Group | undefined => {
    if (bare.length === 0) return undefined
    const headingText = !TERMINAL.test(line.text) && line.width <= layout.width * 0.75
    const isHeadingLabel = (group: Group) => group.opening === 'heading'
    return (
      bare.find((group) => isHeadingLabel(group) === headingText) ??
      (bare.length === 1 ? bare[0] : undefined)
    )
  }

  let previous: Line | undefined
  for (const line of lines) {
    // A label waits for its text on its own page: those of a contents table never get one.
    if (line.breakBefore === 'page') bare.length = 0
    if (line.masthead) {
      if (line.masthead === 'title' && current?.masthead === 'title') current.lines.push(line)
      else {
        const group: Group = {
          lines: [line],
          opening: null,
          closed: false,
          masthead: line.masthead
        }
        main.push(group)
        lastMain = current = group
      }
      marks.scan(line.text)
      previous = line
      continue
    }
    if (isAnnexHeading(line.text) && nextFootnote > 1) {
      // Footnotes of an annex may be numbered from 1 again.
      nextFootnote = 1
      marks = new FootnoteMarks()
    }
    // The line right below an annex heading opens its title when it reads as one.
    const open: { kind: Opening; footnote?: number } | null =
      opening(line, previous) ??
      (current?.opening === 'annex' && annexTitleLike(line) ? { kind: 'heading' as const } : null)
    if (
      !open &&
      current?.footnote !== undefined &&
      line.breakBefore === 'page' &&
      lastMain &&
      !current.closed
    ) {
      // Footnote text sits at the foot of a page: after the page break the paragraph it cut goes on.
      const resumeFrom = lastMain.lines[lastMain.lines.length - 1]
      if (continues(lastMain, { ...line, breakBefore: 'none' }) || looksWrapped(resumeFrom))
        current = lastMain
    }
    const inText: boolean = current !== null && !bare.includes(current) && continues(current, line)
    const label: Group | undefined = !open && !inText ? labelFor(line) : undefined
    if (label) {
      // The text of a label that stood alone: the block sits where its text is.
      if (main[main.length - 1] !== label)
        notes.push({
          line: line.line,
          message: `this line was read as the text of the label "${label.lines[0].text}" on line ${label.lines[0].line}, which stood apart from it — check`
        })
      bare.splice(bare.indexOf(label), 1)
      main.splice(main.indexOf(label), 1)
      main.push(label)
      label.lines.push(line)
      lastMain = current = label
    } else if (!open && current && continues(current, line)) {
      current.lines.push(line)
    } else {
      const group: Group = {
        lines: [line],
        opening: open?.kind ?? null,
        // A recommendation heading stands alone unless its text starts on the same line.
        closed:
          open?.kind === 'annex' ||
          (open?.kind === 'recommendation' && !patterns.recommendationHeading.exec(line.text)?.[2]),
        footnote: open?.footnote
      }
      if (open?.kind === 'footnote') {
        footnotes.push(group)
        nextFootnote = (open.footnote ?? nextFootnote) + 1
      } else {
        main.push(group)
        lastMain = group
        if (BARE_LABEL.test(line.text)) bare.push(group)
      }
      current = group
    }
    if (current.footnote === undefined) marks.scan(line.text)
    previous = line
  }
  return { main, footnotes }
}

/** Joins a group's lines into one paragraph's text, undoing the wrapping. */
function joinGroup(group: Group, words: () => Set<string>, notes: ImportNote[]): string {
  let text = group.lines[0].text
  for (const line of group.lines.slice(1)) text = joinLines(text, line, words, notes)
  return text
}

function joinLines(
  before: string,
  line: Line,
  wordsOf: () => Set<string>,
  notes: ImportNote[]
): string {
  const after = line.text
  // A label that stood alone is followed by its text after one space, in every script.
  if (BARE_LABEL.test(before)) return `${before} ${after}`
  const last = before[before.length - 1]
  const first = after[0]
  // Chinese and Japanese lines wrap anywhere: no space between them.
  if (CJK_EDGE.test(last) || CJK_EDGE.test(first) || isWide(last) || isWide(first))
    return before + after
  // Only the end of the text so far matters (and matching the whole of it would be slow).
  const tail = before.slice(-100)
  const hyphenated = tail.endsWith('-') ? /([\p{L}]+)-$/u.exec(tail) : null
  if (hyphenated) {
    const right = /^[\p{L}]+/u.exec(after)?.[0]
    if (right && /^\p{Ll}/u.test(right)) {
      const words = wordsOf()
      const whole = (hyphenated[1] + right).toLowerCase()
      const compound = `${hyphenated[1]}-${right}`.toLowerCase()
      // A word split by the typesetter appears whole elsewhere; a compound keeps its hyphen.
      if (words.has(whole) && !words.has(compound)) return before.slice(0, -1) + after
      if (!words.has(compound))
        notes.push({
          line: line.line,
          message: `a hyphen at the end of the line before was kept ("${hyphenated[1]}-${right}"); check whether it belongs`
        })
    }
    return before + after
  }
  // A dash or slash closing the line joins without a space ("4–" + "6 June"), unless spaced.
  if (/[^\s][–—/]$/.test(tail)) return before + after
  return `${before} ${after}`
}
