import { decodeText } from '../../src/core/import/decode'

const text = 'I. Introduction\n1. The Working Group met in Genève — “Draft”.\n'

describe('decodeText', () => {
  it('reads UTF-8 and drops its byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])
    expect(decodeText(bytes)).toBe(text)
  })

  it('reads UTF-16 in either byte order, told by its mark', () => {
    const little = new Uint8Array(2 + text.length * 2)
    const big = new Uint8Array(2 + text.length * 2)
    little.set([0xff, 0xfe])
    big.set([0xfe, 0xff])
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      little.set([code & 0xff, code >> 8], 2 + i * 2)
      big.set([code >> 8, code & 0xff], 2 + i * 2)
    }
    expect(decodeText(little)).toBe(text)
    expect(decodeText(big)).toBe(text)
  })

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    // "Genève — “Draft”" as an old Windows editor writes it.
    const cp1252 = new Uint8Array([
      ...new TextEncoder().encode('Gen'),
      0xe8,
      ...new TextEncoder().encode('ve '),
      0x97,
      0x20,
      0x93,
      ...new TextEncoder().encode('Draft'),
      0x94
    ])
    expect(decodeText(cp1252)).toBe('Genève — “Draft”')
  })
})
