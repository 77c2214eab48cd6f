import { compileParts, type PackageParts } from '../../src/core/docx/package'
import { reportParts, reportToDocument } from '../../src/core/docx/index'
import type { Report } from '../../src/core/report-file'
import { everyFeatureReport } from '../fixtures/every-feature-report'
import { reviewReport } from '../fixtures/review-report'
import { sampleReport } from '../fixtures/sample-report'
import { sampleReportAr } from '../fixtures/sample-report-ar'
import { sampleReportZh } from '../fixtures/sample-report-zh'

/**
 * The export writes the body and the footnotes block by block (so a report
 * of 100,000 footnotes never holds their object trees at once); these parts
 * must be exactly what the `docx` library writes from the whole document,
 * for every feature the exporter uses. Only the ids the library hands out
 * from process-wide counters differ between two exports (the random ids of
 * external links, the bookmark numbers), so they are numbered in order of
 * appearance before comparing.
 */

/** Parts whose content the chunked writing changes or depends on. */
const PARTS = [
  'word/document.xml',
  'word/footnotes.xml',
  'word/numbering.xml',
  'word/comments.xml',
  'word/_rels/document.xml.rels',
  'word/_rels/footnotes.xml.rels',
  '[Content_Types].xml'
]

/** The parts' text with the random relationship ids (`rId` + 21 characters) and bookmark numbers numbered in order. */
function comparable(parts: PackageParts): Record<string, string> {
  const links = new Map<string, string>()
  const bookmarks = new Map<string, string>()
  const numbered = (ids: Map<string, string>, id: string) => {
    if (!ids.has(id)) ids.set(id, `#${ids.size}`)
    return ids.get(id)!
  }
  const out: Record<string, string> = {}
  for (const path of PARTS) {
    const data = parts.get(path)
    if (typeof data !== 'string') continue
    out[path] = data
      .replace(/rId[A-Za-z0-9_-]{21}(?=")/g, (id) => `rId${numbered(links, id)}`)
      .replace(
        /(<w:bookmark(?:Start|End)\b[^>]*\bw:id=")(\d+)/g,
        (_, start: string, id: string) => start + numbered(bookmarks, id)
      )
  }
  return out
}

const REPORTS: Array<[string, () => Report]> = [
  ['the English sample report', sampleReport],
  ['the Chinese sample report', sampleReportZh],
  ['the Arabic sample report', sampleReportAr],
  ['a report with every feature', () => everyFeatureReport('fr')],
  ['an Arabic report with every feature', () => everyFeatureReport('ar', 'paragraph')],
  ['a report under review (revisions, comments)', () => reviewReport()]
]

describe('the body and footnotes written block by block', () => {
  it.each(REPORTS)('are what the docx library writes from the whole document: %s', (_, make) => {
    const report = make()
    const chunked = comparable(reportParts(report).parts)
    const whole = comparable(compileParts(reportToDocument(report)))
    expect(Object.keys(chunked)).toEqual(Object.keys(whole))
    for (const path of Object.keys(whole)) expect(chunked[path], path).toBe(whole[path])
    expect(chunked['word/document.xml']).toContain('<w:body><w:p>')
  })
})
