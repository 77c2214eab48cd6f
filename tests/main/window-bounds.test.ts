import { writeFile } from 'node:fs/promises'
import { isVisibleOn, WindowBoundsStore } from '../../src/services/window-bounds'
import { temporaryFolder } from './helpers'

describe('window bounds', () => {
  it('remember the last place and size, and fall back to none when damaged', async () => {
    const folder = await temporaryFolder()
    try {
      const store = new WindowBoundsStore(folder.path)
      expect(await store.load()).toBeNull()
      await store.save({ x: 10, y: 20, width: 900, height: 700, maximized: true })
      expect(await store.load()).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: true })
      await writeFile(store.file, '{"x": "left"}')
      expect(await store.load()).toBeNull()
    } finally {
      await folder.remove()
    }
  })

  it('are used only if the window’s title bar would be on a display', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }]
    const at = (x: number, y: number) => ({ x, y, width: 1000, height: 700, maximized: false })
    expect(isVisibleOn(at(100, 100), displays)).toBe(true)
    // The second monitor it was on is gone.
    expect(isVisibleOn(at(2500, 100), displays)).toBe(false)
    expect(isVisibleOn(at(100, -500), displays)).toBe(false)
    expect(
      isVisibleOn(at(2500, 100), [...displays, { x: 1920, y: 0, width: 1920, height: 1080 }])
    ).toBe(true)
  })
})
