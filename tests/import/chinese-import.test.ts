import { join } from 'node:path'
import { importText } from '../../src/core/import'
import { computeNumbering } from '../../src/core/numbering'
import { inlineText } from '../../src/core/text'
import { expectedStats, FIXTURES, readText, statsOf } from './helpers'

const source = readText(join(FIXTURES, 'wg-report-zh.pdf-extracted.txt'))
const expected = expectedStats(join(FIXTURES, 'wg-report-zh.expected.json'))

describe('text import of a Chinese report copied out of a PDF', () => {
  it('imports to exactly the expected structure', () => {
    const { report, notes } = importText(source)
    expect(statsOf(report)).toEqual(expected)
    expect(notes).toEqual([])
  })

  it('detects Chinese and fills the masthead, furniture included', () => {
    const { meta } = importText(source).report
    expect(meta.language).toBe('zh')
    expect(meta.masthead).toMatchObject({
      symbol: 'CTOC/COP/WG.7/2024/L.1',
      date: '2024-06-06',
      originalLanguage: '英文',
      parentBody: '联合国打击跨国有组织犯罪公约缔约方会议',
      jobNumber: 'V.24-04321 (C)'
    })
  })

  it('joins wrapped Chinese lines without spaces, across page furniture', () => {
    const { report } = importText(source)
    const numbering = computeNumbering(report.doc, { language: 'zh', recommendationStyle: 'block' })
    const paragraph = (n: number) => {
      const item = numbering.items.find((i) => i.kind === 'paragraph' && i.number === n)!
      return inlineText(report.doc.nodeAt(item.pos)!)
    }
    expect(paragraph(1)).toBe(
      '缔约方会议在其第5/3号决定中设立了偷运移民问题工作组，作为不限成员名额的政府间工作组，就缔约方会议在《关于打击陆、海、空偷运移民的补充议定书》方面的任务授权向会议提供咨询意见和协助。'
    )
    expect(paragraph(7)).toBe(
      '若干发言者强调，在旅途中成为其他犯罪受害者的被偷运移民应能获得补救，对官员进行培训在这方面至关重要。许多发言者还指出，各国应在区域一级交流边境管理方面的良好做法，并加强对一线官员的培训。'
    )
    // The glued footnote mark "。1" became a footnote; "第1次" stayed text.
    expect(paragraph(8)).toBe(
      '一位发言者指出，利用网络平台宣传偷运服务的问题需要与服务提供商开展更密切的合作。'
    )
    expect(paragraph(6)).toContain('第1次和第2次会议')
  })
})

describe('text import: a footnote at the foot of a page inside a paragraph', () => {
  it('resumes the paragraph after the page furniture and anchors the footnote', () => {
    const text = [
      'I. Introduction',
      '',
      '1. Speakers referred to the background paper prepared by the Secretariat,¹ and the Working',
      'Group continued its discussion of the item at length and in great detail, with many of the',
      '',
      '¹ CTOC/COP/WG.7/2024/3.',
      '',
      'V.24-04321 (E)',
      '*2404321*',
      '',
      'speakers considering its implications for the countries of the region at some length, and',
      'concluded.',
      '',
      '2. The next paragraph.',
      ''
    ].join('\n')
    const { report, notes } = importText(text)
    const stats = statsOf(report)
    expect(stats.numberedParagraphs).toBe(2)
    expect(stats.footnotes).toBe(1)
    expect(stats.documentSymbols).toEqual(['CTOC/COP/WG.7/2024/3'])
    const first = report.doc.firstChild!.child(1)
    expect(inlineText(first)).toBe(
      'Speakers referred to the background paper prepared by the Secretariat, and the Working Group continued its discussion of the item at length and in great detail, with many of the speakers considering its implications for the countries of the region at some length, and concluded.'
    )
    expect(notes).toEqual([])
  })
})
