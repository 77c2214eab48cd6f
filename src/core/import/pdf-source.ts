import type { ImportNote } from './note'
import type { Language } from '../languages'
import { furniture } from './furniture'
import { detectLanguage, type LanguageGuess } from './language'
import { clip } from './masthead'
import type { PdfLayout, PdfPageLayout, PdfTextItem } from './pdf-layout'
import type { Segment } from './segments'
import { isWide, joinWrapped, type SourceBlock, type SourceDocument } from './source'
import { isSymbolText } from './symbol'

/**
 * A PDF's laid-out text into source paragraphs, with the evidence a text
 * copy throws away: the running heads and footers are told by their place at
 * the top and foot of the page; footnote texts are read from the area below
 * the rule at each page foot and attached to the superscript marks in the
 * text of the same page; paragraphs end where a line stops short of the right
 * margin, where the next line is indented, or where the spacing or the font
 * changes; headings are the lines set in bold or larger type; the masthead is
 * the first page down to the title block.
 */

/** A line of a page: its runs left to right, with what its layout says. */
interface Line {
  page: number
  items: PdfTextItem[]
  /** Baseline and the size of its main text. */
  y: number
  size: number
  left: number
  right: number
  /** Left edge of the text after a label that hangs in its own column ("12.", "(a)"). */
  textLeft: number
  bold: boolean
  text: string
  /** The line holds columns set far apart (masthead fields side by side). */
  cells: string[]
}

/** A footnote text read at a page foot. */
interface PageFootnote {
  page: number
  mark: string
  segments: Segment[]
  used: boolean
  line: number
}

