import fc from 'fast-check'
import { importDocx, importText, ImportError } from '../../src/core/import'
import { parseReport, serializeReport } from '../../src/core/report-file'
import { docx, documentXml, para, run } from './docx-builder'

/** Pieces of report-like text, so random drafts hit every recognition path. */
const PIECES = [
  'I. Introduction',
  'II. Recommendations',
  'C. Section',
  'IV.',
  '1. Paragraph text.',
  '2. Another:',
  '12. Far ahead.',
  '(a) item;',
  '(i) roman;',
  '(ii)',
  'a) French item;',
  'Recommendation 3',
  'Recommendation 1: inline text.',
  '建议 2',
  '一. 导言',
  '¹ Footnote text.',
  '[1] Bracket footnote.',
  '1 Plain footnote.',
  'see paragraph 2 below and recommendation 3.',
  'text.¹',
  'text.1',
  '[……]',
  'CTOC/COP/WG.7/2024/L.1',
  'V.24-04321 (E)',
  '*2404321*',
  '7',
  'Working Group on Tests',
  'Vienna, 1–2 May 2025',
  'non-',
  'governmental',
  '   ',
  '',
  '\f'
]

/** A parse of the serialized report: what saving and reopening an import would do. */
function reopens(text: string): void {
  expect(() => parseReport(text)).not.toThrow()
}

describe('import never crashes and always yields a valid report', () => {
  it('on random drafts made of report-like lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 40 })), {
          maxLength: 60
        }),
        (lines) => {
          let result
          try {
            result = importText(lines.join('\n'))
          } catch (error) {
            expect(error).toBeInstanceOf(ImportError)
            return
          }
          result.report.doc.check()
          reopens(serializeReport(result.report))
          for (const note of result.notes) expect(note.line).toBeGreaterThanOrEqual(0)
        }
      ),
      { numRuns: 300, seed: 20240604 }
    )
  })

  it('on random bytes and on damaged .docx files', () => {
    const good = docx({
      'word/document.xml': documentXml(
        para('Normal', run('I. Introduction')) + para('Normal', run('1. Text with a footnote.'))
      )
    })
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc
            .array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), {
              maxLength: 8
            })
            .map((flips) => {
              const copy = good.slice()
              for (const [at, value] of flips) copy[at] = value
              return copy
            })
        ),
        (bytes) => {
          try {
            const { report } = importDocx(bytes)
            report.doc.check()
          } catch (error) {
            expect(error).toBeInstanceOf(ImportError)
          }
        }
      ),
      { numRuns: 300, seed: 20240606 }
    )
  })
})
