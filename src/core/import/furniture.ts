import { DOCUMENT_SYMBOL } from '../meta'

/**
 * Page furniture: what a printed UN document repeats on every page and text
 * copied out of its PDF carries into the middle of paragraphs: the job
 * number (`V.24-04321 (E)`), the barcode (`*2404321*`), the running head with
 * the document symbol, and bare page numbers.
 */

/** What a furniture line is, with the value worth keeping. */
export type Furniture =
  | { kind: 'job-number'; jobNumber: string }
  | { kind: 'barcode' }
  | { kind: 'notice' }
  | { kind: 'agenda-note' }
  | { kind: 'page-number' }
  | { kind: 'running-head'; symbol: string }

/**
 * "V.24-04321 (E) 060624" on page 1; "2 V.24-04321" or "V.24-04321 3" beside
 * later pages' numbers; New York and Geneva documents have no office letter ("24-22861").
 */
const JOB_NUMBER =
  /^(?:\d{1,4}(?:\/\d{1,4})?\s+)?((?:[A-Z]{1,2}\.\d{2}-\d{4,6}|\d{2}-\d{5})(?:\s*\([A-Z]\))?)(?:\s+[\d\s/]*)?$/
const BARCODE = /^(?:\*\d{5,12}\*|\d{7,8})$/
/** The recycling notice UN documents print on their first page. */
const NOTICE = /^(?:Please recycle|Merci de recycler|Sírvase reciclar|♲)\s*♲?$/i
const PAGE_NUMBERS = [
  /^\d{1,4}$/,
  /^[-–—]\s*\d{1,4}\s*[-–—]$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^(?:Page|page|第)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?\s*页?$/
]
/** The first page's footnote to the agenda item: "* CTOC/COP/WG.7/2024/1." */
const AGENDA_NOTE = /^\*\s*[A-Z][A-Z0-9.-]*(?:\/[A-Za-z0-9.-]+)+\.?$/
const RUNNING_HEAD = /^(?:\d{1,4}\s+)?(\S+)(?:\s+\d{1,4})?$/

/** The furniture a (trimmed) line is, or undefined for a line of text. */
export function furniture(line: string): Furniture | undefined {
  const job = JOB_NUMBER.exec(line)
  if (job) return { kind: 'job-number', jobNumber: job[1].replace(/\s+/, ' ') }
  if (BARCODE.test(line)) return { kind: 'barcode' }
  if (NOTICE.test(line)) return { kind: 'notice' }
  if (AGENDA_NOTE.test(line)) return { kind: 'agenda-note' }
  if (PAGE_NUMBERS.some((pattern) => pattern.test(line))) return { kind: 'page-number' }
  const head = RUNNING_HEAD.exec(line)
  if (head && DOCUMENT_SYMBOL.test(head[1]) && /\d/.test(head[1]) && !/[.-]$/.test(head[1]))
    return { kind: 'running-head', symbol: head[1] }
  return undefined
}
