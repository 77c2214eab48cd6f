import { basename, extname, join, resolve } from 'node:path'
import type { Node } from 'prosemirror-model'
import type {
  AppSettings,
  ExportRequest,
  ImportNote,
  OpenedReport,
  Outcome,
  RapporteurRequests,
  RecoverySummary,
  RecoveryWrite,
  ReportPayload,
  SaveOptions,
  SaveOutcome,
  SavePayload,
  VersionSummary
} from '@shared/contract'
import type { Language } from '@core/languages'
import {
  EXTENSION,
  parseReport,
  reportFromJSON,
  reportToJSON,
  type Report
} from '@core/report-file'
import { newId } from '@core/ids'
import { newReport } from '@core/template'
import { readHouseTemplate } from '@core/docx/house-template'
import { writeFileAtomic } from './atomic-write'
import { FileLocks } from './file-lock'
import { FileStore, displayName } from './file-store'
import { FileWatcher } from './file-watch'
import { textPart, textPartCount } from './opened-text'
import { reportByteParts } from './report-bytes'
import { describeFsError, describeWriteError } from './fs-errors'
import { nodeFileSystem, readRegularFile, type FileSystem } from './fs-layer'
import { RecoveryStore } from './recovery-store'
import { SettingsStore } from './settings-store'
import { VersionStore } from './version-store'
import { isSafeExternalUrl } from './external-url'
import { RecentFiles } from './recent-files'

/**
 * The whole request API (`RapporteurRequests`) in plain Node. Electron's main
 * process wires it to IPC (one instance per window); the browser harness wires
 * the same function to HTTP. Everything the host needs from its surroundings
 * (dialogs, the OS browser, the window title, the converters) is injected, so
 * it runs the same in tests.
 */

/** A file type offered in open and save dialogs. */
export interface FileFilter {
  name: string
  extensions: string[]
}

/** Options of an open or save dialog. */
export interface FileDialogOptions {
  title: string
  filters: FileFilter[]
  /** Proposed file (save) or folder (open). */
  defaultPath?: string
}

/** The file dialogs the host asks the user through; null means the user cancelled. */
export interface Dialogs {
  showOpen(options: FileDialogOptions): Promise<string | null>
  showSave(options: FileDialogOptions): Promise<string | null>
  /** Tells the user something went wrong outside any request's answer (optional). */
  notify?(notice: { message: string; detail: string }): Promise<void>
}

/**
 * What an importer returns: the report as JSON, as it goes on to the renderer
 * (which builds the document once, from this).
 */
export interface ImportResult {
  report: ReportPayload
  notes: ImportNote[]
}

/** The importers, by source type. */
export interface Importers {
  /** A text, or a text file's bytes (decoded by the importer, off the main thread in the app). */
  importText(text: string | Uint8Array): ImportResult | Promise<ImportResult>
  importDocx(bytes: Uint8Array): ImportResult | Promise<ImportResult>
  /** A PDF file, read with its layout. */
  importPdf?(bytes: Uint8Array): ImportResult | Promise<ImportResult>
}

/**
 * Turns a report into .docx bytes (with the bytes of a house template, if the
 * office set one); the app runs it in a worker thread, never in the renderer.
 */
export type DocxExporter = (report: ReportPayload, template?: Uint8Array) => Promise<Uint8Array>

