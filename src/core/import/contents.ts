import { isAnnexHeading } from './language'
import { segmentsText } from './segments'
import type { SourceBlock } from './source'

/**
 * Tables of contents: a report's contents are generated from its headings,
 * so a printed one is left out of an import (with one note), and above all
 * its entries must not become chapters and sections of their own.
 */

const CONTENTS_HEADING =
  /^(?:contents|table of contents|sommaire|table des mati[eè]res|[íi]ndice|содержание|المحتويات|目录|目\s*录)$/i
/** Dot leaders, spaced or not, or an ellipsis run. */
const LEADER = /(?:\.\s?){3,}|…{2,}/
/** A page or paragraph reference closing an entry: "3", "1–10 3", "(i) - (ix)". */
const REFERENCE_END =
  /(?:\d{1,4}|\([ivxlc]+\))(?:\s*[-–]\s*(?:\d{1,4}|\([ivxlc]+\)))?(?:\s+\d{1,4})?$/
const COLUMN_HEADS =
  /^(?:(?:paragraphs?|page|pages|chapter|chapitre|cap[íi]tulo|annex(?:e|o)?|p[áa]rrafos|paragraphes|страница|пункты)\.?\s*)+$/i

/** The indices of the blocks that make up tables of contents. */
export function contentsBlocks(blocks: readonly SourceBlock[]): Set<number> {
  const skipped = new Set<number>()
  const texts = blocks.map((block) => segmentsText(block.segments).trim())
  const isEntry = (text: string) => LEADER.test(text) && REFERENCE_END.test(text)
  // Text copies of a contents page break its entries apart: leaders, references and labels alone.
  const isPart = (text: string) =>
    /^[.\s…]+$/.test(text) ||
    new RegExp(`^${REFERENCE_END.source}`).test(text) ||
    /^(?:[IVXLC]{1,7}|[A-Z])\.$/.test(text) ||
    // "Annex." listed without a page: the annex itself comes much later.
    isAnnexHeading(text) ||
    (LEADER.test(text) && text.length < 150)
  for (let index = 0; index < texts.length; index++) {
    const headed = CONTENTS_HEADING.test(texts[index])
    if (!headed && !isEntry(texts[index])) continue
    // An entry wrapped over lines shows its leader on its last line only: allow two lines before one.
    let end = index + (headed ? 1 : 0)
    let entries = 0
    let pending = 0
    let last = end
    for (; end < texts.length; end++) {
      const text = texts[end]
      if (isEntry(text) || (headed && isPart(text))) {
        entries++
        pending = 0
        last = end + 1
      } else if (COLUMN_HEADS.test(text) || text === '') {
        if (pending === 0) last = end + 1
      } else if (pending < 2 && text.length < 120 && !/[.;:]$/.test(text)) pending++
      else break
    }
    if (entries >= (headed ? 1 : 3)) {
      for (let at = index; at < last; at++) skipped.add(at)
      index = last - 1
    }
  }
  return skipped
}
