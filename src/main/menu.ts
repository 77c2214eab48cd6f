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
}

/** The menu template for `Menu.buildFromTemplate`. */
export function buildMenuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const command = (
    label: string,
    name: MenuCommand,
    accelerator?: string
  ): MenuItemConstructorOptions => ({ label, accelerator, click: () => context.send(name) })
  const settings = command('Settings…', 'settings', 'CmdOrCtrl+,')

  const appMenu: MenuItemConstructorOptions[] = context.isMac
    ? [
        {
          label: context.appName,
          submenu: [
            { role: 'about' },
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
      command('Open…', 'open', 'CmdOrCtrl+O'),
      // No accelerator: Ctrl+Shift+I is the developer tools and Ctrl+I is italic.
      command('Import…', 'import'),
      { type: 'separator' },
      command('Save', 'save', 'CmdOrCtrl+S'),
      command('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
      command('Export to Word…', 'export-docx', 'CmdOrCtrl+E'),
      command('Check Before Circulating…', 'check', 'F7'),
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

  return [...appMenu, file, edit, insert, view, window]
}
