import { Document, Packer, type Paragraph, type Table } from 'docx'
import type { Report } from '../report-file'
import { blockToDocx } from './blocks'
import { createExportContext } from './context'
import { PAGE, reportStyles } from './layout'
import { reportNumbering } from './list-numbering'
import { mastheadToDocx, pageFurniture } from './masthead'
import { wordText } from './inline'
import type { Masthead } from '../meta'
import {
  finishReviewPackage,
  hasReviewData,
  reportForExport,
  wordComments,
  type ReviewMode
} from './review'

/**
 * The official Word export: a report to a .docx that is ready to circulate.
 * Pure (the `docx` library only: no DOM, no Node APIs), so the app runs it in
 * a worker and the CLI in Node.
 */

/** The masthead with every field as Word may hold it. */
function wordMasthead(masthead: Masthead): Masthead {
  const clean = { ...masthead }
  for (const key of Object.keys(clean) as Array<keyof Masthead>)
    if (key !== 'distribution') clean[key] = wordText(clean[key])
  return clean
}

/** How far an export has come, for a progress indication (0 to 1). */
export interface ExportProgress {
  phase: 'building' | 'packing' | 'done'
  fraction: number
}

/** Options of an export. */
export interface ExportOptions {
  /** Called as the export advances: after each chapter, before packing, when done. */
  onProgress?: (progress: ExportProgress) => void
  /** Suggestions: kept as Word revisions (the default), or all accepted or rejected first. */
  review?: ReviewMode
}

/** Share of the time building takes; packing (XML and zip) takes the rest (see bench/export.bench.ts). */
const BUILDING_SHARE = 0.3

/** The `docx` document object of a report, before packing (for tests and measurements). */
export function reportToDocument(given: Report, options: ExportOptions = {}): Document {
  const report = reportForExport(given, options.review)
  const context = createExportContext(report)
  const masthead = wordMasthead(report.meta.masthead)
  const body: Array<Paragraph | Table> = mastheadToDocx(masthead, context)
  const chapters = report.doc.childCount
  report.doc.forEach((chapter, offset, index) => {
    body.push(...blockToDocx(chapter, offset, context))
    options.onProgress?.({ phase: 'building', fraction: (BUILDING_SHARE * (index + 1)) / chapters })
  })
  return new Document({
    creator: 'Rapporteur',
    title: [masthead.symbol, masthead.title].filter(Boolean).join(' — '),
    subject: masthead.subsidiaryBody,
    styles: reportStyles(report.meta.language),
    numbering: reportNumbering(report.meta.language),
    footnotes: context.footnotes,
    comments: wordComments(context.review),
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, gutter: 0 }
          }
        },
        ...pageFurniture(masthead, context),
        children: body
      }
    ]
  })
}

/** The .docx file of a report. */
export async function reportToDocx(
  report: Report,
  options: ExportOptions = {}
): Promise<Uint8Array> {
  const document = reportToDocument(report, options)
  options.onProgress?.({ phase: 'packing', fraction: BUILDING_SHARE })
  const packed = await Packer.pack(document, 'uint8array')
  // Only a report under review needs its package finished; others skip the unzip and rezip.
  const bytes = hasReviewData(report.doc) ? finishReviewPackage(packed) : packed
  options.onProgress?.({ phase: 'done', fraction: 1 })
  return bytes
}
