import { DOCUMENT_SYMBOL, type Masthead } from '../meta'
import type { Finding } from './finding'

/**
 * Checks of the masthead: what the first page must carry before a report
 * circulates, and the shapes UN conference services give its fields.
 */

/** A job number: duty station prefix, two-digit year, five digits, e.g. "V.25-01234" or "GE.19-13879 (E)". */
export const JOB_NUMBER = /^[A-Z]{1,2}\.\d{2}-\d{5}(?: \([A-Z]\))?$/

const REQUIRED: ReadonlyArray<keyof Masthead> = [
  'symbol',
  'date',
  'originalLanguage',
  'subsidiaryBody',
  'meeting',
  'title',
  'jobNumber'
]

function finding(
  field: keyof Masthead,
  problem: 'missing' | 'malformed',
  expected?: string
): Finding {
  return {
    kind: 'masthead',
    severity: 'warning',
    pos: null,
    where: 'masthead',
    detail: { kind: 'masthead', field, problem, ...(expected ? { expected } : {}) }
  }
}

/** Missing masthead fields, and fields whose shape is wrong or disagrees with another field. */
export function checkMasthead(masthead: Masthead): Finding[] {
  const findings: Finding[] = []
  for (const field of REQUIRED)
    if ((masthead[field] ?? '').trim() === '') findings.push(finding(field, 'missing'))

  const symbol = masthead.symbol.trim()
  if (symbol !== '') {
    if (!DOCUMENT_SYMBOL.test(symbol))
      findings.push(finding('symbol', 'malformed', 'e.g. CTOC/COP/WG.4/2025/L.1'))
    else {
      // "L." symbols are limited-distribution drafts; the distribution line must say so.
      const limited = /\/L\.\d+/.test(symbol)
      if (limited !== (masthead.distribution === 'Limited'))
        findings.push(
          finding(
            'distribution',
            'malformed',
            limited ? 'Limited for an L. symbol' : 'an L. symbol for a Limited document'
          )
        )
      const year = /\/((?:19|20)\d\d)\//.exec(symbol)?.[1]
      if (year && /^\d{4}-/.test(masthead.date) && !masthead.date.startsWith(year))
        findings.push(finding('date', 'malformed', `a date in ${year}, the year of the symbol`))
    }
  }
  if (masthead.date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(masthead.date))
    findings.push(finding('date', 'malformed', 'yyyy-mm-dd'))
  if (masthead.jobNumber.trim() !== '' && !JOB_NUMBER.test(masthead.jobNumber.trim()))
    findings.push(finding('jobNumber', 'malformed', 'e.g. V.25-01234'))
  return findings
}
