import type { Node } from 'prosemirror-model'
import type { ImportNote } from '../import/note'
import type { ReportMeta } from '../meta'
import { computeNumbering, type Numbering } from '../numbering'
import { reviewSummary, suggestionCount } from '../review/summary'
import { CHECK_KINDS, type Finding } from './finding'
import { checkWordLimit } from './length-check'
import { placeName } from './place'
import { checkMasthead } from './masthead-checks'
import {
  checkDraftingStatus,
  checkEmptyContainers,
  checkRecommendationPlacement,
  checkReferences
} from './structure-checks'
import { checkDocumentSymbols } from './symbol-checks'
import {
  checkEmptyParagraphs,
  checkFootnotesInHeadings,
  checkSquareBrackets,
  checkUntranslated
} from './text-checks'

export * from './finding'
export { countReportWords, type WordCounts } from '../stats'
export { JOB_NUMBER } from './masthead-checks'

/**
 * The pre-circulation check: every problem a report officer looks for before
 * a draft goes out, as one pure function shared by the Check panel, the
 * export dialog and `rapporteur check`.
 */

/** What the check reads besides the document. */
export interface CheckInput {
  doc: Node
  meta: ReportMeta
  /** Notes an import left that nobody has dealt with yet. */
  importNotes?: readonly ImportNote[]
  /** Open suggestions and comment threads (counted from the document when not given). */
  openReview?: { suggestions: number; comments: number }
  /** Labels of the document, when the caller has them already (the editor does). */
  numbering?: Numbering
}

/** The findings, in panel order, and how many block circulation. */
export interface CheckResult {
  findings: Finding[]
  blocking: number
}

/** Runs every check on a report. */
export function checkReport(input: CheckInput): CheckResult {
  const { doc, meta } = input
  const numbering =
    input.numbering ??
    computeNumbering(doc, {
      language: meta.language,
      recommendationStyle: meta.settings.recommendationStyle
    })
  const findings = [
    ...checkSquareBrackets(doc, numbering),
    ...checkReferences(doc, numbering),
    ...checkMasthead(meta.masthead),
    ...checkWordLimit(doc, meta.settings.wordLimit),
    ...checkEmptyContainers(doc, numbering),
    ...checkDraftingStatus(doc, numbering),
    ...checkDocumentSymbols(doc, numbering, meta.masthead.symbol),
    ...checkEmptyParagraphs(doc, numbering),
    ...checkUntranslated(doc, numbering),
    ...checkFootnotesInHeadings(doc, numbering),
    ...checkRecommendationPlacement(doc, numbering, meta.language),
    ...importNoteFindings(doc, numbering, input.importNotes ?? []),
    ...openReviewFindings(input.openReview ?? openReviewOf(doc))
  ]
  findings.sort((a, b) => CHECK_KINDS.indexOf(a.kind) - CHECK_KINDS.indexOf(b.kind))
  return { findings, blocking: findings.filter((f) => f.severity === 'blocking').length }
}

function importNoteFindings(
  doc: Node,
  numbering: Numbering,
  notes: readonly ImportNote[]
): Finding[] {
  const positions = new Map<string, number>()
  if (notes.some((note) => note.targetId))
    doc.descendants((node, pos) => {
      const id = node.attrs.id as string | null | undefined
      if (id) positions.set(id, pos)
      return !node.isTextblock
    })
  return notes.map((note) => {
    const pos = note.targetId ? positions.get(note.targetId) : undefined
    return {
      kind: 'import-note',
      severity: 'warning',
      pos: pos === undefined ? null : pos + 1,
      where: pos === undefined ? '' : placeName(doc, pos + 1, numbering),
      detail: { kind: 'import-note', message: note.message, line: note.line }
    }
  })
}

/** Suggestions and comment threads a report still carries. */
function openReviewOf(doc: Node): NonNullable<CheckInput['openReview']> {
  const { trackedChanges, comments } = reviewSummary(doc)
  return {
    suggestions: suggestionCount(trackedChanges),
    comments: comments.open
  }
}

function openReviewFindings(open: CheckInput['openReview']): Finding[] {
  if (!open) return []
  const rows: Finding[] = []
  for (const [what, count] of [
    ['suggestion', open.suggestions],
    ['comment', open.comments]
  ] as const)
    if (count > 0)
      rows.push({
        kind: 'open-review',
        severity: 'warning',
        pos: null,
        where: '',
        detail: { kind: 'open-review', what, count }
      })
  return rows
}

/** How many findings of each blocking kind remain: what an export warns about. */
export function blockingCounts(result: CheckResult): {
  brackets: number
  brokenReferences: number
} {
  const count = (kind: Finding['kind']) => result.findings.filter((f) => f.kind === kind).length
  return { brackets: count('square-brackets'), brokenReferences: count('broken-reference') }
}

/**
 * The lines an export warns with: one per kind of blocking problem, with its
 * count, so the CLI and the app's Export say the same thing.
 */
export function exportWarnings(result: CheckResult): string[] {
  const { brackets, brokenReferences } = blockingCounts(result)
  const lines: string[] = []
  if (brackets) lines.push(`${brackets} passage(s) in square brackets (not yet agreed)`)
  if (brokenReferences) lines.push(`${brokenReferences} cross-reference(s) to deleted text`)
  return lines
}
