import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { expect } from 'vitest'
import { parseReport } from '../../../src/core/report-file'
import { fingerprint } from '../../../src/services/fingerprint'
import { onLines } from './child-lines'
import { generationOf } from './generations'

/**
 * What the tests of concurrent saves share: collecting what each rival
 * writer process announces, and checking that the successful saves of all
 * of them form one chain (no lost update).
 */

/** What one rival writer announced. */
export interface Rival {
  saves: Array<{ from: string; to: string }>
  conflicts: number
  errors: string[]
  code: number | null
  stderr: string
}

/**
 * Collects the announcements of rival writer processes (`ready`, `S <from> <to>`,
 * `X`, `E <message>`), tells them all `go` once every one is ready, and resolves
 * when they have all exited.
 */
export function runRivals(children: ChildProcessWithoutNullStreams[]): Promise<Rival[]> {
  let ready = 0
  return Promise.all(
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
}

/**
 * Checks that the successful saves form ONE line from `original` to `onDisk`,
 * each starting from the previous one's result: two saves made on top of the
 * same file would be a lost update.
 */
export function expectOneChain(saves: Rival['saves'], original: string, onDisk: string): void {
  const bases = saves.map((save) => save.from)
  expect(new Set(bases).size, 'two saves were made on top of the same file').toBe(bases.length)
  const next = new Map(saves.map((save) => [save.from, save.to]))
  let version = fingerprint(original)
  let links = 0
  while (next.has(version)) {
    version = next.get(version) as string
    links++
  }
  expect(links).toBe(saves.length)
  expect(fingerprint(onDisk)).toBe(version)
}

/**
 * Checks a finished race of `attempts` saves over `file`: every rival exited
 * cleanly, the successful saves form one chain ending in a whole report on
 * disk, every attempt is accounted for, and every rival saved at least once.
 * Prints the figures under `label`; returns how many saves were conflicts.
 */
export async function expectCleanRace(
  rivals: Rival[],
  file: string,
  original: string,
  attempts: number,
  label: string
): Promise<{ conflicts: number; errors: string[] }> {
  for (const rival of rivals) expect(rival.code, rival.stderr).toBe(0)
  const saves = rivals.flatMap((rival) => rival.saves)
  const onDisk = await readFile(file, 'utf8')
  expectOneChain(saves, original, onDisk)
  generationOf(parseReport(onDisk))
  const conflicts = rivals.reduce((sum, rival) => sum + rival.conflicts, 0)
  const errors = rivals.flatMap((rival) => rival.errors)
  console.info(
    `${label}: ${saves.length} saves succeeded in one chain, ${conflicts} were stopped as conflicts, ` +
      `${errors.length} failed with a message${errors.length ? ` (${errors[0]})` : ''}.`
  )
  expect(rivals.every((rival) => rival.saves.length > 0)).toBe(true)
  expect(saves.length + conflicts + errors.length).toBe(attempts)
  return { conflicts, errors }
}