const RULE = /^[_\u2014\u2013-]{8,}$/
const LABEL = /^(?:\d{1,3}\.|[IVXLC]{1,7}\.|[A-Z]\.|\(?[a-z]{1,4}\)|\(\d{1,2}\)|[•·▪–-])$/
const HEADING_LABEL = /^(?:[IVXLC]{1,7}|[A-Z])\.\s/
const BODY_LABEL = /^(?:\d{1,3}\.|\(?[a-z]{1,4}\)|[IVXLC]{1,7}\.|[A-Z]\.)(?:\s|$)/
const TERMINAL = /[.;:!?]["”’)]?$/
const FOOTNOTE_MARK = /^(?:\d{1,3}\/?|\*{1,3}|[a-z])$/

/** Reads a PDF's layout into source paragraphs and notes. */
export function readPdfSource(layout: PdfLayout, language?: Language): SourceDocument {
  const notes: ImportNote[] = []
  const found: SourceDocument['furniture'] = {}
  const symbols = new Map<string, number>()
  const bodyLines: Line[] = []
  const footnotes: PageFootnote[] = []
  const bodySize = typicalSize(layout)
  layout.pages.forEach((page, index) => {
    const lines = pageLines(page, index + 1)
    const kept: Line[] = []
    for (const line of lines) {
      const kind = runningFurniture(line, page, index === 0)
      if (kind) {
        if (kind.symbol) symbols.set(kind.symbol, (symbols.get(kind.symbol) ?? 0) + 1)
        if (kind.jobNumber) found.jobNumber ??= kind.jobNumber
        continue
      }
      kept.push(line)
    }
    const footStart = footnoteArea(kept, bodySize)
    bodyLines.push(...kept.slice(0, footStart))
    footnotes.push(...readFootnotes(kept.slice(footStart), index + 1, notes))
  })
  const symbol = [...symbols].sort((a, b) => b[1] - a[1])[0]?.[0]
  if (symbol) found.symbol = symbol
  const text = bodyLines.map((line) => line.text).join('\n')
  const guess: LanguageGuess = language ? { language } : detectLanguage(text)
  const blocks = buildBlocks(bodyLines, bodySize, footnotes, notes, layout)
  for (const footnote of footnotes)
    if (!footnote.used && footnote.mark !== '*')
      notes.push({
        line: footnote.line,
        message: `footnote ${footnote.mark} on page ${footnote.page} has no mark in the text of its page — its text was left out; add it back where it belongs ("${clip(footnote.segments.map((s) => s.text).join(''))}")`
      })
  return { blocks, footnotes: new Map(), furniture: found, language: guess, notes }
}

/** The size most of the text is set in. */
function typicalSize(layout: PdfLayout): number {
  const counts = new Map<number, number>()
  for (const page of layout.pages)
    for (const item of page.items) {
      const size = Math.round(item.size * 2) / 2
      counts.set(size, (counts.get(size) ?? 0) + item.text.length)
    }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10
}

/** The page's runs gathered into lines, top to bottom, superscripts in the line they sit on. */
function pageLines(page: PdfPageLayout, pageNumber: number): Line[] {
  const items = page.items
    .filter((item) => item.text.trim() !== '' || item.width > 0)
    .sort((a, b) => b.y - a.y || a.x - b.x)
    // Bold faked by drawing the same text twice, a hair apart: one copy is enough.
    .filter(
      (item, index, all) =>
        !all
          .slice(Math.max(0, index - 4), index)
          .some(
            (other) =>
              other.text === item.text &&
              Math.abs(other.x - item.x) < 1.5 &&
              Math.abs(other.y - item.y) < 1.5
          )
    )
  const groups: PdfTextItem[][] = []
  for (const item of items) {
    // Items come top to bottom: only the last few lines can take this one.
    const group = groups
      .slice(-4)
      .find((g) => Math.abs(g[0].y - item.y) <= Math.max(g[0].size, item.size) * 0.3)
    if (group) group.push(item)
    else groups.push([item])
  }
  // A group of small runs just above a line of larger text is its superscripts.
  const merged: PdfTextItem[][] = []
  groups.sort((a, b) => b[0].y - a[0].y)
  for (let index = 0; index < groups.length; index++) {
    const group = groups[index]
    const size = Math.max(...group.map((i) => i.size))
    const next = groups[index + 1]
    if (
      next &&
      group.every((item) => item.text.trim() === '' || /^[\d*a-z,/ ]{1,6}$/.test(item.text))
    ) {
      const nextSize = Math.max(...next.map((i) => i.size))
      const rise = group[0].y - next[0].y
      if (size < nextSize * 0.85 && rise > 0 && rise < nextSize * 0.75) {
        next.push(...group)
        continue
      }
    }
    merged.push(group)
  }
  return merged.map((group) => toLine(group, pageNumber)).filter((line) => line.text !== '')
}

function toLine(group: PdfTextItem[], page: number): Line {
  const items = [...group].sort((a, b) => a.x - b.x)
  const main = items.reduce((a, b) => (b.size * b.text.length > a.size * a.text.length ? b : a))
  const size = main.size
  const y = main.y
  const cells: string[] = []
  let cell = ''
  let end = -Infinity
  let boldChars = 0
  let chars = 0
  let previous: PdfTextItem | undefined
  for (const item of items) {
    if (item.text.trim() === '') {
      if (cell !== '' && !/\s$/.test(cell) && !isWide(cell[cell.length - 1])) cell += ' '
      continue
    }
    if (isWide(item.text.trim()[0])) cell = cell.replace(/ $/, '')
    const superscript = item.size < size * 0.85 && item.y > y + size * 0.15
    const gap = item.x - end
    if (cell !== '' && previous && gap > Math.min(previous.size, item.size) * 3) {
      cells.push(cell.trim())
      cell = ''
    } else if (
      cell !== '' &&
      gap > size * 0.15 &&
      !/\s$/.test(cell) &&
      !/^\s/.test(item.text) &&
      !isWide(cell[cell.length - 1]) &&
      !isWide(item.text[0])
    )
      cell += ' '
    cell +=
      superscript && /^\s*[\d*]+\s*$/.test(item.text)
        ? `\uE000${item.text.trim()}\uE001`
        : item.text
    end = Math.max(end, item.x + item.width)
    previous = item
    const visible = item.text.replace(/\s/g, '').length
    chars += visible
    if (item.bold) boldChars += visible
  }
  if (cell.trim()) cells.push(cell.trim())
  const visibleItems = items.filter((i) => i.text.trim() !== '')
  const first = visibleItems[0] ?? items[0]
  const second = visibleItems[1]
  const hanging =
    second && LABEL.test(first.text.trim()) && second.x - (first.x + first.width) > size * 0.8
  return {
    page,
    items,
    y,
    size,
    left: first.x,
    right: end,
    textLeft: hanging ? second.x : first.x,
    bold: chars > 0 && boldChars / chars > 0.6,
    text: cells.join(' ').replace(/\s+/g, ' ').trim(),
    cells: cells.map((c) => c.replace(/\s+/g, ' '))
  }
}

/** What a running head or footer line says, if the line is one (by its place and its text). */
function runningFurniture(
  line: Line,
  page: PdfPageLayout,
  firstPage: boolean
): { symbol?: string; jobNumber?: string } | undefined {
  const top = line.y > page.height * 0.9
  const foot = line.y < page.height * 0.1
  if (!top && !foot) return undefined
  const plain = line.cells.map((cell) => cell.replace(/[\uE000\uE001]/g, ''))
  const result: { symbol?: string; jobNumber?: string } = {}
  for (const cell of plain) {
    const item = furniture(cell)
    if (item?.kind === 'running-head') result.symbol = item.symbol
    else if (item?.kind === 'job-number') result.jobNumber = item.jobNumber
    else if (item) continue
    else if (/^\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?$/.test(cell)) result.jobNumber = cell
    else if (/^(?:GE|V|N|S)\.\d{2}-\d{5}/.test(cell)) result.jobNumber = cell
    else if (/^\d{6}$/.test(cell) || /^-{3,}$/.test(cell)) continue
    else if (/^(?:page|Page|PAGE)\s+\d+$/.test(cell)) continue
    else if (isSymbolText(cell) && !firstPage) result.symbol = cell
    else return undefined
  }
  return result
}

/** Index of the first line of the page's footnote area (the lines' length when it has none). */
function footnoteArea(lines: Line[], bodySize: number): number {
  const rule = lines.findIndex((line) => RULE.test(line.text.replace(/\s/g, '')))
  if (rule >= 0) return rule
  // No rule drawn as text: the small lines at the foot that start with a mark.
  let start = lines.length
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index]
    if (line.size >= bodySize * 0.92) break
    if (footnoteStart(line)) start = index
  }
  if (start < lines.length) return start
  // Footnotes in the body's size: below the page's last wide gap, opening with "1/" or a raised mark.
  const gaps = lines.slice(1).map((line, index) => lines[index].y - line.y)
  const usual = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 0
  for (let index = lines.length - 1; index > 0; index--) {
    if (gaps[index - 1] <= usual * 2.5) continue
    const mark = footnoteStart(lines[index])
    return mark && /^(?:\d{1,3}\/|\*)/.test(lines[index].text.replace(/[\uE000\uE001]/g, ''))
      ? index
      : lines.length
  }
  return lines.length
}

