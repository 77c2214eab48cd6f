import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { APP_LICENCE, aboutText } from '../../src/main/about'
import { buildMenuTemplate } from '../../src/main/menu'
import type { MenuItemConstructorOptions } from 'electron'

vi.mock('electron', () => import('./electron-stand-in'))

/** The About box names the version, licence and runtime versions; the menu reaches it. */

describe('About Rapporteur', () => {
  it('shows the app version, the licence of package.json and the runtime versions', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
      license: string
    }
    expect(APP_LICENCE).toBe(manifest.license)
    const text = aboutText({
      version: '1.2.3',
      versions: { electron: '45.5.0', chrome: '142.0.7444.59', node: '22.20.0', v8: '14.2' }
    })
    expect(text.message).toBe('Rapporteur 1.2.3')
    expect(text.detail).toContain(`Licence: ${manifest.license}`)
    expect(text.detail).toContain('Electron 45.5.0')
    expect(text.detail).toContain('Chromium 142.0.7444.59')
    expect(text.detail).toContain('Node.js 22.20.0')
  })

  it.each([false, true])(
    'is in the menu with New Window and Check for Updates (macOS: %s)',
    (isMac) => {
      const clicked: string[] = []
      const template = buildMenuTemplate({
        send: () => undefined,
        isDev: false,
        isMac,
        appName: 'Rapporteur',
        newWindow: () => clicked.push('new-window'),
        about: () => clicked.push('about'),
        checkForUpdates: () => clicked.push('updates')
      })
      const items = template.flatMap((menu) => (menu.submenu as MenuItemConstructorOptions[]) ?? [])
      const click = (label: string) => {
        const item = items.find((candidate) => candidate.label === label)
        expect(item, label).toBeDefined()
        ;(item!.click as () => void)()
      }
      click('New Window')
      click('About Rapporteur')
      click('Check for Updates…')
      expect(clicked).toEqual(['new-window', 'about', 'updates'])
    }
  )
})
