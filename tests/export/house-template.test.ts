import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import validate, { ready } from '@ooxml-tools/validate'
import { unzipSync } from 'fflate'
import { reportToDocx } from '../../src/core/docx/index'
import { readHouseTemplate } from '../../src/core/docx/house-template'
import { serializeReport } from '../../src/core/report-file'
import { everyFeatureReport } from '../fixtures/every-feature-report'
import { sampleReport } from '../fixtures/sample-report'
import { cli } from '../run-cli'
import { elements, readDocx, valueOf, type ReadDocx } from './docx-reader'

/**
 * A house template made with LibreOffice (tests/fixtures/house-template,
 * made by its make-template.py: body font Liberation Sans 11 pt, 3 cm
 * margins, an emblem picture in the header) applied to the export: its
 * styles, margins and emblem come through; numbering and fields stay
 * Rapporteur's; the result still validates.
 */

const TEMPLATE = join(__dirname, '../fixtures/house-template/house-template.docx')
const templateBytes = () => new Uint8Array(readFileSync(TEMPLATE))

describe('a house template', () => {
  let docx: ReadDocx
  let bytes: Uint8Array
  beforeAll(async () => {
    bytes = await reportToDocx(sampleReport(), { template: readHouseTemplate(templateBytes()) })
    docx = readDocx(bytes)
  })

  it("replaces the styles' fonts and the page margins with the template's", () => {
    const normal = elements(docx.xml('word/styles.xml'), 'w:style').find(
      (s) => s.getAttribute('w:styleId') === 'Normal'
    )!
    expect(valueOf(normal, 'w:rFonts', 'w:ascii')).toBe('Liberation Sans')
    expect(valueOf(normal, 'w:sz')).toBe('22')
    const fonts = elements(docx.xml('word/fontTable.xml'), 'w:font').map((f) =>
      f.getAttribute('w:name')
    )
    expect(fonts).toContain('Liberation Sans')
    const margins = elements(
      elements(docx.xml('word/document.xml'), 'w:sectPr').at(-1)!,
      'w:pgMar'
    )[0]
    expect(margins.getAttribute('w:left')).toBe('1701') // 3 cm
    expect(margins.getAttribute('w:right')).toBe('1701')
  })

  it('puts the emblem in the masthead and keeps numbering and fields', () => {
    const table = elements(docx.xml('word/document.xml'), 'w:tbl')[0]
    const emblemCell = elements(table, 'w:tc')[0]
    expect(elements(emblemCell, 'w:drawing')).toHaveLength(1)
    // The picture is the template's emblem, byte for byte.
    const emblem = new Uint8Array(
      readFileSync(join(__dirname, '../fixtures/house-template/emblem.png'))
    )
    const media = Object.entries(unzipSync(bytes)).filter(([path]) =>
      path.startsWith('word/media/')
    )
    expect(
      media.some(
        ([, data]) => data.length === emblem.length && data.every((b, i) => b === emblem[i])
      )
    ).toBe(true)
    const paragraphs = docx.paragraphs()
    expect(paragraphs.filter((p) => p.style === 'NumberedParagraph')).toHaveLength(18)
    const numbered = elements(docx.xml('word/styles.xml'), 'w:style').find(
      (s) => s.getAttribute('w:styleId') === 'NumberedParagraph'
    )!
    expect(elements(numbered, 'w:numPr')).toHaveLength(1)
    expect(paragraphs.flatMap((p) => p.fields).length).toBeGreaterThan(5)
  })

  it('still passes the Open XML SDK validator', async () => {
    await ready()
    const errors = await validate(
      await reportToDocx(everyFeatureReport('ar'), {
        template: readHouseTemplate(templateBytes())
      }),
      'docx',
      'Microsoft365'
    )
    expect(errors.map((e) => `${e.path.partUri} ${e.path.xpath}: ${e.description}`)).toEqual([])
  }, 180_000)

  it('refuses a file that is not a Word document, naming the problem', () => {
    expect(() => readHouseTemplate(new TextEncoder().encode('not a zip'))).toThrow(
      /not a Word document or template/
    )
  })

  it('is applied by rapporteur export --template, and a bad one is a clear error', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rapporteur-template-'))
    try {
      const report = join(folder, 'report.rapporteur')
      writeFileSync(report, serializeReport(sampleReport()))
      const out = join(folder, 'out.docx')
      const ok = await cli('export', report, '-o', out, '--template', TEMPLATE)
      expect(ok.code).toBe(0)
      const written = readDocx(readFileSync(out))
      expect(written.parts['word/styles.xml']).toContain('Liberation Sans')
      const bad = join(folder, 'bad.dotx')
      writeFileSync(bad, 'plain text')
      const refused = await cli('export', report, '-o', join(folder, 'x.docx'), '--template', bad)
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain('bad.dotx: the house template is not a Word document')
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  }, 60_000)
})
