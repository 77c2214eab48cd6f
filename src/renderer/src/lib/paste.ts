import type { Node } from 'prosemirror-model'

/** Shortest pasted text (characters) that is taken for a whole report rather than a passage. */
export const WHOLE_REPORT_MIN_CHARS = 600
/** Fewest non-empty lines of such a text. */
export const WHOLE_REPORT_MIN_LINES = 8

/** Whether pasted plain text is long and many-lined enough to be a whole report. */
export function looksLikeWholeReport(text: string): boolean {
  if (text.length < WHOLE_REPORT_MIN_CHARS) return false
  let lines = 0
  for (const line of text.split(/\r?\n/)) if (line.trim()) lines += 1
  return lines >= WHOLE_REPORT_MIN_LINES
}

/**
 * Whether the report has no body text yet (only the template's headings):
 * the one case where structuring a paste can replace the document without
 * losing anything.
 */
export function isEmptyReport(doc: Node): boolean {
  let empty = true
  doc.descendants((node) => {
    if (!empty) return false
    if (node.type.name === 'heading') return false
    if (node.isTextblock) {
      if (node.content.size > 0) empty = false
      return false
    }
    if (node.type.name === 'recommendation' || node.type.name === 'ordered_list') {
      empty = false
      return false
    }
    return true
  })
  return empty
}
