import type { Node } from 'prosemirror-model'
import { schema } from '../../src/core/schema'
import type { BlockChange, BlockChangeType } from '../../src/core/review/change'
import type { CommentThread } from '../../src/core/review/threads'

/** Builders for documents under review: suggested text, suggested blocks, comment threads. */

/** Who made a test suggestion, and when. */
export const ANA = { author: 'Ana Ruiz', initials: 'AR', date: '2026-03-04T10:15:00Z' }
export const BO = { author: 'Bo Chen', initials: 'BC', date: '2026-03-05T09:00:00Z' }

type Who = typeof ANA

/** Text suggested for insertion by `who` under change `id`. */
export function ins(text: string, id: string, who: Who = ANA, more: Node['marks'] = []): Node {
  return schema.text(text, [...more, schema.marks.insertion.create({ id, ...who })])
}

/** Text suggested for deletion by `who` under change `id`. */
export function del(text: string, id: string, who: Who = ANA): Node {
  return schema.text(text, [schema.marks.deletion.create({ id, ...who })])
}

/** Text anchoring comment thread `id`. */
export function commented(text: string, id: string): Node {
  return schema.text(text, [schema.marks.comment.create({ id })])
}

/** A block `change` attribute. */
export function change(
  type: BlockChangeType,
  id: string,
  who: Who = ANA,
  moveId?: string
): { change: BlockChange } {
  return { change: { type, id, ...who, ...(moveId ? { moveId } : {}) } }
}

/** A comment thread anchored to a range (or a block when `blockId` is given). */
export function thread(id: string, text: string, blockId?: string, who: Who = ANA): CommentThread {
  return {
    id,
    text,
    ...who,
    anchor: blockId ? { kind: 'block', blockId } : { kind: 'range' },
    resolved: false,
    replies: []
  }
}

/** `doc` with its comment threads set. */
export function withThreads(doc: Node, threads: CommentThread[]): Node {
  return schema.nodes.doc.create({ comments: threads }, doc.content)
}
