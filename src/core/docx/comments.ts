import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ParagraphChild
} from 'docx'
import type { Node } from 'prosemirror-model'
import { commentThreads } from '../review/comments'
import type { CommentEntry } from '../review/threads'
import { wordText } from './inline'

/**
 * Comment threads as Word comments: each thread is a comment over its anchor
 * (`commentRangeStart` … `commentRangeEnd` and a reference run), each reply a
 * comment over the same range whose parent is the thread, the resolved state
 * Word's "done" flag (commentsExtended). A thread anchored to a block covers
 * that block's first paragraph; a thread whose anchor is gone is left out.
 */

/** What the exporter keeps while writing the comments of one report. */
export interface CommentExport {
  /** Word comment ids of each thread: the thread's first, then its replies'. */
  wordIds: Map<string, number[]>
  /** How many inline nodes of each range anchor are still to be written. */
  remaining: Map<string, number>
  /** Threads whose range has been opened. */
  opened: Set<string>
  /** Block-anchored threads by the first textblock of their block. */
  byTextblock: Map<Node, string[]>
  /** The comments part's entries. */
  entries: ICommentOptions[]
}

function commentParagraphs(text: string): Paragraph[] {
  return text
    .split(/\r\n?|\n/)
    .map((line) => new Paragraph({ children: [new TextRun({ text: wordText(line) })] }))
}

/**
 * A comment's durable id for Word (commentsIds): eight hex digits below
 * 7FFFFFFF, derived from the entry's own id so each export writes the same.
 */
function durableId(entryId: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < entryId.length; i++)
    hash = Math.imul(hash ^ entryId.charCodeAt(i), 0x01000193)
  return ((hash >>> 1) | 1).toString(16).toUpperCase().padStart(8, '0')
}

function entryOptions(entry: CommentEntry, id: number): ICommentOptions {
  return {
    id,
    durableId: durableId(entry.id),
    author: wordText(entry.author),
    initials: wordText(entry.initials),
    date: new Date(entry.date),
    children: commentParagraphs(entry.text)
  }
}

function firstTextblock(node: Node): Node | null {
  if (node.isTextblock) return node
  let found: Node | null = null
  node.descendants((child) => {
    if (found) return false
    if (child.isTextblock) found = child
    return !found
  })
  return found
}

/** The comments of `doc`, numbered for Word, with where each anchor starts and ends. */
export function createCommentExport(doc: Node): CommentExport {
  const state: CommentExport = {
    wordIds: new Map(),
    remaining: new Map(),
    opened: new Set(),
    byTextblock: new Map(),
    entries: []
  }
  const threads = commentThreads(doc)
  if (threads.length === 0) return state
  const blockIds = new Map<string, Node>()
  doc.descendants((node) => {
    const id = node.attrs.id as string | null | undefined
    if (id && !blockIds.has(id)) blockIds.set(id, node)
    if (node.isInline)
      for (const mark of node.marks)
        if (mark.type.name === 'comment') {
          const key = mark.attrs.id as string
          state.remaining.set(key, (state.remaining.get(key) ?? 0) + 1)
        }
    return true
  })
  let next = 0
  for (const thread of threads) {
    let textblock: Node | null = null
    if (thread.anchor.kind === 'block') {
      const block = blockIds.get(thread.anchor.blockId)
      textblock = block ? firstTextblock(block) : null
      if (!textblock) continue
    } else if (!state.remaining.has(thread.id)) continue
    const ids = [next++, ...thread.replies.map(() => next++)]
    state.wordIds.set(thread.id, ids)
    state.entries.push({ ...entryOptions(thread, ids[0]), resolved: thread.resolved })
    thread.replies.forEach((reply, index) =>
      state.entries.push({
        ...entryOptions(reply, ids[index + 1]),
        parentId: ids[0],
        resolved: thread.resolved
      })
    )
    if (textblock)
      state.byTextblock.set(textblock, [...(state.byTextblock.get(textblock) ?? []), thread.id])
  }
  return state
}

function starts(ids: number[]): ParagraphChild[] {
  return ids.map((id) => new CommentRangeStart(id))
}

function ends(ids: number[]): ParagraphChild[] {
  return ids.flatMap((id) => [
    new CommentRangeEnd(id),
    new TextRun({ children: [new CommentReference(id)] })
  ])
}

/** Range starts of the threads anchored to `textblock`'s block, and of range anchors opening at `node`. */
export function commentStarts(state: CommentExport, node: Node): ParagraphChild[] {
  const out: ParagraphChild[] = []
  for (const mark of node.marks) {
    if (mark.type.name !== 'comment') continue
    const key = mark.attrs.id as string
    const ids = state.wordIds.get(key)
    if (!ids || state.opened.has(key)) continue
    state.opened.add(key)
    out.push(...starts(ids))
  }
  return out
}

/** Range ends (with their reference runs) of range anchors whose last piece is `node`. */
export function commentEnds(state: CommentExport, node: Node): ParagraphChild[] {
  const out: ParagraphChild[] = []
  for (const mark of node.marks) {
    if (mark.type.name !== 'comment') continue
    const key = mark.attrs.id as string
    const left = (state.remaining.get(key) ?? 0) - 1
    state.remaining.set(key, left)
    const ids = state.wordIds.get(key)
    if (ids && left === 0) out.push(...ends(ids))
  }
  return out
}

/** `children` of a textblock inside the ranges of the threads anchored to its block. */
export function withBlockComments(
  state: CommentExport,
  textblock: Node,
  children: ParagraphChild[]
): ParagraphChild[] {
  const threads = state.byTextblock.get(textblock)
  if (!threads) return children
  const ids = threads.flatMap((id) => state.wordIds.get(id) ?? [])
  return [...starts(ids), ...children, ...ends(ids)]
}
