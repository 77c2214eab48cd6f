import { zlibSync } from 'fflate'

/**
 * A small PNG encoder for black-and-white pictures drawn in code (the
 * first-page barcode and QR code): pure, so the export stays free of DOM and
 * Node APIs in its worker.
 */

/** A picture of `width` × `height` pixels; `black(x, y)` says which are black. */
export interface Bitmap {
  width: number
  height: number
  black(x: number, y: number): boolean
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

/** The PNG file of a bitmap: 8-bit greyscale, black on white. */
export function bitmapToPng(bitmap: Bitmap): Uint8Array {
  const { width, height } = bitmap
  if (width < 1 || height < 1 || width * height > 16_000_000)
    throw new Error(`cannot draw a ${width} × ${height} picture`)
  const header = new Uint8Array(13)
  const view = new DataView(header.buffer)
  view.setUint32(0, width)
  view.setUint32(4, height)
  header.set([8, 0, 0, 0, 0], 8) // 8 bits, greyscale, deflate, no filter method, no interlace
  const rows = new Uint8Array((width + 1) * height)
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1) // each row starts with filter type 0
    for (let x = 0; x < width; x++) rows[row + 1 + x] = bitmap.black(x, y) ? 0 : 255
  }
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(rows)),
    chunk('IEND', new Uint8Array(0))
  ]
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
