import { jsonTextParts } from '../../src/core/json-parts'
import { serializeReport } from '../../src/core/report-file'
import { reportByteParts } from '../../src/services/report-bytes'
import { everyFeatureReport } from '../fixtures/every-feature-report'
import { BENCH_REPORT, generateReport } from '../../bench/generate'
import { LANGUAGES } from '../../src/core/languages'

/** Values where JSON.stringify has a rule of its own: each must come out the same in parts. */
const SAMPLES: Array<[string, unknown]> = [
  ['a nested document', { a: [1, { b: 'c', d: [[], {}] }], e: { f: { g: { h: [true, null] } } } }],
  ['empty containers at every level', { a: {}, b: [], c: [{}, [], [[{}]]] }],
  ['members JSON leaves out', { a: undefined, b: () => 1, c: Symbol('s'), d: 1 }],
  ['an object with no member JSON writes', { a: undefined, b: { c: undefined } }],
  ['array elements written as null', [undefined, () => 1, Symbol('s'), 2]],
  // eslint-disable-next-line no-sparse-arrays -- a hole is one of the cases
  ['a hole', [1, , 3]],
  ['toJSON and dates', { when: new Date(0), own: { toJSON: () => ({ x: [1, 2] }) } }],
  ['a null-prototype object', Object.assign(Object.create(null) as object, { a: [1] })],
  ['keys and text that need escapes', { 'quote"\n': 'tab\t, \u2028, \ud800 alone, 𝄞, “é”' }],
  ['non-Latin text', { zh: ['报告', { ar: 'تقرير' }], fr: 'Être « cité »' }],
  ['a lone value', 'text'],
  ['null', null]
]

describe('jsonTextParts', () => {
  it.each(SAMPLES)('joins to what JSON.stringify writes: %s', (_name, value) => {
    for (const depth of [0, 1, 2, 3, 8])
      for (const gap of [' ', '  ', '\t'])
        expect(jsonTextParts(value, gap, depth).join('')).toBe(JSON.stringify(value, null, gap))
  })

  it('follows JSON.stringify for a gap of none or of more than ten characters', () => {
    const value = { a: [1, { b: 2 }] }
    expect(jsonTextParts(value, '', 4).join('')).toBe(JSON.stringify(value))
    const long = '-'.repeat(14)
    expect(jsonTextParts(value, long, 4).join('')).toBe(JSON.stringify(value, null, long))
  })

  it('gives no parts for a value JSON has no text for', () => {
    expect(jsonTextParts(undefined, ' ', 3)).toEqual([])
    expect(jsonTextParts(() => 1, ' ', 3)).toEqual([])
  })

  it('splits as deep as asked: the containers above the depth, one part per value below', () => {
    const parts = jsonTextParts({ a: [{ b: 1 }, { c: [2, 3] }] }, ' ', 2)
    expect(parts).toContain('{\n   "b": 1\n  }')
    expect(parts).toContain('{\n   "c": [\n    2,\n    3\n   ]\n  }')
  })
})

describe('the bytes of a report file in pieces (reportByteParts)', () => {
  it('join to the file text of reports in every script', () => {
    for (const language of LANGUAGES) {
      const report = everyFeatureReport(language)
      expect(Buffer.concat(reportByteParts(report)).toString('utf8')).toBe(serializeReport(report))
    }
  })

  it('hold a long report in pieces of a section at most, never in one long text', () => {
    const report = generateReport({ ...BENCH_REPORT, sections: 40, paragraphs: 400 })
    const text = serializeReport(report)
    const pieces = reportByteParts(report)
    expect(Buffer.concat(pieces).toString('utf8')).toBe(text)
    const longest = Math.max(...pieces.map((piece) => piece.byteLength))
    expect(longest).toBeLessThan(Buffer.byteLength(text) / 20)
  })
})
