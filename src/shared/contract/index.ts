import { z } from 'zod'
import { FORMAT } from '@core/report-file'
import { LANGUAGES } from '@core/languages'
import { mastheadSchema, metaSchema } from '@core/meta'
import type { ReportFileJson } from '@core/report-file'
import type { ImportNote } from '@core/import/note'
import { EVENT_CHANNELS, REQUEST_METHODS, type MenuCommand } from './channels'

export {
  EVENT_CHANNELS,
  MENU_COMMANDS,
  REQUEST_METHODS,
  requestChannel,
  type MenuCommand,
  type RequestMethod
} from './channels'

/**
 * The request schemas and types of the one contract between the renderer and
 * whatever hosts it: the Electron main process (through the preload) or the
 * browser harness (over loopback).
 * Every request channel is listed in `REQUEST_ARGUMENTS` with the schema its
 * arguments must pass; hosts reject anything else before a handler runs.
 */

/**
 * Longest window or recovery title: the page builds it from the masthead's
 * symbol and title (or the file name) plus a short suffix, so the cap follows
 * the masthead's own limits; a lower cap made the gate refuse a valid report's
 * recovery copy.
 */
export const MAX_WINDOW_TITLE =
  (mastheadSchema.shape.symbol.maxLength ?? 200) +
  (mastheadSchema.shape.title.maxLength ?? 1000) +
  100

/** A report as it crosses the boundary: the `.rapporteur` JSON (the doc is checked by the host). */
export const reportPayloadSchema = z.object({
  format: z.literal(FORMAT),
  version: z.number().int().positive(),
  meta: metaSchema,
  doc: z.record(z.string(), z.unknown())
})

/** A report as it crosses the boundary. */
export type ReportPayload = ReportFileJson

/**
 * A report sent to be saved: whole, or against an earlier save the host still
 * holds (`base`, that save's `revision`), each node unchanged since then sent
 * as its place in it (see `reportChanges` in core).
 */
export const savePayloadSchema = reportPayloadSchema.extend({
  base: z.string().min(1).max(100).optional()
})

/** A report sent to be saved. */
export type SavePayload = ReportPayload & { base?: string }

/** What a save answers. */
export type SaveOutcome =
  | Outcome<{
      path: string
      diskVersion: string
      /** The host's name for what it wrote: a later save may send changes against it. */
      revision: string
      brokeHardLinks?: boolean
    }>
  /** The save named a `base` the host no longer holds: send the whole report. */
  | { ok: false; reason: 'unknown-revision' }

/**
 * A document the host opened for the renderer (read from disk, new, imported,
 * restored). It carries either the report as JSON (`report`: one the host or a
 * converter built) or, for a file read from disk, the number of parts its text
 * comes in (`textParts`): the page fetches them with `readOpenedText`, then
 * parses and checks the text itself, so the host never holds its thread for a
 * large file (see docs/ARCHITECTURE.md, "Open").
 */
export type OpenedReport = OpenedDocument &
  ({ report: ReportPayload; textParts?: undefined } | { textParts: number; report?: undefined })

/** What every opened document carries besides its content. */
export interface OpenedDocument {
  /**
   * The host's id for this document session: the renderer names it in saves and
   * recovery copies, and the host keeps its path and disk version under it.
   */
  documentId: string
  /** Where it lives; null for a report not yet saved (new, imported, restored). */
  path: string | null
  /** Fingerprint of the file as read (the host compares it before overwriting). */
  diskVersion: string | null
  /** Things an importer was unsure about, for the user to check. */
  importNotes?: ImportNote[]
}

export type { ImportNote } from '@core/import/note'

/** Result of a request that may be refused, cancelled or fail with a message for the user. */
export type Outcome<T> =
  | ({ ok: true } & T)
  | { ok: false; reason: 'cancelled' }
  | { ok: false; reason: 'conflict'; message: string }
  | { ok: false; reason: 'error'; message: string }

