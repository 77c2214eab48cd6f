import { ref, type Ref } from 'vue'
import type {
  OpenedReport,
  Outcome,
  RapporteurApi,
  SaveOptions,
  SaveOutcome
} from '@shared/contract'
import type { Language } from '@core/languages'
import {
  reportChanges,
  reportToJSON,
  ReportFileError,
  SavedRevision,
  type Report
} from '@core/report-file'
import { t } from '../../i18n'
import type { useUiStore } from '../ui'
import { messageOf, type DocumentSession } from './document'
import { reportOfOpened } from '@shared/contract/opened-report'
import type { Recovery } from './recovery'

/** What the window is waiting for the host to finish, if anything. */
export type Busy = null | 'saving' | 'exporting' | 'opening'

/** What the file actions need besides the document. */
export interface FileActionDependencies {
  api: RapporteurApi
  ui: ReturnType<typeof useUiStore>
  recovery: Recovery
  busy: Ref<Busy>
  /** Tells the host the window's title and unsaved state (a refusal is shown to the user). */
  publishWindowState(): void
  /** Tells the host the window's title and unsaved state, for the caller to await. */
  sendWindowState(): Promise<void>
}

/**
 * New, open, import, save (with conflicts), reload after an outside change,
 * restore a recovered copy or a kept version, structure a pasted report. The
 * host keeps where each document lives: the window names it by its id.
 */
