import {
  parseReport,
  serializeReport,
  ReportFileError,
  type Report,
  type ReportFileErrorCode
} from '../../../src/core/report-file'

/**
 * The one property every loader fuzz case must satisfy: the text either
 * loads into a sound report that saves and loads again to the same thing, or
 * is refused with a `ReportFileError` whose message a person can read.
 * Anything else (another exception, a report that fails the schema's own
 * check, a polluted `Object.prototype`) fails the case with a message that
 * says which rule broke.
 */

/** What the loader did with a case. */
export type LoadVerdict =
  { outcome: 'loaded'; report: Report } | { outcome: 'refused'; error: ReportFileError }

const ERROR_CODES: ReadonlySet<ReportFileErrorCode> = new Set([
  'not-json',
  'not-rapporteur',
  'newer-version',
  'invalid-meta',
  'invalid-content',
  'over-budget'
])

/**
 * Longest message the user may be shown. Paths into a document 64 levels
 * deep are the longest legitimate ones (about 1,000 characters); a message
 * that quotes megabytes of the file is not a clear message.
 */
export const MAX_MESSAGE_LENGTH = 2000

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(',')

/** Cases checked so far in this test file, so each suite can prove it ran its budget. */
export const fuzzCounter = { cases: 0 }

/** Loads `text` and checks the outcome is one of the two allowed ones. Throws on anything else. */
export function checkLoad(text: string): LoadVerdict {
  fuzzCounter.cases++
  let report: Report
  try {
    report = parseReport(text)
  } catch (error) {
    checkRefusal(error)
    checkPrototypeUntouched()
    return { outcome: 'refused', error: error as ReportFileError }
  }
  checkPrototypeUntouched()
  checkSound(report)
  return { outcome: 'loaded', report }
}

function checkRefusal(error: unknown): void {
  if (!(error instanceof ReportFileError)) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    throw new Error(`the loader threw something other than a ReportFileError: ${detail}`)
  }
  if (!ERROR_CODES.has(error.code)) throw new Error(`unknown error code "${error.code}"`)
  const message = error.message
  if (message.trim().length < 20) throw new Error(`error message too short: "${message}"`)
  if (message.length > MAX_MESSAGE_LENGTH)
    throw new Error(`error message of ${message.length} characters: ${message.slice(0, 200)}…`)
  if (/\[object Object\]|\bundefined\b|\bNaN\b/.test(message))
    throw new Error(`error message shows a programming artefact: "${message}"`)
  if (error.path !== undefined && (typeof error.path !== 'string' || error.path.length === 0))
    throw new Error(`error path is not a readable place: ${String(error.path)}`)
}

/** A loaded report passes ProseMirror's own check, and saving then loading gives the same report. */
function checkSound(report: Report): void {
  report.doc.check()
  const saved = serializeReport(report)
  let again: Report
  try {
    again = parseReport(saved)
  } catch (error) {
    throw new Error(`a loaded report does not load again after saving: ${String(error)}`)
  }
  if (!again.doc.eq(report.doc)) throw new Error('saving and loading changed the document')
  if (serializeReport(again) !== saved) throw new Error('saving twice gives different files')
}

function checkPrototypeUntouched(): void {
  const keys = Object.getOwnPropertyNames(Object.prototype).sort().join(',')
  if (keys !== PROTOTYPE_KEYS) throw new Error(`Object.prototype was changed: ${keys}`)
  if (Object.getPrototypeOf({}) !== Object.prototype)
    throw new Error('a fresh object has a foreign prototype')
}

/** Asserts the case was refused with one of `codes`, and returns the error. */
export function expectRefused(text: string, ...codes: ReportFileErrorCode[]): ReportFileError {
  const verdict = checkLoad(text)
  if (verdict.outcome !== 'refused') throw new Error('expected the file to be refused; it loaded')
  if (codes.length > 0 && !codes.includes(verdict.error.code))
    throw new Error(
      `expected ${codes.join(' or ')}, got ${verdict.error.code}: ${verdict.error.message}`
    )
  return verdict.error
}

/** Asserts the case loaded, and returns the report. */
export function expectLoaded(text: string): Report {
  const verdict = checkLoad(text)
  if (verdict.outcome !== 'loaded')
    throw new Error(`expected the file to load; refused: ${verdict.error.message}`)
  return verdict.report
}
