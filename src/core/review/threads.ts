import { checkAuthorship, checkChangeId, type Authorship } from './change'

/**
 * Comment threads: the data a comment holds (its text, its author, its
 * replies, whether it is resolved). Threads live in the document's `comments`
 * attribute, so adding, replying and resolving are steps that undo like text;
 * a thread's place in the text is a `comment` mark with its id, or a block id.
 */

/** One comment or reply: who wrote what, and when. */
export interface CommentEntry extends Authorship {
  id: string
  /** The comment's text (plain; paragraphs separated by line ends). */
  text: string
}

/** Where a thread is anchored: a range of text (carrying its `comment` mark) or a whole block. */
export type CommentAnchor = { kind: 'range' } | { kind: 'block'; blockId: string }

/** A comment with its replies. Its `id` is the first comment's id and the anchor mark's id. */
export interface CommentThread extends CommentEntry {
  anchor: CommentAnchor
  resolved: boolean
  replies: CommentEntry[]
}

/** Most comment text one entry holds; a comment is a remark, not a chapter. */
export const MAX_COMMENT_TEXT = 100_000
/** Most threads a report holds. */
export const MAX_THREADS = 10_000

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function checkEntry(value: unknown, where: string): asserts value is Record<string, unknown> {
  if (!isRecord(value)) throw new RangeError(`${where} must be an object`)
  try {
    checkChangeId(value.id, 'its id')
    checkAuthorship(value)
    if (typeof value.text !== 'string' || value.text.length > MAX_COMMENT_TEXT)
      throw new RangeError(`its text must be at most ${MAX_COMMENT_TEXT} characters`)
  } catch (error) {
    throw new RangeError(`${where}: ${(error as Error).message}`)
  }
}

/** Validates the document's `comments` attribute; throws a RangeError naming the bad thread. */
export function checkThreads(value: unknown): void {
  if (!Array.isArray(value)) throw new RangeError('comments must be a list of threads')
  if (value.length > MAX_THREADS) throw new RangeError(`more than ${MAX_THREADS} comment threads`)
  const ids = new Set<string>()
  value.forEach((thread: unknown, index) => {
    const where = `comment thread ${index + 1}`
    checkEntry(thread, where)
    if (ids.has(thread.id as string)) throw new RangeError(`${where}: its id repeats another's`)
    ids.add(thread.id as string)
    const anchor = thread.anchor
    const anchorOk =
      isRecord(anchor) &&
      (anchor.kind === 'range' ||
        (anchor.kind === 'block' && typeof anchor.blockId === 'string' && anchor.blockId !== ''))
    if (!anchorOk) throw new RangeError(`${where}: its anchor must be a range or a block id`)
    if (typeof thread.resolved !== 'boolean')
      throw new RangeError(`${where}: "resolved" must be true or false`)
    if (!Array.isArray(thread.replies)) throw new RangeError(`${where}: replies must be a list`)
    thread.replies.forEach((reply: unknown, r) => checkEntry(reply, `${where}, reply ${r + 1}`))
  })
}

/** The attribute the document node declares for its comment threads. */
export const threadsAttrSpec = {
  comments: { default: [] as CommentThread[], validate: checkThreads }
}