/** What `createRequestHandlers` needs from its surroundings. */
export interface HostDependencies {
  /** The app's user-data folder: recovery, versions, locks and settings live under it. */
  userDataDir: string
  dialogs: Dialogs
  /** Opens a (checked) http, https or mailto URL in the OS. */
  openExternal(url: string): Promise<void>
  /** Shows the title and unsaved state in the window. */
  setWindowState(state: { title: string; dirty: boolean }): void
  /** Points the spelling checker at the open report's language (desktop build only). */
  setSpellingLanguage?(language: Language): void
  /** Tells the renderer that the open file changed on disk. */
  notifyFileChanged?(event: { path: string }): void
  /** The .docx exporter; without it, export answers with a clear message. */
  exportDocx?: DocxExporter
  /** Prints the window's page to PDF (the desktop app's webContents); absent in the browser harness. */
  printToPdf?(): Promise<Uint8Array>
  /** The importers; without them, import answers with a clear message. */
  importers?: Importers
  /** Folder dialogs start in when nothing better is known (e.g. Documents). */
  defaultFolder?: string
  /** File-system layer (tests inject faults). */
  fs?: FileSystem
  /** Problems worth a log line that do not stop anything. */
  warn?(message: string): void
  /** File watcher debounce in ms (tests shorten it). */
  watchDebounceMs?: number
  /** The OS locale, so a first start speaks the user's language. */
  locale?: string
  /**
   * Whether another live window of this app wrote the recovery entry: it is
   * that window's work in progress, not a crashed page's, and is not offered.
   */
  isRecoveryInUseElsewhere?(documentId: string): boolean
  /** The recent-files list changed (the desktop menu rebuilds Open Recent). */
  onRecentFilesChanged?(): void
  /** Opens a file in its default program, or shows it in its folder (desktop only). */
  revealFile?(path: string, how: 'open' | 'folder'): Promise<void>
}

/** The request handlers plus what the shell itself needs around them. */
export interface RequestHandlers extends RapporteurRequests {
  /**
   * The page (re)loaded, e.g. after its renderer crashed: what the previous page
   * wrote to the recovery store is now a crashed page's work, to be offered back.
   */
  pageLoaded(): void
  /** Removes the recovery entries this window wrote (the user closed with "Don't Save"). */
  discardSessionRecovery(): Promise<void>
  /**
   * Offers a file the OS asked us to open (double-click, command line, a second
   * launch, a drop on the window): the next `openReport` (or `importReport`, for
   * a dropped draft) takes it instead of showing the dialog. The shell then
   * sends the 'open' (or 'import') menu command, so the page first asks about
   * its own unsaved changes. The offer lapses after `OFFER_LIFETIME_MS`.
   */
  offerFile(path: string): void
  /** Whether the user chose `path` in a dialog (or opened it) in this window. */
  isGrantedPath(path: string): boolean
  /** Whether this window's page wrote the recovery entry (and is still working on it). */
  ownsRecovery(documentId: string): boolean
  /** The services behind the handlers (for the shell and tests). */
  readonly services: HostServices
  /** Stops the file watcher. */
  dispose(): void
}

/** The services a host is built from. */
export interface HostServices {
  files: FileStore
  recovery: RecoveryStore
  versions: VersionStore
  settings: SettingsStore
  watcher: FileWatcher
  recent: RecentFiles
}

/** How long a file offered by the OS waits for the page's open request. */
export const OFFER_LIFETIME_MS = 120_000

/** Files Import… accepts. */
export const IMPORT_EXTENSIONS = ['txt', 'docx', 'pdf'] as const
/** Reports larger than this are refused by Import… (a real one is far smaller). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024

const REPORT_FILTERS: FileFilter[] = [{ name: 'Rapporteur report', extensions: [EXTENSION] }]
const IMPORT_FILTERS: FileFilter[] = [
  { name: 'Text or Word document', extensions: [...IMPORT_EXTENSIONS] },
  { name: 'Plain text', extensions: ['txt'] },
  { name: 'Word document', extensions: ['docx'] },
  { name: 'PDF document', extensions: ['pdf'] }
]
const DOCX_FILTERS: FileFilter[] = [{ name: 'Word document', extensions: ['docx'] }]
const PDF_FILTERS: FileFilter[] = [{ name: 'PDF document', extensions: ['pdf'] }]
const TEMPLATE_FILTERS: FileFilter[] = [
  { name: 'Word template or document', extensions: ['dotx', 'docx'] }
]
/** A house template larger than this is refused (a real one is a few hundred kilobytes). */
export const MAX_TEMPLATE_BYTES = 20 * 1024 * 1024

