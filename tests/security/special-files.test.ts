import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { newReport } from '../../src/core/template'
import { FileLocks } from '../../src/services/file-lock'
import { FileStore } from '../../src/services/file-store'

/**
 * Paths that name something other than an ordinary file — a pipe, a
 * character device, a folder — are refused by the services with a message,
 * never read: a FIFO claims size 0 and a read waits forever; /dev/zero never
 * ends and fills memory.
 */

let folder: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'rapporteur-special-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

function store(): FileStore {
  return new FileStore({ locks: new FileLocks({ folder: join(folder, 'locks') }) })
}

/** One special path of each kind, made fresh in the test folder where it has to be. */
function specialPath(kind: 'fifo' | 'zero' | 'null' | 'folder', name: string): string {
  if (kind === 'zero') return '/dev/zero'
  if (kind === 'null') return '/dev/null'
  const path = join(folder, name)
  execFileSync(kind === 'fifo' ? 'mkfifo' : 'mkdir', [path])
  return path
}

const KINDS = fc.constantFrom('fifo' as const, 'zero' as const, 'null' as const, 'folder' as const)
let counter = 0

describe('special files', () => {
  it('are refused by Open with a message, at once', async () => {
    await fc.assert(
      fc.asyncProperty(KINDS, async (kind) => {
        const path = specialPath(kind, `open-${counter++}.rapporteur`)
        await expect(store().open(path)).rejects.toThrow(
          kind === 'folder' ? /it is a folder, not a file/ : /not an ordinary file/
        )
      }),
      { numRuns: 12 }
    )
  })

  it('are never read or replaced by Save, which says why', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('fifo' as const, 'folder' as const), async (kind) => {
        const path = specialPath(kind, `save-${counter++}.rapporteur`)
        const result = await store().save(path, newReport('en'), { expectedVersion: null })
        expect(result.ok).toBe(false)
      }),
      { numRuns: 6 }
    )
  })
})
