import {
  CONVENTIONS,
  bareLabel,
  toChineseNumeral,
  toLetters,
  toRoman
} from '../../src/core/languages'

describe('language conventions', () => {
  it('writes Roman numerals', () => {
    expect([1, 4, 9, 14, 40, 90, 400, 1994].map(toRoman)).toEqual([
      'I',
      'IV',
      'IX',
      'XIV',
      'XL',
      'XC',
      'CD',
      'MCMXCIV'
    ])
  })

  it('writes letters past z as Word does', () => {
    expect([1, 26, 27, 28, 52, 53].map((n) => toLetters(n))).toEqual([
      'a',
      'z',
      'aa',
      'ab',
      'az',
      'ba'
    ])
  })

  it('writes Chinese numerals', () => {
    expect([1, 10, 11, 20, 21, 99, 100, 105, 110].map(toChineseNumeral)).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百零五',
      '一百一十'
    ])
  })

  it('labels each language as its table row says', () => {
    expect(CONVENTIONS.en.recommendation(3)).toBe('Recommendation 3')
    expect(CONVENTIONS.fr.subparagraphList[0](2)).toBe('b)')
    expect(CONVENTIONS.es.recommendation(1)).toBe('Recomendación 1')
    expect(CONVENTIONS.ru.recommendation(1)).toBe('Рекомендация 1')
    expect(CONVENTIONS.zh.chapter(2)).toBe('二.')
    expect(CONVENTIONS.zh.reference('paragraph', '12', '12')).toBe('第 12 段')
    expect(CONVENTIONS.ar.chapter(1)).toBe('أولا -')
    expect(CONVENTIONS.ar.section(2)).toBe('باء -')
    expect(CONVENTIONS.ar.direction).toBe('rtl')
  })

  it('strips a label to its bare number', () => {
    expect(['II.', '(a)', 'b)', '12.', 'أولا -'].map(bareLabel)).toEqual([
      'II',
      'a',
      'b',
      '12',
      'أولا'
    ])
  })
})
