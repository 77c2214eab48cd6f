import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../../src/services/atomic-write'
import fc from 'fast-check'
import { WRITE_RUN_BYTES, sameBytes, writeRuns } from '../../src/services/byte-parts'
import { fingerprint } from '../../src/services/fingerprint'
import { nodeFileSystem } from '../../src/services/fs-layer'
import { fileSystemWithHandles, temporaryFolder } from './helpers'

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
      fileSystemWithHandles(() => ({ writev: undefined }))
    ]
  ])('are written atomically as the file they join to, %s', async (_name, fs) => {
    const path = join(folder.path, 'pieces.rapporteur')
    await writeFileAtomic(path, pieces, fs)
    expect(Buffer.compare(await readFile(path), whole)).toBe(0)
  })

  it('regroup into runs of at most the limit, in order, cut only where a run is full and never copied', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 16 }),
        (sizes, limit) => {
          let next = 0
          const parts = sizes.map((size) =>
            Buffer.from(Array.from({ length: size }, () => next++ % 251))
          )
          const runs = writeRuns(parts, limit)
          const total = next
          expect(Buffer.concat(runs.flat())).toEqual(Buffer.concat(parts))
          const lengths = runs.map((run) => run.reduce((sum, piece) => sum + piece.byteLength, 0))
          // Every run full but the last, which holds what is left.
          expect(lengths.slice(0, -1).every((length) => length === limit)).toBe(true)
          expect(lengths.length).toBe(Math.ceil(total / limit))
          // Views of the parts' own memory.
          for (const piece of runs.flat())
            expect(parts.some((part) => part.buffer === piece.buffer && piece.byteLength > 0)).toBe(
              true
            )
        }
      )
    )
  })

  it('are written in runs of 512 KiB, one gathered write each', async () => {
    const big = Buffer.alloc(WRITE_RUN_BYTES * 2 + 1000, 'r')
    const parts = [
      big.subarray(0, 10),
      big.subarray(10, WRITE_RUN_BYTES + 7),
      big.subarray(WRITE_RUN_BYTES + 7)
    ]
    const writes: number[] = []
    const fs = fileSystemWithHandles((handle) => ({
      writev: (buffers) => {
        writes.push(buffers.reduce((sum, piece) => sum + piece.byteLength, 0))
        return handle.writev!(buffers)
      }
    }))
    const path = join(folder.path, 'big.rapporteur')
    await writeFileAtomic(path, parts, fs)
    expect(writes).toEqual([WRITE_RUN_BYTES, WRITE_RUN_BYTES, 1000])
    expect(Buffer.compare(await readFile(path), big)).toBe(0)
  })
})
