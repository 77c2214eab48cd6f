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
import { compileParts, editPart, zipParts, type PackageParts } from './package'
import {
  bodyXml,
  documentWithBody,
  footnotesWithNotes,
  footnotesXml,
  withListNumbers
} from './part-chunks'
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

/**
 * Share of the time building the chapters takes (see bench/export.bench.ts);
 * compiling the rest of the package and zipping take what is left.
 */
const BUILDING_SHARE = 0.8

/** The `docx` document object of a report, before packing (for tests and measurements). */
export function reportToDocument(report: Report, options: ExportOptions = {}): Document {
  const content = startContent(report, options)
  const body = [...content.front]
  forEachChapter(content, options, (blocks) => body.push(...blocks))
  return documentOf(content, body, content.context.footnotes)
}

/** What an export starts from: the report as exported, its context and its masthead's blocks. */
interface StartedContent {
  report: Report
  masthead: Masthead
  /** The masthead's blocks (with its pictures, which the library's compiler must see). */
  front: Array<Paragraph | Table>
  /** Which the finishing of the parts reads, and which holds the footnotes met so far. */
  context: ExportContext
}

function startContent(given: Report, options: ExportOptions): StartedContent {
  const report = reportForExport(given, options.review)
  const context = createExportContext(report, options.template?.emblem ?? null)
  const masthead = wordMasthead(report.meta.masthead)
  return { report, masthead, front: mastheadToDocx(masthead, context), context }
}

/** Builds the blocks of each chapter in turn, then the closing rule, handing each batch to `take`. */
function forEachChapter(
  { report, context }: StartedContent,
  options: ExportOptions,
  take: (blocks: Array<Paragraph | Table>) => void
): void {
  const chapters = report.doc.childCount
  report.doc.forEach((chapter, offset, index) => {
    take(blockToDocx(chapter, offset, context))
    options.onProgress?.({ phase: 'building', fraction: (BUILDING_SHARE * (index + 1)) / chapters })
  })
  take([closingRule(context)])
}

/** The document of `content` with `body` and `footnotes` (empty ones make the shell `reportToDocx` fills). */
function documentOf(
  { report, masthead, context }: StartedContent,
  body: Array<Paragraph | Table>,
  footnotes: ExportContext['footnotes']
): Document {
  return new Document({
    creator: 'Rapporteur',
    lastModifiedBy: 'Rapporteur',
    title: [masthead.symbol, masthead.title].filter(Boolean).join(' — '),
    subject: masthead.subsidiaryBody,
    styles: reportStyles(report.meta.language),
    numbering: reportNumbering(report.meta.language),
    footnotes,
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
}

/**
 * The compiled parts of a report's .docx, before they are finished and
 * zipped. Each chapter's body and footnotes are written as soon as the
 * chapter is built (see part-chunks.ts), beside a shell document compiled
 * last: so one chapter's objects are held at a time, and writing them has
 * registered the list instances and links the shell's numbering and
 * relationships parts must list.
 */
export function reportParts(
  report: Report,
  options: ExportOptions = {}
): { parts: PackageParts; context: ExportContext } {
  const content = startContent(report, options)
  const { context } = content
  const document = documentOf(content, content.front, {})
  const body: string[] = []
  const notes: string[] = []
  forEachChapter(content, options, (blocks) => {
    body.push(bodyXml(document, blocks))
    notes.push(footnotesXml(document, context.footnotes))
  })
  options.onProgress?.({ phase: 'packing', fraction: BUILDING_SHARE })
  const parts = compileParts(document)
  editPart(parts, 'word/document.xml', (shell) =>
    documentWithBody(shell, withListNumbers(document, body.join('')))
  )
  editPart(parts, 'word/footnotes.xml', (shell) =>
    footnotesWithNotes(shell, withListNumbers(document, notes.join('')))
  )
  return { parts, context }
}

/** The .docx file of a report. */
export async function reportToDocx(
  report: Report,
  options: ExportOptions = {}
): Promise<Uint8Array> {
  const { parts, context } = reportParts(report, options)
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
