import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand, UiLanguage } from '@shared/contract'
import { MENU_LABELS } from './menu-labels'

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
}

/** The menu template for `Menu.buildFromTemplate`. */
export function buildMenuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const words = MENU_LABELS[context.language ?? 'en']
  const command = (
    label: string,
    name: MenuCommand,
    accelerator?: string
  ): MenuItemConstructorOptions => ({ label, accelerator, click: () => context.send(name) })
  const settings = command(words.settings, 'settings', 'CmdOrCtrl+,')
  const about: MenuItemConstructorOptions = context.about
    ? { label: words.about(context.appName), click: () => context.about?.() }
    : { role: 'about' }
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
      // No accelerator: Ctrl+Shift+I is the developer tools and Ctrl+I is italic.
      command(words.import, 'import'),
      { type: 'separator' },
      command(words.save, 'save', 'CmdOrCtrl+S'),
      command(words.saveAs, 'save-as', 'CmdOrCtrl+Shift+S'),
      command(words.exportDocx, 'export-docx', 'CmdOrCtrl+E'),
      command(words.check, 'check', 'F7'),
      { type: 'separator' },
      command(words.versions, 'versions'),
      command(words.newLanguageVersion, 'new-language-version'),
      command(words.sideBySide, 'side-by-side'),
      ...(context.isMac ? [] : [{ type: 'separator' } as const, settings]),
      { type: 'separator' },
      context.isMac ? { role: 'close' } : { role: 'quit', accelerator: 'Ctrl+Q' }
    ]
  }

  const edit: MenuItemConstructorOptions = {
    label: words.edit,
    submenu: [
      // The editor keeps its own history; the built-in undo role would bypass it.
      command(words.undo, 'undo', 'CmdOrCtrl+Z'),
      command(words.redo, 'redo', context.isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
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
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' }
    ]
  }

  const window: MenuItemConstructorOptions = { role: 'windowMenu' }

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
