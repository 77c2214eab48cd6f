import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { reportToDocx } from '../../src/core/docx/index'
import type { Report } from '../../src/core/report-file'
import { everyFeatureReport } from '../fixtures/every-feature-report'
import { sampleReport } from '../fixtures/sample-report'
import { sampleReportZh } from '../fixtures/sample-report-zh'
import { convertToPdf, fidelityToolsReady, pdfWords, placedLines, type PlacedWord } from './render'

/**
 * The house style's geometry as a reader sees it: exported reports rendered
 * by LibreOffice, every word's position read back with `pdftotext -bbox` and
 * compared with the figures measured in circulated UN documents
 * (docs/HOUSE-STYLE.md). Positions are in centimetres from the page's
 * top-left corner; tolerances allow for LibreOffice's substitute fonts.
 */

const ready = fidelityToolsReady()
/** Three LibreOffice conversions take up to four minutes on a busy two-core machine. */
const SLOW = 900_000

/** Pages of words of a rendered report. */
async function render(folder: string, name: string, report: Report): Promise<PlacedWord[][]> {
  const docx = join(folder, `${name}.docx`)
  writeFileSync(docx, await reportToDocx(report))
  return pdfWords(await convertToPdf(docx))
}

/** A heading's label ("II.", "A.", "1."), which hangs before the text block. */
const HEADING_LABEL = /^([IVXL]+|[A-Z]|\d+)\.$/

/** The page's body lines: below the running head, above the footnotes and footer, headings left out. */
function bodyLines(page: PlacedWord[], bodyHeight: number): PlacedWord[][] {
  return placedLines(page).filter(
    (line) =>
      line[0].bottom > 2.5 &&
      line[0].bottom < 27.5 &&
      Math.abs(line[0].height - bodyHeight) < 0.05 &&
      !(HEADING_LABEL.test(line[0].text) && line[0].left < 3.5)
  )
}

const text = (line: PlacedWord[]) => line.map((word) => word.text).join(' ')

describe.skipIf(!ready)('house style geometry, rendered by LibreOffice', () => {
  let folder: string
  let en: PlacedWord[][]
  let zh: PlacedWord[][]
  let ar: PlacedWord[][]
  /** The height LibreOffice gives a 10 pt body word's box. */
  let bodyHeight: number

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'rapporteur-house-'))
    en = await render(folder, 'en', sampleReport())
    zh = await render(folder, 'zh', sampleReportZh())
    ar = await render(folder, 'ar', everyFeatureReport('ar'))
    const bodyWord = en[1].find((word) => word.text === 'States')!
    bodyHeight = bodyWord.height
  }, SLOW)

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true })
  })

  it('sets the body text 4.0–17.0 cm from the page edge, numbers 1.0 cm before their text', () => {
    const lines = en.slice(1).flatMap((page) => bodyLines(page, bodyHeight))
    const starts = lines.map((line) => line[0].left)
    const ends = lines.map((line) => line.at(-1)!.right)
    expect(Math.min(...starts)).toBeGreaterThan(3.9)
    // Justified lines reach the right edge of the text block and stop there.
    expect(Math.max(...ends)).toBeLessThan(17.1)
    expect(ends.filter((end) => end > 16.85).length).toBeGreaterThan(lines.length / 3)
    // Paragraph numbers (agenda items, also "1.", stand further in).
    const numbered = lines.filter(
      (line) => /^\d+\.$/.test(line[0].text) && line.length > 1 && line[0].left < 4.5
    )
    expect(numbered.length).toBeGreaterThan(5)
    for (const line of numbered) {
      expect(line[0].left, text(line)).toBeCloseTo(4.0, 1)
      expect(line[1].left - line[0].left, text(line)).toBeCloseTo(1.0, 1)
    }
  })

  it('puts the running head 2.15 cm and the first body line about 3.05 cm from the top', () => {
    for (const page of en.slice(1, 3)) {
      const lines = placedLines(page)
      expect(text(lines[0])).toBe('CTOC/COP/WG.7/2024/L.1')
      expect(lines[0][0].bottom).toBeGreaterThan(2.0)
      expect(lines[0][0].bottom).toBeLessThan(2.3)
      expect(lines[1][0].bottom).toBeGreaterThan(2.85)
      expect(lines[1][0].bottom).toBeLessThan(3.3)
    }
  })

  it('writes the page number with the job number beside it on the outside edge', () => {
    const footer = (page: PlacedWord[]) => placedLines(page).at(-1)!
    expect(text(footer(en[1]))).toBe('2 V.24-04321')
    expect(footer(en[1])[0].left).toBeCloseTo(2.0, 1)
    expect(text(footer(en[2]))).toBe('V.24-04321 3')
    expect(footer(en[2]).at(-1)!.right).toBeCloseTo(19.0, 1)
    expect(text(footer(en[0]))).toBe('V.24-04321 (E) 060624')
  })

  it('sets the title in 14 pt and "United Nations" in 14 pt in line with the parent body', () => {
    const title = en[0].find((word) => word.text === 'Draft')!
    expect(title.height / bodyHeight).toBeCloseTo(1.4, 1)
    const united = en[0].find((word) => word.text === 'United')!
    expect(united.height / bodyHeight).toBeCloseTo(1.4, 1)
    const parent = en[0].find((word) => word.text === 'Conference')!
    expect(Math.abs(united.left - parent.left)).toBeLessThan(0.15)
    expect(Math.abs(title.left - 4.0)).toBeLessThan(0.1)
  })

  it('gives a Chinese version its language line and keeps its parent body on one line', () => {
    const lines = placedLines(zh[0]).map(text)
    const original = lines.findIndex((line) => line.includes('Original: English'))
    expect(lines[original - 1]).toContain('Chinese')
    // The parent body is one run of characters: one word if it stands on one line.
    const parent = zh[0]
      .filter((word) => word.bottom < 6 && word.text.includes('缔约方'))
      // The word joiner that keeps the last two characters together is invisible but read back.
      .map((word) => word.text.replace(/\u2060/g, ''))
    expect(parent).toEqual(['联合国打击跨国有组织犯罪公约缔约方会议'])
  })

  it('reads an Arabic masthead from the right and keeps the distribution block in English', () => {
    const lines = placedLines(ar[0])
    const [symbol, ...unitedNations] = lines[0]
    // The symbol on the left; "United Nations" on the right, ending where the body text does.
    expect(symbol.text).toBe('CTOC/COP/WG.7/2024/L.1')
    expect(symbol.left).toBeCloseTo(2.0, 1)
    expect(unitedNations.at(-1)!.right).toBeCloseTo(17.0, 1)
    const distr = lines.find((line) => text(line).startsWith('Distr.'))!
    expect(distr[0].left).toBeCloseTo(2.0, 1)
    expect(lines.some((line) => text(line) === 'Arabic')).toBe(false)
    expect(lines.some((line) => text(line).includes('Original:'))).toBe(true)
  })
})
