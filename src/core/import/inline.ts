import { Mark, type Node } from 'prosemirror-model'
import type { Language } from '../languages'
import { schema } from '../schema'
import { newId } from '../ids'
import { findSymbols } from '../symbols'
import { findBrackets } from '../text'
import {
  IMPORT_LANGUAGES,
  labelTables,
  referenceRegexes,
  type PhraseKind,
  type ReferencePattern
} from './language'
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
/** Built once (`matchAll` works on a copy, so sharing the global regex is safe). */
const GLUED_FOOTNOTE_MARK = gluedFootnoteMark()

// Compiled once per pattern: a paste of thousands of paragraphs would otherwise compile
// the same Unicode regexes for every one of them.
const compiledReferences = new WeakMap<ReferencePattern, ReturnType<typeof referenceRegexes>>()
function compiledReference(pattern: ReferencePattern): ReturnType<typeof referenceRegexes> {
  let compiled = compiledReferences.get(pattern)
  if (!compiled) compiledReferences.set(pattern, (compiled = referenceRegexes(pattern)))
  return compiled
}

/** A single run with no formatting, link, footnote or review: one text node if nothing is found in it. */
function isPlainRun(segments: readonly Segment[]): boolean {
  if (segments.length !== 1) return false
  const segment = segments[0]
  return !(
    segment.footnote ||
    segment.lineBreak ||
    segment.href ||
    segment.review ||
    segment.bold ||
    segment.italic ||
    segment.reference
  )
}

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
  // Document symbols and footnote marks all have a digit (or a superscript digit); most
  // pasted sentences have none, and skipping their searches is most of a large paste's speed.
  const hasDigit = /[\d⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(plain)
  const symbols = hasDigit ? findSymbols(plain) : []
  const replacements: Replacement[] = []
  const taken: Taken = { symbols, replacements }

  if (!inFootnote && context.takeFootnote && hasDigit) findFootnoteMarks(plain, context, taken)
  if (!inFootnote) findReferences(segments, plain, context, taken)
  replacements.sort((a, b) => a.from - b.from)

  const brackets = plain.includes('[') ? findBrackets(plain) : []
  if (isPlainRun(segments) && !symbols.length && !brackets.length && !replacements.length)
    return plain ? [schema.text(plain)] : []
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
  // Adjacent pieces with the same marks become one text node, made once.
  const pending: PendingText = { text: '', marks: Mark.none }
  let segmentIndex = 0
  for (let i = 0; i < cuts.length - 1; i++) {
    const from = cuts[i]
    const to = cuts[i + 1]
    if (from === to) continue
    while (segmentIndex < segments.length - 1 && starts[segmentIndex + 1] <= from) segmentIndex++
    const replacement = replacements.find((r) => from >= r.from && from < r.to)
    if (replacement) {
      if (replacement.from === from) pushNode(nodes, pending, replacement.node())
      continue
    }
    const segment = segments[segmentIndex]
    if (segment.footnote) {
      if (!inFootnote) pushNode(nodes, pending, footnoteNode(segment.footnote, context))
      continue
    }
    if (segment.lineBreak) {
      pushNode(nodes, pending, schema.nodes.hard_break.create())
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
    const sorted = sortMarks(marks)
    if (pending.text && !Mark.sameSet(pending.marks, sorted)) flushText(nodes, pending)
    pending.text += text
    pending.marks = sorted
  }
  flushText(nodes, pending)
  return nodes
}

/** Text waiting to become one node (adjacent pieces with the same marks). */
interface PendingText {
  text: string
  marks: readonly Mark[]
}

function flushText(nodes: Node[], pending: PendingText): void {
  if (pending.text) nodes.push(schema.text(pending.text, pending.marks))
  pending.text = ''
}

function pushNode(nodes: Node[], pending: PendingText, node: Node): void {
  flushText(nodes, pending)
  nodes.push(node)
}

/** What is already claimed in a paragraph's text: document symbols and replaced ranges. */
interface Taken {
  symbols: ReadonlyArray<{ from: number; to: number }>
  replacements: Replacement[]
}

/** Whether `from`–`to` overlaps nothing already claimed. */
function isFree(taken: Taken, from: number, to: number): boolean {
  for (const s of taken.symbols) if (from < s.to && to > s.from) return false
  for (const r of taken.replacements) if (from < r.to && to > r.from) return false
  return true
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
function findFootnoteMarks(plain: string, context: InlineContext, taken: Taken) {
  const replacements = taken.replacements
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
  for (const match of plain.matchAll(GLUED_FOOTNOTE_MARK))
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
    if (!isFree(taken, candidate.from, candidate.to)) continue
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
  taken: Taken
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
    const { strict, relaxed } = compiledReference(pattern)
    const seen = new Set<number>()
    for (const match of plain.matchAll(strict))
      considerReference(match, pattern.kind, null, seen, taken, context)
    if (marked.length)
      for (const match of plain.matchAll(relaxed))
        considerReference(match, pattern.kind, marked, seen, taken, context)
  }
}

/**
 * One reference phrase found in a paragraph: a reference node when its target
 * exists (and, for a phrase without "above"/"below", when the source marked it).
 */
function considerReference(
  match: RegExpMatchArray,
  kind: PhraseKind,
  requiredMarks: ReadonlyArray<{ from: number; to: number }> | null,
  seen: Set<number>,
  taken: Taken,
  context: InlineContext
): void {
  const groups = match.groups!
  const from = match.index! + match[0].indexOf(groups.phrase)
  const to = from + groups.phrase.length
  if (seen.has(from) || !isFree(taken, from, to)) return
  if (requiredMarks && !requiredMarks.some((range) => from < range.to && to > range.from)) return
  seen.add(from)
  const key = referenceKey(kind, groups.n, context.language)
  const target = key === undefined ? undefined : context.resolve(kind, key)
  if (!target) {
    context.note(`"${groups.phrase}" names no ${kind} of this report — left as text`)
    return
  }
  taken.replacements.push({ from, to, node: () => schema.nodes.cross_reference.create({ target }) })
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
