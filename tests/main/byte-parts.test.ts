import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../../src/services/atomic-write'
import { sameBytes } from '../../src/services/byte-parts'
import { fingerprint } from '../../src/services/fingerprint'
import { nodeFileSystem, type FileSystem } from '../../src/services/fs-layer'
import { temporaryFolder } from './helpers'

let folder: Awaited<ReturnType<typeof temporaryFolder>>
beforeEach(async () => {
  folder = await temporaryFolder()
})
afterEach(() => folder.remove())

const text = 'Rapport « final » — 报告 — تقرير — '.repeat(40)
const whole = Buffer.from(text)
/** `whole` cut at uneven places, an empty piece among them and a character split in two. */
const pieces = [0, 1, 7, 7, 100, 333, 901, whole.byteLength].flatMap((end, index, ends) =>
  index === 0 ? [] : [whole.subarray(ends[index - 1], end)]
)

describe('bytes in pieces', () => {
  it('fingerprint to what the same bytes whole do', () => {
    expect(fingerprint(pieces)).toBe(fingerprint(whole))
    expect(fingerprint(pieces)).toBe(fingerprint(text))
  })

  it('compare equal to the same bytes only', () => {
    expect(sameBytes(whole, pieces)).toBe(true)
    expect(sameBytes(whole, whole)).toBe(true)
    const changed = Buffer.from(whole)
    // A byte changed at a piece's end, then one in the last piece; then one byte short.
    changed[332] ^= 1
    expect(sameBytes(changed, pieces)).toBe(false)
    expect(sameBytes(Buffer.concat([whole.subarray(0, -1), Buffer.from('x')]), pieces)).toBe(false)
    expect(sameBytes(whole.subarray(0, -1), pieces)).toBe(false)
  })

  it.each([
    ['with a gathered write', nodeFileSystem],
    [
      'on a file system whose handles cannot gather',
      {
        ...nodeFileSystem,
        open: async (path: string, flags: string, mode?: number) => {
          const handle = await nodeFileSystem.open(path, flags, mode)
          return {
            writeFile: (data: string | Uint8Array) => handle.writeFile(data),
            sync: () => handle.sync(),
            close: () => handle.close()
          }
        }
      } satisfies FileSystem
    ]
  ])('are written atomically as the file they join to, %s', async (_name, fs) => {
    const path = join(folder.path, 'pieces.rapporteur')
    await writeFileAtomic(path, pieces, fs)
    expect(Buffer.compare(await readFile(path), whole)).toBe(0)
  })
})
