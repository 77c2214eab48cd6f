import type { Node } from 'prosemirror-model'
import { trackedChanges } from './changes'
import { commentCounts } from './comments'

/** What a report under review still holds to settle: its suggestions and comment threads. */
export interface ReviewSummary {
  trackedChanges: {
    insertions: number
    deletions: number
    moves: number
    /** Suggested changes of a block's type or list level (Word's "Formatted"). */
    formatting: number
    authors: string[]
  }
  comments: { open: number; resolved: number }
}

/** Counts the suggestions (by kind, with their authors in order of first appearance) and threads. */
export function reviewSummary(doc: Node): ReviewSummary {
  const counts = { insertions: 0, deletions: 0, moves: 0, formatting: 0 }
  const authors = new Set<string>()
  for (const change of trackedChanges(doc)) {
    if (change.kind === 'insertion') counts.insertions += 1
    else if (change.kind === 'deletion') counts.deletions += 1
    else if (change.kind === 'formatting') counts.formatting += 1
    else counts.moves += 1
    authors.add(change.author)
  }
  return { trackedChanges: { ...counts, authors: [...authors] }, comments: commentCounts(doc) }
}

/** How many suggestions of every kind a summary counts. */
export function suggestionCount(changes: ReviewSummary['trackedChanges']): number {
  return changes.insertions + changes.deletions + changes.moves + changes.formatting
}
