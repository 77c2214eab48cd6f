/**
 * The names of the contract between the renderer and its host: request
 * methods and their IPC channels, menu commands, event channels. No
 * dependencies, so the sandboxed preload (which may bundle nothing heavy)
 * imports these instead of spelling the names itself; `index.ts` checks they
 * match the request schemas and the API types.
 */

/** Every request method of `RapporteurRequests`, in one list. */
export const REQUEST_METHODS = [
  'newReport',
  'openReport',
  'readOpenedText',
  'forgetOpened',
  'saveReport',
  'importReport',
  'exportDocx',
  'savePdf',
  'reloadFromDisk',
  'writeRecovery',
  'clearRecovery',
  'listRecovery',
  'restoreRecovery',
  'discardRecovery',
  'listVersions',
  'restoreVersion',
  'readForComparison',
  'openOtherVersion',
  'setWindowState',
  'openExternal',
  'getAppSettings',
  'setAppSettings',
  'listRecentFiles',
  'openRecentFile',
  'forgetRecentFile',
  'clearRecentFiles',
  'revealExport',
  'chooseHouseTemplate',
  'setSpellingLanguage'
] as const

/** A request method's name. */
export type RequestMethod = (typeof REQUEST_METHODS)[number]

/** Commands the host's menus send to the renderer. */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'save-as',
  'import',
  'export-docx',
  'undo',
  'redo',
  'find',
  'insert-recommendation',
  'insert-footnote',
  'insert-reference',
  'toggle-numbered',
  'settings',
  'versions',
  /** Compare with version…: the versions dialog, whose rows each offer Compare. */
  'compare-version',
  /** Compare with file…: asks for a report or Word file and shows what changed since it. */
  'compare-file',
  /** Opens the pre-circulation Check panel. */
  'check',
  /** The user asked to close the window and chose Save: save, then confirm with `setWindowState`. */
  'save-and-close',
  /** Shows the report on pages (the page view), or the editor again. */
  'page-view',
  /** Saves the page view as a PDF. */
  'save-pdf',
  /** New language version…: the same report prepared for translation into another language. */
  'new-language-version',
  /** Side by side: another language version beside this one, aligned by paragraph. */
  'side-by-side'
] as const

/** A command from the host's menus. */
export type MenuCommand = (typeof MENU_COMMANDS)[number]

/** The IPC channel of a request method. */
export function requestChannel(method: RequestMethod): string {
  return `rapporteur:${method}`
}

/** IPC channels of the events. */
export const EVENT_CHANNELS = {
  onMenuCommand: 'rapporteur:menu-command',
  onFileChanged: 'rapporteur:file-changed'
} as const
