import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { removeLeftoverTemporaries, stageWrite } from '../../src/services/atomic-write'
import { fileSystemWithHandles, temporaryFolder } from './helpers'

let folder: Awaited<ReturnType<typeof temporaryFolder>>
beforeEach(async () => {
  folder = await temporaryFolder()
})
afterEach(() => folder.remove())

describe('a staged write', () => {
  it('replaces nothing until committed, and once discarded leaves the folder as it was', async () => {
    const path = join(folder.path, 'r.rapporteur')
    await writeFile(path, 'old')
    const dropped = stageWrite(path, Buffer.from('dropped'))
    await dropped.written
    expect(await readFile(path, 'utf8')).toBe('old')
    expect(await readdir(folder.path)).toContain(dropped.temporary.slice(folder.path.length + 1))
    await dropped.discard()
    expect(await readdir(folder.path)).toEqual(['r.rapporteur'])

    const kept = stageWrite(path, [Buffer.from('n'), Buffer.from('ew')])
    await kept.commit()
    await kept.discard()
    expect(await readFile(path, 'utf8')).toBe('new')
    expect(await readdir(folder.path)).toEqual(['r.rapporteur'])
  })

  it('says when its fsync has begun, before the fsync has returned', async () => {
    const path = join(folder.path, 'r.rapporteur')
    let releaseSync!: () => void
    const syncHeld = new Promise<void>((resolve) => (releaseSync = resolve))
    let syncCalled = false
    const fs = fileSystemWithHandles((handle) => ({
      sync: async () => {
        syncCalled = true
        await syncHeld
        return handle.sync()
      }
    }))
    const staged = stageWrite(path, [Buffer.from('new')], fs)
    let written = false
    void staged.written.then(() => (written = true))
    await staged.syncing
    expect(syncCalled).toBe(true)
    expect(written).toBe(false)
    releaseSync()
    await staged.commit()
    expect(await readFile(path, 'utf8')).toBe('new')
  })

  it('is not taken for a leftover by the tidying that runs beside it', async () => {
    const path = join(folder.path, 'r.rapporteur')
    await writeFile(path, 'old')
    const leftover = join(folder.path, '.r.rapporteur.0123456789ab.tmp')
    await writeFile(leftover, 'left by a save killed midway')
    const staged = stageWrite(path, Buffer.from('new'))
    await staged.written
    expect(await removeLeftoverTemporaries(path, undefined, staged.temporary)).toBe(1)
    await staged.commit()
    expect(await readFile(path, 'utf8')).toBe('new')
    expect(await readdir(folder.path)).toEqual(['r.rapporteur'])
  })
})