export function createFileActions(document: DocumentSession, deps: FileActionDependencies) {
  const { api, ui, recovery, busy } = deps
  /** The path of the open file when it changed on disk and the user has not yet chosen. */
  const changedOnDisk = ref<string | null>(null)
  /** The last save the host acknowledged: the next save sends only what changed since. */
  let lastSave: SavedRevision | null = null

  /** Replaces the open document with `opened`; a report the loader refuses is named and left out. */
  function load(
    opened: OpenedReport,
    options: { dirty?: boolean; documentId?: string } = {},
    built?: Report
  ): boolean {
    try {
      document.load(opened, options, built)
    } catch (error) {
      const reason = error instanceof ReportFileError ? error.message : messageOf(error)
      ui.notify('error', t('notice.cannotOpen', { message: reason }))
      return false
    }
    recovery.cancel()
    changedOnDisk.value = null
    // Nothing of the new document was saved from this window: its first save sends it whole.
    lastSave = null
    if (document.dirty.value) recovery.changed()
    const notes = document.importNotes.value.length > 0
    ui.panel = notes ? 'import-notes' : ui.panel === 'import-notes' ? null : ui.panel
    deps.publishWindowState()
    return true
  }

  /**
   * Replaces the open document with a document the host opened, fetching and
   * checking its text when it comes from disk. A file the loader refuses is
   * named, the host undoes its open, and the window keeps what it showed.
   */
  async function loadOpened(
    opened: OpenedReport,
    options: { dirty?: boolean; documentId?: string } = {}
  ): Promise<boolean> {
    if (opened.report) return load(opened, options)
    let report: Report
    try {
      report = await reportOfOpened(api, opened)
    } catch (error) {
      // The loader's message names the file, as the host's refusals do.
      ui.notify('error', messageOf(error))
      await api.forgetOpened(opened.documentId).catch(() => undefined)
      return false
    }
    return load(opened, options, report)
  }

  /**
   * Asks what to do with unsaved changes before the document is replaced.
   * Resolves true when it is fine to go on (saved, or the user chose not to).
   */
  async function confirmDiscard(): Promise<boolean> {
    if (!document.dirty.value) return true
    const choice = await ui.ask(
      t('ask.unsavedTitle', { title: document.title.value }),
      t('ask.unsavedDetail'),
      [
        { id: 'save', label: t('action.save'), primary: true },
        { id: 'discard', label: t('action.dontSave') },
        { id: 'cancel', label: t('action.cancel') }
      ]
    )
    if (choice === 'cancel') return false
    if (choice === 'save') return save()
    await recovery.clear()
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
      return await loadOpened(outcome.opened, options)
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
    if (done) ui.notify('info', t('notice.imported', { count: document.importNotes.value.length }))
    return done
  }

  /**
   * Saves to the file it came from (or the host asks where, for a new report
   * or Save As). A file changed on disk since it was read is not overwritten
   * without asking. Resolves true when the report is on disk.
   */
  async function save(options: { saveAs?: boolean; force?: boolean } = {}): Promise<boolean> {
    const before = document.currentReport()
    if (!before) return false
    const documentId = document.documentId.value
    busy.value = 'saving'
    try {
      const outcome = await sendSave(documentId, before, {
        saveAs: options.saveAs ?? false,
        force: options.force ?? false
      })
      if (outcome.ok) {
        lastSave = new SavedRevision(outcome.revision, before.doc)
        document.path.value = outcome.path
        changedOnDisk.value = null
        if (outcome.brokeHardLinks) ui.notify('info', t('notice.hardLinksBroken'))
        // Changes made while the save was on its way stay unsaved.
        if (document.currentReport()?.doc === before.doc) {
          document.dirty.value = false
          recovery.cancel()
          await recovery.clear(documentId)
        }
        deps.publishWindowState()
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
   * Asks the host to save `report`: what changed since the last save, or the
   * whole report when there is none or the host no longer holds it.
   */
  async function sendSave(
    documentId: string,
    report: Report,
    options: SaveOptions
  ): Promise<Exclude<SaveOutcome, { reason: 'unknown-revision' }>> {
    if (lastSave) {
      const outcome = await api.saveReport(documentId, reportChanges(report, lastSave), options)
      if (outcome.ok || outcome.reason !== 'unknown-revision') return outcome
    }
    const outcome = await api.saveReport(documentId, reportToJSON(report), options)
    if (!outcome.ok && outcome.reason === 'unknown-revision')
      throw new Error('the app asked for the whole report and refused it')
    return outcome
  }

  /**
   * The user closed the window and chose Save: save, and tell the host it is
   * clean (the host closes on that `setWindowState`); a failed or cancelled
   * save leaves the window open.
   */
  async function saveAndClose(): Promise<boolean> {
    const saved = await save()
    if (saved) await deps.sendWindowState()
    return saved
  }

  /** The host says the open file changed on disk. */
  async function fileChangedOnDisk(changedPath: string): Promise<void> {
    if (changedPath !== document.path.value) return
    if (!document.dirty.value) {
      // Nothing of ours would be lost: follow the disk, as editors do.
      if (await reloadFromDisk()) ui.notify('info', t('notice.reloaded'))
      return
    }
    changedOnDisk.value = changedPath
  }

  /** Loads the disk version of the open file, dropping unsaved changes. */
  async function reloadFromDisk(): Promise<boolean> {
    const file = document.path.value
    if (!file) return false
    const id = document.documentId.value
    const done = await openWith(() => api.reloadFromDisk(file), { ask: false, documentId: id })
    if (done) await recovery.clear(id)
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
    const file = document.path.value
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
    const meta = document.meta.value
    if (!meta) return false
    try {
      const { importText } = await import('@core/import')
      const result = importText(text)
      const filled = Object.fromEntries(
        Object.entries(meta.masthead).filter(([, value]) => value !== '')
      )
      const merged: Report = {
        meta: {
          ...result.report.meta,
          masthead: { ...result.report.meta.masthead, ...filled }
        },
        doc: result.report.doc
      }
      return load(
        {
          documentId: document.documentId.value,
          path: document.path.value,
          diskVersion: null,
          report: reportToJSON(merged),
          importNotes: result.notes
        },
        { dirty: true }
      )
    } catch (error) {
      ui.notify('error', t('notice.structureFailed', { message: messageOf(error) }))
      return false
    }
  }

  return {
    changedOnDisk,
    load,
    loadOpened,
    confirmDiscard,
    newDocument,
    open,
    importFile,
    save,
    saveAndClose,
    fileChangedOnDisk,
    reloadFromDisk,
    keepMine,
    restoreRecovered,
    restoreVersion,
    structurePastedText
  }
}
