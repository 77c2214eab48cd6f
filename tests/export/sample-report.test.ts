import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { reportStats } from '../../src/core/stats'
import { parseReport, serializeReport } from '../../src/core/report-file'
import { sampleReport } from '../fixtures/sample-report'

// A copy of shared/samples/wg-report-en.expected.json, so a clean clone has it.
const EXPECTED = join(__dirname, 'wg-report-en.expected.json')

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
