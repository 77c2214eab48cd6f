import type { Node } from 'prosemirror-model'
import { alignVersions, type AlignedItem } from '@core/align'
import type { Report } from '@core/report-file'

/**
 * The rows of the side-by-side view of two language versions: one row per
 * chapter, section, numbered paragraph or recommendation, paired by id as
 * the align check pairs them, with what the check found wrong about the row.
 */

/** What the align check says about one row; null when both versions agree. */
export type RowProblem =
  'missing-here' | 'missing-there' | 'numbered-differently' | 'different-kind'

/** One row: the label (from this report, else the other), both texts and any problem. */
export interface SideBySideRow {
  key: string
  /** The id of this report's item, to go to it (null when it is missing here). */
  hereId: string | null
  kind: AlignedItem['kind']
  /** The bare number or path ("II.B", "12", "3"). */
  path: string
  /** The other version's path when it differs. */
  otherPath: string | null
  here: string | null
  there: string | null
  problem: RowProblem | null
}

/** The whole text of every node that has an id, by id (the align check keeps only a start). */
function textsById(doc: Node): Map<string, string> {
  const texts = new Map<string, string>()
  doc.descendants((node) => {
    const id = node.attrs.id as unknown
    if (typeof id !== 'string' || !id) return true
    const block = node.isTextblock ? node : (node.firstChild ?? node)
    texts.set(id, block.textContent)
    // Containers (chapters, sections) hold numbered things of their own.
    return !node.isTextblock
  })
  return texts
}

/** Pairs this report with another language version, row by row. */
export function sideBySideRows(here: Report, there: Report): SideBySideRow[] {
  const alignment = alignVersions(here, there)
  const hereTexts = textsById(here.doc)
  const thereTexts = textsById(there.doc)
  const full = (texts: Map<string, string>, item: AlignedItem | null): string | null =>
    item ? ((item.id && texts.get(item.id)) ?? item.text) : null
  return alignment.pairs.map(({ first, second }, index) => {
    const item = (first ?? second)!
    const problem: RowProblem | null = !first
      ? 'missing-here'
      : !second
        ? 'missing-there'
        : first.kind !== second.kind
          ? 'different-kind'
          : first.path !== second.path
            ? 'numbered-differently'
            : null
    return {
      key: `${index}:${item.id ?? item.path}`,
      hereId: first?.id ?? null,
      kind: item.kind,
      path: item.path,
      otherPath: first && second && first.path !== second.path ? second.path : null,
      here: full(hereTexts, first),
      there: full(thereTexts, second),
      problem
    }
  })
}
