import type { MenuItemConstructorOptions } from 'electron'
import { MENU_COMMANDS, UI_LANGUAGES, type MenuCommand } from '@shared/contract'
import { buildMenuTemplate } from '../../src/main/menu'

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu as MenuItemConstructorOptions[]) : [])
  ])
}

function menu(options: { isMac: boolean; isDev: boolean }) {
  const sent: MenuCommand[] = []
  const items = flatten(
    buildMenuTemplate({ ...options, appName: 'Rapporteur', send: (c) => sent.push(c) })
  )
  for (const item of items) if (item.click) (item.click as () => void)()
  return { items, sent }
}

describe('the application menu', () => {
  it.each([
    { isMac: false, isDev: false },
    { isMac: true, isDev: false }
  ])('offers every menu command once (%o)', (platform) => {
    const { sent } = menu(platform)
    const expected = MENU_COMMANDS.filter((command) => command !== 'save-and-close')
    expect([...sent].sort()).toEqual([...expected].sort())
  })

  it('has Quit in the File menu elsewhere and in the app menu on macOS', () => {
    const windows = buildMenuTemplate({
      isMac: false,
      isDev: false,
      appName: 'R',
      send: () => undefined
    })
    expect(windows[0].label).toBe('&File')
    expect(
      (windows[0].submenu as MenuItemConstructorOptions[]).some((i) => i.role === 'quit')
    ).toBe(true)
    const mac = buildMenuTemplate({
      isMac: true,
      isDev: false,
      appName: 'Rapporteur',
      send: () => undefined
    })
    expect(mac[0].label).toBe('Rapporteur')
    expect((mac[0].submenu as MenuItemConstructorOptions[]).some((i) => i.role === 'quit')).toBe(
      true
    )
  })

  it('offers reload and the developer tools only in development', () => {
    const roles = (isDev: boolean) => menu({ isMac: false, isDev }).items.map((item) => item.role)
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
    expect(roles(false)).not.toContain('reload')
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(false)).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'copy', 'paste'])
    )
  })

  it('uses no accelerator twice', () => {
    for (const isMac of [false, true]) {
      const accelerators = menu({ isMac, isDev: true })
        .items.map((item) => item.accelerator)
        .filter(Boolean)
      expect(new Set(accelerators).size).toBe(accelerators.length)
    }
  })
})

describe('the application menu in the interface language', () => {
  it.each(UI_LANGUAGES)('labels every item in %s, and differently from English', (language) => {
    const template = buildMenuTemplate({
      isMac: false,
      isDev: false,
      appName: 'Rapporteur',
      send: () => undefined,
      language
    })
    // Electron names its role items (Cut, Zoom In, Quit…) in English whatever the language.
    const unlabelled = flatten(template).filter(
      (item) => item.type !== 'separator' && typeof item.label !== 'string'
    )
    expect(unlabelled.map((item) => item.role)).toEqual([])
    const labels = flatten(template)
      .map((item) => item.label)
      .filter((label): label is string => typeof label === 'string')
    expect(labels.length).toBeGreaterThan(15)
    const english = flatten(
      buildMenuTemplate({
        isMac: false,
        isDev: false,
        appName: 'Rapporteur',
        send: () => undefined
      })
    ).map((item) => item.label)
    if (language === 'en') expect(labels).toEqual(english.filter((l) => typeof l === 'string'))
    // A word may be the same in two languages ("Versions…" in French); the menu as a whole is not.
    else expect(labels.filter((label) => english.includes(label)).length).toBeLessThanOrEqual(1)
  })
})
