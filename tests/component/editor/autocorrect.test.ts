// @vitest-environment happy-dom
import type { Language } from '@core/languages'
import { setAutoCorrect, AUTOCORRECT_ON } from '@renderer/editor'
import { chapter, doc, h, np } from '../../builders'
import { press, typeText, viewOf } from './setup'

/**
 * UN AutoCorrect as you type: per report language, each correction undone
 * by one Ctrl+Z (leaving what was typed), each switchable off.
 */

const NNBSP = '\u202f'
const NBSP = '\u00a0'

function typed(text: string, language: Language = 'en') {
  const view = viewOf(
    doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, '<a>'))),
    {},
    {
      language,
      recommendationStyle: 'block'
    }
  )
  typeText(view, text)
  return view
}

const paragraph = (view: ReturnType<typeof typed>) =>
  view.state.doc.firstChild!.child(1).textContent

describe('typographic quotes', () => {
  test.each([
    ['en', 'He said "yes" and it\'s done', 'He said “yes” and it’s done'],
    ['zh', '他说"是"', '他说“是”'],
    ['fr', 'Il a dit "oui"', `Il a dit «${NNBSP}oui${NNBSP}»`],
    ['fr', 'Il a dit "oui "', `Il a dit «${NNBSP}oui${NNBSP}»`],
    ['ru', 'Он сказал "да"', 'Он сказал «да»'],
    ['es', 'Dijo "sí"', 'Dijo «sí»'],
    ['ar', 'قال "نعم"', 'قال «نعم»'],
    ['en', "the 'draft' text", 'the ‘draft’ text']
  ] as Array<[Language, string, string]>)('%s: %s', (language, input, output) => {
    expect(paragraph(typed(input, language))).toBe(output)
  })
})

describe('number ranges and no-break spaces', () => {
  test('an en dash between numbers, not in document symbols or words', () => {
    expect(paragraph(typed('paragraphs 3-5 of 2019-2020'))).toBe(
      `paragraphs${NBSP}3–5 of 2019–2020`
    )
    expect(paragraph(typed('CTOC/COP/2019-2 and x-1'))).toBe('CTOC/COP/2019-2 and x-1')
  })

  test('paragraph, recommendation and article keep their number', () => {
    expect(paragraph(typed('see paragraph 12, recommendation 3 and article 5'))).toBe(
      `see paragraph${NBSP}12, recommendation${NBSP}3 and article${NBSP}5`
    )
    expect(paragraph(typed('voir le paragraphe 4', 'fr'))).toBe(`voir le paragraphe${NBSP}4`)
    expect(paragraph(typed('the 2 items'))).toBe('the 2 items')
  })
})

describe('undo', () => {
  test('one Ctrl+Z after a correction gives back what was typed; the next undoes the typing', () => {
    const view = typed('say "')
    expect(paragraph(view)).toBe('say “')
    press(view, 'Mod-z')
    expect(paragraph(view)).toBe('say "')
    const dash = typed('2019-2')
    press(view, 'Mod-z')
    press(dash, 'Mod-z')
    expect(paragraph(dash)).toBe('2019-2')
    const space = typed('paragraph 1')
    press(space, 'Mod-z')
    expect(paragraph(space)).toBe('paragraph 1')
  })
})

describe('settings', () => {
  test('each rule can be switched off on its own', () => {
    const view = typed('')
    setAutoCorrect({ ...AUTOCORRECT_ON, quotes: false })(view.state, view.dispatch)
    typeText(view, '"a" 1-2 paragraph 3')
    expect(paragraph(view)).toBe(`"a" 1–2 paragraph${NBSP}3`)
    const off = typed('')
    setAutoCorrect({ quotes: true, dashes: false, nonBreakingSpaces: false })(
      off.state,
      off.dispatch
    )
    typeText(off, '"a" 1-2 paragraph 3')
    expect(paragraph(off)).toBe('“a” 1-2 paragraph 3')
  })
})
