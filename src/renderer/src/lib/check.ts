import type { EditorState } from 'prosemirror-state'
import { blockingCounts, checkReport, type CheckResult, type Finding } from '@core/checks/index'
import type { ReportMeta } from '@core/meta'
import type { ImportNote } from '@shared/contract'
import { numberingOf } from '../editor'

/** The translate function of vue-i18n, as the check's wording needs it. */
type Translate = (key: string, params?: Record<string, unknown> | number) => string

/**
 * The pre-circulation check on the live editor state, reusing the labels
 * the editor already keeps, so running it costs one pass over the text.
 */
export function runCheck(
  state: EditorState,
  meta: ReportMeta,
  importNotes: readonly ImportNote[]
): CheckResult {
  return checkReport({ doc: state.doc, meta, importNotes, numbering: numberingOf(state) })
}

/** A finding in the interface language. */
export function findingText(finding: Finding, t: Translate): string {
  const detail = finding.detail
  switch (detail.kind) {
    case 'masthead':
      return t(`check.masthead.${detail.problem}`, {
        field: t(`check.field.${detail.field}`),
        expected: detail.expected ?? ''
      })
    case 'document-symbol':
      return t(`check.symbol.${detail.problem}`, { symbol: detail.symbol })
    case 'empty-container':
      return t('check.kind.empty-container', {
        container: t(`check.container.${detail.container}`)
      })
    case 'not-agreed':
      return t('check.kind.not-agreed', {
        container: t(`check.container.${detail.container}`),
        status: t(`status.${detail.status}`)
      })
    case 'open-review':
      return t(`check.review.${detail.what}`, detail.count)
    default:
      return t(`check.kind.${detail.kind}`, { ...detail })
  }
}

/** What export says before it goes ahead: one line per kind of blocking problem. */
export function blockingSummary(result: CheckResult, t: Translate): string {
  const { brackets, brokenReferences } = blockingCounts(result)
  return [
    brackets ? t('check.blockingBrackets', { count: brackets }) : '',
    brokenReferences ? t('check.blockingReferences', { count: brokenReferences }) : ''
  ]
    .filter(Boolean)
    .join(' ')
}
