import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand, UiLanguage } from '@shared/contract'
import { roleItem } from './role-labels'
import { MENU_LABELS, type MenuLabels } from './menu-labels'

/**
 * The application menu. Items that act on the document send a `MenuCommand`
 * to the renderer, which runs the same command its toolbar and keys run;
 * clipboard, zoom and quit use Electron's built-in roles.
 */

/** What the menu needs from the shell. */
export interface MenuContext {
  /** Sends a command to the focused window's renderer. */
  send(command: MenuCommand): void
  /** Development build: adds Reload and the developer tools. */
  isDev: boolean
  /** macOS: the app menu comes first and Quit/Settings live there. */
  isMac: boolean
  appName: string
  /** The interface language the labels are in (English when not given). */
  language?: UiLanguage
  /** Opens another report window. */
  newWindow?(): void
  /** Shows the About box. */
  about?(): void
  /** Looks for an update on the office's feed. */
  checkForUpdates?(): void
  /** The recent-files list, newest first (File > Open Recent; absent: no such submenu). */
  recentFiles?: readonly string[]
  /** Opens a report from Open Recent. */
  openRecent?(path: string): void
  /** Empties the recent-files list. */
  clearRecent?(): void
}

/** File > Open Recent: the reports of the recent-files list, then Clear. */
function openRecentMenu(context: MenuContext, words: MenuLabels): MenuItemConstructorOptions[] {
  if (!context.recentFiles) return []
  const files = context.recentFiles
  const submenu: MenuItemConstructorOptions[] = files.length
    ? [
        ...files.map((path) => ({
          // `&` would otherwise mark an access key on Windows and Linux.
          label: path.replace(/&/g, '&&'),
          click: () => context.openRecent?.(path)
        })),
        { type: 'separator' },
        { label: words.clearRecent, click: () => context.clearRecent?.() }
      ]
    : [{ label: words.noRecent, enabled: false }]
  return [{ label: words.openRecent, submenu }]
}

/** The menu template for `Menu.buildFromTemplate`. */
export function buildMenuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const language = context.language ?? 'en'
  const words = MENU_LABELS[language]
  const command = (
    label: string,
    name: MenuCommand,
    accelerator?: string
  ): MenuItemConstructorOptions => ({ label, accelerator, click: () => context.send(name) })
  const settings = command(words.settings, 'settings', 'CmdOrCtrl+,')
  const about: MenuItemConstructorOptions = context.about
    ? { label: words.about(context.appName), click: () => context.about?.() }
    : { role: 'about', label: words.about(context.appName) }
  const updates: MenuItemConstructorOptions[] = context.checkForUpdates
    ? [{ label: words.checkForUpdates, click: () => context.checkForUpdates?.() }]
    : []

  const appMenu: MenuItemConstructorOptions[] = context.isMac
    ? [
        {
          label: context.appName,
          submenu: [
            about,
            ...updates,
            { type: 'separator' },
            settings,
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' }
          ]
        }
      ]
    : []

  const file: MenuItemConstructorOptions = {
    label: words.file,
    submenu: [
      command(words.new, 'new', 'CmdOrCtrl+N'),
      ...(context.newWindow
        ? [
            {
              label: words.newWindow,
              accelerator: 'CmdOrCtrl+Shift+N',
              click: () => context.newWindow?.()
            }
          ]
        : []),
      command(words.open, 'open', 'CmdOrCtrl+O'),
      ...openRecentMenu(context, words),
      // No accelerator: Ctrl+Shift+I is the developer tools and Ctrl+I is italic.
      command(words.import, 'import'),
      { type: 'separator' },
      command(words.save, 'save', 'CmdOrCtrl+S'),
      command(words.saveAs, 'save-as', 'CmdOrCtrl+Shift+S'),
      command(words.exportDocx, 'export-docx', 'CmdOrCtrl+E'),
      command(words.savePdf, 'save-pdf', 'CmdOrCtrl+P'),
      command(words.check, 'check', 'F7'),
      { type: 'separator' },
      command(words.versions, 'versions'),
      command(words.compareVersion, 'compare-version'),
      command(words.compareFile, 'compare-file'),
      command(words.newLanguageVersion, 'new-language-version'),
      command(words.sideBySide, 'side-by-side'),
      ...(context.isMac ? [] : [{ type: 'separator' } as const, settings]),
      { type: 'separator' },
      context.isMac ? { role: 'close' } : { ...roleItem('quit', language), accelerator: 'Ctrl+Q' }
    ]
  }

  const edit: MenuItemConstructorOptions = {
    label: words.edit,
    submenu: [
      // The editor keeps its own history; the built-in undo role would bypass it.
      command(words.undo, 'undo', 'CmdOrCtrl+Z'),
      command(words.redo, 'redo', context.isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
      { type: 'separator' },
      roleItem('cut', language),
      roleItem('copy', language),
      roleItem('paste', language),
      roleItem('selectAll', language),
      { type: 'separator' },
      command(words.find, 'find', 'CmdOrCtrl+F')
    ]
  }

  const insert: MenuItemConstructorOptions = {
    label: words.insert,
    submenu: [
      // The same keys as the editor's own keymap, so menu and keys agree.
      command(words.recommendation, 'insert-recommendation', 'CmdOrCtrl+Alt+R'),
      command(words.footnote, 'insert-footnote', 'CmdOrCtrl+Alt+F'),
      command(words.crossReference, 'insert-reference', 'CmdOrCtrl+Alt+X'),
      { type: 'separator' },
      command(words.toggleNumbered, 'toggle-numbered', 'CmdOrCtrl+Alt+N')
    ]
  }

  const view: MenuItemConstructorOptions = {
    label: words.view,
    submenu: [
      ...(context.isDev
        ? [
            { role: 'reload' } as const,
            { role: 'toggleDevTools' } as const,
            { type: 'separator' } as const
          ]
        : []),
      command(words.pageView, 'page-view', 'CmdOrCtrl+Shift+P'),
      { type: 'separator' },
      roleItem('resetZoom', language),
      roleItem('zoomIn', language),
      roleItem('zoomOut', language),
      { type: 'separator' },
      roleItem('togglefullscreen', language)
    ]
  }

  const window: MenuItemConstructorOptions = roleItem('windowMenu', language)

  // Elsewhere About and updates live in Help (on macOS they are in the app menu).
  const help: MenuItemConstructorOptions[] = context.isMac
    ? []
    : [
        {
          label: words.help,
          submenu: [...updates, ...(updates.length ? [{ type: 'separator' } as const] : []), about]
        }
      ]

  return [...appMenu, file, edit, insert, view, window, ...help]
}
