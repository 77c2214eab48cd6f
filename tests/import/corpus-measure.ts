import type { Node } from 'prosemirror-model'
import type { Report } from '../../src/core/report-file'

/**
 * How far an imported real UN document matches the structure a person
 * counted by reading it (tests/fixtures/real-un/expected.json): field by
 * field, so the corpus suite can print a table and hold each field to what
 * the last commit reached.
 */

/** A footnote as counted: the word before its mark and how its text starts. */
export interface ExpectedFootnote {
  before: string
  text: string
}

/** An annex as counted. */
export interface ExpectedAnnex {
  title: string
  chapters: number
  numberedParagraphs: number
  footnotes: number
}

/** One document's counted structure. */
export interface ExpectedDocument {
  file: string
  symbol: string
  title: string
  distribution: string
  chapters: Array<{ title: string; sections: string[] }>
  numberedParagraphs: number
  recommendations: number
  footnotes: ExpectedFootnote[]
  annexes: ExpectedAnnex[]
}

/** What an import got right, field by field. */
export interface Measure {
  chapters: boolean
  numberedParagraphs: boolean
  recommendations: boolean
  /** Expected footnotes found at the right mark with the right text. */
  footnotesRight: number
  footnotesExpected: number
  title: boolean
  symbol: boolean
  distribution: boolean
  annexes: boolean
  /** What the import found, for the printed table. */
  found: {
    chapters: number
    numberedParagraphs: number
    recommendations: number
    footnotes: number
    annexes: string
  }
}

/** Letters and digits only, lower case: what a title is, whatever the line breaks and spacing. */
export function normalized(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

interface FoundFootnote {
  before: string
  text: string
}

/** An imported body container or annex, as the measure reads it. */
interface Part {
  title: string
  chapters: Array<{ title: string; sections: string[] }>
  numberedParagraphs: number
  recommendations: number
  footnotes: FoundFootnote[]
}

const headingOf = (node: Node) =>
  node.firstChild?.type.name === 'heading' ? node.firstChild.textContent : ''

/** Reads the imported document into its body and annexes. */
function partsOf(doc: Node): { body: Part; annexes: Part[] } {
  const empty = (title: string): Part => ({
    title,
    chapters: [],
    numberedParagraphs: 0,
    recommendations: 0,
    footnotes: []
  })
  const body = empty('')
  const annexes: Part[] = []
  const count = (node: Node, part: Part) => {
    node.descendants((child) => {
      if (child.type.name === 'numbered_paragraph') part.numberedParagraphs++
      if (child.type.name === 'recommendation') part.recommendations++
      if (child.isTextblock) {
        let before = ''
        child.forEach((inline) => {
          if (inline.type.name === 'footnote')
            part.footnotes.push({ before: lastWord(before), text: inline.textContent })
          else if (inline.isText) before += inline.text
        })
        return false
      }
      return true
    })
  }
  const chaptersOf = (node: Node, part: Part) => {
    node.forEach((child) => {
      if (child.type.name !== 'chapter' || headingOf(child) === '') return
      const sections: string[] = []
      child.forEach((section) => {
        if (section.type.name === 'section') sections.push(headingOf(section))
      })
      part.chapters.push({ title: headingOf(child), sections })
    })
  }
  chaptersOf(doc, body)
  doc.forEach((child) => {
    if (child.type.name === 'annex') {
      const annex = empty(headingOf(child))
      chaptersOf(child, annex)
      count(child, annex)
      annexes.push(annex)
    } else count(child, body)
  })
  return { body, annexes }
}

function lastWord(text: string): string {
  const words = text.trim().split(/\s+/)
  return words[words.length - 1] ?? ''
}

/** Measures one import against its counted structure. */
export function measure(report: Report, expected: ExpectedDocument): Measure {
  const { body, annexes } = partsOf(report.doc)
  const chaptersRight =
    body.chapters.length === expected.chapters.length &&
    expected.chapters.every((chapter, index) => {
      const found = body.chapters[index]
      return (
        normalized(found.title) === normalized(chapter.title) &&
        found.sections.length === chapter.sections.length &&
        chapter.sections.every((title, at) => normalized(found.sections[at]) === normalized(title))
      )
    })
  // Each expected footnote is looked for in order after the last one found.
  let from = 0
  let footnotesRight = 0
  for (const footnote of expected.footnotes) {
    const index = body.footnotes.findIndex(
      (found, at) =>
        at >= from &&
        normalized(found.before) === normalized(footnote.before) &&
        normalized(found.text).startsWith(normalized(footnote.text))
    )
    if (index >= 0) {
      footnotesRight++
      from = index + 1
    }
  }
  const annexesRight =
    annexes.length === expected.annexes.length &&
    expected.annexes.every((annex, index) => {
      const found = annexes[index]
      return (
        normalized(found.title) === normalized(annex.title) &&
        found.chapters.length === annex.chapters &&
        found.numberedParagraphs === annex.numberedParagraphs &&
        found.footnotes.length === annex.footnotes
      )
    })
  const masthead = report.meta.masthead
  return {
    chapters: chaptersRight,
    numberedParagraphs: body.numberedParagraphs === expected.numberedParagraphs,
    recommendations: body.recommendations === expected.recommendations,
    footnotesRight,
    footnotesExpected: expected.footnotes.length,
    title: normalized(masthead.title) === normalized(expected.title),
    symbol: masthead.symbol === expected.symbol,
    distribution: masthead.distribution === expected.distribution,
    annexes: annexesRight,
    found: {
      chapters: body.chapters.length,
      numberedParagraphs: body.numberedParagraphs,
      recommendations: body.recommendations,
      footnotes: body.footnotes.length,
      annexes: annexes
        .map((a) => `${a.chapters.length}/${a.numberedParagraphs}/${a.footnotes.length}`)
        .join(' ')
    }
  }
}
