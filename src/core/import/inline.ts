import type { Mark, Node } from 'prosemirror-model'
import type { Language } from '../languages'
import { schema } from '../schema'
import { newId } from '../ids'
import { findSymbols } from '../symbols'
import { findBrackets } from '../text'
import { IMPORT_LANGUAGES, labelTables, referenceRegexes, type PhraseKind } from './language'
import { gluedFootnoteMark, spacedFootnoteMark, superscriptValue } from './markers'
import type { Segment } from './segments'
import { reviewMarks } from './docx/review'

/**
 * Inline content of an imported paragraph: text with its bold, italic and
 * link formatting, plus what recognition adds — footnote anchors at their
 * marks, cross-reference nodes for phrases like "paragraph 9 below",
 * document-symbol marks and square-bracket marks.
 */

/** What building inline content needs from the report being imported. */
export interface InlineContext {
  language: Language
  /**
   * The id of the thing a phrase names, if it exists: paragraphs and
   * recommendations by number ("9"), chapters by ordinal ("2"), sections by
   * chapter and section ordinals ("2.1").
   */
  resolve(kind: PhraseKind, key: string): string | undefined
  /** Footnote text printed with number `n` (text import), taken so it is used once. */
  takeFootnote?(n: number): Segment[] | undefined
  /** Whether a footnote text with number `n` is still waiting for its mark. */
  hasFootnote?(n: number): boolean
  /** The lowest footnote number still waiting for its mark. */
  nextFootnote?(): number | undefined
  /** A number glued to a word that could be a footnote mark, but no footnote text has it. */
  unmatchedMark?(n: number): void
  note(message: string): void
}

interface Replacement {
  from: number
  to: number
  node: () => Node
}

const FOOTNOTE_PLACEHOLDER = '\u0000'

/** The inline nodes of a paragraph's segments. */
export function buildInline(
  segments: readonly Segment[],
  context: InlineContext,
  inFootnote = false
): Node[] {
  // One string for pattern matching: a footnote anchor is one placeholder character, a line break "\n".
  const pieces = segments.map((segment) =>
    // Tabs (Word) read as spaces: a report paragraph has no tab stops of its own.
    segment.footnote
      ? FOOTNOTE_PLACEHOLDER
      : segment.lineBreak
        ? '\n'
        : segment.text.replace(/\t/g, ' ')
  )
  const plain = pieces.join('')
  const symbols = findSymbols(plain)
  const inSymbol = (from: number, to: number) => symbols.some((s) => from < s.to && to > s.from)
  const replacements: Replacement[] = []
  const free = (from: number, to: number) =>
    !inSymbol(from, to) && !replacements.some((r) => from < r.to && to > r.from)

  if (!inFootnote && context.takeFootnote) findFootnoteMarks(plain, context, free, replacements)
  if (!inFootnote) findReferences(segments, plain, context, free, replacements)
  replacements.sort((a, b) => a.from - b.from)

  const brackets = findBrackets(plain)
  const boundaries = new Set<number>([0, plain.length])
  let offset = 0
  const starts: number[] = []
  for (const piece of pieces) {
    starts.push(offset)
    boundaries.add(offset)
    offset += piece.length
  }
  for (const range of [...symbols, ...brackets, ...replacements]) {
    boundaries.add(range.from)
    boundaries.add(range.to)
  }
  const cuts = [...boundaries].sort((a, b) => a - b)
  const nodes: Node[] = []
  let segmentIndex = 0
  for (let i = 0; i < cuts.length - 1; i++) {
    const from = cuts[i]
    const to = cuts[i + 1]
    if (from === to) continue
    while (segmentIndex < segments.length - 1 && starts[segmentIndex + 1] <= from) segmentIndex++
    const replacement = replacements.find((r) => from >= r.from && from < r.to)
    if (replacement) {
      if (replacement.from === from) nodes.push(replacement.node())
      continue
    }
    const segment = segments[segmentIndex]
    if (segment.footnote) {
      if (!inFootnote) nodes.push(footnoteNode(segment.footnote, context))
      continue
    }
    if (segment.lineBreak) {
      nodes.push(schema.nodes.hard_break.create())
      continue
    }
    const text = plain.slice(from, to)
    const marks: Mark[] = []
    if (segment.bold) marks.push(schema.marks.bold.create())
    if (segment.italic) marks.push(schema.marks.italic.create())
    const symbol = symbols.find((s) => from >= s.from && from < s.to)
    if (symbol) marks.push(schema.marks.doc_symbol.create({ symbol: symbol.symbol }))
    else if (segment.href) marks.push(schema.marks.link.create({ href: segment.href }))
    if (brackets.some((b) => from >= b.from && from < b.to))
      marks.push(schema.marks.bracketed.create())
    marks.push(...reviewMarks(segment.review))
    nodes.push(schema.text(text, sortMarks(marks)))
  }
  return mergeText(nodes)
}

/** Heading text: plain, with square brackets marked (headings hold nothing else). */
export function buildHeadingInline(text: string): Node[] {
  const nodes: Node[] = []
  let at = 0
  for (const bracket of findBrackets(text)) {
    if (bracket.from > at) nodes.push(schema.text(text.slice(at, bracket.from)))
    nodes.push(schema.text(bracket.text, [schema.marks.bracketed.create()]))
    at = bracket.to
  }
  if (at < text.length) nodes.push(schema.text(text.slice(at)))
  return nodes
}

