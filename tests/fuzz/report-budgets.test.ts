import fc from 'fast-check'
import { parseReport, ReportFileError } from '../../src/core/report-file'
import { REPORT_BUDGETS, type ReportBudgets } from '../../src/core/report-budgets'
import { generateReport, BENCH_REPORT } from '../../bench/generate'
import { serializeReport } from '../../src/core/report-file'
import { validReportJson } from './support/arbitraries'

/**
 * The loader's budgets (characters of the file, nodes of its document): a
 * file over one is refused with a message naming that budget, however its
 * size is made up (long text, many small blocks, deep nesting, padding), and
 * quickly, before the costly steps; a file within them loads.
 */

/** How many document nodes a file's JSON holds, as the loader counts them. */
function nodeCount(json: unknown): number {
  if (typeof json !== 'object' || json === null) return 0
  const content = (json as { content?: unknown }).content
  return (
    1 + (Array.isArray(content) ? content.reduce((sum: number, c) => sum + nodeCount(c), 0) : 0)
  )
}

function refusal(text: string, budgets: ReportBudgets): ReportFileError {
  try {
    parseReport(text, budgets)
  } catch (error) {
    if (error instanceof ReportFileError) return error
    throw error
  }
  throw new Error('loaded a file over its budget')
}

const unlimited: ReportBudgets = {
  characters: Number.MAX_SAFE_INTEGER,
  nodes: Number.MAX_SAFE_INTEGER
}

describe('the .rapporteur loader budgets', () => {
  it('refuses a file one character over the character budget, loads it at the budget', () => {
    fc.assert(
      fc.property(validReportJson, fc.nat({ max: 40 }), (json, padding) => {
        const text = JSON.stringify(json) + ' '.repeat(padding)
        const error = refusal(text, { ...unlimited, characters: text.length - 1 })
        expect(error.code).toBe('over-budget')
        expect(error.message).toMatch(/too large to open: .*characters, more than the/)
        expect(() => parseReport(text, { ...unlimited, characters: text.length })).not.toThrow()
      }),
      { numRuns: 150 }
    )
  })

  it('refuses a document one node over the node budget, loads it at the budget', () => {
    fc.assert(
      fc.property(validReportJson, (json) => {
        const text = JSON.stringify(json)
        const nodes = nodeCount(json.doc)
        const error = refusal(text, { ...unlimited, nodes: nodes - 1 })
        expect(error.code).toBe('over-budget')
        expect(error.message).toMatch(/more than [\d,]+ parts \(paragraphs/)
        expect(() => parseReport(text, { ...unlimited, nodes })).not.toThrow()
      }),
      { numRuns: 150 }
    )
  })

  it('refuses documents inflated by breadth or depth before validating them, in bounded time', () => {
    const budgets: ReportBudgets = { characters: 50_000_000, nodes: 20_000 }
    fc.assert(
      fc.property(
        fc.integer({ min: 20_001, max: 120_000 }),
        fc.constantFrom('flat', 'deep', 'wide-sections'),
        (count, shape) => {
          const leaf = { type: 'paragraph', content: [{ type: 'text', text: 'x' }] }
          let doc: unknown
          if (shape === 'flat')
            doc = { type: 'doc', content: Array.from({ length: count }, () => leaf) }
          else if (shape === 'deep') {
            // Deep but within what JSON.parse takes: a chain of bullet lists, each with siblings.
            let node: unknown = leaf
            const siblings = Array.from({ length: Math.ceil(count / 800) }, () => leaf)
            for (let i = 0; i < 800; i++)
              node = { type: 'bullet_list', content: [node, ...siblings] }
            node = { type: 'bullet_list', content: [node, leaf, leaf, leaf, leaf, leaf, leaf] }
            doc = { type: 'doc', content: [node] }
          } else
            doc = {
              type: 'doc',
              content: Array.from({ length: Math.ceil(count / 100) }, () => ({
                type: 'section',
                content: Array.from({ length: 100 }, () => leaf)
              }))
            }
          const text = JSON.stringify({ format: 'rapporteur', version: 1, meta: {}, doc })
          const started = performance.now()
          const error = refusal(text, budgets)
          expect(error.code).toBe('over-budget')
          expect(error.message).toContain('more than 20,000 parts')
          // Refused by the count, not after validating every node (generous on a loaded machine).
          expect(performance.now() - started).toBeLessThan(2_000)
        }
      ),
      { numRuns: 30 }
    )
  }, 60_000)

  it('refuses a file over the app’s own character budget without parsing it', () => {
    const text = `{"format":"rapporteur","version":1,${' '.repeat(REPORT_BUDGETS.characters)}}`
    const started = performance.now()
    const error = refusal(text, REPORT_BUDGETS)
    expect(error.message).toBe(
      `This report is too large to open: it holds ${text.length.toLocaleString('en-US')} characters, more than the 160,000,000 a report may have.`
    )
    expect(performance.now() - started).toBeLessThan(1_000)
  })

  it('opens the 300-page report of the design well within the budgets', () => {
    const text = serializeReport(generateReport(BENCH_REPORT))
    expect(text.length * 20).toBeLessThan(REPORT_BUDGETS.characters)
    expect(nodeCount(JSON.parse(text).doc) * 20).toBeLessThan(REPORT_BUDGETS.nodes)
    expect(() => parseReport(text)).not.toThrow()
  })
})
