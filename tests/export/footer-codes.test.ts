import { strFromU8, unzipSync, unzlibSync } from 'fflate'
import { reportToDocx } from '../../src/core/docx/index'
import { barcodeDigits } from '../../src/core/docx/codes'
import type { Report } from '../../src/core/report-file'
import { everyFeatureReport } from '../fixtures/every-feature-report'

/**
 * The first page's barcode and QR code: pictures in the first-page footer,
 * read back from the .docx and decoded here (the barcode's bars against the
 * Code 39 table, the QR code's finder patterns), and switchable per report.
 */

/** A decoded greyscale PNG: black pixels as true. */
function decodePng(png: Uint8Array): { width: number; height: number; black: boolean[][] } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  let at = 8
  let width = 0
  let height = 0
  const data: Uint8Array[] = []
  while (at < png.length) {
    const length = view.getUint32(at)
    const type = strFromU8(png.subarray(at + 4, at + 8))
    const body = png.subarray(at + 8, at + 8 + length)
    if (type === 'IHDR') {
      width = view.getUint32(at + 8)
      height = view.getUint32(at + 12)
      expect([body[8], body[9]]).toEqual([8, 0]) // 8-bit greyscale
    } else if (type === 'IDAT') data.push(body)
    at += 12 + length
  }
  const joined = new Uint8Array(data.reduce((n, d) => n + d.length, 0))
  let offset = 0
  for (const d of data) {
    joined.set(d, offset)
    offset += d.length
  }
  const rows = unzlibSync(joined)
  const black = Array.from({ length: height }, (_, y) => {
    expect(rows[y * (width + 1)]).toBe(0) // no filter
    return Array.from({ length: width }, (_, x) => rows[y * (width + 1) + 1 + x] < 128)
  })
  return { width, height, black }
}

/** Code 39: bar and space widths of each character (1 = wide), bar first. */
const CODE39: Record<string, string> = {
  '0': '000110100',
  '1': '100100001',
  '2': '001100001',
  '3': '101100000',
  '4': '000110001',
  '5': '100110000',
  '6': '001110000',
  '7': '000100101',
  '8': '100100100',
  '9': '001100100',
  '*': '010010100'
}

/** The characters a row of a Code 39 barcode spells. */
function readCode39(row: boolean[]): string {
  const runs: number[] = []
  let start = row.indexOf(true)
  const end = row.lastIndexOf(true)
  while (start <= end) {
    let next = start
    while (next <= end && row[next] === row[start]) next++
    runs.push(next - start)
    start = next
  }
  const narrow = Math.min(...runs)
  const wide = runs.map((run) => (run > narrow * 1.5 ? '1' : '0'))
  let text = ''
  // Nine elements a character, then one narrow gap between characters.
  for (let i = 0; i + 9 <= wide.length; i += 10) {
    const pattern = wide.slice(i, i + 9).join('')
    const found = Object.entries(CODE39).find(([, p]) => p === pattern)
    text += found ? found[0] : '?'
  }
  return text
}

/** The first-page footer's XML and the pictures it shows, in order. */
async function firstPageFooter(report: Report): Promise<{ xml: string; pictures: Uint8Array[] }> {
  const files = unzipSync(await reportToDocx(report))
  const document = strFromU8(files['word/document.xml'])
  const rels = strFromU8(files['word/_rels/document.xml.rels'])
  const id = /<w:footerReference w:type="first" r:id="([^"]+)"/.exec(document)![1]
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]
  const xml = strFromU8(files[`word/${target}`])
  const footerRels = strFromU8(files[`word/_rels/${target}.rels`] ?? new Uint8Array())
  const pictures = [...xml.matchAll(/r:embed="([^"]+)"/g)].map((m) => {
    const media = new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(footerRels)![1]
    return files[`word/${media.replace(/^\//, '')}`] ?? files[media.replace(/^\//, '')]
  })
  return { xml, pictures }
}

describe('first-page footer codes', () => {
  it('draws the job number as a Code 39 barcode and the undocs.org address as a QR code', async () => {
    const report = everyFeatureReport('en')
    report.meta.masthead.jobNumber = 'V.25-01234'
    expect(barcodeDigits('V.25-01234')).toBe('2501234')
    const { xml, pictures } = await firstPageFooter(report)
    expect(pictures).toHaveLength(2)
    const barcode = decodePng(pictures[0])
    expect(readCode39(barcode.black[Math.floor(barcode.height / 2)])).toBe('*2501234*')
    expect(xml).toContain('*2501234*')
    const qr = decodePng(pictures[1])
    expect(qr.width).toBe(qr.height)
    // A QR code's finder pattern: a 7-module black ring in the top-left corner, inside the quiet zone.
    const module = qr.width / 33 // version 4 (29 modules) with a two-module quiet zone each side
    const at = (x: number, y: number) =>
      qr.black[Math.floor((y + 0.5) * module)][Math.floor((x + 0.5) * module)]
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => at(2 + i, 2))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false
    ])
    expect(at(0, 0)).toBe(false)
    expect(xml).toContain('https://undocs.org/en/CTOC/COP/WG.7/2024/L.1')
  })

  it('leaves out each code when the report settings turn it off', async () => {
    const report = everyFeatureReport('en')
    report.meta.settings.footerCodes = { barcode: false, qrCode: true }
    const onlyQr = await firstPageFooter(report)
    expect(onlyQr.pictures).toHaveLength(1)
    expect(onlyQr.xml).not.toContain('*2404321*')
    report.meta.settings.footerCodes = { barcode: false, qrCode: false }
    expect((await firstPageFooter(report)).pictures).toHaveLength(0)
  })
})
