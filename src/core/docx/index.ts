import { Document, type Paragraph, type Table } from 'docx'
import type { Report } from '../report-file'
import { blockToDocx } from './blocks'
import { createExportContext, type ExportContext } from './context'
import { PAGE, reportStyles } from './layout'
import { reportNumbering } from './list-numbering'
import { closingRule, mastheadToDocx, pageFurniture } from './masthead'
import { wordText } from './inline'
import type { Masthead } from '../meta'
import {
  finishReviewPackage,
  hasReviewData,
  reportForExport,
  wordComments,
  type ReviewMode
} from './review'
import { compileParts, zipParts } from './package'
import { finishLikeWord } from './word-parts'
import { applyHouseTemplate, type HouseTemplate } from './house-template'

/**
 * The official Word export: a report to a .docx that is ready to circulate.
 * Pure (the `docx` library only: no DOM, no Node APIs), so the app runs it in
 * a worker and the CLI in Node.
 */

/** The masthead with every field as Word may hold it. */
function wordMasthead(masthead: Masthead): Masthead {
  const clean = { ...masthead }
  for (const key of Object.keys(clean) as Array<keyof Masthead>)
    if (key !== 'distribution') clean[key] = wordText(clean[key] ?? '')
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
  /** An office's house template (`readHouseTemplate`): its styles, page and emblem replace the built-in ones. */
  template?: HouseTemplate
}

/** Share of the time building takes; packing (XML and zip) takes the rest (see bench/export.bench.ts). */
const BUILDING_SHARE = 0.3

/** The `docx` document object of a report, before packing (for tests and measurements). */
export function reportToDocument(report: Report, options: ExportOptions = {}): Document {
  return buildDocument(report, options).document
}

/** The document object and the context it was built in (which the finishing of its parts reads). */
function buildDocument(
  given: Report,
  options: ExportOptions
): { document: Document; context: ExportContext } {
  const report = reportForExport(given, options.review)
  const context = createExportContext(report, options.template?.emblem ?? null)
  const masthead = wordMasthead(report.meta.masthead)
  const body: Array<Paragraph | Table> = mastheadToDocx(masthead, context)
  const chapters = report.doc.childCount
  report.doc.forEach((chapter, offset, index) => {
    body.push(...blockToDocx(chapter, offset, context))
    options.onProgress?.({ phase: 'building', fraction: (BUILDING_SHARE * (index + 1)) / chapters })
  })
  body.push(closingRule(context))
  const document = new Document({
    creator: 'Rapporteur',
    lastModifiedBy: 'Rapporteur',
    title: [masthead.symbol, masthead.title].filter(Boolean).join(' — '),
    subject: masthead.subsidiaryBody,
    styles: reportStyles(report.meta.language),
    numbering: reportNumbering(report.meta.language),
    footnotes: context.footnotes,
    comments: wordComments(context.review),
    evenAndOddHeaderAndFooters: true,
    // A justified line ending in a manual line break is not stretched across the column.
    compatibility: { doNotExpandShiftReturn: true },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, gutter: 0 }
          }
        },
        ...pageFurniture(masthead, report.meta.settings, context),
        children: body
      }
    ]
  })
  return { document, context }
}

/** The .docx file of a report. */
export async function reportToDocx(
  report: Report,
  options: ExportOptions = {}
): Promise<Uint8Array> {
  const { document, context } = buildDocument(report, options)
  options.onProgress?.({ phase: 'packing', fraction: BUILDING_SHARE })
  const parts = compileParts(document)
  if (options.template) applyHouseTemplate(parts, options.template)
  finishLikeWord(parts, {
    rightToLeft: context.typography.rightToLeft,
    customMarks: context.customMarks
  })
  const zipped = zipParts(parts)
  // Only a report under review needs its package finished; others skip the unzip and rezip.
  const bytes = hasReviewData(report.doc) ? finishReviewPackage(zipped) : zipped
  options.onProgress?.({ phase: 'done', fraction: 1 })
  return bytes
}
