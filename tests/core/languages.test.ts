import { formatLabel, labelParts } from '../../src/core/labels'
import { CONVENTIONS, LANGUAGES, LIST_LEVELS } from '../../src/core/languages'

describe('language conventions', () => {
  it('labels each language as its table row says', () => {
    const { en, fr, es, ru, zh, ar } = CONVENTIONS
    expect(formatLabel(en.labels.recommendation, 3)).toBe('Recommendation 3')
    expect(formatLabel(fr.labels.subparagraphList[0], 2)).toBe('b)')
    expect(formatLabel(es.labels.recommendation, 1)).toBe('Recomendación 1')
    expect(formatLabel(ru.labels.recommendation, 1)).toBe('Рекомендация 1')
    expect(formatLabel(ru.labels.subparagraphList[0], 3)).toBe('в)')
    expect(formatLabel(zh.labels.chapter, 2)).toBe('二.')
    expect(zh.reference('paragraph', '12', '12')).toBe('第 12 段')
    expect(formatLabel(ar.labels.chapter, 1)).toBe('أولا -')
    expect(formatLabel(ar.labels.section, 2)).toBe('باء -')
    expect(formatLabel(ar.labels.subparagraphList[0], 1)).toBe('(أ)')
    expect(ar.direction).toBe('rtl')
  })

  it('keeps the number apart from its affixes, so nothing parses a label back', () => {
    expect(labelParts(CONVENTIONS.en.labels.recommendation, 3)).toEqual({
      prefix: 'Recommendation ',
      text: '3',
      suffix: '',
      value: 3
    })
    expect(labelParts(CONVENTIONS.ar.labels.chapter, 2)).toEqual({
      prefix: '',
      text: 'ثانيا',
      suffix: ' -',
      value: 2
    })
  })

  it('defines four list levels in every language', () => {
    for (const language of LANGUAGES) {
      expect(CONVENTIONS[language].labels.subparagraphList).toHaveLength(LIST_LEVELS)
      expect(CONVENTIONS[language].labels.agendaList).toHaveLength(LIST_LEVELS)
    }
  })
})
