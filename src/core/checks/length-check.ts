import type { Node } from 'prosemirror-model'
import { countWords, forEachTextblock, inlineText } from '../text'
import type { Finding } from './finding'

/** Words of the body and, separately, of the footnotes, as the Secretariat counts them. */
export interface WordCounts {
  body: number
  footnotes: number
}

/**
 * Counts words the way documents are measured against their limit: the
 * running text without headings (as the status bar counts) and, apart, the
 * footnotes.
 */
export function countReportWords(doc: Node): WordCounts {
  const counts: WordCounts = { body: 0, footnotes: 0 }
  forEachTextblock(doc, (textblock, _pos, inFootnote) => {
    if (textblock.type.name === 'heading') return
    const words = countWords(inlineText(textblock))
    if (inFootnote) counts.footnotes += words
    else counts.body += words
  })
  return counts
}

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
