import type { Mark, Node } from 'prosemirror-model'
import {
  isAdditionChange,
  isRemovalChange,
  type BlockChange,
  type FormatChange,
  type ParagraphBreakChange
} from './change'

/**
 * The Final and Original views of a document under review. Numbers and
 * references follow the Final view (every suggestion accepted); the Original
 * view (every suggestion rejected) gives a deleted block its old number.
 */

/** The block suggestion a node carries, if any. */
export function blockChange(node: Node): BlockChange | null {
  return (node.attrs.change as BlockChange | null | undefined) ?? null
}

/** The suggestion on the break after a paragraph (a split or a join), if any. */
export function paragraphBreakChange(node: Node): ParagraphBreakChange | null {
  return (node.attrs.paragraphBreak as ParagraphBreakChange | null | undefined) ?? null
}

/** The suggestion on a block's format (its old type or list level), if any. */
export function formatChange(node: Node): FormatChange | null {
  return (node.attrs.formatChange as FormatChange | null | undefined) ?? null
}

/** The `deletion` mark in a set of marks, if any. */
export function deletionMark(marks: readonly Mark[]): Mark | undefined {
  return marks.find((mark) => mark.type.name === 'deletion')
}

/** The `insertion` mark in a set of marks, if any. */
export function insertionMark(marks: readonly Mark[]): Mark | undefined {
  return marks.find((mark) => mark.type.name === 'insertion')
}

/**
 * Whether `node` is gone once every suggestion is accepted: a block deleted
 * or moved away, or an inline node (a footnote anchor) suggested for deletion.
 * Numbering skips such nodes, so labels are the ones the report will have.
 */
export function removedInFinal(node: Node): boolean {
  return isRemovalChange(blockChange(node)) || deletionMark(node.marks) !== undefined
}

/** Whether `node` is absent from the Original view: a block inserted or moved here, or inserted inline. */
export function absentFromOriginal(node: Node): boolean {
  return isAdditionChange(blockChange(node)) || insertionMark(node.marks) !== undefined
}
