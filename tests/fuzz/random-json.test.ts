import fc from 'fast-check'
import { checkLoad, fuzzCounter } from './support/oracle'
import { validDocJson, validMeta } from './support/arbitraries'
import { FUZZ_BUDGET, FUZZ_TIMEOUT_MS } from './support/budget'

/**
 * Input that was never a report: random text, random JSON of every shape,
 * and Rapporteur envelopes around random metadata and documents.
 */

const share = Math.floor(FUZZ_BUDGET.randomJson / 4)

afterAll(() => {
  expect(fuzzCounter.cases).toBeGreaterThanOrEqual(share * 4)
})

describe('loader fuzzing: random input', () => {
  it(
    'refuses random text clearly',
    () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json()), (text) => {
          checkLoad(text)
        }),
        { numRuns: share }
      )
    },
    FUZZ_TIMEOUT_MS
  )

  it(
    'refuses random JSON values as "not a Rapporteur report"',
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          const verdict = checkLoad(JSON.stringify(value) ?? 'null')
          expect(verdict.outcome).toBe('refused')
        }),
        { numRuns: share }
      )
    },
    FUZZ_TIMEOUT_MS
  )

  it(
    'loads soundly or refuses clearly any envelope around random meta and doc',
    () => {
      const version = fc.oneof(
        { weight: 4, arbitrary: fc.constant(1) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) }
      )
      const meta = fc.oneof(validMeta, fc.jsonValue({ maxDepth: 3 }))
      const doc = fc.oneof(validDocJson, fc.jsonValue({ maxDepth: 4 }))
      fc.assert(
        fc.property(version, meta, doc, (v, m, d) => {
          checkLoad(JSON.stringify({ format: 'rapporteur', version: v, meta: m, doc: d }))
        }),
        { numRuns: share }
      )
    },
    FUZZ_TIMEOUT_MS
  )

  it(
    'names the newer version, or the bad one, in the envelope',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.integer({ min: 2 }), fc.double(), fc.integer({ max: 0 })),
          validMeta,
          (version, meta) => {
            const verdict = checkLoad(
              JSON.stringify({ format: 'rapporteur', version, meta, doc: { type: 'doc' } })
            )
            expect(verdict.outcome).toBe('refused')
            if (verdict.outcome !== 'refused') return
            if (Number.isSafeInteger(version) && version >= 2) {
              expect(verdict.error.code).toBe('newer-version')
              expect(verdict.error.message).toContain(`file format ${version}`)
            } else expect(verdict.error.code).toBe('not-rapporteur')
          }
        ),
        { numRuns: share }
      )
    },
    FUZZ_TIMEOUT_MS
  )
})
