/**
 * The budgets the `.rapporteur` loader works within, so that no file, however
 * built, can make opening it take the machine's memory or hold the app for
 * minutes. Each is well above the largest real report (a 50 MB report with
 * 100,000 footnotes stays far within both); a file over one is refused,
 * before the costly steps, with a message that names the budget.
 */
export interface ReportBudgets {
  /** Characters of the file's text, checked before parsing it (parsing costs many times its size). */
  characters: number
  /** Nodes of the document (blocks, text runs, footnotes…), checked before validating them. */
  nodes: number
}

/** The budgets the app and the CLI load reports with. */
export const REPORT_BUDGETS: ReportBudgets = {
  characters: 160_000_000,
  nodes: 4_000_000
}

/**
 * The first budget `text` (the whole file) breaks, in words for the user, or
 * null. Cheap: a length check.
 */
export function textOverBudget(
  text: string,
  budgets: ReportBudgets = REPORT_BUDGETS
): string | null {
  if (text.length <= budgets.characters) return null
  return `it holds ${formatCount(text.length)} characters, more than the ${formatCount(budgets.characters)} a report may have`
}

/**
 * Whether the parsed file's document has more nodes than its budget, in words
 * for the user, or null. Counts iteratively (no recursion, however deep the
 * file) and stops at the first node over the budget.
 */
export function nodesOverBudget(
  json: unknown,
  budgets: ReportBudgets = REPORT_BUDGETS
): string | null {
  if (!isRecord(json)) return null
  let nodes = 0
  const pending: unknown[] = [json.doc]
  while (pending.length > 0) {
    const node = pending.pop()
    if (!isRecord(node)) continue
    if (++nodes > budgets.nodes)
      return `its document has more than ${formatCount(budgets.nodes)} parts (paragraphs, runs of text, footnotes…), the most a report may have`
    const content = node.content
    if (Array.isArray(content)) for (const child of content) pending.push(child)
  }
  return null
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** 160000000 → "160,000,000": the budgets are read by people. */
function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
