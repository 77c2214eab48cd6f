import { vi } from 'vitest'
import type {
  AppSettings,
  MenuCommand,
  OpenedReport,
  RapporteurApi,
  RecoverySummary
} from '@shared/contract'
import type { Language } from '@core/languages'
import { reportToJSON } from '@core/report-file'
import { newReport } from '@core/template'

/** An opened, never-saved template report, as the host's `newReport` answers. */
export function openedTemplate(
  language: Language = 'en',
  path: string | null = null
): OpenedReport {
  return {
    path,
    diskVersion: path ? 'v1' : null,
    report: reportToJSON(newReport(language)) as OpenedReport['report']
  }
}

/** A host API stand-in: every request a `vi.fn` with a sensible answer; events can be fired. */
export function fakeApi(): RapporteurApi & {
  menu(command: MenuCommand): void
  fileChanged(path: string): void
  settings: AppSettings
  recovery: RecoverySummary[]
} {
  const menuListeners = new Set<(command: MenuCommand) => void>()
  const fileListeners = new Set<(event: { path: string }) => void>()
  const state = {
    settings: { uiLanguage: 'en', autosaveToFile: false, versionsKept: 20 } as AppSettings,
    recovery: [] as RecoverySummary[]
  }
  let saves = 0
  return {
    get settings() {
      return state.settings
    },
    get recovery() {
      return state.recovery
    },
    newReport: vi.fn(async (language: Language) => openedTemplate(language)),
    openReport: vi.fn(async () => ({ ok: false as const, reason: 'cancelled' as const })),
    openOtherVersion: vi.fn(async () => ({ ok: false as const, reason: 'cancelled' as const })),
    saveReport: vi.fn(async (request) => ({
      ok: true as const,
      path: request.path ?? '/reports/new.rapporteur',
      diskVersion: `saved-${++saves}`
    })),
    importReport: vi.fn(async () => ({ ok: false as const, reason: 'cancelled' as const })),
    exportDocx: vi.fn(async () => ({ ok: true as const, path: '/reports/out.docx' })),
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
    setWindowState: vi.fn(async () => undefined),
    openExternal: vi.fn(async () => true),
    getAppSettings: vi.fn(async () => state.settings),
    setAppSettings: vi.fn(async (settings: AppSettings) => {
      state.settings = settings
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
