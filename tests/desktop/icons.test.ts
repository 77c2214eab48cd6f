import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  allIconFiles,
  ICNS_ENTRIES,
  ICO_SIZES,
  ICON_TARGETS,
  LINUX_SIZES,
  WINDOW_ICON
} from '../../scripts/icons'

/**
 * The icon set in resources/ is complete for every installer (.icns for
 * macOS, .ico for Windows, the PNG set for Linux, for the app and for the
 * .rapporteur document) and is what `npm run icons` makes from the SVG sources.
 */

const root = join(__dirname, '../..')

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(bytes)
  expect(view.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) }
}

/** The images of an .ico file: their declared and real (PNG) sizes. */
function icoEntries(bytes: Buffer): Array<{ declared: number; actual: number }> {
  expect(bytes.readUInt16LE(2)).toBe(1) // type 1: icon
  const count = bytes.readUInt16LE(4)
  return Array.from({ length: count }, (_, index) => {
    const entry = 6 + index * 16
    const declared = bytes[entry] || 256
    const size = bytes.readUInt32LE(entry + 8)
    const offset = bytes.readUInt32LE(entry + 12)
    const { width, height } = pngSize(bytes.subarray(offset, offset + size))
    expect(width).toBe(height)
    return { declared, actual: width }
  })
}

/** Apple's sizes for the .icns types that store ARGB instead of PNG. */
const ARGB_TYPE_SIZES: Record<string, number> = { ic04: 16, ic05: 32 }

/** The image chunks of an .icns file: type code and PNG size. */
function icnsEntries(bytes: Buffer): Map<string, number> {
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('icns')
  expect(bytes.readUInt32BE(4)).toBe(bytes.length)
  const entries = new Map<string, number>()
  for (let offset = 8; offset < bytes.length;) {
    const type = bytes.subarray(offset, offset + 4).toString('latin1')
    const length = bytes.readUInt32BE(offset + 4)
    const data = bytes.subarray(offset + 8, offset + length)
    // The two smallest types hold RLE-packed ARGB, whose size the type code itself fixes.
    if (type !== 'TOC ')
      entries.set(
        type,
        data.subarray(0, 4).toString('latin1') === 'ARGB'
          ? ARGB_TYPE_SIZES[type]
          : pngSize(data).width
      )
    offset += length
  }
  return entries
}

describe('the icon set', () => {
  it.each(Object.entries(ICON_TARGETS))('%s: .ico holds every Windows size', async (_, target) => {
    const entries = icoEntries(await readFile(join(root, target.ico)))
    expect(entries.map((entry) => entry.actual)).toEqual([...ICO_SIZES])
    for (const entry of entries) expect(entry.declared).toBe(entry.actual)
  })

  it.each(Object.entries(ICON_TARGETS))('%s: .icns holds every macOS size', async (_, target) => {
    const entries = icnsEntries(await readFile(join(root, target.icns)))
    expect(Object.fromEntries(entries)).toEqual(Object.fromEntries(ICNS_ENTRIES))
  })

  it('the Linux PNG set and the window icon have every size', async () => {
    const folder = ICON_TARGETS.app.pngFolder!
    for (const size of LINUX_SIZES) {
      const png = await readFile(join(root, folder, `${size}x${size}.png`))
      expect(pngSize(png)).toEqual({ width: size, height: size })
    }
    expect(pngSize(await readFile(join(root, WINDOW_ICON)))).toEqual({ width: 512, height: 512 })
  })

  it('is exactly what `npm run icons` makes from the SVG sources', async () => {
    const made = await allIconFiles(root)
    expect(made.size).toBe(LINUX_SIZES.length + 2 * 2 + 1)
    for (const [path, bytes] of made)
      expect(Buffer.compare(await readFile(join(root, path)), Buffer.from(bytes)), path).toBe(0)
  }, 90_000)
})
