import bwipjs from 'bwip-js/browser'
import QRCode from 'qrcode'
import { bitmapToPng, type Bitmap } from './png'

/**
 * The first page's machine-readable codes as PNG pictures: the job number's
 * Code 39 barcode, encoded by bwip-js ("*2501234*", start and stop
 * characters included), and a QR code of the document's undocs.org address,
 * encoded by qrcode. Both libraries only compute the bars and modules here;
 * the pixels are drawn by `png.ts`.
 */

/** A picture and the size it is shown at, in pixels at 96 dpi (how Word images are sized). */
export interface CodePicture {
  png: Uint8Array
  width: number
  height: number
}

/** The digits a job number's barcode carries: "V.25-01234" → "2501234". */
export function barcodeDigits(jobNumber: string): string {
  return jobNumber.replace(/\D/g, '')
}

/** Pixels per narrow bar or QR module in the picture (drawn sharp, then shown smaller). */
const SCALE = 4

/** The Code 39 barcode of `digits`, shown 4.0 cm wide and 0.6 cm high or less. */
export function code39Picture(digits: string): CodePicture {
  const [symbol] = bwipjs.raw('code39', digits, {}) as Array<{ sbs: number[] }>
  // Bars and spaces alternate, a bar first; widths are in narrow-bar units.
  const runs = symbol.sbs
  const modules = runs.reduce((sum, width) => sum + width, 0)
  const black: boolean[] = []
  runs.forEach((width, index) => {
    for (let i = 0; i < width; i++) black.push(index % 2 === 0)
  })
  const bitmap: Bitmap = {
    width: modules * SCALE,
    height: 40,
    black: (x) => black[Math.floor(x / SCALE)]
  }
  const width = Math.min(151, modules * 1.2) // 4.0 cm at 96 dpi at most
  return { png: bitmapToPng(bitmap), width: Math.round(width), height: 23 }
}

/** The QR code of `url`, with its quiet zone, shown 1.5 cm square. */
export function qrPicture(url: string): CodePicture {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' })
  const quiet = 2
  const side = modules.size + 2 * quiet
  const bitmap: Bitmap = {
    width: side * SCALE,
    height: side * SCALE,
    black: (x, y) => {
      const column = Math.floor(x / SCALE) - quiet
      const row = Math.floor(y / SCALE) - quiet
      return (
        column >= 0 &&
        row >= 0 &&
        column < modules.size &&
        row < modules.size &&
        modules.get(row, column) === 1
      )
    }
  }
  return { png: bitmapToPng(bitmap), width: 57, height: 57 }
}
