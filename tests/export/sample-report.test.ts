import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { reportStats } from '../../src/core/stats'
import { parseReport, serializeReport } from '../../src/core/report-file'
import { sampleReport } from '../fixtures/sample-report'
import { sampleReportZh } from '../fixtures/sample-report-zh'

const EXPECTED = join(__dirname, '../fixtures/samples/wg-report-en.expected.json')

describe('the English sample fixture', () => {
  it('has exactly the structure of wg-report-en.expected.json', () => {
    const expected = JSON.parse(readFileSync(EXPECTED, 'utf8')) as Record<string, unknown>
    delete expected.about
    expect(reportStats(sampleReport())).toEqual(expected)
  })

  it('survives a save and load unchanged', () => {
    const report = sampleReport()
    const loaded = parseReport(serializeReport(report))
    expect(loaded.doc.eq(report.doc)).toBe(true)
    expect(loaded.meta).toEqual(report.meta)
  })
})

describe('the Chinese sample fixture', () => {
  it('numbers chapters, recommendations and references the Chinese way', () => {
    const stats = reportStats(sampleReportZh())
    expect(stats.chapters.map((chapter) => chapter.label)).toEqual([
      '一.',
      '二.',
      '三.',
      '四.',
      '五.'
    ])
    expect(stats.recommendations).toEqual(['建议 1', '建议 2', '建议 3'])
    expect(stats.numberedParagraphs).toBe(12)
    expect(stats.crossReferences).toEqual([{ in: '建议 3', to: '第 7 段', broken: false }])
    expect(stats.footnotes).toBe(1)
    expect(stats.lists.map((l) => l.items)).toEqual([
      ['1.', '(a)', '(b)', '2.', '3.'],
      ['(a)', '(b)']
    ])
  })
})
