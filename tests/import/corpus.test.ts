import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { importText } from '../../src/core/import'
import { importPdf } from '../../src/services/pdf-import'
import type { ImportResult } from '../../src/core/import'
import { measure, type ExpectedDocument, type Measure } from './corpus-measure'

/**
 * The real UN documents of tests/fixtures/real-un, imported from their PDF
 * and from both text copies pdftotext makes, against the structure counted
 * by reading them. The suite prints a table of what matches and fails when a
 * field falls below what the last commit reached (corpus-baseline.json; run
 * with UPDATE_CORPUS_BASELINE=1 to raise it after an improvement).
 */

const FOLDER = resolve(__dirname, '../fixtures/real-un')
const BASELINE = resolve(__dirname, 'corpus-baseline.json')
const { documents } = JSON.parse(readFileSync(join(FOLDER, 'expected.json'), 'utf8')) as {
  documents: ExpectedDocument[]
}

type Mode = 'pdf' | 'text' | 'layout'
const MODES: Mode[] = ['pdf', 'text', 'layout']
const FIELDS = [
  'chapters',
  'numberedParagraphs',
  'recommendations',
  'title',
  'symbol',
  'distribution',
  'annexes'
] as const

/** Per mode: documents right per field, and footnotes re-attached right. */
type Totals = Record<Mode, Record<(typeof FIELDS)[number] | 'footnotes', number>>

async function importAs(mode: Mode, file: string): Promise<ImportResult> {
  if (mode === 'pdf') return importPdf(new Uint8Array(readFileSync(join(FOLDER, `${file}.pdf`))))
  const name = mode === 'text' ? `${file}.txt` : `${file}.layout.txt`
  return importText(readFileSync(join(FOLDER, name), 'utf8'))
}

describe('real UN documents (PDF and text copies) against the structure counted by reading them', () => {
  const results = new Map<string, Measure>()

  beforeAll(async () => {
    for (const mode of MODES)
      for (const document of documents)
        results.set(
          `${mode} ${document.file}`,
          measure((await importAs(mode, document.file)).report, document)
        )
  }, 120_000)

  it('prints the table and holds every field at the committed baseline', () => {
    const totals = {} as Totals
    const rows: string[] = []
    const mark = (ok: boolean) => (ok ? 'ok' : '--')
    rows.push(
      `${'document'.padEnd(20)} mode    chap para rec  foot    title sym distr annex   found (chap/para/rec/foot annexes)`
    )
    for (const mode of MODES) {
      const total = (totals[mode] = { footnotes: 0 } as Totals[Mode])
      for (const field of FIELDS) total[field] = 0
      for (const document of documents) {
        const m = results.get(`${mode} ${document.file}`)!
        for (const field of FIELDS) if (m[field]) total[field]++
        total.footnotes += m.footnotesRight
        rows.push(
          [
            document.file.padEnd(20),
            mode.padEnd(7),
            mark(m.chapters).padEnd(4),
            mark(m.numberedParagraphs).padEnd(4),
            mark(m.recommendations).padEnd(4),
            `${m.footnotesRight}/${m.footnotesExpected}`.padEnd(7),
            mark(m.title).padEnd(5),
            mark(m.symbol).padEnd(3),
            mark(m.distribution).padEnd(5),
            mark(m.annexes).padEnd(7),
            `${m.found.chapters}/${m.found.numberedParagraphs}/${m.found.recommendations}/${m.found.footnotes} ${m.found.annexes}`
          ].join(' ')
        )
      }
    }
    const expectedFootnotes = documents.reduce((n, d) => n + d.footnotes.length, 0)
    rows.push('')
    for (const mode of MODES)
      rows.push(
        `${mode.padEnd(7)} ${FIELDS.map((f) => `${f} ${totals[mode][f]}/${documents.length}`).join(', ')}, footnotes ${totals[mode].footnotes}/${expectedFootnotes}`
      )
    rows.push(
      'targets: chapters, numbered paragraphs, recommendations, annexes, title and symbol right on every document; footnotes ≥ 90% (PDF), ≥ 70% (text)'
    )
    console.log(`\nReal UN corpus\n${rows.join('\n')}\n`)

    const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as Totals
    if (process.env.UPDATE_CORPUS_BASELINE === '1') {
      // The baseline only rises: a field that fell stays where it was and the test says so.
      const raised = structuredClone(totals)
      for (const mode of MODES)
        for (const field of [...FIELDS, 'footnotes'] as const)
          raised[mode][field] = Math.max(totals[mode][field], baseline[mode][field] ?? 0)
      writeFileSync(BASELINE, `${JSON.stringify(raised, null, 2)}\n`)
    }
    for (const mode of MODES)
      for (const field of [...FIELDS, 'footnotes'] as const)
        expect({ mode, field, reached: totals[mode][field] }).toEqual({
          mode,
          field,
          reached: Math.max(totals[mode][field], baseline[mode][field])
        })
  })
})