/** Builds the services under a user-data folder. */
export function createHostServices(
  userDataDir: string,
  options: Pick<
    HostDependencies,
    'fs' | 'warn' | 'notifyFileChanged' | 'watchDebounceMs' | 'locale' | 'onRecentFilesChanged'
  > = {}
): HostServices {
  const fs = options.fs ?? nodeFileSystem
  const settings = new SettingsStore({
    folder: userDataDir,
    fs,
    warn: options.warn,
    locale: options.locale
  })
  const versions = new VersionStore({
    folder: join(userDataDir, 'versions'),
    fs,
    keep: () => settings.peek().versionsKept
  })
  // Beside the report, so two colleagues' instances (each their own user data) see each other.
  const locks = new FileLocks({ folder: join(userDataDir, 'locks'), besideFile: true, fs })
  const files = new FileStore({ fs, locks, versions, warn: options.warn })
  const recovery = new RecoveryStore({ folder: join(userDataDir, 'recovery'), fs })
  const watcher = new FileWatcher({
    readVersion: (path) => files.diskVersion(path),
    onChange: (event) => options.notifyFileChanged?.(event),
    debounceMs: options.watchDebounceMs
  })
  const recent = new RecentFiles(settings, fs, options.onRecentFilesChanged)
  return { files, recovery, versions, settings, watcher, recent }
}

