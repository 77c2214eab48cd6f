import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Command, EditorState, Transaction } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { ImportNote, OpenedReport, Outcome, SaveRequest } from '@shared/contract'
import type { Language } from '@core/languages'
import type { ReportMeta } from '@core/meta'
import { newId } from '@core/ids'
import { reportFromJSON, reportToJSON, ReportFileError, type Report } from '@core/report-file'
import { createReportState, setNumberingOptions } from '../editor'
import { useApi } from '../api'
import { createAutosaveScheduler } from '../lib/autosave'
import { t } from '../i18n'
import { useSettingsStore } from './settings'
import { useUiStore } from './ui'
import { exportActions } from '../lib/export-actions'

/** Pause after the last change before the recovery copy is written (ms). */
export const RECOVERY_QUIET_MS = 2000
/** Longest a change waits for its recovery copy while typing goes on (ms). */
export const RECOVERY_MAX_MS = 30_000
/** Pause while typing before the expensive derived figures (outline, counts) are refreshed (ms). */
export const SETTLE_MS = 150

/** The file name of a path, for titles. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}

/**
 * The open report: its editor state, metadata, where it lives on disk, and
 * whether it has unsaved changes; and every file action (new, open, save,
 * import, export, recovery, versions). One document per window.
 */
export const useReportStore = defineStore('report', () => {
  const api = useApi()
  const ui = useUiStore()
  const settingsStore = useSettingsStore()

  /** The editor state after every transaction. */
  const editorState = shallowRef<EditorState | null>(null)
  /**
   * The editor state, refreshed after a pause in typing (and at once for
   * anything but typing): what the outline and status bar read, so a
   * keystroke never waits for whole-document counts.
   */
  const settledState = shallowRef<EditorState | null>(null)
  const meta = shallowRef<ReportMeta | null>(null)
  const path = ref<string | null>(null)
  const diskVersion = ref<string | null>(null)
  const dirty = ref(false)
  const documentId = ref(newId())
  /** Bumped whenever a different document is loaded, so the editor view swaps its state. */
  const generation = ref(0)
  const importNotes = ref<ImportNote[]>([])
  const busy = ref<null | 'saving' | 'exporting' | 'opening'>(null)
  /** The path of the open file when it changed on disk and the user has not yet chosen. */
  const changedOnDisk = ref<string | null>(null)

  let view: EditorView | null = null
  let settleTimer: ReturnType<typeof setTimeout> | null = null

  const title = computed(() => {
    if (path.value) return baseName(path.value)
    const heading = meta.value?.masthead.title || t('app.untitled')
    const symbol = meta.value?.masthead.symbol
    return symbol ? `${symbol} — ${heading}` : heading
  })

  const recovery = createAutosaveScheduler({
    quietMs: RECOVERY_QUIET_MS,
    maxMs: RECOVERY_MAX_MS,
    write: writeRecoveryCopy
  })

  function currentReport(): Report | null {
    const state = view?.state ?? editorState.value
    if (!state || !meta.value) return null
    return { meta: meta.value, doc: state.doc }
  }

  function payload(): SaveRequest['report'] | null {
    const report = currentReport()
    return report ? toPayload(report) : null
  }

  async function writeRecoveryCopy(): Promise<void> {
    const report = payload()
    if (!report || !dirty.value) return
    try {
      await api.writeRecovery({
        documentId: documentId.value,
        path: path.value,
        title: title.value,
        report
      })
    } catch (error) {
      ui.notify('error', t('notice.recoveryFailed', { message: messageOf(error) }))
    }
    if (settingsStore.settings.autosaveToFile && path.value && dirty.value) await save()
  }

  function publishWindowState(): void {
    // A refused state would leave the window closing without asking about unsaved work: say so.
    api
      .setWindowState({ title: `${title.value} — Rapporteur`, dirty: dirty.value })
      .catch((error: unknown) =>
        ui.notify('error', t('notice.windowStateFailed', { message: messageOf(error) }))
      )
  }

  function markDirty(): void {
    if (!dirty.value) {
      dirty.value = true
      publishWindowState()
    }
    recovery.changed()
  }

  /** Called by the editor view for every transaction it applies. */
  function editorChanged(state: EditorState, transaction?: Transaction): void {
    editorState.value = state
    if (transaction?.docChanged) {
      markDirty()
      if (settleTimer) clearTimeout(settleTimer)
      settleTimer = setTimeout(() => {
        settleTimer = null
        settledState.value = editorState.value
      }, SETTLE_MS)
    } else if (!settleTimer) {
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

  /** Replaces the open document with `opened` (which the caller has cleared with `confirmDiscard`). */
  function load(
    opened: OpenedReport,
    options: { dirty?: boolean; documentId?: string } = {}
  ): boolean {
    let report: Report
    try {
      report = reportFromJSON(opened.report)
    } catch (error) {
      const reason = error instanceof ReportFileError ? error.message : messageOf(error)
      ui.notify('error', t('notice.cannotOpen', { message: reason }))
      return false
    }
    recovery.cancel()
    const state = createReportState({
      doc: report.doc,
      language: report.meta.language,
      recommendationStyle: report.meta.settings.recommendationStyle
    })
    meta.value = report.meta
    path.value = opened.path
    diskVersion.value = opened.diskVersion
    documentId.value = options.documentId ?? newId()
    importNotes.value = opened.importNotes ?? []
    changedOnDisk.value = null
    editorState.value = state
    settledState.value = state
    generation.value += 1
    dirty.value = options.dirty ?? false
    if (dirty.value) recovery.changed()
    ui.panel =
      importNotes.value.length > 0 ? 'import-notes' : ui.panel === 'import-notes' ? null : ui.panel
    publishWindowState()
    return true
  }

  /**
   * Asks what to do with unsaved changes before the document is replaced.
   * Resolves true when it is fine to go on (saved, or the user chose not to).
   */
  async function confirmDiscard(): Promise<boolean> {
    if (!dirty.value) return true
    const choice = await ui.ask(
      t('ask.unsavedTitle', { title: title.value }),
      t('ask.unsavedDetail'),
      [
        { id: 'save', label: t('action.save'), primary: true },
        { id: 'discard', label: t('action.dontSave') },
        { id: 'cancel', label: t('action.cancel') }
      ]
    )
    if (choice === 'cancel') return false
    if (choice === 'save') return save()
    await api.clearRecovery(documentId.value)
    return true
  }

  /** Starts a new report from the template in `language`. */
  async function newDocument(language: Language): Promise<void> {
    if (!(await confirmDiscard())) return
    load(await api.newReport(language))
  }

  async function openWith(
    request: () => Promise<Outcome<{ opened: OpenedReport }>>,
    options: { dirty?: boolean; documentId?: string; ask?: boolean } = {}
  ): Promise<boolean> {
    if (options.ask !== false && !(await confirmDiscard())) return false
    busy.value = 'opening'
    try {
      const outcome = await request()
      if (!outcome.ok) {
        if (outcome.reason !== 'cancelled') ui.notify('error', outcome.message)
        return false
      }
      return load(outcome.opened, options)
    } catch (error) {
      ui.notify('error', t('notice.cannotOpen', { message: messageOf(error) }))
      return false
    } finally {
      busy.value = null
    }
  }

  /** Asks for a .rapporteur file and opens it. */
  function open(): Promise<boolean> {
    return openWith(() => api.openReport())
  }

  /** Asks for a .txt or .docx file and imports it as a new, unsaved report. */
  async function importFile(): Promise<boolean> {
    const done = await openWith(() => api.importReport(), { dirty: true })
    if (done) ui.notify('info', t('notice.imported', { count: importNotes.value.length }))
    return done
  }

  /**
   * Saves to the file it came from (or asks where, for a new report or Save
   * As). A file changed on disk since it was read is not overwritten without
   * asking. Resolves true when the report is on disk.
   */
  async function save(options: { saveAs?: boolean; force?: boolean } = {}): Promise<boolean> {
    const before = currentReport()
    if (!before) return false
    const report = toPayload(before)
    busy.value = 'saving'
    try {
      const outcome = await api.saveReport({
        report,
        path: path.value,
        saveAs: options.saveAs ?? false,
        diskVersion: diskVersion.value,
        force: options.force ?? false
      })
      if (outcome.ok) {
        path.value = outcome.path
        diskVersion.value = outcome.diskVersion
        changedOnDisk.value = null
        // Changes made while the save was on its way stay unsaved.
        const after = currentReport()
        if (after && after.doc === before.doc && after.meta === before.meta) {
          dirty.value = false
          recovery.cancel()
          await api.clearRecovery(documentId.value)
        }
        publishWindowState()
        return true
      }
      if (outcome.reason === 'cancelled') return false
      if (outcome.reason === 'conflict') {
        busy.value = null
        const choice = await ui.ask(t('ask.conflictTitle'), outcome.message, [
          { id: 'overwrite', label: t('action.overwrite') },
          { id: 'save-as', label: t('action.saveAsCopy'), primary: true },
          { id: 'cancel', label: t('action.cancel') }
        ])
        if (choice === 'overwrite') return save({ force: true })
        if (choice === 'save-as') return save({ saveAs: true })
        return false
      }
      ui.notify('error', outcome.message)
      return false
    } catch (error) {
      ui.notify('error', t('notice.saveFailed', { message: messageOf(error) }))
      return false
    } finally {
      busy.value = null
    }
  }

  /**
   * The user closed the window and chose Save: save, and tell the host it is
   * clean (the host closes on that `setWindowState`); a failed or cancelled
   * save leaves the window open.
   */
  async function saveAndClose(): Promise<boolean> {
    const saved = await save()
    if (saved)
      await api.setWindowState({ title: `${title.value} — Rapporteur`, dirty: dirty.value })
    return saved
  }

  /** Writes the official .docx (the host asks where), showing progress and any error. */
  async function exportDocx(): Promise<boolean> {
    const report = payload()
    if (!report) return false
    busy.value = 'exporting'
    const progress = ui.notify('progress', t('notice.exporting'))
    try {
      const stem = path.value ? baseName(path.value).replace(/\.rapporteur$/i, '') : title.value
      const outcome = await api.exportDocx({
        report,
        suggestedName: `${stem.replace(/[\\/:*?"<>|]+/g, '_').slice(0, 200)}.docx`
      })
      if (outcome.ok)
        ui.notify(
          'info',
          t('notice.exported', { path: outcome.path }),
          exportActions(outcome.path, t, (message) => ui.notify('error', message))
        )
      else if (outcome.reason !== 'cancelled')
        ui.notify('error', t('notice.exportFailed', { message: outcome.message }))
      return outcome.ok
    } catch (error) {
      ui.notify('error', t('notice.exportFailed', { message: messageOf(error) }))
      return false
    } finally {
      ui.dismiss(progress)
      busy.value = null
    }
  }

  /** Replaces the report's metadata (masthead form, report settings) as one change. */
  function updateMeta(change: Partial<ReportMeta>): void {
    if (!meta.value) return
    const before = meta.value
    meta.value = { ...before, ...change }
    const after = meta.value
    if (
      view &&
      (after.language !== before.language ||
        after.settings.recommendationStyle !== before.settings.recommendationStyle)
    ) {
      run(
        setNumberingOptions({
          language: after.language,
          recommendationStyle: after.settings.recommendationStyle
        }),
        false
      )
    }
    markDirty()
    publishWindowState()
  }

  /** The host says the open file changed on disk. */
  async function fileChangedOnDisk(changedPath: string): Promise<void> {
    if (changedPath !== path.value) return
    if (!dirty.value) {
      // Nothing of ours would be lost: follow the disk, as editors do.
      if (await reloadFromDisk()) ui.notify('info', t('notice.reloaded'))
      return
    }
    changedOnDisk.value = changedPath
  }

  /** Loads the disk version of the open file, dropping unsaved changes. */
  async function reloadFromDisk(): Promise<boolean> {
    const file = path.value
    if (!file) return false
    const id = documentId.value
    const done = await openWith(() => api.reloadFromDisk(file), { ask: false, documentId: id })
    if (done) await api.clearRecovery(id)
    return done
  }

  /** Keeps the open text after an outside change; the next save will ask before overwriting. */
  function keepMine(): void {
    changedOnDisk.value = null
  }

  /** Opens a recovered document (it stays unsaved, under its recovery id). */
  function restoreRecovered(id: string): Promise<boolean> {
    return openWith(() => api.restoreRecovery(id), { dirty: true, documentId: id })
  }

  /** Opens a kept version of the open file as a new, unsaved document. */
  function restoreVersion(versionId: string): Promise<boolean> {
    const file = path.value
    if (!file) return Promise.resolve(false)
    return openWith(() => api.restoreVersion(file, versionId), { dirty: true })
  }

  /**
   * Structures a whole report pasted as plain text into the empty open report
   * (chapters, numbered paragraphs, recommendations…), keeping the masthead
   * fields already filled in. One change: the user can still undo by
   * starting again, and the import notes say what to check.
   */
  async function structurePastedText(text: string): Promise<boolean> {
    if (!meta.value) return false
    try {
      const { importText } = await import('@core/import')
      const result = importText(text)
      const filled = Object.fromEntries(
        Object.entries(meta.value.masthead).filter(([, value]) => value !== '')
      )
      const merged: Report = {
        meta: {
          ...result.report.meta,
          masthead: { ...result.report.meta.masthead, ...filled }
        },
        doc: result.report.doc
      }
      const id = documentId.value
      return load(
        {
          path: path.value,
          diskVersion: diskVersion.value,
          report: toPayload(merged),
          importNotes: result.notes
        },
        { dirty: true, documentId: id }
      )
    } catch (error) {
      ui.notify('error', t('notice.structureFailed', { message: messageOf(error) }))
      return false
    }
  }

  /** Writes any pending recovery copy now. */
  function flushRecovery(): Promise<void> {
    return recovery.flush()
  }

  return {
    editorState,
    settledState,
    meta,
    path,
    diskVersion,
    dirty,
    documentId,
    generation,
    importNotes,
    busy,
    changedOnDisk,
    title,
    editorChanged,
    attachView,
    getView,
    run,
    can,
    load,
    confirmDiscard,
    newDocument,
    open,
    importFile,
    save,
    saveAndClose,
    exportDocx,
    updateMeta,
    fileChangedOnDisk,
    reloadFromDisk,
    keepMine,
    restoreRecovered,
    restoreVersion,
    flushRecovery,
    structurePastedText,
    currentReport
  }
})

/** A report as the API carries it. */
function toPayload(report: Report): SaveRequest['report'] {
  return reportToJSON(report) as SaveRequest['report']
}

/** A readable message from anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
