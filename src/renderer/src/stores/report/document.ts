import { computed, ref, shallowRef } from 'vue'
import type { Command, EditorState, Transaction } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { ExportRequest, ImportNote, OpenedReport } from '@shared/contract'
import type { ReportMeta } from '@core/meta'
import { reportFromJSON, reportOfDoc, reportToJSON, type Report } from '@core/report-file'
import { createReportState, isStageWake, reportMetaOf, setReportMeta } from '../../editor'
import { t } from '../../i18n'

/** Pause while typing before the expensive derived figures (outline, counts) are refreshed (ms). */
export const SETTLE_MS = 150

/** The file name of a path, for titles. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}

/** A readable message from anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** What the other concerns of the report store hear from the document session. */
export interface DocumentEvents {
  /** The document changed (an edit, or a metadata change); `first` when it was clean before. */
  changed(first: boolean): void
}

/**
 * The open document as the window sees it: its editor state, metadata (the
 * document's attributes), the host's session id and the file it lives in,
 * whether it has unsaved changes; and the editor view registry that commands
 * from menus and panels go through. One document per window.
 */
export function createDocumentSession(events: DocumentEvents) {
  /** The editor state after every transaction. */
  const editorState = shallowRef<EditorState | null>(null)
  /**
   * The editor state, refreshed after a pause in typing (and at once for
   * anything but typing): what the outline and status bar read, so a
   * keystroke never waits for whole-document counts.
   */
  const settledState = shallowRef<EditorState | null>(null)
  /** The report's metadata: the document's attributes, so it follows undo and redo. */
  const meta = computed<ReportMeta | null>(() =>
    editorState.value ? reportMetaOf(editorState.value) : null
  )
  /** The file the host keeps this document in (for titles); the host decides where saves go. */
  const path = ref<string | null>(null)
  const dirty = ref(false)
  /** The host's id of this document session (named in saves and recovery copies). */
  const documentId = ref('')
  /** Bumped whenever a different document is loaded, so the editor view swaps its state. */
  const generation = ref(0)
  const importNotes = ref<ImportNote[]>([])

  let view: EditorView | null = null
  let settleTimer: ReturnType<typeof setTimeout> | null = null

  const title = computed(() => {
    if (path.value) return baseName(path.value)
    const heading = meta.value?.masthead.title || t('app.untitled')
    const symbol = meta.value?.masthead.symbol
    return symbol ? `${symbol} — ${heading}` : heading
  })

  /** The report in the editor now (the live view's, if one is mounted). */
  function currentReport(): Report | null {
    const state = view?.state ?? editorState.value
    return state ? reportOfDoc(state.doc) : null
  }

  /** The report as the host API carries it. */
  function payload(report = currentReport()): ExportRequest['report'] | null {
    return report ? (reportToJSON(report) as ExportRequest['report']) : null
  }

  /** Called by the editor view for every transaction it applies. */
  function editorChanged(state: EditorState, transaction?: Transaction): void {
    editorState.value = state
    if (transaction?.docChanged) {
      const first = !dirty.value
      dirty.value = true
      events.changed(first)
      if (settleTimer) clearTimeout(settleTimer)
      settleTimer = setTimeout(() => {
        settleTimer = null
        settledState.value = editorState.value
      }, SETTLE_MS)
    } else if (!settleTimer && !(transaction && isStageWake(transaction))) {
      // Drawing more of a long report changes nothing the panels read from the settled state.
      settledState.value = state
    }
  }

  /** The editor view registers itself so commands from menus and panels reach it. */
  function attachView(editorView: EditorView | null): void {
    view = editorView
  }

  /** The live editor view, if one is mounted. */
  function getView(): EditorView | null {
    return view
  }

  /** Runs an editor command on the live view; false when it does not apply here. */
  function run(command: Command, focus = true): boolean {
    if (!view) return false
    const applied = command(view.state, view.dispatch, view)
    // Focus stays where the command put it (e.g. a new footnote's own editor, inside the page).
    if (focus && !view.dom.contains(document.activeElement)) view.focus()
    return applied
  }

  /** Whether a command applies at the cursor (for enabling buttons). */
  function can(command: Command): boolean {
    const state = editorState.value
    return state ? command(state) : false
  }

  /**
   * Replaces some of the report's metadata (masthead form, report settings,
   * language) as one undoable change to the document.
   */
  function updateMeta(change: Partial<ReportMeta>): boolean {
    if (view) return run(setReportMeta(change), false)
    const state = editorState.value
    return state ? setReportMeta(change)(state, (tr) => editorChanged(state.apply(tr), tr)) : false
  }

  /**
   * Replaces the open document with `opened` (the caller has cleared it with
   * `confirmDiscard`), whose report the caller has built already or is its
   * JSON. Throws the loader's error for a report it refuses.
   */
  function load(
    opened: OpenedReport,
    options: { dirty?: boolean; documentId?: string } = {},
    built?: Report
  ) {
    const report = built ?? reportFromJSON(opened.report ?? null)
    const state = createReportState({ doc: report.doc })
    path.value = opened.path
    documentId.value = options.documentId ?? opened.documentId
    importNotes.value = opened.importNotes ?? []
    editorState.value = state
    settledState.value = state
    generation.value += 1
    dirty.value = options.dirty ?? false
  }

  return {
    editorState,
    settledState,
    meta,
    path,
    dirty,
    documentId,
    generation,
    importNotes,
    title,
    currentReport,
    payload,
    editorChanged,
    attachView,
    getView,
    run,
    can,
    updateMeta,
    load
  }
}

/** The document session of the report store. */
export type DocumentSession = ReturnType<typeof createDocumentSession>