/** An id of a document session (given by the host in `OpenedReport`). */
export const documentIdSchema = z.string().min(1).max(100)

/**
 * How to save. Where is the host's business: it keeps each document's path
 * and the disk version it last read or wrote.
 */
export const saveOptionsSchema = z.object({
  /** Ask for a new place even if the document has a file. */
  saveAs: z.boolean(),
  /** Overwrite even though the file changed on disk since (the user said so). */
  force: z.boolean()
})

/** How to save. */
export type SaveOptions = z.infer<typeof saveOptionsSchema>

/** What to export to Word. */
export const exportRequestSchema = z.object({
  report: reportPayloadSchema,
  /** File name to propose in the save dialog, without folder. */
  suggestedName: z.string().max(255)
})

/** What to export to Word. */
export type ExportRequest = z.infer<typeof exportRequestSchema>

/** An unsaved report as kept in the recovery store. */
export const recoveryWriteSchema = z.object({
  /** The document session's id (stable while it is open, also when never saved). */
  documentId: documentIdSchema,
  path: z.string().max(4096).nullable(),
  title: z.string().max(MAX_WINDOW_TITLE),
  report: reportPayloadSchema
})

/** An unsaved report as kept in the recovery store. */
export type RecoveryWrite = z.infer<typeof recoveryWriteSchema>

/** A recovery entry as listed for the user after a crash. */
export interface RecoverySummary {
  documentId: string
  path: string | null
  title: string
  /** When it was written (ms since epoch). */
  savedAt: number
  /** Characters the recovered text differs in length from the file on disk (a size hint). */
  sizeDifference: number | null
}

/** A kept earlier version of a report. */
export interface VersionSummary {
  versionId: string
  savedAt: number
  bytes: number
}

/** A report in the recent-files list. */
export interface RecentFile {
  path: string
  /** The file name, for the list. */
  name: string
  /** The file is no longer there (moved, deleted, an unplugged drive). */
  missing: boolean
}

/** Languages the interface is available in: the six official languages. */
export const UI_LANGUAGES = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const
/** An interface language. */
export type UiLanguage = (typeof UI_LANGUAGES)[number]

/**
 * The interface language for an OS locale ("fr-CH" → fr), English when the
 * locale is none of the six.
 */
export function uiLanguageFor(locale: string | undefined): UiLanguage {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0]
  return (UI_LANGUAGES as readonly string[]).includes(primary) ? (primary as UiLanguage) : 'en'
}

/** Settings of the app itself (not of a report). */
export const appSettingsSchema = z.object({
  uiLanguage: z.enum(UI_LANGUAGES),
  /** Save the real file after a pause in typing (off by default, like Word's AutoSave). */
  autosaveToFile: z.boolean(),
  /** How many earlier versions of each report to keep. */
  versionsKept: z.number().int().min(1).max(500),
  /** Let the desktop spelling checker fetch missing dictionaries from the internet (off when absent). */
  spellingDownloads: z.boolean().optional(),
  /** AutoCorrect rules as you type (all on when absent). */
  autoCorrect: z
    .object({ quotes: z.boolean(), dashes: z.boolean(), nonBreakingSpaces: z.boolean() })
    .optional(),
  /** Whose tracked changes and comments this user's are (name and initials). */
  reviewAuthor: z.object({ name: z.string().max(200), initials: z.string().max(20) }).optional(),
  /** Reports opened or saved lately, newest first (kept by the host; the page cannot set them). */
  recentFiles: z.array(z.string().min(1).max(4096)).max(50).optional(),
  /** The office's house template (.dotx/.docx) the export uses, chosen in a host dialog. */
  houseTemplate: z.string().min(1).max(4096).nullable().optional()
})

/** Settings of the app itself. */
export type AppSettings = z.infer<typeof appSettingsSchema>

const id = z.string().min(1).max(200)
const filePath = z.string().min(1).max(4096)

/**
 * Every request channel and the schema of its argument list. The key is the
 * method name on `RapporteurApi` and, prefixed with `rapporteur:`, the IPC
 * channel.
 */
