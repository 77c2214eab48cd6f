import type { Node } from 'prosemirror-model'
import { countReportWords } from '../stats'
import type { Finding } from './finding'

/** The body over the report's word limit. */
export function checkWordLimit(doc: Node, limit: number): Finding[] {
  const counts = countReportWords(doc)
  if (counts.body <= limit) return []
  return [
    {
      kind: 'word-limit',
      severity: 'warning',
      pos: null,
      where: '',
      detail: { kind: 'word-limit', words: counts.body, limit, footnoteWords: counts.footnotes }
    }
  ]
}
