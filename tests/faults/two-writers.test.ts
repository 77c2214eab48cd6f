import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseReport, serializeReport } from '../../src/core/report-file'
import { fingerprint } from '../../src/services/fingerprint'
import { bundleChild } from './support/bundle'
import { onLines } from './support/child-lines'
import { baseReport, generationOf, reportForGeneration } from './support/generations'

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

interface Rival {
  saves: Array<{ from: string; to: string }>
  conflicts: number
  errors: string[]
  code: number | null
  stderr: string
}

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
      let ready = 0
      const rivals = await Promise.all(
        children.map(
          (child) =>
            new Promise<Rival>((done, fail) => {
              const rival: Rival = { saves: [], conflicts: 0, errors: [], code: null, stderr: '' }
              onLines(child.stdout, ([word, ...rest]) => {
                if (word === 'ready' && ++ready === children.length)
                  for (const each of children) each.stdin.write('go\n')
                else if (word === 'S') rival.saves.push({ from: rest[0], to: rest[1] })
                else if (word === 'X') rival.conflicts++
                else if (word === 'E') rival.errors.push(rest.join(' '))
              })
              child.stderr.setEncoding('utf8')
              child.stderr.on('data', (chunk: string) => (rival.stderr += chunk))
              child.on('error', fail)
              child.on('close', (code) => {
                rival.code = code
                done(rival)
              })
            })
        )
      )
      for (const rival of rivals) expect(rival.code, rival.stderr).toBe(0)

      const saves = rivals.flatMap((rival) => rival.saves)
      // No two successful saves started from the same file: that would be a lost update.
      const bases = saves.map((save) => save.from)
      expect(new Set(bases).size, 'two saves were made on top of the same file').toBe(bases.length)
      // Following the links from the original reaches the file on disk through every save.
      const next = new Map(saves.map((save) => [save.from, save.to]))
      let version = fingerprint(original)
      let links = 0
      while (next.has(version)) {
        version = next.get(version) as string
        links++
      }
      expect(links).toBe(saves.length)
      const onDisk = await readFile(file, 'utf8')
      expect(fingerprint(onDisk)).toBe(version)
      generationOf(parseReport(onDisk))

      const conflicts = rivals.reduce((sum, rival) => sum + rival.conflicts, 0)
      const errors = rivals.flatMap((rival) => rival.errors)
      console.info(
        `Two writers: ${saves.length} saves succeeded in one chain, ${conflicts} were stopped as conflicts, ` +
          `${errors.length} failed with a message${errors.length ? ` (${errors[0]})` : ''}.`
      )
      // They really raced: both saved, and at least one was stopped by the other's save.
      expect(rivals.every((rival) => rival.saves.length > 0)).toBe(true)
      expect(conflicts).toBeGreaterThan(0)
      expect(saves.length + conflicts + errors.length).toBe(SAVES_EACH * 2)
    },
    300_000
  )
})