export const REQUEST_ARGUMENTS = {
  newReport: z.tuple([z.enum(LANGUAGES)]),
  openReport: z.tuple([]),
  readOpenedText: z.tuple([documentIdSchema, z.number().int().min(0).max(100_000)]),
  forgetOpened: z.tuple([documentIdSchema]),
  openOtherVersion: z.tuple([]),
  saveReport: z.tuple([documentIdSchema, savePayloadSchema, saveOptionsSchema]),
  importReport: z.tuple([]),
  exportDocx: z.tuple([exportRequestSchema]),
  savePdf: z.tuple([z.object({ suggestedName: z.string().max(300) })]),
  reloadFromDisk: z.tuple([filePath]),
  writeRecovery: z.tuple([recoveryWriteSchema]),
  clearRecovery: z.tuple([id]),
  listRecovery: z.tuple([]),
  restoreRecovery: z.tuple([id]),
  discardRecovery: z.tuple([id]),
  listVersions: z.tuple([filePath]),
  restoreVersion: z.tuple([filePath, id]),
  readForComparison: z.tuple([z.object({ path: filePath, versionId: id }).nullable()]),
  setWindowState: z.tuple([
    z.object({ title: z.string().max(MAX_WINDOW_TITLE), dirty: z.boolean() })
  ]),
  openExternal: z.tuple([z.string().max(2048)]),
  getAppSettings: z.tuple([]),
  setAppSettings: z.tuple([appSettingsSchema]),
  listRecentFiles: z.tuple([]),
  openRecentFile: z.tuple([filePath]),
  forgetRecentFile: z.tuple([filePath]),
  clearRecentFiles: z.tuple([]),
  revealExport: z.tuple([filePath, z.enum(['open', 'folder'])]),
  chooseHouseTemplate: z.tuple([z.boolean()]),
  setSpellingLanguage: z.tuple([z.enum(LANGUAGES)])
} as const

