import fc from 'fast-check'
import { findSymbols, undocsUrl } from '../../src/core/symbols'
import { countWords, findBrackets } from '../../src/core/text'
import { validateMasthead, emptyMasthead } from '../../src/core/meta'

describe('document symbols', () => {
  it('finds UN symbols in running text and leaves other slashes alone', () => {
    const text =
      'See CTOC/COP/WG.7/2024/INF/1, A/RES/70/1 and (E/CN.15/2019/L.2/Rev.1). Not TCP/IP, and/or 24/7.'
    expect(findSymbols(text).map((match) => match.symbol)).toEqual([
      'CTOC/COP/WG.7/2024/INF/1',
      'A/RES/70/1',
      'E/CN.15/2019/L.2/Rev.1'
    ])
    const [first] = findSymbols(text)
    expect(text.slice(first.from, first.to)).toBe('CTOC/COP/WG.7/2024/INF/1')
  })

  it('links a symbol to the Official Document System in the report language', () => {
    expect(undocsUrl('CTOC/COP/WG.4/2019/2', 'fr')).toBe(
      'https://undocs.org/fr/CTOC/COP/WG.4/2019/2'
    )
  })

  it('flags a malformed masthead symbol', () => {
    expect(validateMasthead({ ...emptyMasthead(), symbol: 'CTOC COP' }).symbol).toMatch(
      /not a UN document symbol/
    )
    expect(validateMasthead({ ...emptyMasthead(), symbol: 'CTOC/COP/WG.4/2019/L.1' })).toEqual({})
  })
})

describe('text helpers', () => {
  it('finds square-bracketed text', () => {
    expect(
      findBrackets('At its [thirteenth] session [……] and [3rd and 4th]').map((b) => b.text)
    ).toEqual(['[thirteenth]', '[……]', '[3rd and 4th]'])
  })

  it('counts words, each CJK character as one', () => {
    expect(countWords('The Working Group adopted the report.')).toBe(6)
    expect(countWords('工作组通过了报告 2024')).toBe(9)
    expect(countWords('  第三届会议\u00a0(2024)\u3000adopted\u2028it ')).toBe(8)
    expect(countWords('')).toBe(0)
  })

  it('counts words as splitting on white space and CJK characters does, for any text', () => {
    // The plain definition, kept here as the oracle the one-pass counter must equal.
    const cjk = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g
    const byExpressions = (text: string) =>
      (text.match(cjk)?.length ?? 0) + (text.replace(cjk, ' ').match(/\S+/g)?.length ?? 0)
    const pieces = fc.constantFrom(
      'a',
      'Working',
      ' ',
      '  ',
      '\t',
      '\n',
      '\u00a0',
      '\u2003',
      '\u202f',
      '\u3000',
      '\ufeff',
      '\u2028',
      '工',
      '作',
      'の',
      'カ',
      '\uf900',
      '\u4dbf',
      '\u3040',
      '\u30ff',
      'é',
      '(',
      '1.',
      '\u200b',
      '\u180e'
    )
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pieces, fc.string({ unit: 'binary' })), { maxLength: 40 }),
        (parts) => {
          const text = parts.join('')
          expect(countWords(text)).toBe(byExpressions(text))
        }
      ),
      { numRuns: 2_000 }
    )
  })
})
