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
  })
})