/** The request half of the API: each method returns a promise of its result. */
export interface RapporteurRequests {
  /** A new report from the standard template in the given language. */
  newReport(language: (typeof LANGUAGES)[number]): Promise<OpenedReport>
  /** Asks for a file and reads it; cancelled if the user closes the dialog. */
  openReport(): Promise<Outcome<{ opened: OpenedReport }>>
  /**
   * Part `index` (from 0) of the text of a file the host just opened and
   * answered with `textParts`; after the last part the host lets the text go.
   */
  readOpenedText(documentId: string, index: number): Promise<string>
  /**
   * The page could not load a file the host just opened (its loader refused
   * the text): the host undoes that open, so the document session, and the file
   * watched, are again those of the document the window still shows.
   */
  forgetOpened(documentId: string): Promise<void>
  /** Asks for another language version and reads it for viewing only (not locked, watched or writable). */
  openOtherVersion(): Promise<Outcome<{ opened: OpenedReport }>>
  /**
   * Saves the document to its file, or asks where (new report, Save As). A file
   * changed on disk since the host read or wrote it is a conflict unless `force`.
   * `brokeHardLinks`: the file's other names (hard links) still show the previous text.
   */
  saveReport(documentId: string, report: SavePayload, options: SaveOptions): Promise<SaveOutcome>
  /** Asks for a .txt or .docx file and imports it as a new, unsaved report. */
  importReport(): Promise<Outcome<{ opened: OpenedReport }>>
  /** Asks where to write, then writes the .docx off the renderer thread. */
  exportDocx(request: ExportRequest): Promise<Outcome<{ path: string }>>
  /** Asks where to write, then prints the window's page view to a PDF there (desktop app only). */
  savePdf(request: { suggestedName: string }): Promise<Outcome<{ path: string }>>
  /** Reads the file again, e.g. after it changed on disk. */
  reloadFromDisk(path: string): Promise<Outcome<{ opened: OpenedReport }>>
  writeRecovery(entry: RecoveryWrite): Promise<void>
  clearRecovery(documentId: string): Promise<void>
  listRecovery(): Promise<RecoverySummary[]>
  restoreRecovery(documentId: string): Promise<Outcome<{ opened: OpenedReport }>>
  discardRecovery(documentId: string): Promise<void>
  listVersions(path: string): Promise<VersionSummary[]>
  /** Opens a kept version as a new, unsaved document. */
  restoreVersion(path: string, versionId: string): Promise<Outcome<{ opened: OpenedReport }>>
  /** Reads a kept version, or (given null) a .rapporteur or .docx file the user picks, to compare with; opens nothing. */
  readForComparison(
    version: { path: string; versionId: string } | null
  ): Promise<Outcome<{ report: ReportPayload; name: string }>>
  /** The window title and whether closing must ask about unsaved changes. */
  setWindowState(state: { title: string; dirty: boolean }): Promise<void>
  /** Opens an http(s) or mailto link in the OS browser; anything else is refused. */
  openExternal(url: string): Promise<boolean>
  getAppSettings(): Promise<AppSettings>
  setAppSettings(settings: AppSettings): Promise<void>
  /** The recent-files list, newest first, each marked missing or not. */
  listRecentFiles(): Promise<RecentFile[]>
  /** Opens a report from the recent-files list (any other path is refused). */
  openRecentFile(path: string): Promise<Outcome<{ opened: OpenedReport }>>
  /** Removes one report from the recent-files list. */
  forgetRecentFile(path: string): Promise<void>
  clearRecentFiles(): Promise<void>
  /**
   * Opens a .docx this window just exported (`open`) or shows it in its folder
   * (`folder`); false for any other path or where the host cannot.
   */
  revealExport(path: string, how: 'open' | 'folder'): Promise<boolean>
  /** Asks for a house template file (true) or stops using one (false); answers the new settings. */
  chooseHouseTemplate(choose: boolean): Promise<Outcome<{ settings: AppSettings }>>
  /** The open report's language, for the spelling checker (desktop build; elsewhere nothing). */
  setSpellingLanguage(language: (typeof LANGUAGES)[number]): Promise<void>
}

/** Events the host sends to the renderer. */
export interface RapporteurEvents {
  /** A menu item or accelerator was used. Returns a function that unsubscribes. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /** The open file changed on disk (another program, a sync folder). */
  onFileChanged(listener: (event: { path: string }) => void): () => void
}

/** Everything the renderer may ask of its host. */
export type RapporteurApi = RapporteurRequests & RapporteurEvents

// Every event has its channel.
const _everyEventHasChannel: Record<keyof RapporteurEvents, string> = EVENT_CHANNELS
void _everyEventHasChannel

/** Checks a request's arguments against its schema; throws a ZodError naming the problem. */
export function parseRequestArguments<M extends keyof RapporteurRequests>(
  method: M,
  args: unknown[]
): Parameters<RapporteurRequests[M]> {
  const schema = REQUEST_ARGUMENTS[method]
  return schema.parse(args) as unknown as Parameters<RapporteurRequests[M]>
}

/** Whether `name` is one of the request methods. */
export function isRequestMethod(name: string): name is keyof RapporteurRequests {
  return Object.prototype.hasOwnProperty.call(REQUEST_ARGUMENTS, name)
}

// Every request method has an argument schema, and every schema a method; the dependency-free
// method list in `channels.ts` names exactly the same methods.
const _everyMethodHasSchema: Record<keyof RapporteurRequests, unknown> = REQUEST_ARGUMENTS
void _everyMethodHasSchema
type ListedMethod = (typeof REQUEST_METHODS)[number]
const _everyMethodListed: Record<keyof RapporteurRequests, ListedMethod> = Object.fromEntries(
  REQUEST_METHODS.map((method) => [method, method])
) as Record<ListedMethod, ListedMethod>
void _everyMethodListed
const _onlyMethodsListed: Record<ListedMethod, unknown> = REQUEST_ARGUMENTS
void _onlyMethodsListed
