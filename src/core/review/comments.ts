import type { Node } from 'prosemirror-model'
import type { Transform } from 'prosemirror-transform'
import type { CommentEntry, CommentThread } from './threads'

/**
 * Comment threads in a document: where each is anchored now, which have lost
 * their anchor, and the transforms that add, answer, resolve and remove them.
 * A range anchor is a `comment` mark, so it follows edits to its text.
 */

/** The comment threads a document holds, in the order they were added. */
export function commentThreads(doc: Node): readonly CommentThread[] {
  return (doc.attrs.comments as CommentThread[] | undefined) ?? []
}

/** Where a thread sits in the document now, or null when its anchor is gone. */
export interface AnchoredThread {
  thread: CommentThread
  /** The anchor's range (the first to the last piece of its mark, or the whole block). */
  range: { from: number; to: number } | null
}

/** Each thread with the range its anchor covers now; a null range flags a lost anchor. */
export function anchoredThreads(doc: Node): AnchoredThread[] {
  const threads = commentThreads(doc)
  if (threads.length === 0) return []
  const ranges = new Map<string, { from: number; to: number }>()
  const blocks = new Map<string, { from: number; to: number }>()
  const wanted = new Set(
    threads.flatMap((t) => (t.anchor.kind === 'block' ? [t.anchor.blockId] : []))
  )
  doc.descendants((node, pos) => {
    const id = node.attrs.id as string | null | undefined
    if (id && wanted.has(id) && !blocks.has(id))
      blocks.set(id, { from: pos, to: pos + node.nodeSize })
    if (!node.isInline) return true
    for (const mark of node.marks) {
      if (mark.type.name !== 'comment') continue
      const key = mark.attrs.id as string
      const found = ranges.get(key)
      if (found) found.to = pos + node.nodeSize
      else ranges.set(key, { from: pos, to: pos + node.nodeSize })
    }
    return true
  })
  return threads.map((thread) => ({
    thread,
    range:
      (thread.anchor.kind === 'block'
        ? blocks.get(thread.anchor.blockId)
        : ranges.get(thread.id)) ?? null
  }))
}

/** Open and resolved thread counts (what `stats` and the pre-export check report). */
export function commentCounts(doc: Node): { open: number; resolved: number } {
  let open = 0
  let resolved = 0
  for (const thread of commentThreads(doc)) {
    if (thread.resolved) resolved += 1
    else open += 1
  }
  return { open, resolved }
}

function setThreads(tr: Transform, threads: CommentThread[]): void {
  tr.setDocAttribute('comments', threads)
}

/**
 * Adds a thread. A range anchor marks `range` with the thread's id; a block
 * anchor needs no mark. Returns false when the range holds no text to mark.
 */
export function addCommentThread(
  tr: Transform,
  thread: CommentThread,
  range?: { from: number; to: number }
): boolean {
  if (commentThreads(tr.doc).some((t) => t.id === thread.id)) return false
  if (thread.anchor.kind === 'range') {
    if (!range || range.to <= range.from) return false
    tr.addMark(range.from, range.to, tr.doc.type.schema.marks.comment.create({ id: thread.id }))
  }
  setThreads(tr, [...commentThreads(tr.doc), thread])
  return true
}

function updateThread(
  tr: Transform,
  threadId: string,
  update: (thread: CommentThread) => CommentThread
): boolean {
  const threads = commentThreads(tr.doc)
  const index = threads.findIndex((t) => t.id === threadId)
  if (index < 0) return false
  const next = [...threads]
  next[index] = update(threads[index])
  setThreads(tr, next)
  return true
}

/** Adds a reply at the end of a thread. */
export function replyToThread(tr: Transform, threadId: string, reply: CommentEntry): boolean {
  return updateThread(tr, threadId, (t) => ({ ...t, replies: [...t.replies, reply] }))
}

/** Marks a thread resolved, or reopens it. */
export function setThreadResolved(tr: Transform, threadId: string, resolved: boolean): boolean {
  return updateThread(tr, threadId, (t) => ({ ...t, resolved }))
}

/** Removes a thread and its anchor mark. */
export function removeThread(tr: Transform, threadId: string): boolean {
  const threads = commentThreads(tr.doc)
  if (!threads.some((t) => t.id === threadId)) return false
  const type = tr.doc.type.schema.marks.comment
  tr.doc.descendants((node, pos) => {
    if (!node.isInline) return true
    const mark = node.marks.find((m) => m.type === type && m.attrs.id === threadId)
    if (mark) tr.removeMark(pos, pos + node.nodeSize, mark)
    // A footnote anchor is inline but holds paragraphs that may carry the mark too.
    return true
  })
  setThreads(
    tr,
    threads.filter((t) => t.id !== threadId)
  )
  return true
}
