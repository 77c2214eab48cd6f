import { vi } from 'vitest'
import type {
  AppSettings,
  MenuCommand,
  OpenedReport,
  RapporteurApi,
  RecentFile,
  RecoverySummary
} from '@shared/contract'
import type { Language } from '@core/languages'
import { reportToJSON } from '@core/report-file'
import { newReport } from '@core/template'

/** An opened template report (never saved unless `path` is given), as the host answers. */
export function openedTemplate(
  language: Language = 'en',
  path: string | null = null,
  documentId = path ? `doc:${path}` : 'doc-new'
): OpenedReport {
  return {
    documentId,
    path,
    diskVersion: path ? 'v1' : null,
    report: reportToJSON(newReport(language)) as NonNullable<OpenedReport['report']>
  }
}

/** A host API stand-in: every request a `vi.fn` with a sensible answer; events can be fired. */
export function fakeApi(): RapporteurApi & {
  menu(command: MenuCommand): void
  fileChanged(path: string): void
  settings: AppSettings
  recovery: RecoverySummary[]
  recent: RecentFile[]
} {
  const menuListeners = new Set<(command: MenuCommand) => void>()
  const fileListeners = new Set<(event: { path: string }) => void>()
  const state = {
    settings: { uiLanguage: 'en', autosaveToFile: false, versionsKept: 20 } as AppSettings,
    recovery: [] as RecoverySummary[],
    recent: [] as RecentFile[]
  }
  let saves = 0
  return {
    get settings() {
      return state.settings
    },
    get recovery() {
      return state.recovery
    },
    get recent() {
      return state.recent
    },
    set recent(files: RecentFile[]) {
      state.recent = files
    },
    newReport: vi.fn(async (language: Language) => openedTemplate(language)),
    openReport: vi.fn(async () => ({ ok: false as const, reason: 'cancelled' as const })),
    openOtherVersion: vi.fn(async () => ({ ok: false as const, reason: 'cancelled' as const })),
    readOpenedText: vi.fn(async (): Promise<string> => {
      throw new Error('the stand-in opens reports as JSON, never as text')
    }),
    forgetOpened: vi.fn(async () => undefined),
    // Like the host, it knows where each document it gave out lives.
    saveReport: vi.fn(async (documentId: string, _report, options) => ({
      ok: true as const,
      path:
        documentId.startsWith('doc:') && !options.saveAs
          ? documentId.slice('doc:'.length)
          : '/reports/new.rapporteur',
      diskVersion: `saved-${++saves}`,
      revision: `revision-${saves}`
    })),
    importReport: vi.fn(async () => ({ ok: false as const, reason: 'cancelled' as const })),
    exportDocx: vi.fn(async () => ({ ok: true as const, path: '/reports/out.docx' })),
    savePdf: vi.fn(async () => ({ ok: true as const, path: '/reports/out.pdf' })),
    reloadFromDisk: vi.fn(async (path: string) => ({
      ok: true as const,
      opened: { ...openedTemplate('en', path), diskVersion: 'disk-2' }
    })),
    writeRecovery: vi.fn(async () => undefined),
    clearRecovery: vi.fn(async () => undefined),
    listRecovery: vi.fn(async () => state.recovery),
    restoreRecovery: vi.fn(async () => ({ ok: true as const, opened: openedTemplate() })),
    discardRecovery: vi.fn(async () => undefined),
    listVersions: vi.fn(async () => []),
    restoreVersion: vi.fn(async () => ({ ok: true as const, opened: openedTemplate() })),
    readForComparison: vi.fn(async () => ({
      ok: true as const,
      report: reportToJSON(newReport('en')) as NonNullable<OpenedReport['report']>,
      name: 'circulated.rapporteur'
    })),
    setWindowState: vi.fn(async () => undefined),
    openExternal: vi.fn(async () => true),
    getAppSettings: vi.fn(async () => state.settings),
    setAppSettings: vi.fn(async (settings: AppSettings) => {
      state.settings = settings
    }),
    listRecentFiles: vi.fn(async () => state.recent.map((file) => ({ ...file }))),
    openRecentFile: vi.fn(async (path: string) => ({
      ok: true as const,
      opened: openedTemplate('en', path)
    })),
    forgetRecentFile: vi.fn(async (path: string) => {
      state.recent = state.recent.filter((file) => file.path !== path)
    }),
    clearRecentFiles: vi.fn(async () => {
      state.recent = []
    }),
    revealExport: vi.fn(async () => true),
    chooseHouseTemplate: vi.fn(async (choose: boolean) => {
      state.settings = { ...state.settings, houseTemplate: choose ? '/office/house.dotx' : null }
      return { ok: true as const, settings: state.settings }
    }),
    setSpellingLanguage: vi.fn(async () => undefined),
    onMenuCommand: (listener) => {
      menuListeners.add(listener)
      return () => menuListeners.delete(listener)
    },
    onFileChanged: (listener) => {
      fileListeners.add(listener)
      return () => fileListeners.delete(listener)
    },
    menu: (command) => menuListeners.forEach((listener) => listener(command)),
    fileChanged: (path) => fileListeners.forEach((listener) => listener({ path }))
  }
}
