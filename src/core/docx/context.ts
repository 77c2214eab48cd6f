import type { IRunOptions, Paragraph } from 'docx'
import type { Node } from 'prosemirror-model'
import { CONVENTIONS, type Language, type LanguageConventions } from '../languages'
import { computeNumbering, type Numbering } from '../numbering'
import type { Report } from '../report-file'
import { BookmarkNames } from './fields'
import type { HouseTemplate } from './house-template'
import { TYPOGRAPHY, languageRun, type LanguageTypography } from './layout'
import { createReviewExport, type ReviewExport } from './review'

/**
 * What the node converters share while one report is exported: its labels,
 * its language, the bookmarks cross-references point at, and the footnotes
 * and list instances handed out so far.
 */
export interface ExportContext {
  language: Language
  conventions: LanguageConventions
  typography: LanguageTypography
  numbering: Numbering
  /** Run properties every run carries (fonts and language where styles alone are not enough). */
  run: IRunOptions
  /** Bookmark names of the nodes cross-references point at. */
  bookmarks: BookmarkNames
  /** Ids of nodes that need a bookmark: targets of references and the containers around them. */
  targets: ReadonlySet<string>
  /** For each chapter, section and subsection id: the ids of it and its enclosing containers, outermost first. */
  containerPath: ReadonlyMap<string, readonly string[]>
  /** Footnote contents by Word footnote id, filled as anchors are met. */
  footnotes: Record<string, { children: Paragraph[] }>
  footnoteCount: number
  /** Footnotes marked with a symbol instead of a number ("*" on the agenda item), by id. */
  customMarks: Map<number, string>
  /** Whether a footnote's own text is being written (Word has no footnotes in footnotes). */
  inFootnote: boolean
  /** The last numbering instance given to a list: each list restarts at (a). */
  listInstances: number
  /** Suggestions and comments being written as Word revisions and comments. */
  review: ReviewExport
  /** The house template's emblem for the masthead, or null (Rapporteur ships none). */
  emblem: HouseTemplate['emblem']
}

/** Ids of every container with its enclosing containers, from the numbering (document order). */
function containerPaths(numbering: Numbering): Map<string, string[]> {
  const paths = new Map<string, string[]>()
  let chapter: string[] = []
  let section: string[] = []
  for (const item of numbering.items) {
    if (item.id === null) continue
    if (item.kind === 'chapter') paths.set(item.id, (chapter = [item.id]))
    else if (item.kind === 'section') paths.set(item.id, (section = [...chapter, item.id]))
    else if (item.kind === 'subsection') paths.set(item.id, [...section, item.id])
  }
  return paths
}

/** Ids that some cross-reference points at, with the containers a section's reference names too. */
function referenceTargets(doc: Node, paths: Map<string, string[]>): Set<string> {
  const targets = new Set<string>()
  doc.descendants((node) => {
    if (node.type.name === 'cross_reference') {
      const target = node.attrs.target as string
      for (const id of paths.get(target) ?? [target]) targets.add(id)
    }
    return true
  })
  return targets
}

/** A fresh context for exporting `report`. */
export function createExportContext(
  report: Report,
  emblem: HouseTemplate['emblem'] = null
): ExportContext {
  const { language, settings } = report.meta
  const typography = TYPOGRAPHY[language]
  const numberingOptions = { language, recommendationStyle: settings.recommendationStyle }
  const numbering = computeNumbering(report.doc, numberingOptions)
  const containerPath = containerPaths(numbering)
  return {
    language,
    conventions: CONVENTIONS[language],
    typography,
    numbering,
    // Western languages take their fonts from the styles; Chinese and Arabic runs name theirs.
    run: typography.eastAsian || typography.rightToLeft ? languageRun(typography) : {},
    bookmarks: new BookmarkNames(),
    targets: referenceTargets(report.doc, containerPath),
    containerPath,
    footnotes: {},
    footnoteCount: 0,
    customMarks: new Map(),
    inFootnote: false,
    listInstances: 0,
    review: createReviewExport(report, numberingOptions),
    emblem
  }
}
