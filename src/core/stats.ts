import type { Node } from 'prosemirror-model'
import type { Language } from './languages'
import { computeNumbering, resolveReference, type Numbering, type NumberedItem } from './numbering'
import type { Report } from './report-file'
import { countWords, findBrackets, forEachTextblock, inlineText } from './text'

/**
 * A report's structure as a plain summary: what `rapporteur stats --json`
 * prints, and what import tests compare against the expected structure.
 */

/** The structure summary of a report. */
export interface ReportStats {
  language: Language
  masthead: { body: string; meeting: string; title: string }
  chapters: Array<{
    label: string
    title: string
    sections: Array<{
      label: string
      title: string
      subsections?: Array<{ label: string; title: string }>
    }>
  }>
  /** Numbered paragraphs of the body (annexes have their own series, under `annexes`). */
  numberedParagraphs: number
  /** Each annex with its title and its own counts (absent when the report has none). */
  annexes?: Array<{
    title: string
    chapters: number
    numberedParagraphs: number
    recommendations: number
    footnotes: number
  }>
  /** Recommendation labels in order ("Recommendation 1", …). */
  recommendations: string[]
  /**
   * Recommendation numbers by section ("II.A." → [1, 2, 3]), for every section
   * of a chapter that holds recommendations; "II." for ones outside any section.
   */
  recommendationsBySection: Record<string, number[]>
  /** Each list with the number of the paragraph it belongs to and its item labels in order. */
  lists: Array<{ inParagraph: number | null; items: string[] }>
  footnotes: number
  crossReferences: Array<{ in: string; to: string; broken: boolean }>
  /** Document symbols, each once, in order of first appearance (body before footnotes). */
  documentSymbols: string[]
  /** Square-bracketed text in order (body before footnotes). */
  squareBrackets: string[]
}

/** Summarizes a report's structure. */
export function reportStats(report: Report): ReportStats {
  const { doc, meta } = report
  const numbering = computeNumbering(doc, {
    language: meta.language,
    recommendationStyle: meta.settings.recommendationStyle
  })
  return {
    language: meta.language,
    masthead: {
      body: meta.masthead.subsidiaryBody,
      meeting: meta.masthead.meeting,
      title: meta.masthead.title
    },
    chapters: outline(doc, numbering),
    numberedParagraphs: numbering.items.filter(
      (item) => item.kind === 'paragraph' && item.pos < annexStart(doc)
    ).length,
    ...annexList(doc),
    recommendations: numbering.items.filter((i) => i.kind === 'recommendation').map((i) => i.label),
    recommendationsBySection: recommendationsBySection(numbering),
    lists: lists(numbering),
    footnotes: numbering.items.filter((item) => item.kind === 'footnote').length,
    crossReferences: crossReferences(doc, numbering),
    documentSymbols: documentSymbols(doc),
    squareBrackets: squareBrackets(doc)
  }
}

/** Words of the body and, separately, of the footnotes, as the Secretariat counts them. */
export interface WordCounts {
  body: number
  footnotes: number
}

/**
 * Counts words the way documents are measured against their limit: the
 * running text without headings (as the status bar counts) and, apart, the
 * footnotes.
 */
export function countReportWords(doc: Node): WordCounts {
  const counts: WordCounts = { body: 0, footnotes: 0 }
  forEachTextblock(doc, (textblock, _pos, inFootnote) => {
    if (textblock.type.name === 'heading') return
    const words = countWords(inlineText(textblock))
    if (inFootnote) counts.footnotes += words
    else counts.body += words
  })
  return counts
}

/** Words in the report body and footnotes together. */
export function reportWordCount(doc: Node): number {
  const counts = countReportWords(doc)
  return counts.body + counts.footnotes
}

/** Where the annexes begin (the document's end when it has none). */
function annexStart(doc: Node): number {
  let start = doc.content.size
  doc.forEach((child, offset) => {
    if (child.type.name === 'annex' && offset < start) start = offset
  })
  return start
}

function annexList(doc: Node): Pick<ReportStats, 'annexes'> {
  const result: NonNullable<ReportStats['annexes']> = []
  doc.forEach((annex) => {
    if (annex.type.name !== 'annex') return
    const counts = { chapters: 0, numberedParagraphs: 0, recommendations: 0, footnotes: 0 }
    annex.descendants((node) => {
      if (node.type.name === 'chapter') counts.chapters++
      if (node.type.name === 'numbered_paragraph') counts.numberedParagraphs++
      if (node.type.name === 'recommendation') counts.recommendations++
      if (node.type.name === 'footnote') counts.footnotes++
      return node.type.name !== 'footnote'
    })
    result.push({ title: headingTitle(annex), ...counts })
  })
  return result.length ? { annexes: result } : {}
}

