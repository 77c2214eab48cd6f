import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import { IconIcns, IconIco } from '@shockpkg/icon-encoder'

/**
 * `npm run icons`: every icon file the installers need, rasterised from the
 * two vector sources in `resources/` (the app and the .rapporteur document)
 * with resvg, then packed into .icns (macOS) and .ico (Windows) with
 * @shockpkg/icon-encoder; Linux takes the PNG set. The outputs are committed,
 * so packaging needs neither tool; `tests/desktop/icons.test.ts` checks they
 * are complete and still match their sources.
 */

/** The Linux set (hicolor sizes electron-builder installs). */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const

/** The .ico entries: Windows' shell sizes at 100–250 % scaling; 256 is required by NSIS. */
export const ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 256] as const

/** The .icns entries (type code and pixel size), as `iconutil` writes a full set. */
export const ICNS_ENTRIES = [
  ['ic04', 16],
  ['ic05', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024]
] as const

/** One icon: its vector source and the files made from it (paths relative to the project). */
export interface IconTarget {
  source: string
  icns: string
  ico: string
  /** Folder of `NxN.png` files, for the targets that take a PNG set. */
  pngFolder?: string
}

/** The app's icon and the .rapporteur document icon. */
export const ICON_TARGETS: Record<'app' | 'document', IconTarget> = {
  app: {
    source: 'resources/icon.svg',
    icns: 'resources/icon.icns',
    ico: 'resources/icon.ico',
    pngFolder: 'resources/icons'
  },
  document: {
    source: 'resources/document.svg',
    icns: 'resources/document.icns',
    ico: 'resources/document.ico'
  }
}

/** The window icon the app loads at run time (Linux shows it; it is the 512 px rendering). */
export const WINDOW_ICON = 'resources/icon.png'

/** Renders an SVG at `size` × `size` pixels as PNG bytes. */
export function renderPng(svg: Buffer | string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' })
    .render()
    .asPng()
}

/** Every file of one icon target, as bytes keyed by path relative to the project. */
export async function iconFiles(target: IconTarget, svg: Buffer): Promise<Map<string, Uint8Array>> {
  const cache = new Map<number, Buffer>()
  const png = (size: number): Buffer => {
    if (!cache.has(size)) cache.set(size, renderPng(svg, size))
    return cache.get(size)!
  }
  const files = new Map<string, Uint8Array>()
  if (target.pngFolder)
    for (const size of LINUX_SIZES)
      files.set(join(target.pngFolder, `${size}x${size}.png`), png(size))
  const ico = new IconIco()
  // PNG entries throughout (raw): Windows Vista and later read them, and they stay small.
  for (const size of ICO_SIZES) await ico.addFromPng(png(size), true, true)
  files.set(target.ico, ico.encode())
  const icns = new IconIcns()
  icns.toc = true
  for (const [type, size] of ICNS_ENTRIES) await icns.addFromPng(png(size), [type], true)
  files.set(target.icns, icns.encode())
  return files
}

/** Every icon file of the project, keyed by path relative to `root`. */
export async function allIconFiles(root: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>()
  for (const target of Object.values(ICON_TARGETS)) {
    const svg = await readFile(join(root, target.source))
    for (const [path, bytes] of await iconFiles(target, svg)) files.set(path, bytes)
  }
  files.set(WINDOW_ICON, renderPng(await readFile(join(root, ICON_TARGETS.app.source)), 512))
  return files
}

async function main(): Promise<void> {
  const root = join(__dirname, '..')
  for (const [path, bytes] of await allIconFiles(root)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), bytes)
    console.log(`${path} (${bytes.byteLength} bytes)`)
  }
}

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
