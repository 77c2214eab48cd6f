import validate, { ready, type ValidationResult } from '@ooxml-tools/validate'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { reportToDocx } from '../../src/core/docx/index'
import { LANGUAGES } from '../../src/core/languages'
import { everyFeatureReport } from '../fixtures/every-feature-report'
import { sampleReport } from '../fixtures/sample-report'
import { sampleReportZh } from '../fixtures/sample-report-zh'

/**
 * Every export validated by the Open XML SDK (Microsoft's validator, compiled
 * to WebAssembly, offline) against Microsoft 365's schemas: all six languages,
 * both recommendation styles, footnotes, lists four levels deep, references
 * of every kind, and the two sample reports. One validator instance serves
 * the whole file; loading it is the slow part.
 */

/** Loading the .NET runtime takes ~15 s on a busy two-core machine; validating a file, about one. */
const LOAD_TIMEOUT = 180_000
const VALIDATE_TIMEOUT = 60_000

/** The errors as one readable line each, so a failure names the part and the place. */
function readable(results: ValidationResult[]): string[] {
  return results.map((r) => `${r.path.partUri} ${r.path.xpath}: ${r.description}`)
}

async function errorsOf(bytes: Uint8Array): Promise<string[]> {
  return readable(await validate(bytes, 'docx', 'Microsoft365'))
}

beforeAll(async () => {
  await ready()
  // The first validation loads the SDK's schemas: done here, under the load timeout.
  await validate(await reportToDocx(everyFeatureReport('en')), 'docx', 'Microsoft365')
}, LOAD_TIMEOUT)

describe('Open XML SDK validation of the Word export', () => {
  for (const language of LANGUAGES) {
    it(
      `finds no error in the every-feature report in ${language}, both recommendation styles`,
      async () => {
        for (const style of ['block', 'paragraph'] as const) {
          const errors = await errorsOf(await reportToDocx(everyFeatureReport(language, style)))
          expect(errors, `${language}, ${style} recommendations`).toEqual([])
        }
      },
      VALIDATE_TIMEOUT
    )
  }

  it(
    'finds no error in the English and Chinese sample reports',
    async () => {
      expect(await errorsOf(await reportToDocx(sampleReport()))).toEqual([])
      expect(await errorsOf(await reportToDocx(sampleReportZh()))).toEqual([])
    },
    VALIDATE_TIMEOUT
  )

  it(
    'catches an error planted in the document part',
    async () => {
      const files = unzipSync(await reportToDocx(everyFeatureReport('en')))
      const xml = strFromU8(files['word/document.xml'])
      // A paragraph property Word does not know, inside the first paragraph's properties.
      files['word/document.xml'] = strToU8(xml.replace('<w:pPr>', '<w:pPr><w:notAProperty/>'))
      const errors = await errorsOf(zipSync(files))
      expect(errors.length).toBeGreaterThan(0)
      expect(errors.join('\n')).toContain('/word/document.xml')
      expect(errors.join('\n')).toContain('notAProperty')
    },
    VALIDATE_TIMEOUT
  )
})
