import { BENCH_REPORT, generateReport } from '../../bench/generate'
import { parseReport, serializeReport } from '../../src/core/report-file'
import { reportStats } from '../../src/core/stats'

/**
 * Very large valid files load: the 300-page generated report of the design budgets
 * made ten times larger (15,000 numbered paragraphs, 3,000 recommendations,
 * 4,000 footnotes, 300 sections), saved and opened again whole. No timing is
 * asserted here; `npm run bench` measures load and save.
 */

const TIMES = 10

describe('very large files', () => {
  it(`loads the 300-page report ×${TIMES} whole, and saves it back identically`, () => {
    const report = generateReport({
      ...BENCH_REPORT,
      sections: BENCH_REPORT.sections * TIMES,
      paragraphs: BENCH_REPORT.paragraphs * TIMES,
      recommendations: BENCH_REPORT.recommendations * TIMES,
      footnotes: BENCH_REPORT.footnotes * TIMES
    })
    const file = serializeReport(report)
    expect(file.length).toBeGreaterThan(10_000_000)

    const loaded = parseReport(file)
    expect(loaded.doc.eq(report.doc)).toBe(true)
    const stats = reportStats(loaded)
    expect(stats.numberedParagraphs).toBe(BENCH_REPORT.paragraphs * TIMES)
    expect(stats.recommendations).toHaveLength(BENCH_REPORT.recommendations * TIMES)
    expect(stats.recommendations.at(-1)).toBe(
      `Recommendation ${BENCH_REPORT.recommendations * TIMES}`
    )
    expect(stats.footnotes).toBe(BENCH_REPORT.footnotes * TIMES)
    const sections = stats.chapters.reduce((sum, chapter) => sum + chapter.sections.length, 0)
    expect(sections).toBe(BENCH_REPORT.sections * TIMES)
    expect(serializeReport(loaded)).toBe(file)
  }, 300_000)
})
