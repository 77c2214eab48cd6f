import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { reportToDocx } from '../../src/core/docx/index'
import { readHouseTemplate } from '../../src/core/docx/house-template'
import { sampleReport } from '../fixtures/sample-report'
import { convertAllToPdf, fidelityToolsReady, pdfPages } from './render'

/**
 * The LibreOffice-made house template (tests/fixtures/house-template: body in
 * Liberation Sans, 3 cm margins, the emblem in its header) as LibreOffice
 * renders the export: the emblem on every page after the first, which the
 * built-in export has no picture on, and the body set in the template's font.
 */

const run = promisify(execFile)
const ready = fidelityToolsReady()
/** Two LibreOffice conversions on a busy two-core machine. */
const SLOW = 600_000
const TEMPLATE = join(__dirname, '../fixtures/house-template/house-template.docx')

/** The pictures of each page as `pdfimages -list` lists them: "width×height". */
async function picturesByPage(pdf: string): Promise<Map<number, string[]>> {
  const { stdout } = await run('pdfimages', ['-list', pdf])
  const pages = new Map<number, string[]>()
  for (const line of stdout.split('\n').slice(2)) {
    const cells = line.trim().split(/\s+/)
    if (cells.length < 5 || cells[2] !== 'image') continue
    const page = Number(cells[0])
    pages.set(page, [...(pages.get(page) ?? []), `${cells[3]}×${cells[4]}`])
  }
  return pages
}

async function fonts(pdf: string): Promise<string> {
  return (await run('pdffonts', [pdf])).stdout
}

describe.skipIf(!ready)('a house template, rendered by LibreOffice', () => {
  let folder: string
  let withTemplate: string
  let builtIn: string

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'rapporteur-house-template-'))
    const template = readHouseTemplate(new Uint8Array(readFileSync(TEMPLATE)))
    writeFileSync(join(folder, 'house.docx'), await reportToDocx(sampleReport(), { template }))
    writeFileSync(join(folder, 'built-in.docx'), await reportToDocx(sampleReport()))
    ;[withTemplate, builtIn] = await convertAllToPdf(
      [join(folder, 'house.docx'), join(folder, 'built-in.docx')],
      SLOW
    )
  }, SLOW)

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true })
  })

  it('shows the emblem in the header of every page after the first', async () => {
    const pages = (await pdfPages(withTemplate)).length
    expect(pages).toBeGreaterThan(1)
    const pictures = await picturesByPage(withTemplate)
    // emblem.png is 120 × 120 pixels.
    for (let page = 2; page <= pages; page++)
      expect(pictures.get(page), `page ${page}`).toEqual(['120×120'])
    const plain = await picturesByPage(builtIn)
    for (let page = 2; page <= (await pdfPages(builtIn)).length; page++)
      expect(plain.get(page), `built-in page ${page}`).toBeUndefined()
  })

  it('sets the text in the template’s font, and keeps the report’s text', async () => {
    expect(await fonts(withTemplate)).toMatch(/LiberationSans/)
    expect(await fonts(builtIn)).not.toMatch(/LiberationSans\b/)
    const text = (await pdfPages(withTemplate)).join('\n')
    expect(text).toContain('Recommendation 1')
  })
})
