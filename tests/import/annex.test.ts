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
})
