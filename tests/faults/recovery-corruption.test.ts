import fc from 'fast-check'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { RecoveryWrite } from '../../src/shared/contract'
import { reportFromJSON, reportToJSON, serializeReport } from '../../src/core/report-file'
import { newReport } from '../../src/core/template'
import { RecoveryStore } from '../../src/services/recovery-store'
import { applyMutation, mutation } from '../fuzz/support/mutate'
import type { JsonObject } from '../fuzz/support/arbitraries'

/**
 * The recovery store survives its own corruption: one entry is damaged on
 * disk (bits flipped, cut short, its JSON mutated) next to a sound one.
 * Listing never fails; the sound entry is always listed and restorable; the
 * damaged one is either still sound (then listed and restorable under the id
 * it shows) or reported as a problem and set aside, so it never blocks a
 * start, and nothing listed is an entry the user could not restore.
 */

const SOUND: RecoveryWrite = {
  documentId: 'sound-document',
  path: null,
  title: 'Sound draft',
  report: reportToJSON(newReport('en')) as RecoveryWrite['report']
}
const VICTIM: RecoveryWrite = {
  documentId: 'victim-document',
  path: null,
  title: 'Damaged draft',
  report: reportToJSON(newReport('fr')) as RecoveryWrite['report']
}

let root: string
let caseNumber = 0

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'rapporteur-recovery-fuzz-'))
})

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

/** A store holding the sound entry and the victim, with the victim's file replaced by `damage`. */
async function damagedStore(damage: (text: string) => string): Promise<RecoveryStore> {
  const folder = join(root, `case-${++caseNumber}`)
  const store = new RecoveryStore({ folder })
  await store.write(SOUND)
  await store.write(VICTIM)
  const file = store.entryFile(VICTIM.documentId)
  await writeFile(file, damage(await readFile(file, 'utf8')))
  return store
}

async function checkSurvives(store: RecoveryStore): Promise<void> {
  const listing = await store.list()
  const ids = listing.entries.map((entry) => entry.documentId)
  expect(ids).toContain(SOUND.documentId)
  const sound = await store.restore(SOUND.documentId)
  expect(serializeReport(sound.report)).toBe(serializeReport(reportFromJSON(SOUND.report)))
  // Whatever is listed can be restored and discarded: no entry haunts every start.
  for (const entry of listing.entries) {
    await expect(store.restore(entry.documentId)).resolves.toBeDefined()
  }
  for (const problem of listing.problems)
    expect(problem.message).toMatch(/damaged|another document/)
  if (listing.entries.length + listing.problems.length < 2)
    throw new Error('the damaged entry vanished without being reported')
  // A second start sees the same sound entries and no problem again (the damaged one was set aside).
  const again = await store.list()
  expect(again.problems).toEqual([])
  expect(again.entries.map((entry) => entry.documentId).sort()).toEqual(ids.sort())
  for (const entry of listing.entries) await store.clear(entry.documentId)
  const names = await readdir(dirname(store.entryFile(SOUND.documentId)))
  expect(names.filter((name) => name.endsWith('.json'))).toEqual([])
}

describe('the recovery store with a damaged entry', () => {
  it('survives bits flipped on disk', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 7 })),
          {
            minLength: 1,
            maxLength: 4
          }
        ),
        async (flips) => {
          const store = await damagedStore((text) => {
            const bytes = new TextEncoder().encode(text)
            for (const [where, bit] of flips)
              bytes[Math.min(Math.floor(where * bytes.length), bytes.length - 1)] ^= 1 << bit
            return new TextDecoder().decode(bytes)
          })
          await checkSurvives(store)
        }
      ),
      { numRuns: 150 }
    )
  }, 300_000)

  it('survives an entry cut short', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 1, noNaN: true }), async (where) => {
        const store = await damagedStore((text) =>
          text.slice(0, Math.floor(where * (text.length - 1)))
        )
        await checkSurvives(store)
      }),
      { numRuns: 100 }
    )
  }, 300_000)

  it('survives its JSON changed in any place', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 2 }), async (mutations) => {
        const store = await damagedStore((text) => {
          const json = JSON.parse(text) as JsonObject
          for (const m of mutations) applyMutation(json, m)
          return JSON.stringify(json)
        })
        await checkSurvives(store)
      }),
      { numRuns: 250 }
    )
  }, 300_000)

  it('sets aside an entry whose id no longer matches its file, instead of listing it forever', async () => {
    const store = await damagedStore((text) =>
      text.replace('"victim-document"', '"victim-documenu"')
    )
    const listing = await store.list()
    expect(listing.entries.map((entry) => entry.documentId)).toEqual([SOUND.documentId])
    expect(listing.problems.map((problem) => problem.message)).toEqual([
      'the recovered copy is damaged (it names another document)'
    ])
    expect((await store.list()).problems).toEqual([])
  })
})
