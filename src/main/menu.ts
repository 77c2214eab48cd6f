import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '@shared/contract'

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
  /** Opens another report window. */
  newWindow?(): void
  /** Shows the About box. */
  about?(): void
  /** Looks for an update on the office's feed. */
  checkForUpdates?(): void
}

/** The menu template for `Menu.buildFromTemplate`. */
export function buildMenuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const command = (
    label: string,
    name: MenuCommand,
    accelerator?: string
  ): MenuItemConstructorOptions => ({ label, accelerator, click: () => context.send(name) })
  const settings = command('Settings…', 'settings', 'CmdOrCtrl+,')
  const about: MenuItemConstructorOptions = context.about
    ? { label: `About ${context.appName}`, click: () => context.about?.() }
    : { role: 'about' }
  const updates: MenuItemConstructorOptions[] = context.checkForUpdates
    ? [{ label: 'Check for Updates…', click: () => context.checkForUpdates?.() }]
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
    label: '&File',
    submenu: [
      command('New', 'new', 'CmdOrCtrl+N'),
      ...(context.newWindow
        ? [
            {
              label: 'New Window',
              accelerator: 'CmdOrCtrl+Shift+N',
              click: () => context.newWindow?.()
            }
          ]
        : []),
      command('Open…', 'open', 'CmdOrCtrl+O'),
      // No accelerator: Ctrl+Shift+I is the developer tools and Ctrl+I is italic.
      command('Import…', 'import'),
      { type: 'separator' },
      command('Save', 'save', 'CmdOrCtrl+S'),
      command('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
      command('Export to Word…', 'export-docx', 'CmdOrCtrl+E'),
      { type: 'separator' },
      command('Versions…', 'versions'),
      ...(context.isMac ? [] : [{ type: 'separator' } as const, settings]),
      { type: 'separator' },
      context.isMac ? { role: 'close' } : { role: 'quit', accelerator: 'Ctrl+Q' }
    ]
  }

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      // The editor keeps its own history; the built-in undo role would bypass it.
      command('Undo', 'undo', 'CmdOrCtrl+Z'),
      command('Redo', 'redo', context.isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('Find…', 'find', 'CmdOrCtrl+F')
    ]
  }

  const insert: MenuItemConstructorOptions = {
    label: '&Insert',
    submenu: [
      // The same keys as the editor's own keymap, so menu and keys agree.
      command('Recommendation', 'insert-recommendation', 'CmdOrCtrl+Alt+R'),
      command('Footnote', 'insert-footnote', 'CmdOrCtrl+Alt+F'),
      command('Cross-reference…', 'insert-reference', 'CmdOrCtrl+Alt+X'),
      { type: 'separator' },
      command('Toggle Numbered Paragraph', 'toggle-numbered', 'CmdOrCtrl+Alt+N')
    ]
  }

  const view: MenuItemConstructorOptions = {
    label: '&View',
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
          label: '&Help',
          submenu: [...updates, ...(updates.length ? [{ type: 'separator' } as const] : []), about]
        }
      ]

  return [...appMenu, file, edit, insert, view, window, ...help]
}