/** The whole request API over the injected dependencies. */
export function createRequestHandlers(deps: HostDependencies): RequestHandlers {
  const fs = deps.fs ?? nodeFileSystem
  const services = createHostServices(deps.userDataDir, deps)
  const { files, recovery, versions, settings, watcher, recent } = services
  const warn = deps.warn ?? (() => undefined)
  // Files the user picked or opened in this window. A renderer can only name these in
  // requests that touch the disk, so a compromised page cannot write anywhere it likes.
  const granted = new Set<string>()
  const grant = (path: string): string => {
    const absolute = resolve(path)
    granted.add(absolute)
    return absolute
  }
  const isGrantedPath = (path: string): boolean => granted.has(resolve(path))
  // The .docx files this window wrote: the only ones the page may ask to open or show.
  const exported = new Set<string>()
  const noteRecent = (path: string): Promise<void> =>
    recent
      .add(path)
      .catch((error) => warn(`Could not update the recent files: ${messageOf(error)}`))
  const writtenRecovery = new Set<string>()
  let lastFolder: string | undefined = deps.defaultFolder
  let offered: { path: string; until: number } | null = null
  const takeOffer = (): string | null => {
    const offer = offered
    offered = null
    return offer && Date.now() <= offer.until ? offer.path : null
  }
  let settingsLoaded = false
  const loadSettings = async (): Promise<AppSettings> => {
    const value = await settings.get()
    settingsLoaded = true
    return value
  }

  // The document sessions of this window: where each open document lives and the disk
  // version last read or written, so the renderer names a document, never a path.
  const sessions = new Map<string, DocumentSession>()
  const startSession = (session: DocumentSession, documentId = newId()): string => {
    sessions.set(documentId, session)
    return documentId
  }
  // The document this window last saved, which its next save may send changes against: one
  // (a window edits one document at a time), so what the host holds stays bounded.
  let lastSaved: { documentId: string; revision: string; doc: Node } | null = null
  const sessionOfPath = (path: string): string | undefined => {
    for (const [documentId, session] of sessions) if (session.path === path) return documentId
    return undefined
  }

  const proposedPath = (name: string): string => (lastFolder ? join(lastFolder, name) : name)
  const remember = (path: string): void => {
    lastFolder = resolve(path, '..')
  }

  // Files just opened whose text the page is fetching (`readOpenedText`), with how to undo
  // the open should the page's loader refuse the text (`forgetOpened`).
  const openedTexts = new Map<string, OpenedText>()
  let lastOpen: { documentId: string; undo(): void } | null = null

  /**
   * Reads a report for the page, which fetches its text in parts, parses and
   * checks it: the host reads, fingerprints and starts the session, but never
   * parses, so a large file never holds its thread.
   */
  async function opened(path: string): Promise<OpenedReport> {
    const { bytes, diskVersion } = await files.read(path)
    const absolute = grant(path)
    remember(absolute)
    const watched = watcher.watchedPath
    const undoWatch = (): void => {
      const session = watched === null ? undefined : sessions.get(sessionOfPath(watched) ?? '')
      if (watched !== null && session) watcher.track(watched, session.diskVersion)
      else watcher.stop()
    }
    watcher.track(absolute, diskVersion)
    await noteRecent(absolute)
    // Reading the open file again (after an outside change) continues its session.
    const continued = sessionOfPath(absolute)
    const before = continued === undefined ? undefined : sessions.get(continued)
    const documentId = startSession({ path: absolute, diskVersion }, continued)
    const textParts = holdText(documentId, bytes)
    lastOpen = {
      documentId,
      undo: () => {
        if (before) sessions.set(documentId, before)
        else sessions.delete(documentId)
        undoWatch()
      }
    }
    return { documentId, path: absolute, textParts, diskVersion }
  }

  /** Keeps a file's bytes for the page to fetch as text; returns how many parts it comes in. */
  function holdText(documentId: string, bytes: Buffer): number {
    // One document per window: a text the page never fetched is of an open it gave up.
    openedTexts.clear()
    const parts = textPartCount(bytes)
    openedTexts.set(documentId, { bytes, parts })
    return parts
  }

  function unsaved(report: ReportPayload, importNotes?: ImportNote[]): OpenedReport {
    watcher.stop()
    const documentId = startSession({ path: null, diskVersion: null })
    const result: OpenedReport = { documentId, path: null, report, diskVersion: null }
    if (importNotes) result.importNotes = importNotes
    return result
  }

  return {
    services,
    isGrantedPath,
    ownsRecovery: (documentId) => writtenRecovery.has(documentId),

    async newReport(language: Language) {
      return unsaved(reportToJSON(newReport(language)))
    },

    offerFile(path: string) {
      offered = { path: resolve(path), until: Date.now() + OFFER_LIFETIME_MS }
    },

    async openReport() {
      const path =
        takeOffer() ??
        (await deps.dialogs.showOpen({
          title: 'Open report',
          filters: REPORT_FILTERS,
          defaultPath: lastFolder
        }))
      if (path === null) return { ok: false, reason: 'cancelled' }
      return attempt(async () => ({ ok: true, opened: await opened(path) }))
    },

    async readOpenedText(documentId: string, index: number) {
      const text = openedTexts.get(documentId)
      if (!text || index >= text.parts)
        throw new Error('That text was not opened in this window, or was already read.')
      const part = textPart(text.bytes, index)
      // The last part read: the page holds the whole text, and the open can no longer be undone.
      if (index === text.parts - 1) openedTexts.delete(documentId)
      return part
    },

    async forgetOpened(documentId: string) {
      openedTexts.delete(documentId)
      // Only the latest open can be undone: the window shows the document it replaced.
      if (lastOpen?.documentId !== documentId) return
      lastOpen.undo()
      lastOpen = null
    },

    async openOtherVersion() {
      const path = await deps.dialogs.showOpen({
        title: 'Open another language version',
        filters: REPORT_FILTERS,
        defaultPath: lastFolder
      })
      if (path === null) return { ok: false, reason: 'cancelled' }
      // Read for viewing beside the report: not granted, locked or watched, so never written.
      // The page fetches, parses and checks the text, as for Open.
      return attempt(async () => {
        const { bytes } = await files.read(path)
        // An id of its own but no session: saving it is saving a new document (Save As).
        const documentId = newId()
        const textParts = holdText(documentId, bytes)
        return {
          ok: true,
          opened: { documentId, path: resolve(path), textParts, diskVersion: null }
        }
      })
    },

    async reloadFromDisk(path: string) {
      if (!isGrantedPath(path)) return refusedPath(path)
      return attempt(async () => ({ ok: true, opened: await opened(path) }))
    },

    async saveReport(
      documentId: string,
      payload: SavePayload,
      options: SaveOptions
    ): Promise<SaveOutcome> {
      // Changes name nodes of the last save: only of this document, and only while it is held.
      let base: Node | undefined
      if (payload.base !== undefined) {
        if (lastSaved?.documentId !== documentId || lastSaved.revision !== payload.base)
          return { ok: false, reason: 'unknown-revision' }
        base = lastSaved.doc
      }
      // Checked once here (the gate checked its shape), written as the one text it serializes to;
      // nodes named from the last save were checked and encoded then.
      let report: Report
      let bytes: Buffer[]
      try {
        report = reportFromJSON(payload, base)
        bytes = reportByteParts(report, base !== undefined)
      } catch (error) {
        return failure(`The report could not be saved because it is not valid: ${messageOf(error)}`)
      }
      // A document the host never gave out is saved as a new one: it has no place yet.
      const session = sessions.get(documentId) ?? { path: null, diskVersion: null }
      let target = session.path
      const askForPlace = options.saveAs || target === null
      if (askForPlace) {
        const chosen = await deps.dialogs.showSave({
          title: 'Save report',
          filters: REPORT_FILTERS,
          defaultPath: target ?? proposedPath(`${suggestedFileName(report)}.${EXTENSION}`)
        })
        if (chosen === null) return { ok: false, reason: 'cancelled' }
        target = withExtension(resolve(chosen), EXTENSION)
      }
      if (target === null) return { ok: false, reason: 'cancelled' }
      // A place chosen in the dialog was confirmed there (overwrite asked by the OS dialog);
      // saving to the file already open checks it is still the one the user last saw.
      const sameFile = session.path === target
      const expectedVersion = askForPlace && !sameFile ? null : session.diskVersion
      // The number of versions to keep comes from the settings: read them before the first save.
      if (!settingsLoaded) await loadSettings().catch(() => undefined)
      const place = target
      let recentNoted: Promise<void> = Promise.resolve()
      const result = await files.saveText(target, bytes, {
        expectedVersion,
        force: options.force,
        announce: (version) => watcher.acknowledge(place, version),
        replaced: () => (recentNoted = noteRecent(place))
      })
      await recentNoted
      if (!result.ok) return result
      grant(target)
      remember(target)
      watcher.track(target, result.diskVersion)
      sessions.set(documentId, { path: target, diskVersion: result.diskVersion })
      const revision = newId()
      lastSaved = { documentId, revision, doc: report.doc }
      const links = result.brokeHardLinks ? { brokeHardLinks: true } : {}
      return { ok: true, path: target, diskVersion: result.diskVersion, revision, ...links }
    },

    async importReport() {
      // A draft dropped on the window is offered like a file from the OS.
      const path =
        takeOffer() ??
        (await deps.dialogs.showOpen({
          title: 'Import text or Word document',
          filters: IMPORT_FILTERS,
          defaultPath: lastFolder
        }))
      if (path === null) return { ok: false, reason: 'cancelled' }
      const name = displayName(path)
      const kind = extname(path).toLowerCase()
      if (kind !== '.txt' && kind !== '.docx' && kind !== '.pdf')
        return failure(
          `Cannot import “${name}”: only plain text (.txt), Word (.docx) and PDF (.pdf) files can be imported.`
        )
      if (!deps.importers) return failure('Import is not available in this build of Rapporteur.')
      let bytes: Buffer
      try {
        bytes = await readRegularFile(fs, path, MAX_IMPORT_BYTES)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EFBIG')
          return failure(`Cannot import “${name}”: it is too large to be a report.`)
        return failure(`Cannot import “${name}”: ${describeFsError(error)}.`)
      }
      remember(path)
      try {
        const importPdf = deps.importers.importPdf
        if (kind === '.pdf' && !importPdf)
          return failure('PDF import is not available in this build of Rapporteur.')
        const result =
          kind === '.docx'
            ? await deps.importers.importDocx(new Uint8Array(bytes))
            : kind === '.pdf'
              ? await importPdf!(new Uint8Array(bytes))
              : await deps.importers.importText(new Uint8Array(bytes))
        return { ok: true, opened: unsaved(result.report, result.notes) }
      } catch (error) {
        return failure(`Cannot import “${name}”: ${messageOf(error)}`)
      }
    },

    async exportDocx(request: ExportRequest) {
      // The exporter builds (and so checks) the document from the JSON: it is parsed once, there.
      if (!deps.exportDocx)
        return failure('Export to Word is not available in this build of Rapporteur.')
      const chosen = await deps.dialogs.showSave({
        title: 'Export to Word',
        filters: DOCX_FILTERS,
        defaultPath: proposedPath(
          withExtension(basename(request.suggestedName) || 'Report', 'docx')
        )
      })
      if (chosen === null) return { ok: false, reason: 'cancelled' }
      const target = withExtension(resolve(chosen), 'docx')
      const { houseTemplate } = await settings.reload().catch(() => ({ houseTemplate: null }))
      let template: Uint8Array | undefined
      if (houseTemplate) {
        try {
          template = new Uint8Array(await readRegularFile(fs, houseTemplate, MAX_TEMPLATE_BYTES))
        } catch (error) {
          return failure(
            `The house template “${displayName(houseTemplate)}” could not be read (${describeFsError(error)}); choose another in Settings or stop using it.`
          )
        }
      }
      let bytes: Uint8Array
      try {
        bytes = await deps.exportDocx(request.report, template)
      } catch (error) {
        return failure(`The Word file could not be made: ${messageOf(error)}`)
      }
      try {
        await writeFileAtomic(target, bytes, fs)
      } catch (error) {
        return failure(`Could not write “${displayName(target)}”: ${describeWriteError(error)}.`)
      }
      remember(target)
      exported.add(target)
      return { ok: true, path: target }
    },

    async savePdf(request: { suggestedName: string }) {
      if (!deps.printToPdf)
        return failure('Save as PDF is not available in this build of Rapporteur.')
      const chosen = await deps.dialogs.showSave({
        title: 'Save as PDF',
        filters: PDF_FILTERS,
        defaultPath: proposedPath(withExtension(basename(request.suggestedName) || 'Report', 'pdf'))
      })
      if (chosen === null) return { ok: false, reason: 'cancelled' }
      const target = withExtension(resolve(chosen), 'pdf')
      let bytes: Uint8Array
      try {
        bytes = await deps.printToPdf()
      } catch (error) {
        return failure(`The PDF could not be made: ${messageOf(error)}`)
      }
      try {
        await writeFileAtomic(target, bytes, fs)
      } catch (error) {
        return failure(`Could not write “${displayName(target)}”: ${describeWriteError(error)}.`)
      }
      return { ok: true, path: target }
    },

    async writeRecovery(entry: RecoveryWrite) {
      // The session knows where the document lives; failing that, only a file this window
      // opened or saved may be named, and anything else is kept unnamed.
      const session = sessions.get(entry.documentId)
      const path = session
        ? session.path
        : entry.path !== null && isGrantedPath(entry.path)
          ? resolve(entry.path)
          : null
      await recovery.write({ ...entry, path })
      writtenRecovery.add(entry.documentId)
    },

    async clearRecovery(documentId: string) {
      await recovery.clear(documentId)
      writtenRecovery.delete(documentId)
    },

    async listRecovery(): Promise<RecoverySummary[]> {
      await recovery.removeLeftovers().catch(() => undefined)
      const listing = await recovery.list()
      for (const problem of listing.problems)
        warn(`Skipped a damaged recovery entry (${problem.file}): ${problem.message}`)
      if (listing.problems.length > 0 && deps.dialogs.notify) {
        const count = listing.problems.length
        await deps.dialogs
          .notify({
            message:
              count === 1
                ? 'One recovered copy of unsaved work could not be read.'
                : `${count} recovered copies of unsaved work could not be read.`,
            detail:
              `${listing.problems.map((problem) => `• ${problem.message}`).join('\n')}\n\n` +
              `They were not deleted: they are kept in ${join(recovery.folder, 'damaged')}.`
          })
          .catch(() => undefined)
      }
      // Entries this window is writing right now are its own open documents, not a crash's.
      return listing.entries.filter(
        (entry) =>
          !writtenRecovery.has(entry.documentId) &&
          !deps.isRecoveryInUseElsewhere?.(entry.documentId)
      )
    },

    async restoreRecovery(documentId: string) {
      return attempt<{ opened: OpenedReport }>(async () => {
        const { entry, report } = await recovery.restore(documentId)
        // The restored document keeps its recovery id, so its next copies replace this one.
        if (entry.path === null) {
          watcher.stop()
          startSession({ path: null, diskVersion: null }, documentId)
          return {
            ok: true,
            opened: { documentId, path: null, report: reportToJSON(report), diskVersion: null }
          }
        }
        const path = grant(entry.path)
        const diskVersion = await files.diskVersion(path).catch(() => null)
        if (diskVersion !== null) watcher.track(path, diskVersion)
        else watcher.stop()
        startSession({ path, diskVersion }, documentId)
        return {
          ok: true,
          opened: { documentId, path, report: reportToJSON(report), diskVersion }
        }
      })
    },

    async discardRecovery(documentId: string) {
      await recovery.clear(documentId)
      writtenRecovery.delete(documentId)
    },

    async listVersions(path: string): Promise<VersionSummary[]> {
      if (!isGrantedPath(path)) return []
      return versions.list(path)
    },

    async restoreVersion(path: string, versionId: string) {
      if (!isGrantedPath(path)) return refusedPath(path)
      return attempt(async () => {
        const bytes = await versions.read(path, versionId)
        // Checked here, as any file read: a damaged version is refused with its reason.
        return { ok: true, opened: unsaved(reportToJSON(parseReport(bytes.toString('utf8')))) }
      })
    },

    async readForComparison(version) {
      if (version) {
        if (!isGrantedPath(version.path)) return refusedPath(version.path)
        return attempt(async () => {
          const bytes = await versions.read(version.path, version.versionId)
          const report = reportToJSON(parseReport(bytes.toString('utf8')))
          return { ok: true, report, name: displayName(version.path) }
        })
      }
      const path = await deps.dialogs.showOpen({
        title: 'Compare with file',
        filters: [{ name: 'Report or Word document', extensions: [EXTENSION, 'docx'] }],
        defaultPath: lastFolder
      })
      if (path === null) return { ok: false, reason: 'cancelled' }
      const name = displayName(path)
      const kind = extname(path).toLowerCase()
      if (kind !== `.${EXTENSION}` && kind !== '.docx')
        return failure(
          `Cannot compare with “${name}”: only reports and Word (.docx) files can be compared.`
        )
      if (kind === '.docx' && !deps.importers)
        return failure('Import is not available in this build of Rapporteur.')
      return attempt(async () => {
        const bytes = new Uint8Array(await readRegularFile(fs, path, MAX_IMPORT_BYTES))
        // The importers answer with JSON already, as they do for Import.
        const report =
          kind === '.docx'
            ? (await deps.importers!.importDocx(bytes)).report
            : reportToJSON(parseReport(new TextDecoder().decode(bytes)))
        return { ok: true, report, name }
      })
    },

    async setWindowState(state) {
      deps.setWindowState(state)
    },

    async openExternal(url: string) {
      if (!isSafeExternalUrl(url)) return false
      try {
        // Electronegativity OPEN_EXTERNAL_JS_CHECK: the URL passed isSafeExternalUrl above.
        await deps.openExternal(url)
        return true
      } catch (error) {
        warn(`Could not open ${url}: ${messageOf(error)}`)
        return false
      }
    },

    async getAppSettings() {
      return loadSettings()
    },

    async setAppSettings(value: AppSettings) {
      if (!settingsLoaded) await loadSettings()
      // The recent files and the house template are the host's to set, never the page's.
      await settings.update((current) => ({
        ...value,
        recentFiles: current.recentFiles,
        houseTemplate: current.houseTemplate
      }))
    },

    async listRecentFiles() {
      return recent.list()
    },

    async openRecentFile(path: string) {
      if (!(await recent.has(path))) return refusedPath(path)
      return attempt(async () => ({ ok: true, opened: await opened(resolve(path)) }))
    },

    async forgetRecentFile(path: string) {
      await recent.remove(path)
    },

    async clearRecentFiles() {
      await recent.clear()
    },

    async chooseHouseTemplate(choose: boolean) {
      let path: string | null = null
      if (choose) {
        path = await deps.dialogs.showOpen({
          title: 'Choose house template',
          filters: TEMPLATE_FILTERS,
          defaultPath: lastFolder
        })
        if (path === null) return { ok: false, reason: 'cancelled' }
        path = resolve(path)
        const name = displayName(path)
        try {
          readHouseTemplate(new Uint8Array(await readRegularFile(fs, path, MAX_TEMPLATE_BYTES)))
        } catch (error) {
          const reason = (error as NodeJS.ErrnoException).code
            ? describeFsError(error)
            : messageOf(error)
          return failure(`Cannot use “${name}” as the house template: ${reason}.`)
        }
      }
      const chosen = path
      const next = await settings.update((current) => ({ ...current, houseTemplate: chosen }))
      return { ok: true, settings: next }
    },

    async revealExport(path: string, how: 'open' | 'folder') {
      const absolute = resolve(path)
      if (!exported.has(absolute) || !deps.revealFile) return false
      try {
        await deps.revealFile(absolute, how)
        return true
      } catch (error) {
        warn(`Could not show ${absolute}: ${messageOf(error)}`)
        return false
      }
    },

    async setSpellingLanguage(language: Language) {
      deps.setSpellingLanguage?.(language)
    },

    pageLoaded() {
      writtenRecovery.clear()
      sessions.clear()
      openedTexts.clear()
      lastOpen = null
      watcher.stop()
    },

    async discardSessionRecovery() {
      for (const documentId of writtenRecovery) await recovery.clear(documentId)
      writtenRecovery.clear()
    },

    dispose() {
      watcher.stop()
    }
  }
}

