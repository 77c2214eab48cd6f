import { computeNumbering } from '../../src/core/numbering'
import { reportToDocx } from '../../src/core/docx/index'
import { importText } from '../../src/core/import'
import { readDocx } from '../export/docx-reader'
import { statsOf } from './helpers'

/**
 * Annexes are containers of their own after the chapters: their numbered
 * paragraphs and chapters run in series of their own, the body's count leaves
 * them out, and the Word export prints them after the body.
 */

const TEXT = [
  'I. Introduction',
  '',
  '1. The first paragraph of the body.',
  '',
  '2. The second paragraph of the body.',
  '',
  'Annex I',
  '',
  'Terms of reference',
  '',
  'I. Role',
  '',
  '1. The group is the custodian of the plan.',
  '',
  '2. It connects data and statistics.',
  '',
  'II. Membership',
  '',
  '3. The group has 22 members.',
  '',
  'Annex II',
  '',
  'Workplan',
  '',
  '1. Preparations for the forum.',
  ''
].join('\n')

describe('annexes', () => {
  it('become annex containers whose paragraphs and chapters have their own series', () => {
    const { report } = importText(TEXT)
    const stats = statsOf(report)
    expect(stats.numberedParagraphs).toBe(2)
    expect(stats.chapters.map((c) => c.title)).toEqual(['Introduction'])
    expect(stats.annexes).toEqual([
      {
        title: 'Terms of reference',
        chapters: 2,
        numberedParagraphs: 3,
        recommendations: 0,
        footnotes: 0
      },
      { title: 'Workplan', chapters: 0, numberedParagraphs: 1, recommendations: 0, footnotes: 0 }
    ])
    const numbering = computeNumbering(report.doc, {
      language: 'en',
      recommendationStyle: report.meta.settings.recommendationStyle
    })
    const labels = numbering.items
      .filter((item) => item.kind === 'paragraph' || item.kind === 'chapter')
      .map((item) => item.label)
    expect(labels).toEqual(['I.', '1.', '2.', 'I.', '1.', '2.', 'II.', '3.', '1.'])
  })

  it('are exported to Word after the body, their paragraphs numbered in their own series', async () => {
    const docx = readDocx(await reportToDocx(importText(TEXT).report))
    const text = docx.xml('word/document.xml').documentElement?.textContent ?? ''
    expect(text).toMatch(/Annex\s*Terms of reference/)
    expect(text).toMatch(/3\.\s*The group has 22 members\./)
    expect(text.indexOf('Workplan')).toBeGreaterThan(text.indexOf('The second paragraph'))
  })

  it('are found in a text copy of a PDF: after a full last line, with a wrapped title and their own footnote numbers', () => {
    const { report } = importText(COPIED)
    const stats = statsOf(report)
    expect(stats.chapters.map((c) => c.title)).toEqual(['Introduction'])
    expect(stats.numberedParagraphs).toBe(2)
    expect(stats.footnotes).toBe(2)
    expect(stats.annexes).toEqual([
      {
        title:
          'Terms of reference of the high-level group for partnership, coordination and capacity-building for statistics',
        chapters: 0,
        numberedParagraphs: 1,
        recommendations: 0,
        footnotes: 1
      }
    ])
    // "Annexes" below a full last line opens the annexes instead of running on in that paragraph.
    const paragraphs: string[] = []
    report.doc.descendants((node) => {
      if (node.type.name === 'numbered_paragraph') paragraphs.push(node.textContent)
      return true
    })
    expect(paragraphs[1]).toMatch(/all matters raised\.$/)
    // Each footnote 1 went to the mark of its own series.
    const footnotes: string[] = []
    report.doc.descendants((node) => {
      if (node.type.name === 'footnote') footnotes.push(node.textContent)
      return true
    })
    expect(footnotes).toEqual([
      'See the report of the Secretary-General on the matter (A/78/1).',
      'Regional commissions of the Economic and Social Council.'
    ])
  })
})

/** Words wrapped at a PDF text line's width, as pdftotext copies a justified paragraph. */
function wrapped(text: string, width = 84): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  return [...lines, line]
}

const SENTENCE =
  'The group reviewed the implementation of the plan of action and the reports of its members on the data they hold and on the capacity they need to produce it.'

/**
 * A report copied with pdftotext: a contents page listing the annex without a
 * page, a body whose last line runs the full width before the page ends, then
 * "Annexes" and "Annex I" over a title wrapped in its narrower column, and an
 * annex whose footnotes are numbered from 1 again.
 */
const COPIED = [
  'Contents',
  'Paragraphs Page',
  'I.',
  'Introduction . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . .',
  '1–2',
  '2',
  'Annex.',
  '\fA/79/100',
  '',
  'I. Introduction',
  ...wrapped(`1. ${SENTENCE} It met four times in the year under the framework.1 ${SENTENCE}`),
  ...wrapped(
    `2. ${SENTENCE} ${SENTENCE} The group will report again to the Commission at its next session on all matters raised.`
  ),
  '',
  '__________________',
  '1',
  '',
  'See the report of the Secretary-General on the matter (A/78/1).',
  '\fA/79/100',
  'page 3',
  'Annexes',
  'Annex I',
  'Terms of reference of the high-level group for partnership, coordination',
  'and capacity-building for statistics',
  ...wrapped(`1. ${SENTENCE} Members are nominated through the regional mechanisms 1 ${SENTENCE}`),
  '',
  '__________________',
  '1',
  '',
  'Regional commissions of the Economic and Social Council.',
  ''
].join('\n')