/** A footnote node holding the given paragraphs. */
export function footnoteNode(paragraphs: readonly Segment[][], context: InlineContext): Node {
  const content = paragraphs.length ? paragraphs : [[]]
  return schema.nodes.footnote.create(
    { id: newId() },
    content.map((segments) =>
      schema.nodes.paragraph.create(null, buildInline(segments, context, true))
    )
  )
}

function sortMarks(marks: Mark[]): readonly Mark[] {
  return marks.reduce<readonly Mark[]>((set, mark) => mark.addToSet(set), [])
}

/**
 * Footnote marks of text import: superscripts (¹), bracketed numbers ([1]),
 * digits glued to a word (providers.1) and, for the next footnote only, a
 * number set apart after a full stop (justified PDF text: "national. 25").
 */
function findFootnoteMarks(
  plain: string,
  context: InlineContext,
  free: (from: number, to: number) => boolean,
  replacements: Replacement[]
) {
  const candidates: Array<{
    from: number
    to: number
    n: number
    certain: boolean
    /** Taken only as the next footnote in sequence (a loose number after a full stop). */
    inSequence?: boolean
  }> = []
  for (const match of plain.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g))
    candidates.push({
      from: match.index,
      to: match.index + match[0].length,
      n: superscriptValue(match[0]),
      certain: true
    })
  for (const match of plain.matchAll(/\[(\d{1,3})\]/g))
    candidates.push({
      from: match.index,
      to: match.index + match[0].length,
      n: Number(match[1]),
      certain: false
    })
  for (const match of plain.matchAll(gluedFootnoteMark()))
    candidates.push({
      from: match.index,
      to: match.index + match[0].length,
      n: Number(match[1]),
      certain: false
    })
  for (const match of plain.matchAll(spacedFootnoteMark()))
    candidates.push({
      from: match.index,
      to: match.index + match[0].length,
      n: Number(match[1]),
      certain: false,
      inSequence: true
    })
  candidates.sort((a, b) => a.from - b.from)
  for (const candidate of candidates) {
    if (!free(candidate.from, candidate.to)) continue
    if (candidate.inSequence && context.nextFootnote?.() !== candidate.n) continue
    if (!context.hasFootnote?.(candidate.n)) {
      if (candidate.certain)
        context.note(`footnote mark ${candidate.n} has no footnote text — left as it is`)
      else if (!candidate.inSequence) context.unmatchedMark?.(candidate.n)
      continue
    }
    const text = context.takeFootnote!(candidate.n)!
    replacements.push({
      from: candidate.from,
      to: candidate.to,
      node: () => footnoteNode([text], context)
    })
  }
}

/** Cross-reference phrases whose target exists become reference nodes. */
function findReferences(
  segments: readonly Segment[],
  plain: string,
  context: InlineContext,
  free: (from: number, to: number) => boolean,
  replacements: Replacement[]
) {
  // Ranges the source itself marks as references (Word REF fields) need no "above"/"below".
  const marked: Array<{ from: number; to: number }> = []
  let offset = 0
  for (const segment of segments) {
    const length = segment.footnote ? 1 : segment.lineBreak ? 1 : segment.text.length
    if (segment.reference) marked.push({ from: offset, to: offset + length })
    offset += length
  }
  const patterns = IMPORT_LANGUAGES[context.language]
  // Several paragraphs in one phrase ("paragraphs 9 and 10 above") stay text: one reference
  // node per number would change the wording.
  if (patterns.pluralReference)
    for (const match of plain.matchAll(patterns.pluralReference))
      context.note(
        `"${match[0]}" refers to several paragraphs — left as text; insert one reference per paragraph if they should follow renumbering`
      )
  for (const pattern of patterns.references) {
    const { strict, relaxed } = referenceRegexes(pattern)
    const seen = new Set<number>()
    const consider = (match: RegExpMatchArray, requireMarked: boolean) => {
      const groups = match.groups!
      const from = match.index! + match[0].indexOf(groups.phrase)
      const to = from + groups.phrase.length
      if (seen.has(from) || !free(from, to)) return
      if (requireMarked && !marked.some((range) => from < range.to && to > range.from)) return
      seen.add(from)
      const key = referenceKey(pattern.kind, groups.n, context.language)
      const target = key === undefined ? undefined : context.resolve(pattern.kind, key)
      if (!target) {
        context.note(`"${groups.phrase}" names no ${pattern.kind} of this report — left as text`)
        return
      }
      replacements.push({ from, to, node: () => schema.nodes.cross_reference.create({ target }) })
    }
    for (const match of plain.matchAll(strict)) consider(match, false)
    if (marked.length) for (const match of plain.matchAll(relaxed)) consider(match, true)
  }
}

/** Adjacent text nodes with the same marks as one node. */
function mergeText(nodes: Node[]): Node[] {
  const out: Node[] = []
  for (const node of nodes) {
    const last = out[out.length - 1]
    if (last && last.isText && node.isText && last.sameMarkup(node))
      out[out.length - 1] = schema.text(last.text! + node.text!, last.marks)
    else out.push(node)
  }
  return out
}

/** What a reference phrase's number means as a target key ("II" → "2", "II.B" → "2.2", "09" → "9"). */
function referenceKey(kind: PhraseKind, printed: string, language: Language): string | undefined {
  const tables = labelTables(language)
  if (kind === 'chapter') return tables.chapter.get(printed)?.toString()
  if (kind === 'section') {
    const [chapter, section] = printed.split('.')
    const numbers = [tables.chapter.get(chapter), tables.section.get(section)]
    return numbers.includes(undefined) ? undefined : numbers.join('.')
  }
  return String(Number(printed))
}
