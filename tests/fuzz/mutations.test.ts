import fc from 'fast-check'
import { checkLoad, fuzzCounter } from './support/oracle'
import { seedFiles, validReportJson, type JsonObject } from './support/arbitraries'
import { applyMutation, mutation } from './support/mutate'
import { FUZZ_BUDGET, FUZZ_TIMEOUT_MS } from './support/budget'

/**
 * Real files damaged in their structure: a value replaced by random JSON or
 * a wrong type, keys deleted or repeated, `__proto__` keys, huge strings,
 * node and mark types renamed, content nested hundreds deep, hostile
 * attributes and marks. Every case loads soundly or is refused clearly.
 */

const SEEDS = seedFiles()
const seedText = SEEDS.map((seed) => JSON.stringify(seed))
const base = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.nat(SEEDS.length - 1).map((i) => JSON.parse(seedText[i]) as JsonObject)
  },
  { weight: 1, arbitrary: validReportJson as fc.Arbitrary<JsonObject> }
)

const outcomes = { loaded: 0, refused: 0 }

afterAll(() => {
  expect(fuzzCounter.cases).toBeGreaterThanOrEqual(FUZZ_BUDGET.mutations)
  // Both outcomes must occur, or the mutations are too gentle (or too brutal) to test anything.
  expect(outcomes.loaded).toBeGreaterThan(0)
  expect(outcomes.refused).toBeGreaterThan(0)
})

describe('loader fuzzing: structural damage to valid files', () => {
  it(
    'loads soundly or refuses clearly, whatever the damage',
    () => {
      fc.assert(
        fc.property(base, fc.array(mutation, { minLength: 1, maxLength: 3 }), (json, mutations) => {
          for (const m of mutations) applyMutation(json, m)
          outcomes[checkLoad(JSON.stringify(json)).outcome]++
        }),
        { numRuns: FUZZ_BUDGET.mutations }
      )
    },
    FUZZ_TIMEOUT_MS
  )
})
