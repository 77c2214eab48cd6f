import fc from 'fast-check'
import { decodeText, decodeTextFile, MAX_TEXT_BYTES } from '../../src/core/import/decode'

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

describe('decodeTextFile', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s)

  it('keeps a UTF-8 Chinese draft with stray bytes as UTF-8 and names the damaged lines', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({
            unit: fc.constantFrom(...'第一章工作组会议报告建议秘书处'),
            minLength: 5,
            maxLength: 40
          }),
          { minLength: 3, maxLength: 30 }
        ),
        fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(0x80, 0x93, 0x97, 0xe8, 0xff),
        (lines, picks, stray) => {
          const damaged = [...new Set(picks.map((pick) => pick % lines.length))]
          const parts = lines.map((line, index) =>
            damaged.includes(index) ? new Uint8Array([...utf8(line), stray]) : utf8(line)
          )
          const bytes = new Uint8Array(
            parts.reduce<number[]>(
              (all, part, index) => [...all, ...(index ? [0x0a] : []), ...part],
              []
            )
          )
          const decoded = decodeTextFile(bytes)
          expect(decoded.encoding).toBe('utf-8')
          expect(decoded.text.split('\n').map((line) => line.replace(/\uFFFD/g, ''))).toEqual(lines)
          expect(decoded.notes.map((note) => note.line)).toEqual(
            damaged.sort((a, b) => a - b).map((i) => i + 1)
          )
        }
      )
    )
  })

  it('reads UTF-16 without a byte-order mark in either order', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'abcdefghij .,—éI1\n'),
          minLength: 8,
          maxLength: 300
        }),
        (sample) => {
          const little = new Uint8Array(sample.length * 2)
          const big = new Uint8Array(sample.length * 2)
          for (let i = 0; i < sample.length; i++) {
            const code = sample.charCodeAt(i)
            little.set([code & 0xff, code >> 8], i * 2)
            big.set([code >> 8, code & 0xff], i * 2)
          }
          expect(decodeTextFile(little)).toMatchObject({ text: sample, encoding: 'utf-16le' })
          expect(decodeTextFile(big)).toMatchObject({ text: sample, encoding: 'utf-16be' })
        }
      )
    )
  })

  it('refuses a file over the text budget before decoding any of it', () => {
    const bytes = new Uint8Array(MAX_TEXT_BYTES + 1).fill(0x97)
    const start = performance.now()
    expect(() => decodeTextFile(bytes)).toThrow(/budget for a text file is 64 MB/)
    expect(performance.now() - start).toBeLessThan(1_000)
  })

  it(
    'decodes Windows-1252 in linear time: 50 MB of high bytes in seconds, not minutes',
    { timeout: 30_000 },
    () => {
      const bytes = new Uint8Array(50 * 1024 * 1024)
      for (let i = 0; i < bytes.length; i++) bytes[i] = i % 7 === 0 ? 0x20 : 0x80 + (i % 128)
      const start = performance.now()
      const decoded = decodeTextFile(bytes)
      expect(performance.now() - start).toBeLessThan(10_000)
      expect(decoded.encoding).toBe('windows-1252')
      expect(decoded.text.length).toBe(bytes.length)
      expect(decoded.text[1]).toBe('\u0081')
      expect(decoded.text[20]).toBe('”')
    }
  )
})