function headingTitle(container: Node): string {
  return container.firstChild?.type.name === 'heading' ? container.firstChild.textContent : ''
}

function outline(doc: Node, numbering: Numbering): ReportStats['chapters'] {
  const label = (pos: number) => numbering.byPos.get(pos)?.label ?? ''
  const chapters: ReportStats['chapters'] = []
  doc.forEach((chapter, chapterOffset) => {
    if (chapter.type.name !== 'chapter') return
    const sections: ReportStats['chapters'][number]['sections'] = []
    chapter.forEach((section, sectionOffset) => {
      if (section.type.name !== 'section') return
      const sectionPos = chapterOffset + 1 + sectionOffset
      const subsections: Array<{ label: string; title: string }> = []
      section.forEach((subsection, subsectionOffset) => {
        if (subsection.type.name !== 'subsection') return
        const pos = sectionPos + 1 + subsectionOffset
        subsections.push({ label: label(pos), title: headingTitle(subsection) })
      })
      sections.push({
        label: label(sectionPos),
        title: headingTitle(section),
        ...(subsections.length ? { subsections } : {})
      })
    })
    chapters.push({ label: label(chapterOffset), title: headingTitle(chapter), sections })
  })
  return chapters
}

function recommendationsBySection(numbering: Numbering): Record<string, number[]> {
  const byContainer = new Map<string, number[]>()
  const chaptersWithRecommendations = new Set<string>()
  let chapter = ''
  let section: string | null = null
  for (const item of numbering.items) {
    if (item.kind === 'chapter') {
      chapter = item.label
      section = null
    } else if (item.kind === 'section') {
      section = chapter + item.label
      byContainer.set(section, [])
    } else if (item.kind === 'recommendation') {
      const key = section ?? chapter
      if (!byContainer.has(key)) byContainer.set(key, [])
      byContainer.get(key)!.push(item.number)
      chaptersWithRecommendations.add(chapter)
    }
  }
  const result: Record<string, number[]> = {}
  for (const [key, numbers] of byContainer) {
    const owner = [...chaptersWithRecommendations].find((c) => key.startsWith(c))
    if (owner !== undefined) result[key] = numbers
  }
  return result
}

function lists(numbering: Numbering): ReportStats['lists'] {
  const result: ReportStats['lists'] = []
  let paragraph: number | null = null
  for (const item of numbering.items) {
    if (item.kind === 'chapter' || item.kind === 'section' || item.kind === 'subsection')
      paragraph = null
    else if (item.kind === 'paragraph') paragraph = item.number
    else if (item.kind === 'recommendation') paragraph = null
    else if (item.kind === 'list_item') {
      if (item.depth === 0 && item.number === 1) result.push({ inParagraph: paragraph, items: [] })
      result.at(-1)?.items.push(item.label)
    }
  }
  return result
}

/** The innermost paragraph or recommendation around `pos`, or its container. */
function enclosingItem(doc: Node, pos: number, numbering: Numbering): NumberedItem | undefined {
  const $pos = doc.resolve(pos)
  for (let depth = $pos.depth; depth > 0; depth--) {
    const item = numbering.byPos.get($pos.before(depth))
    if (item && item.kind !== 'list_item' && item.kind !== 'footnote') return item
  }
  return undefined
}

function crossReferences(doc: Node, numbering: Numbering): ReportStats['crossReferences'] {
  const result: ReportStats['crossReferences'] = []
  doc.descendants((node, pos) => {
    if (node.type.name !== 'cross_reference') return true
    const owner = enclosingItem(doc, pos, numbering)
    const where =
      owner === undefined
        ? ''
        : owner.kind === 'recommendation' || !owner.reference
          ? owner.label
          : owner.reference
    const resolved = resolveReference(numbering, node.attrs.target as string)
    result.push({ in: where, to: resolved.text, broken: resolved.broken })
    return false
  })
  return result
}

function documentSymbols(doc: Node): string[] {
  const symbols = new Set<string>()
  forEachTextblock(doc, (textblock) => {
    textblock.forEach((child) => {
      for (const mark of child.marks)
        if (mark.type.name === 'doc_symbol') symbols.add(mark.attrs.symbol as string)
    })
  })
  return [...symbols]
}

function squareBrackets(doc: Node): string[] {
  const found: string[] = []
  forEachTextblock(doc, (textblock) => {
    for (const bracket of findBrackets(inlineText(textblock))) found.push(bracket.text)
  })
  return found
}
