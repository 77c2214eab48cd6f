import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Node } from 'prosemirror-model'
import { reportStats, type ReportStats } from '../../src/core/stats'
import { reportOfDoc, reportToJSON, type Report } from '../../src/core/report-file'

/** The project's sample reports, kept in the repository so a clean clone has them. */
export const SAMPLES = resolve(__dirname, '../fixtures/samples')
/** This suite's fixtures. */
export const FIXTURES = resolve(__dirname, '../fixtures/import')

/** A sample or fixture file's text. */
export function readText(path: string): string {
  return readFileSync(path, 'utf8')
}

/** An expected-structure JSON file without its "about" key. */
export function expectedStats(path: string): ReportStats {
  const json = JSON.parse(readText(path)) as ReportStats & { about?: string }
  delete json.about
  return json
}

/** The structure of a report as `rapporteur stats --json` prints it (plain JSON). */
export function statsOf(report: Report): ReportStats {
  return JSON.parse(JSON.stringify(reportStats(report))) as ReportStats
}

/**
 * A document's JSON as the file holds it (metadata apart, in the envelope)
 * without ids and reference targets, to compare two imports of one report.
 */
export function shapeOf(doc: Node): unknown {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip)
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {}
      for (const [key, inner] of Object.entries(value))
        if (key !== 'id' && key !== 'target' && key !== 'symbol') out[key] = strip(inner)
      return out
    }
    return value
  }
  return strip(reportToJSON(reportOfDoc(doc)).doc)
}

/** Each footnote of a document with the last `width` characters of text before its mark. */
export function footnoteMarks(doc: Node, width: number): Array<[string, string]> {
  const marks: Array<[string, string]> = []
  doc.descendants((node) => {
    if (!node.isTextblock) return true
    let before = ''
    node.forEach((inline) => {
      if (inline.type.name === 'footnote') marks.push([before.slice(-width), inline.textContent])
      else if (inline.isText) before += inline.text
    })
    return false
  })
  return marks
}
