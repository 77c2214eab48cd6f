/**
 * What the pre-circulation check reports: one finding per problem, with the
 * place it sits so a click (or a line of `rapporteur check`) leads to it.
 */

/** The kinds of problem the check looks for, in the order the panel lists them. */
export const CHECK_KINDS = [
  'square-brackets',
  'broken-reference',
  'masthead',
  'word-limit',
  'empty-container',
  'not-agreed',
  'document-symbol',
  'empty-paragraph',
  'untranslated',
  'footnote-in-heading',
  'recommendation-placement',
  'import-note',
  'open-review'
] as const

/** A kind of problem. */
export type CheckKind = (typeof CHECK_KINDS)[number]

/**
 * `blocking`: the report must not circulate with it (text not yet agreed,
 * references that read "[reference to deleted text]"); `warning`: worth a look.
 */
export type Severity = 'blocking' | 'warning'

/** Kinds whose findings block circulation. */
export const BLOCKING_KINDS: ReadonlySet<CheckKind> = new Set([
  'square-brackets',
  'broken-reference'
])

/** One problem found by the check. */
export interface Finding {
  kind: CheckKind
  severity: Severity
  /**
   * Document position the problem starts at (for the editor to jump to), or
   * null when it is about the report as a whole or its masthead.
   */
  pos: number | null
  /** Where it is, as a reader names it: "paragraph 12", "II.B", "footnote 3", "masthead". */
  where: string
  /** The problem's particulars, as plain values for the panel's and the CLI's wording. */
  detail: FindingDetail
}

/** Particulars of a finding, by kind. */
export type FindingDetail =
  | { kind: 'square-brackets'; text: string }
  | { kind: 'broken-reference'; target: string }
  | { kind: 'masthead'; field: string; problem: 'missing' | 'malformed'; expected?: string }
  | { kind: 'word-limit'; words: number; limit: number; footnoteWords: number }
  | { kind: 'empty-container'; container: 'chapter' | 'section' | 'subsection' }
  | { kind: 'not-agreed'; container: 'chapter' | 'section' | 'subsection'; status: string }
  | { kind: 'document-symbol'; symbol: string; problem: 'not-linked' | 'own-symbol' | 'mismatch' }
  | { kind: 'empty-paragraph' }
  | { kind: 'untranslated'; text: string }
  | { kind: 'footnote-in-heading' }
  | { kind: 'recommendation-placement'; chapter: string }
  | { kind: 'import-note'; message: string; line: number }
  | { kind: 'open-review'; what: 'suggestion' | 'comment'; count: number }

/** The English sentence for a finding, as `rapporteur check` prints it. */
export function describeFinding(finding: Finding): string {
  const detail = finding.detail
  switch (detail.kind) {
    case 'square-brackets':
      return `text in square brackets: ${detail.text}`
    case 'broken-reference':
      return `reference to text that no longer exists (target ${detail.target})`
    case 'masthead':
      return detail.problem === 'missing'
        ? `masthead: ${detail.field} is missing`
        : `masthead: ${detail.field} is malformed${detail.expected ? ` (expected ${detail.expected})` : ''}`
    case 'word-limit':
      return `${detail.words} words against a limit of ${detail.limit} (footnotes: ${detail.footnoteWords} words, counted separately)`
    case 'empty-container':
      return `empty ${detail.container}: a heading with no text under it`
    case 'not-agreed':
      return `${detail.container} still marked "${detail.status}", not agreed`
    case 'document-symbol':
      return detail.problem === 'not-linked'
        ? `document symbol ${detail.symbol} is not linked (not marked as a symbol)`
        : detail.problem === 'own-symbol'
          ? `the report cites its own symbol ${detail.symbol}`
          : `linked symbol ${detail.symbol} differs from the text it marks`
    case 'empty-paragraph':
      return 'empty paragraph'
    case 'untranslated':
      return `not yet translated: ${detail.text}`
    case 'footnote-in-heading':
      return 'footnote mark in a heading'
    case 'recommendation-placement':
      return `recommendation outside the recommendations chapter (${detail.chapter})`
    case 'import-note':
      return `unresolved import note (source line ${detail.line}): ${detail.message}`
    case 'open-review':
      return `${detail.count} open ${detail.what}${detail.count === 1 ? '' : 's'}`
  }
}
