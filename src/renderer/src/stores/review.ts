import { defineStore } from 'pinia'
import { computed, watch } from 'vue'
import type { Command } from 'prosemirror-state'
import { anchoredThreads, type AnchoredThread } from '@core/review/comments'
import { reviewSummary } from '@core/review/summary'
import type { ReviewDecision } from '@core/review/changes'
import {
  setTracking,
  toggleTracking,
  trackingOf,
  type ReviewView,
  type TrackingAuthor
} from '../editor/tracking'
import {
  addComment,
  goToChange,
  replyToComment,
  resolveComment,
  settleAllChanges,
  settleChangeAtCursor,
  settleChangesBy
} from '../editor/tracking-review'
import { t } from '../i18n'
import { useReportStore } from './report'
import { useSettingsStore } from './settings'

/**
 * Review in the app: whether tracking is on, how suggestions show, whose
 * edits they are (from Settings), the comment threads of the open report,
 * and the actions of the review panel. The state itself lives in the editor
 * (tracking plugin, document); this store reads it and runs the commands.
 */
export const useReviewStore = defineStore('review', () => {
  const report = useReportStore()
  const settings = useSettingsStore()

  /** The name and initials suggestions and comments are recorded under. */
  const author = computed<TrackingAuthor>(() => {
    const set = settings.settings.reviewAuthor
    const name = set?.name.trim() || t('review.defaultAuthor')
    return { author: name, initials: set?.initials.trim() || initialsOf(name) }
  })

  const tracking = computed(() => (report.editorState ? trackingOf(report.editorState) : null))
  /** Whether edits are recorded as suggestions. */
  const enabled = computed(() => tracking.value?.enabled ?? false)
  /** Markup, Final or Original. */
  const view = computed<ReviewView>(() => tracking.value?.view ?? 'markup')
  /** The report's comment threads with where each is anchored now (null: anchor gone). */
  const threads = computed<AnchoredThread[]>(() =>
    report.editorState ? anchoredThreads(report.editorState.doc) : []
  )
  /** Suggestions and threads to settle, with the authors of the suggestions. */
  const summary = computed(() =>
    report.editorState ? reviewSummary(report.editorState.doc) : null
  )

  /** Gives the editor's tracking the author set in Settings, when it records under another. */
  function syncAuthor(): void {
    const who = author.value
    const current = report.editorState ? trackingOf(report.editorState) : null
    if (current && (current.author !== who.author || current.initials !== who.initials))
      report.run(setTracking(who), false)
  }

  // Every editor state (a new document, too) records under the author set in Settings.
  watch([author, () => report.editorState], syncAuthor, { immediate: true, flush: 'post' })

  /** Runs a review command on the editor. */
  function run(command: Command): boolean {
    return report.run(command)
  }

  return {
    author,
    enabled,
    view,
    threads,
    summary,
    toggle: () => {
      syncAuthor()
      return run(toggleTracking)
    },
    setView: (mode: ReviewView) => run(setTracking({ view: mode })),
    settleAtCursor: (decision: ReviewDecision) => run(settleChangeAtCursor(decision)),
    settleAll: (decision: ReviewDecision) => run(settleAllChanges(decision)),
    settleBy: (decision: ReviewDecision, name: string) => run(settleChangesBy(decision, name)),
    next: () => run(goToChange(1)),
    previous: () => run(goToChange(-1)),
    comment: (text: string) => run(addComment(author.value, text)),
    reply: (threadId: string, text: string) => run(replyToComment(threadId, author.value, text)),
    resolve: (threadId: string, resolved: boolean) => run(resolveComment(threadId, resolved))
  }
})

/** "Ana Ruiz" → "AR". */
function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => [...word][0]!.toUpperCase())
    .join('')
    .slice(0, 4)
}
