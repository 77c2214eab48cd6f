import fc from 'fast-check'
import { checkLoad, expectRefused, fuzzCounter } from './support/oracle'
import { seedFiles } from './support/arbitraries'
import { serializeReport, parseReport } from '../../src/core/report-file'
import { FUZZ_BUDGET, FUZZ_TIMEOUT_MS } from './support/budget'

/**
 * Damage to the bytes of a saved file, as a crash, a bad sync or a broken
 * disk leaves it: cut short anywhere, pieces cut out or pasted in, bits
 * flipped. A cut file is always refused as unreadable; other damage loads
 * soundly or is refused clearly.
 */

// The files exactly as Rapporteur writes them (indented JSON with a final newline).
const FILES = seedFiles().map((json) => serializeReport(parseReport(JSON.stringify(json))))
const file = fc.nat(FILES.length - 1).map((i) => FILES[i])
const share = Math.floor(FUZZ_BUDGET.textDamage / 3)

afterAll(() => {
  expect(fuzzCounter.cases).toBeGreaterThanOrEqual(share * 3)
})

describe('loader fuzzing: damaged file text', () => {
  it(
    'refuses every file cut short as unreadable, naming the damage',
    () => {
      fc.assert(
        fc.property(file, fc.double({ min: 0, max: 1, noNaN: true }), (text, where) => {
          // Any cut before the closing brace; the final newline alone is not content.
          const end = Math.min(Math.floor(where * text.trimEnd().length), text.trimEnd().length - 1)
          const error = expectRefused(text.slice(0, end), 'not-json')
          expect(error.message).toMatch(end === 0 ? /empty/ : /cut short or damaged/)
        }),
        { numRuns: share }
      )
    },
    FUZZ_TIMEOUT_MS
  )

  it(
    'loads soundly or refuses clearly after pieces are cut out or pasted in',
    () => {
      const splice = fc.record({
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        remove: fc.nat(40),
        insert: fc.oneof(
          fc.string({ maxLength: 8 }),
          fc.string({ unit: 'binary', maxLength: 8 }),
          fc.constantFrom(
            '"',
            '\\',
            '{',
            '}',
            '[',
            ']',
            ',',
            ':',
            'null',
            '"__proto__":{}',
            '\uFEFF',
            '\u0000'
          )
        )
      })
      fc.assert(
        fc.property(file, fc.array(splice, { minLength: 1, maxLength: 4 }), (text, splices) => {
          let damaged = text
          for (const s of splices) {
            const at = Math.floor(s.at * damaged.length)
            damaged = damaged.slice(0, at) + s.insert + damaged.slice(at + s.remove)
          }
          checkLoad(damaged)
        }),
        { numRuns: share }
      )
    },
    FUZZ_TIMEOUT_MS
  )

  it(
    'loads soundly or refuses clearly after bits flip on disk',
    () => {
      const encoder = new TextEncoder()
      const decoder = new TextDecoder('utf-8')
      fc.assert(
        fc.property(
          file,
          fc.array(
            fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 7 })),
            {
              minLength: 1,
              maxLength: 6
            }
          ),
          (text, flips) => {
            const bytes = encoder.encode(text)
            for (const [where, bit] of flips) {
              const index = Math.min(Math.floor(where * bytes.length), bytes.length - 1)
              bytes[index] ^= 1 << bit
            }
            // Reading decodes as the app does: invalid UTF-8 becomes U+FFFD, never an exception.
            checkLoad(decoder.decode(bytes))
          }
        ),
        { numRuns: share }
      )
    },
    FUZZ_TIMEOUT_MS
  )
})
