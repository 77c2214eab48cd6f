import type { SegmentReview } from './docx/review'

/**
 * Runs of source text as importers read them, before structure recognition:
 * plain text with the few character formats a report keeps (bold, italic,
 * links), Word footnotes already resolved to their paragraphs, and Word
 * cross-reference fields marked as such.
 */

/** One run of source text with its formatting. */
export interface Segment {
  text: string
  bold?: boolean
  italic?: boolean
  /** Target of a hyperlink the run belongs to. */
  href?: string
  /** The run is the cached result of a Word REF field: certainly a cross-reference. */
  reference?: boolean
  /** A Word line break inside the paragraph. */
  lineBreak?: boolean
  /** A Word footnote anchored here: its paragraphs (the run's text is empty). */
  footnote?: Segment[][]
  /** The Word revision and comment ranges the run is in. */
  review?: SegmentReview
}

/** The plain text of some segments (footnote anchors and line breaks excluded). */
export function segmentsText(segments: readonly Segment[]): string {
  let text = ''
  for (const segment of segments) text += segment.text
  return text
}

/** The segments from character `from` of their plain text onwards. */
export function sliceSegments(segments: readonly Segment[], from: number): Segment[] {
  const result: Segment[] = []
  let offset = 0
  for (const segment of segments) {
    const end = offset + segment.text.length
    if (end > from || (segment.text === '' && offset >= from)) {
      const start = Math.max(0, from - offset)
      result.push(start === 0 ? segment : { ...segment, text: segment.text.slice(start) })
    }
    offset = end
  }
  return result
}

/** Plain segments for a string. */
export function plainSegments(text: string): Segment[] {
  return text ? [{ text }] : []
}

/** The segments with leading and trailing white space removed from their text. */
export function trimSegments(segments: readonly Segment[]): Segment[] {
  const result = segments.map((segment) => ({ ...segment }))
  while (result.length && !result[0].footnote && !result[0].lineBreak) {
    result[0].text = result[0].text.replace(/^\s+/, '')
    if (result[0].text !== '') break
    result.shift()
  }
  while (result.length) {
    const last = result[result.length - 1]
    if (last.footnote || last.lineBreak) break
    last.text = last.text.replace(/\s+$/, '')
    if (last.text !== '') break
    result.pop()
  }
  return result
}