/** A file's bytes while the page fetches its text. */
interface OpenedText {
  bytes: Buffer
  parts: number
}

/** Where an open document lives and the disk version the host last read or wrote. */
interface DocumentSession {
  path: string | null
  diskVersion: string | null
}

function failure(message: string): { ok: false; reason: 'error'; message: string } {
  return { ok: false, reason: 'error', message }
}

function refusedPath(path: string): { ok: false; reason: 'error'; message: string } {
  return failure(
    `“${displayName(path)}” was not opened in this window; use Open… to choose it first.`
  )
}

/** Runs a step that yields an outcome, turning expected failures into messages. */
async function attempt<T>(step: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await step()
  } catch (error) {
    // FileOpenError, ReportFileError and the stores' errors all carry a message for the user.
    return failure(messageOf(error))
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}

/** A file name from the report's symbol or title, safe on every OS. */
export function suggestedFileName(report: Report): string {
  const { symbol, title } = report.meta.masthead
  const base = (symbol || title || 'Report').replace(/[/\\:*?"<>|]+/g, '_').trim()
  return base.slice(0, 120) || 'Report'
}

/** `path` with the extension added if it has none of its own. */
export function withExtension(path: string, extension: string): string {
  return extname(path).toLowerCase() === `.${extension}` ? path : `${path}.${extension}`
}
