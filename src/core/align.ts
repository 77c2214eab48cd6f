import type { Node } from 'prosemirror-model'
import { computeNumbering, type NumberedItem } from './numbering'
import type { Report } from './report-file'

/**
 * Language versions of one report share their structure: the same chapters,
 * sections, numbered paragraphs and recommendations, with the same ids and
 * so the same numbers ("so that references are identical in all language
 * versions"). This module pairs two versions thing by thing and lists where
 * their structures part.
 */

/** The numbered things whose presence and order language versions must share. */
const STRUCTURAL_KINDS = new Set([
  'chapter',
  'section',
  'subsection',
  'paragraph',
  'recommendation'
])

/** One structural thing of a version: its kind, id, label path and the start of its text. */
export interface AlignedItem {
  kind: NumberedItem['kind']
  id: string | null
  /** The bare number or dotted path ("II.B", "12", "3"), the same in every language. */
  path: string
  text: string
}

/** A structural difference between two language versions. */
export type VersionDifference =
  | { kind: 'missing'; in: 'first' | 'second'; item: AlignedItem }
  | { kind: 'numbered-differently'; first: AlignedItem; second: AlignedItem }
  | { kind: 'different-kind'; first: AlignedItem; second: AlignedItem }

/** Two versions side by side: the pairs in order, and what differs. */
export interface Alignment {
  pairs: Array<{ first: AlignedItem | null; second: AlignedItem | null }>
  differences: VersionDifference[]
}

function structure(report: Report): AlignedItem[] {
  const numbering = computeNumbering(report.doc, {
    language: report.meta.language,
    recommendationStyle: report.meta.settings.recommendationStyle
  })
  return numbering.items
    .filter((item) => STRUCTURAL_KINDS.has(item.kind))
    .map((item) => ({
      kind: item.kind,
      id: item.id,
      path: item.kind === 'recommendation' ? String(item.number) : item.path,
      text: textAt(report.doc, item.pos)
    }))
}

function textAt(doc: Node, pos: number): string {
  const node = doc.nodeAt(pos)
  if (!node) return ''
  const block = node.isTextblock ? node : (node.firstChild ?? node)
  return block.textContent.slice(0, 80)
}

/**
 * Pairs two versions by id (a version made from another keeps its ids), in
 * the first version's order, and lists what one has and the other lacks, or
 * numbers differently.
 */
export function alignVersions(first: Report, second: Report): Alignment {
  const a = structure(first)
  const b = structure(second)
  const inSecond = new Map(b.filter((item) => item.id).map((item) => [item.id!, item]))
  const inFirst = new Set(a.map((item) => item.id))
  const pairs: Alignment['pairs'] = []
  const differences: VersionDifference[] = []
  let next = 0
  const flushSecondUntil = (stop: AlignedItem | undefined) => {
    while (next < b.length && b[next] !== stop) {
      const item = b[next++]
      if (!item.id || !inFirst.has(item.id)) {
        pairs.push({ first: null, second: item })
        differences.push({ kind: 'missing', in: 'first', item })
      }
    }
  }
  for (const item of a) {
    const match = item.id ? inSecond.get(item.id) : undefined
    if (!match) {
      pairs.push({ first: item, second: null })
      differences.push({ kind: 'missing', in: 'second', item })
      continue
    }
    flushSecondUntil(match)
    if (b[next] === match) next++
    pairs.push({ first: item, second: match })
    if (match.kind !== item.kind)
      differences.push({ kind: 'different-kind', first: item, second: match })
    else if (match.path !== item.path)
      differences.push({ kind: 'numbered-differently', first: item, second: match })
  }
  flushSecondUntil(undefined)
  return { pairs, differences }
}

/** One line of English for a difference, as `rapporteur align` prints it. */
export function describeDifference(difference: VersionDifference): string {
  const name = (item: AlignedItem) => `${item.kind} ${item.path} (“${item.text.slice(0, 40)}”)`
  switch (difference.kind) {
    case 'missing':
      return `${name(difference.item)} is missing from the ${difference.in} version`
    case 'numbered-differently':
      return `${difference.first.kind} ${difference.first.path} is numbered ${difference.second.path} in the second version`
    case 'different-kind':
      return `${name(difference.first)} is a ${difference.second.kind} in the second version`
  }
}
