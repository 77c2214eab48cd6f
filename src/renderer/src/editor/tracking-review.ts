import { TextSelection, type Command, type EditorState } from 'prosemirror-state'
import { newId } from '@core/ids'
import {
  allChanges,
  changesBy,
  changeWithId,
  settleChanges,
  trackedChanges,
  type ChangeFilter,
  type ReviewDecision,
  type TrackedChange
} from '@core/review/changes'
import { addCommentThread, replyToThread, setThreadResolved } from '@core/review/comments'
import type { CommentThread } from '@core/review/threads'
import { SKIP_TRACKING, type TrackingAuthor } from './tracking'

/**
 * Reviewing suggestions and comments in the editor: accept or reject the
 * change at the cursor, all changes or one author's, step from change to
 * change, and add, answer and resolve comments. Each is one undoable step,
 * never itself recorded as a suggestion.
 */

/**
 * The suggestion the cursor is in or touches, if any. A suggested format
 * covers its whole block, so a change in the block's text comes first.
 */
export function changeAtCursor(state: EditorState): TrackedChange | null {
  const { from, to } = state.selection
  const touching = trackedChanges(state.doc).filter((change) =>
    change.ranges.some((range) => range.from <= to && range.to >= from)
  )
  return touching.find((change) => change.kind !== 'formatting') ?? touching[0] ?? null
}

function settle(decision: ReviewDecision, filter: () => ChangeFilter | null): Command {
  return (state, dispatch) => {
    const which = filter()
    if (!which) return false
    const tr = state.tr
    if (!settleChanges(tr, decision, which)) return false
    dispatch?.(tr.setMeta(SKIP_TRACKING, true).scrollIntoView())
    return true
  }
}

/** Accepts or rejects the suggestion at the cursor. */
export function settleChangeAtCursor(decision: ReviewDecision): Command {
  return (state, dispatch, view) =>
    settle(decision, () => {
      const change = changeAtCursor(state)
      return change ? changeWithId(change.id) : null
    })(state, dispatch, view)
}

/** Accepts or rejects every suggestion in the report. */
export function settleAllChanges(decision: ReviewDecision): Command {
  return settle(decision, () => allChanges)
}

/** Accepts or rejects every suggestion of one author. */
export function settleChangesBy(decision: ReviewDecision, author: string): Command {
  return settle(decision, () => changesBy(author))
}

/** Moves the cursor to the next suggestion after it (1) or the previous one before it (-1), selecting it. */
export function goToChange(direction: 1 | -1): Command {
  return (state, dispatch) => {
    const { from, to } = state.selection
    const starts = trackedChanges(state.doc).flatMap((change) => change.ranges)
    const target =
      direction === 1
        ? starts
            .filter((range) => range.from >= to && range.to > to)
            .sort((a, b) => a.from - b.from)[0]
        : starts
            .filter((range) => range.to <= from && range.from < from)
            .sort((a, b) => b.from - a.from)[0]
    if (!target) return false
    if (dispatch) {
      const selection = TextSelection.between(
        state.doc.resolve(target.from),
        state.doc.resolve(target.to)
      )
      dispatch(state.tr.setSelection(selection).scrollIntoView())
    }
    return true
  }
}

/** Who wrote something, now. */
function entryBy(
  who: TrackingAuthor,
  text: string
): Omit<CommentThread, 'anchor' | 'resolved' | 'replies'> {
  return {
    id: newId(),
    author: who.author,
    initials: who.initials,
    date: new Date().toISOString(),
    text
  }
}

/** The id of the numbered block (paragraph, recommendation, list item) around the cursor. */
function blockIdAtCursor(state: EditorState): string | null {
  const { $from } = state.selection
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth)
    if (node.isBlock && typeof node.attrs.id === 'string' && node.attrs.id) return node.attrs.id
  }
  return null
}

/**
 * Adds a comment by `who`: on the selected text, or on the block around the
 * cursor when nothing is selected.
 */
export function addComment(who: TrackingAuthor, text: string): Command {
  return (state, dispatch) => {
    if (!text.trim() || !who.author) return false
    const { from, to, empty } = state.selection
    const blockId = empty ? blockIdAtCursor(state) : null
    if (empty && !blockId) return false
    const thread: CommentThread = {
      ...entryBy(who, text),
      anchor: blockId ? { kind: 'block', blockId } : { kind: 'range' },
      resolved: false,
      replies: []
    }
    const tr = state.tr
    if (!addCommentThread(tr, thread, empty ? undefined : { from, to })) return false
    dispatch?.(tr.setMeta(SKIP_TRACKING, true))
    return true
  }
}

/** Adds a reply by `who` at the end of a thread. */
export function replyToComment(threadId: string, who: TrackingAuthor, text: string): Command {
  return (state, dispatch) => {
    if (!text.trim() || !who.author) return false
    const tr = state.tr
    if (!replyToThread(tr, threadId, entryBy(who, text))) return false
    dispatch?.(tr.setMeta(SKIP_TRACKING, true))
    return true
  }
}

/** Resolves a thread, or reopens it. */
export function resolveComment(threadId: string, resolved: boolean): Command {
  return (state, dispatch) => {
    const tr = state.tr
    if (!setThreadResolved(tr, threadId, resolved)) return false
    dispatch?.(tr.setMeta(SKIP_TRACKING, true))
    return true
  }
}
