import fc from 'fast-check'
import type { Node } from 'prosemirror-model'
import { expectLoaded, fuzzCounter } from './support/oracle'
import { validReportJson } from './support/arbitraries'
import { schema, ID_NODE_TYPES } from '../../src/core/schema'
import { metaOfDoc } from '../../src/core/meta'
import { reportOfDoc, reportToJSON } from '../../src/core/report-file'
import { FUZZ_BUDGET, FUZZ_TIMEOUT_MS } from './support/budget'

/**
 * Every document the schema allows loads, keeps its text, structure, marks
 * and attributes, and comes out with a unique id on every numbered thing
 * (missing and repeated ids are mended; first holders keep theirs).
 */

afterAll(() => {
  expect(fuzzCounter.cases).toBeGreaterThanOrEqual(FUZZ_BUDGET.validDocuments)
})

function withoutIds(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(withoutIds)
  if (json === null || typeof json !== 'object') return json
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(json))
    copy[key] = key === 'id' ? null : withoutIds(value)
  return copy
}

function ids(doc: Node): string[] {
  const found: string[] = []
  doc.descendants((node) => {
    if (ID_NODE_TYPES.has(node.type.name)) found.push(node.attrs.id as string)
  })
  return found
}

describe('loader fuzzing: valid documents of every shape', () => {
  it(
    'loads them unchanged but for mended ids',
    () => {
      fc.assert(
        fc.property(validReportJson, (json) => {
          const report = expectLoaded(JSON.stringify(json))
          expect(report.meta).toEqual(json.meta)
          // The metadata also rides in the document's attributes (undoable like text).
          expect(metaOfDoc(report.doc)).toEqual(json.meta)
          // The document as written back (metadata in the envelope, comments in the document).
          const expected = reportToJSON(reportOfDoc(schema.nodeFromJSON(json.doc))).doc
          // Compared as text: as exact as a deep equal, and cheap enough for a thousand cases.
          expect(JSON.stringify(withoutIds(reportToJSON(report).doc))).toBe(
            JSON.stringify(withoutIds(expected))
          )
          const loadedIds = ids(report.doc)
          expect(loadedIds.every((id) => typeof id === 'string' && id.length > 0)).toBe(true)
          expect(new Set(loadedIds).size).toBe(loadedIds.length)
          // Sound ids the file gave survive: the first holder of each keeps it.
          const given = ids(schema.nodeFromJSON(json.doc))
          const seen = new Set<string>()
          given.forEach((id, i) => {
            if (id && !seen.has(id)) expect(loadedIds[i]).toBe(id)
            if (id) seen.add(id)
          })
        }),
        { numRuns: FUZZ_BUDGET.validDocuments }
      )
    },
    FUZZ_TIMEOUT_MS
  )
})
