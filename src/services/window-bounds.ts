import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from './atomic-write'
import { nodeFileSystem, type FileSystem } from './fs-layer'

/**
 * Where the report window was and how big, so the next start puts it back
 * (`<userData>/window-state.json`). A missing or damaged file means "the
 * default size, centred"; it never stops the app starting.
 */

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean()
})

/** The window's place and size. */
export type WindowBounds = z.infer<typeof boundsSchema>

/** A screen area (a display's work area). */
export interface Area {
  x: number
  y: number
  width: number
  height: number
}

/** Reads and writes the window's last bounds. */
export class WindowBoundsStore {
  private readonly fs: FileSystem

  constructor(
    private readonly folder: string,
    fs?: FileSystem
  ) {
    this.fs = fs ?? nodeFileSystem
  }

  /** The file the bounds live in. */
  get file(): string {
    return join(this.folder, 'window-state.json')
  }

  /** The saved bounds, or null if there are none or they are damaged. */
  async load(): Promise<WindowBounds | null> {
    try {
      const parsed = boundsSchema.safeParse(
        JSON.parse((await this.fs.readFile(this.file)).toString('utf8'))
      )
      return parsed.success ? parsed.data : null
    } catch {
      return null
    }
  }

  /** Saves the bounds (failures are ignored: losing the window size is no reason for an error). */
  async save(bounds: WindowBounds): Promise<void> {
    try {
      await this.fs.mkdir(this.folder, { recursive: true })
      await writeFileAtomic(this.file, JSON.stringify(bounds), this.fs)
    } catch {
      // Nothing to tell the user: the next start simply uses the default size.
    }
  }
}

/**
 * Whether saved bounds are still usable: enough of the window's top (where it
 * is dragged) lies on one of the displays, which may have changed since.
 */
export function isVisibleOn(bounds: WindowBounds, displays: readonly Area[]): boolean {
  const grip = { x: bounds.x, y: bounds.y, width: bounds.width, height: 40 }
  return displays.some((display) => {
    const width =
      Math.min(grip.x + grip.width, display.x + display.width) - Math.max(grip.x, display.x)
    const height =
      Math.min(grip.y + grip.height, display.y + display.height) - Math.max(grip.y, display.y)
    return width >= 100 && height >= 20
  })
}
