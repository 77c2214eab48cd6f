import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { serializeReport } from '../../src/core/report-file'
import { bundleChild } from './support/bundle'
import { baseReport, reportForGeneration } from './support/generations'
import { expectCleanRace, runRivals } from './support/rivals'

/**
 * Two app instances save the same report at the same moment, many times
 * over. Neither may silently overwrite the other: every save that succeeds
 * must have been made on top of the very file it replaced. Written as a
 * chain, the successful saves of both processes must form ONE line from the
 * original file to the file on disk, each link starting from the previous
 * one's result; two saves on the same base would be a lost update.
 */

const ROOT = resolve(__dirname, '../..')
const SAVES_EACH = 40

let folder: string
let childScript: string

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rapporteur-rivals-'))
  childScript = await bundleChild(join(__dirname, 'support/rival-writer.ts'), folder)
})

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true })
})

describe('two app instances saving the same report at once', () => {
  it.each([
    ['one user’s two instances (one user-data folder)', true],
    ['two colleagues on a shared folder (each their own user data)', false]
  ])(
    '%s never overwrite each other silently',
    async (_who, sharedUserData) => {
      const run = join(folder, sharedUserData ? 'shared' : 'separate')
      await mkdir(run)
      const file = join(run, 'docs', 'report.rapporteur')
      const basePath = join(run, 'base.rapporteur')
      const base = baseReport()
      await writeFile(basePath, serializeReport(base))
      await mkdir(join(run, 'docs'))
      const original = serializeReport(reportForGeneration(base, 0))
      await writeFile(file, original)

      const children = [0, 1].map((parity) =>
        spawn(
          process.execPath,
          [
            childScript,
            file,
            join(run, sharedUserData ? 'user-data' : `user-data-${parity}`),
            basePath,
            String(parity),
            String(SAVES_EACH)
          ],
          { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] }
        )
      )
      const rivals = await runRivals(children)
      const { conflicts } = await expectCleanRace(
        rivals,
        file,
        original,
        SAVES_EACH * 2,
        'Two writers'
      )
      // They really raced: at least one save was stopped by the other's.
      expect(conflicts).toBeGreaterThan(0)
    },
    300_000
  )
})