/** The mark a footnote line starts with, if it starts one. */
function footnoteStart(line: Line): { mark: string; rest: string } | undefined {
  const first = line.items.find((item) => item.text.trim() !== '')
  if (!first) return undefined
  const raw = line.text
    .replace(/[\uE000\uE001]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const small = first.size < line.size * 0.85 || first.y > line.y + line.size * 0.15
  const token = first.text.trim()
  if (small && FOOTNOTE_MARK.test(token))
    return { mark: token, rest: raw.slice(raw.indexOf(token) + token.length).trim() }
  const slash = /^(\d{1,3})\/\s+(.*)$/.exec(raw)
  if (slash) return { mark: slash[1], rest: slash[2] }
  const star = /^(\*{1,3})\s*(.*)$/.exec(raw)
  if (star) return { mark: star[1], rest: star[2] }
  const number = /^(\d{1,3})\s+(\S.*)$/.exec(raw)
  if (number && line.items.length > 1) return { mark: number[1], rest: number[2] }
  return undefined
}

function readFootnotes(lines: Line[], page: number, notes: ImportNote[]): PageFootnote[] {
  const result: PageFootnote[] = []
  for (const line of lines) {
    if (RULE.test(line.text.replace(/\s/g, ''))) continue
    const start = footnoteStart(line)
    const text = start ? start.rest : line.text.replace(/[\uE000\uE001]/g, '')
    if (start && (start.rest !== '' || !result.length)) {
      result.push({
        page,
        mark: start.mark.replace('/', ''),
        segments: text ? [{ text }] : [],
        used: false,
        line: page * 1000 + result.length
      })
    } else if (start && start.rest === '') {
      // A mark alone on its line: its text follows on the next line.
      result.push({
        page,
        mark: start.mark.replace('/', ''),
        segments: [],
        used: false,
        line: page * 1000
      })
    } else if (result.length) {
      const last = result[result.length - 1]
      const before = last.segments.map((s) => s.text).join('')
      last.segments = [{ text: joinLine(before, text) }]
    } else
      notes.push({
        line: page * 1000,
        message: `text at the foot of page ${page} that belongs to no footnote was left out ("${clip(text)}")`
      })
  }
  return result
}

/** Two lines of one paragraph joined: a word broken at a hyphen stays whole. */
function joinLine(before: string, after: string): string {
  if (!before) return after
  if (!after) return before
  if (/[\p{L}]-$/u.test(before) && /^\p{Ll}/u.test(after)) return before + after
  if (/[–—/]$/.test(before)) return before + after
  return joinWrapped(before, after)
}

/**
 * The body's lines into paragraphs. The first page down to the title block is the
 * masthead; every other block is body text.
 */
function buildBlocks(
  lines: Line[],
  bodySize: number,
  footnotes: PageFootnote[],
  notes: ImportNote[],
  layout: PdfLayout
): SourceBlock[] {
  const groups: Line[][] = []
  const margins = pageMargins(lines, layout)
  const pitch = linePitch(lines)
  const heading = (line: Line) => line.bold || line.size > bodySize * 1.12
  const full = (line: Line) => {
    const margin = margins.get(line.page)!
    return line.right >= margin.right - (margin.right - margin.left) * 0.1
  }
  let current: Line[] | null = null
  for (const line of lines) {
    const previous = current?.[current.length - 1]
    let starts = !previous
    if (previous && current) {
      const samePage = previous.page === line.page
      const gap = samePage ? previous.y - line.y : pitch
      const first = current[0]
      const label = BODY_LABEL.test(line.text)
      if (heading(previous) !== heading(line) || Math.abs(previous.size - line.size) > 0.6)
        starts = true
      else if (gap > pitch * 1.45 || gap < 0) starts = true
      else if (heading(line))
        // A new label opens a heading; so does any line after "Recommendation 1", "Chapter I".
        starts =
          HEADING_LABEL.test(line.text) ||
          /^(?:Chapter|Annex)\b/i.test(line.text) ||
          /^\S+\s+(?:[IVXLC]{1,7}|\d{1,3})\.?$/.test(previous.text)
      else if (!full(previous)) starts = true
      else if (label && TERMINAL.test(previous.text)) starts = true
      else if (current.length === 1 && Math.abs(line.left - first.textLeft) <= 2) starts = false
      else if (
        line.left > previous.left + bodySize * 0.8 &&
        (current.length > 1 || line.left > first.left + 1)
      )
        starts = true
    }
    if (starts) groups.push((current = [line]))
    else current!.push(line)
  }
  const title = titleGroup(groups, bodySize)
  return groups.map((group, index): SourceBlock => {
    const zone = index <= title.end ? 'masthead' : 'body'
    const block: SourceBlock = {
      line: group[0].page * 1000 + index,
      segments: groupSegments(group, footnotes, notes, zone === 'masthead'),
      zone
    }
    if (index === title.start) block.title = true
    if (zone === 'masthead' && index !== title.start && group[0].cells.length > 1)
      block.segments = [{ text: group.map((line) => line.cells.join('\t')).join('\t') }]
    return block
  })
}

/** Each page's left and right text margins. */
function pageMargins(
  lines: Line[],
  layout: PdfLayout
): Map<number, { left: number; right: number }> {
  const margins = new Map<number, { left: number; right: number }>()
  layout.pages.forEach((page, index) => {
    const own = lines.filter((line) => line.page === index + 1 && line.text.length > 40)
    const rights = own.map((line) => line.right).sort((a, b) => a - b)
    const lefts = own.map((line) => line.left).sort((a, b) => a - b)
    margins.set(index + 1, {
      left: lefts[Math.floor(lefts.length * 0.1)] ?? 0,
      right: rights[Math.floor(rights.length * 0.9)] ?? page.width
    })
  })
  return margins
}

/** The usual distance between two lines of a paragraph. */
function linePitch(lines: Line[]): number {
  const gaps: number[] = []
  for (let index = 1; index < lines.length; index++) {
    const gap = lines[index - 1].y - lines[index].y
    if (lines[index].page === lines[index - 1].page && gap > 0) gaps.push(gap)
  }
  gaps.sort((a, b) => a - b)
  return gaps[Math.floor(gaps.length * 0.3)] ?? 12
}

/**
 * The title block of the first page: the first bold block after the agenda item
 * and its title (or after the masthead's dated lines when there is no agenda item).
 */
function titleGroup(groups: Line[][], bodySize: number): { start: number; end: number } {
  const onFirstPage = groups.filter((group) => group[0].page === 1)
  const bodyStart = onFirstPage.findIndex((group) => /^(?:I|1|一)[.．、]\s?/.test(group[0].text))
  const zone = bodyStart >= 0 ? onFirstPage.slice(0, bodyStart) : onFirstPage
  const agendaAt = zone.findIndex(
    (group) =>
      /\bagenda\b|^(?:Item|Point|Tema|Пункт)\s/i.test(group[0].text) && group[0].text.length < 80
  )
  // Without an agenda item, the title follows the last dated masthead line ("Vienna, 4–6 June 2024").
  const dated = zone.reduce(
    (last, group, at) =>
      group[0].text.length < 120 && /\b(?:19|20)\d{2}\b/.test(group[0].text) ? at : last,
    -1
  )
  const agenda = agendaAt >= 0 ? agendaAt : dated
  let index = agenda >= 0 ? agenda + 1 : 0
  if (agendaAt >= 0) {
    // The agenda item's title: lines at the agenda item's left edge right below it.
    const left = groups[agenda][0].left
    while (
      index < onFirstPage.length &&
      Math.abs(groups[index][0].left - left) < 2 &&
      groups[index][0].size <= bodySize * 1.15 &&
      !/^[A-Z\s]+$/.test(groups[index][0].text) === !/^[A-Z\s]+$/.test(groups[agenda][0].text) &&
      groups[index + 1] &&
      Math.abs(groups[index + 1][0].left - left) >= 2
    )
      index++
  }
  while (index < onFirstPage.length && !groups[index].every((line) => line.bold)) index++
  if (index >= onFirstPage.length) return { start: -1, end: -1 }
  // A subtitle ("Report of the Secretary-General", "Note by the secretariat") belongs to the title block.
  let end = index
  while (
    end + 1 < onFirstPage.length &&
    groups[end + 1].every((line) => line.bold) &&
    groups[end + 1].length <= 2 &&
    !BODY_LABEL.test(groups[end + 1][0].text) &&
    !/^[一二三四五六七八九十]+[.．、]/.test(groups[end + 1][0].text) &&
    groups[end + 1][0].text.length < 80
  )
    end++
  return { start: index, end }
}

/** A group's text as segments, superscript marks replaced by the footnotes of their page. */
function groupSegments(
  group: Line[],
  footnotes: PageFootnote[],
  notes: ImportNote[],
  masthead: boolean
): Segment[] {
  const segments: Segment[] = []
  let text = ''
  const flush = () => {
    if (text) segments.push({ text })
    text = ''
  }
  for (const line of group) {
    // Marks printed as "1/" in the line (older layouts), where the page has that footnote.
    const marked = line.text.replace(/(?<=\s)(\d{1,3})\/(?=\s|$)/g, (whole, mark: string) =>
      footnotes.some(
        (f) => !f.used && f.mark === mark && (f.page === line.page || f.page === line.page + 1)
      )
        ? `\uE000${mark}\uE001`
        : whole
    )
    const parts = marked.split(/\uE000([^\uE001]*)\uE001/)
    parts.forEach((part, index) => {
      if (index % 2 === 0) {
        if (index === 0 && text === '' && segments.length > 0) text = ' ' + part
        else text = text === '' ? part : index === 0 ? joinLine(text, part) : text + part
        return
      }
      const mark = part.trim()
      const footnote =
        footnotes.find((f) => !f.used && f.page === line.page && f.mark === mark) ??
        footnotes.find((f) => !f.used && f.page === line.page + 1 && f.mark === mark)
      if (!footnote) {
        notes.push({
          line: line.page * 1000,
          message: `a raised "${mark}" on page ${line.page} has no footnote text at the foot of its page — kept as text`
        })
        text += mark
        return
      }
      footnote.used = true
      if (masthead || mark === '*') return
      text = text.replace(/\s+$/, '')
      flush()
      segments.push({ text: '', footnote: [footnote.segments] })
    })
  }
  flush()
  return segments.map((segment, index) =>
    index === segments.length - 1 && !segment.footnote
      ? { ...segment, text: segment.text.trim() }
      : segment
  )
}
