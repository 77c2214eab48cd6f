import { reportNumbering } from '../../src/core/docx/list-numbering'
import { NUMBERING } from '../../src/core/docx/layout'
import { formatLabel, toRoman } from '../../src/core/labels'
import { CONVENTIONS, LANGUAGES } from '../../src/core/languages'

/**
 * Word draws list labels from each level's format and text; these must give
 * the labels the core computes for the language, or the exported file would
 * disagree with the editor.
 */

/** Word's number formats, as Word renders a number in each (the ones the exporter uses). */
const WORD_FORMATS: Record<string, (n: number) => string> = {
  decimal: String,
  // Word repeats the letter past z: aa, bb, cc.
  lowerLetter: (n) => 'abcdefghijklmnopqrstuvwxyz'[(n - 1) % 26].repeat(Math.ceil(n / 26)),
  lowerRoman: (n) => toRoman(n).toLowerCase(),
  // Word's Russian sequence leaves out ё, й, ъ and ь.
  russianLower: (n) => 'абвгдежзиклмнопрстуфхцчшщыэюя'[n - 1],
  // Word's abjad order for the first four letters (هـ onwards Word writes with a tatweel).
  arabicAbjad: (n) => 'أبجد'[n - 1]
}

function wordLabel(
  reference: string,
  language: (typeof LANGUAGES)[number],
  level: number,
  n: number
) {
  const config = reportNumbering(language).config.find((c) => c.reference === reference)!
  const definition = config.levels[level]
  const render = WORD_FORMATS[definition.format!]
  expect(render, `format ${definition.format}`).toBeDefined()
  return definition.text!.replace(`%${level + 1}`, render(n))
}

describe.each(LANGUAGES)('Word numbering for %s', (language) => {
  const labels = CONVENTIONS[language].labels
  const numbers = [1, 2, 3, 4, 26, 27, 28]
  const letterNumbers = (level: number, n: number) =>
    // Word's abjad is only modelled for the first four letters here (the LibreOffice test covers the rest).
    !(language === 'ar' && level === 0 && n > 4)

  it('labels numbered paragraphs as the core does', () => {
    for (const n of numbers)
      expect(wordLabel(NUMBERING.paragraphs, language, 0, n)).toBe(formatLabel(labels.paragraph, n))
  })

  it('labels sub-paragraph list levels as the core does', () => {
    for (const level of [0, 1])
      for (const n of numbers.filter((n) => letterNumbers(level, n)))
        expect(wordLabel(NUMBERING.subparagraphs, language, level, n)).toBe(
          formatLabel(labels.subparagraphList[level], n)
        )
  })

  it('labels agenda list levels as the core does', () => {
    for (const level of [0, 1])
      for (const n of numbers.filter((n) => letterNumbers(level - 1, n)))
        expect(wordLabel(NUMBERING.agenda, language, level, n)).toBe(
          formatLabel(labels.agendaList[level], n)
        )
  })
})
