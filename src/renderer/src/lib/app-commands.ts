import { useI18n } from 'vue-i18n'
import type { MenuCommand } from '@shared/contract'
import { blockingSummary, runCheck } from './check'
import { insertFootnote, insertRecommendation, redo, toggleNumbered, undo } from '../editor'
import { useCompareStore } from '../stores/compare'
import { useReportStore } from '../stores/report'
import { useUiStore } from '../stores/ui'
import { usePageViewStore } from '../stores/page-view'
import { useSavePdf } from './save-pdf'
import { useLanguageVersionsStore } from '../stores/language-versions'

/**
 * Every app-level command by name, for the host's menus, the toolbar and
 * the harness's keyboard shortcuts: one table, so they all do the same thing.
 */
export function useAppCommands(): { perform(command: MenuCommand): Promise<void> } {
  const report = useReportStore()
  const ui = useUiStore()
  const compare = useCompareStore()
  const pageView = usePageViewStore()
  const savePdf = useSavePdf()
  const languageVersions = useLanguageVersionsStore()
  const { t } = useI18n()

  /**
   * Export, after the pre-circulation check: while something blocks
   * circulation (brackets, broken references) the user sees what, and chooses
   * between exporting anyway and opening the Check panel.
   */
  async function exportAfterCheck(): Promise<unknown> {
    const state = report.getView()?.state
    const result = state && report.meta ? runCheck(state, report.meta, report.importNotes) : null
    if (result && result.blocking > 0) {
      const answer = await ui.ask(
        t('check.exportTitle', { count: result.blocking }),
        blockingSummary(result, t),
        [
          { id: 'export', label: t('check.exportAnyway') },
          { id: 'check', label: t('check.open'), primary: true },
          // Last: closing the question without choosing cancels.
          { id: 'cancel', label: t('action.cancel') }
        ]
      )
      if (answer === 'check') ui.panel = 'check'
      if (answer !== 'export') return false
    }
    return report.exportDocx()
  }

  const table: Record<MenuCommand, () => unknown> = {
    new: () => (ui.dialog = 'new-report'),
    open: () => report.open(),
    save: () => report.save(),
    'save-as': () => report.save({ saveAs: true }),
    import: () => report.importFile(),
    'export-docx': () => exportAfterCheck(),
    undo: () => report.run(undo),
    redo: () => report.run(redo),
    find: () => (ui.findOpen = true),
    'insert-recommendation': () => report.run(insertRecommendation),
    'insert-footnote': () => report.run(insertFootnote),
    'insert-reference': () => (ui.dialog = 'reference'),
    'toggle-numbered': () => report.run(toggleNumbered),
    settings: () => (ui.panel = 'settings'),
    versions: () => (ui.dialog = 'versions'),
    'compare-version': () => (ui.dialog = 'versions'),
    'compare-file': () => compare.compareWithFile(),
    'new-language-version': () => (languageVersions.dialogOpen = true),
    'side-by-side': () => languageVersions.openOther(),
    check: () => (ui.panel = 'check'),
    'save-and-close': () => report.saveAndClose(),
    'page-view': () => pageView.toggle(),
    'save-pdf': () => savePdf()
  }

  return {
    async perform(command) {
      await table[command]()
    }
  }
}

/** Ctrl+Alt keys of the Insert menu, by physical key (Alt changes `key` on some layouts). */
const INSERT_KEYS: Record<string, MenuCommand> = {
  KeyR: 'insert-recommendation',
  KeyF: 'insert-footnote',
  KeyX: 'insert-reference',
  KeyN: 'toggle-numbered'
}

/**
 * Page zoom keys of the browser harness (Ctrl+= / Ctrl++, Ctrl+-, Ctrl+0):
 * +1, -1 or 0 (reset), or null for any other key. The desktop app zooms
 * through its View menu instead.
 */
export function zoomShortcut(event: KeyboardEvent): 1 | -1 | 0 | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented) return null
  if (event.key === '=' || event.key === '+') return 1
  if (event.key === '-' || event.key === '_') return -1
  if (event.key === '0') return 0
  return null
}

/**
 * Shortcut keys of the browser harness, where no native menu provides
 * accelerators. Keys the editor already handled, and keys typed in a form
 * field (which has its own undo), are left alone.
 */
export function shortcutCommand(event: KeyboardEvent): MenuCommand | null {
  if (event.key === 'F7' && !event.defaultPrevented) return 'check'
  if (!(event.ctrlKey || event.metaKey) || event.defaultPrevented) return null
  const key = event.key.toLowerCase()
  // The Insert menu's keys (the editor handles those it can first, and prevents the default).
  if (event.altKey) {
    // AltGr (Ctrl+Alt on Windows and Linux) that typed a character, as "ź" on a Polish keyboard.
    if (event.shiftKey || (key.length === 1 && !/[a-z]/.test(key))) return null
    return INSERT_KEYS[event.code] ?? null
  }
  const target = event.target as HTMLElement | null
  const inField = target !== null && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)
  if (key === 'z' || key === 'y') {
    if (inField) return null
    return key === 'y' || event.shiftKey ? 'redo' : 'undo'
  }
  if (key === 's') return event.shiftKey ? 'save-as' : 'save'
  if (event.shiftKey) return key === 'p' ? 'page-view' : null
  if (key === 'o') return 'open'
  if (key === 'n') return 'new'
  if (key === ',') return 'settings'
  if (key === 'f') return 'find'
  if (key === 'e') return 'export-docx'
  if (key === 'p') return 'save-pdf'
  return null
}
