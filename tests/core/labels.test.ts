import {
  NUMERALS,
  formatLabel,
  numeralForWordFormat,
  parseLabel,
  sequenceSwitch,
  spec,
  toChineseNumeral,
  toRoman,
  wordLevel
} from '../../src/core/labels'
import { letterValue, romanValue } from '../../src/core/import/markers'

describe('numeral systems', () => {
  it('writes Roman numerals, and digits past 3999', () => {
    expect([1, 4, 9, 14, 40, 90, 400, 1994, 3999, 4000, 1e12].map(toRoman)).toEqual([
      'I',
      'IV',
      'IX',
      'XIV',
      'XL',
      'XC',
      'CD',
      'MCMXCIV',
      'MMMCMXCIX',
      '4000',
      '1000000000000'
    ])
  })

  it('reads only canonical Roman numerals', () => {
    const roman = NUMERALS['upper-roman']
    expect(['XIV', 'MCMXCIV', 'XIIII', 'IIX', '4000', '12'].map(roman.parse)).toEqual([
      14,
      1994,
      undefined,
      undefined,
      4000,
      undefined
    ])
  })

  it("letters past z as Word's lowerLetter does: aa, bb, cc", () => {
    const latin = NUMERALS['lower-latin']
    expect([1, 26, 27, 28, 52, 53, 780].map(latin.format)).toEqual([
      'a',
      'z',
      'aa',
      'bb',
      'zz',
      'aaa',
      'z'.repeat(30)
    ])
    expect(['aa', 'bb', 'ab', 'zz'].map(latin.parse)).toEqual([27, 28, undefined, 52])
  })

  it('bounds letter labels: digits stand in past the last one', () => {
    for (const system of Object.values(NUMERALS)) {
      const label = system.format(10 ** 8)
      expect(label.length).toBeLessThanOrEqual(10)
      expect(system.parse(label)).toBe(10 ** 8)
    }
  })

  it('continues Russian and Arabic letters as LibreOffice renders Word lists', () => {
    expect([1, 25, 26, 29, 30, 31].map(NUMERALS['lower-cyrillic'].format)).toEqual([
      'а',
      'щ',
      'ы',
      'я',
      'аа',
      'аб'
    ])
    expect([1, 5, 28, 29, 30].map(NUMERALS['arabic-abjad'].format)).toEqual([
      'أ',
      'ه',
      'غ',
      'أأ',
      'أب'
    ])
    // Word writes هـ and LibreOffice ا: both read as the same letters.
    expect(['هـ', 'ا', 'اب'].map(NUMERALS['arabic-abjad'].parse)).toEqual([5, 1, 30])
  })

  it('writes Chinese numerals', () => {
    expect([1, 10, 11, 20, 21, 99, 100, 105, 110, 1000].map(toChineseNumeral)).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百零五',
      '一百一十',
      '1000'
    ])
  })
})

describe('label specs', () => {
  it('read back every label they write', () => {
    const specs = [
      spec('lower-latin', '(', ')'),
      spec('upper-roman', '', '.'),
      spec('decimal', 'Recommendation '),
      spec('arabic-ordinal', '', ' -'),
      spec('arabic-letter-name', '', ' -'),
      spec('chinese', '', '.')
    ]
    for (const format of specs)
      for (let n = 1; n <= 100; n++) expect(parseLabel(format, formatLabel(format, n))).toBe(n)
    expect(parseLabel(spec('lower-latin', '(', ')'), 'b)')).toBeUndefined()
  })

  it('give Word its level format and text, and SEQ fields their switch', () => {
    expect(wordLevel(spec('lower-latin', '(', ')'), 1)).toEqual({
      format: 'lowerLetter',
      text: '(%2)'
    })
    expect(wordLevel(spec('decimal', '', ' -'), 0)).toEqual({ format: 'decimal', text: '%1 -' })
    expect(sequenceSwitch(spec('decimal', 'Recommendation '))).toBe('\\* ARABIC')
    expect(() => wordLevel(spec('arabic-ordinal'), 0)).toThrow(/no numbering format/)
    expect(numeralForWordFormat('russianLower')).toBe(NUMERALS['lower-cyrillic'])
  })

  it('are what the importer reads list letters with', () => {
    expect(['a', 'z', 'aa', 'bb', 'ab', 'ы', 'аа', 'هـ'].map(letterValue)).toEqual([
      1,
      26,
      27,
      28,
      undefined,
      26,
      30,
      5
    ])
    expect(['iv', 'xl', 'iiii', 'mcm'].map(romanValue)).toEqual([4, 40, undefined, 1900])
  })
})
