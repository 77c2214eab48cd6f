// @vitest-environment happy-dom
import { numberingOf, undo, undoDepth } from '@renderer/editor'
import { chapter, doc, h, li, np, ol, p, rec, section } from '../../builders'
import { press, viewOf, shape, typeText } from './setup'

const anyId = /\w{10}/

describe('Enter', () => {
  test('at the end of a numbered paragraph makes the next numbered paragraph', () => {
    const view = viewOf(
      doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One<a>'), np({ id: 'p2' }, 'Two')))
    )
    expect(press(view, 'Enter')).toBe(true)
    view.dispatch(view.state.tr.insertText('New'))
    const items = numberingOf(view.state).items.filter((i) => i.kind === 'paragraph')
    expect(items.map((i) => i.label)).toEqual(['1.', '2.', '3.'])
    expect(items[0].id).toBe('p1')
    expect(items[1].id).toMatch(anyId)
    expect(items[2].id).toBe('p2')
    expect(shape(view.state.doc)[2]).toMatch(/^numbered_paragraph:\w+\|New$/)
    // The new paragraph's number shows in the margin at once.
    expect(view.dom.querySelectorAll('.paragraph-number')[1].textContent).toBe('2.')
    expect(view.dom.querySelectorAll('.paragraph-number')[2].textContent).toBe('3.')
  })

  test('at the start of a paragraph inserts before it, so the paragraph keeps its id', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, '<a>One'))))
    press(view, 'Enter')
    const items = numberingOf(view.state).items.filter((i) => i.kind === 'paragraph')
    expect(items.map((i) => i.label)).toEqual(['1.', '2.'])
    expect(items[1].id).toBe('p1')
    expect(view.state.selection.$from.parent.attrs.id).toBe('p1')
  })

  test('in a heading creates the container’s first numbered paragraph', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('Introduction<a>'), np({ id: 'p1' }, 'One'))))
    press(view, 'Enter')
    expect(shape(view.state.doc)).toEqual([
      '# Introduction',
      expect.stringMatching(/^numbered_paragraph:\w+\|$/),
      'numbered_paragraph:p1|One'
    ])
    expect(view.state.selection.$from.parent.type.name).toBe('numbered_paragraph')
    expect(undoDepth(view.state)).toBe(1)
  })

  test('on an empty last paragraph of a recommendation leaves it with a numbered paragraph', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('C'), rec({ id: 'r1' }, p('Text<a>')))))
    press(view, 'Enter')
    expect(shape(view.state.doc)).toEqual(['# C', 'recommendation:r1|Text'])
    expect(view.state.doc.nodeAt(numberingOf(view.state).byId.get('r1')!.pos)!.childCount).toBe(2)
    press(view, 'Enter')
    expect(shape(view.state.doc)).toEqual([
      '# C',
      'recommendation:r1|Text',
      expect.stringMatching(/^numbered_paragraph:\w+\|$/)
    ])
    expect(view.state.doc.nodeAt(numberingOf(view.state).byId.get('r1')!.pos)!.childCount).toBe(1)
  })

  test('in a list item makes the next item with a fresh id', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('C'), ol(li({ id: 'i1' }, p('Alpha<a>'))))))
    press(view, 'Enter')
    const items = numberingOf(view.state).items.filter((i) => i.kind === 'list_item')
    expect(items.map((i) => i.label)).toEqual(['(a)', '(b)'])
    expect(items[0].id).toBe('i1')
    expect(items[1].id).toMatch(anyId)
  })
})

describe('Backspace and Delete at container boundaries', () => {
  test('Backspace at the start of a heading does nothing', () => {
    const start = doc(
      chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One')),
      chapter({ id: 'c2' }, h('<a>Second'))
    )
    const view = viewOf(start)
    expect(press(view, 'Backspace')).toBe(true)
    expect(view.state.doc.eq(start)).toBe(true)
  })

  test('Backspace at the start of a section heading does not merge it into the chapter text', () => {
    const start = doc(
      chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One'), section({ id: 's1' }, h('<a>A')))
    )
    const view = viewOf(start)
    press(view, 'Backspace')
    expect(view.state.doc.eq(start)).toBe(true)
  })

  test('Backspace at the start of the first paragraph moves to the title end; an empty one is removed', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('Title'), np({ id: 'p1' }, '<a>One'))))
    press(view, 'Backspace')
    expect(shape(view.state.doc)).toEqual(['# Title', 'numbered_paragraph:p1|One'])
    expect(view.state.selection.$from.parent.type.name).toBe('heading')
    expect(view.state.selection.$from.parentOffset).toBe(5)

    const empty = viewOf(
      doc(chapter({ id: 'c1' }, h('Title'), np({ id: 'p1' }, '<a>'), np({ id: 'p2' }, 'Two')))
    )
    press(empty, 'Backspace')
    expect(shape(empty.state.doc)).toEqual(['# Title', 'numbered_paragraph:p2|Two'])
  })

  test('Backspace in an empty recommendation removes it whole', () => {
    const view = viewOf(
      doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One'), rec({ id: 'r1' }, p('<a>'))))
    )
    press(view, 'Backspace')
    expect(shape(view.state.doc)).toEqual(['# C', 'numbered_paragraph:p1|One'])
    undo(view.state, view.dispatch)
    expect(shape(view.state.doc)).toEqual([
      '# C',
      'numbered_paragraph:p1|One',
      'recommendation:r1|'
    ])
  })

  test('Delete at the end of a section’s last paragraph does not pull in the next heading', () => {
    const start = doc(
      chapter(
        { id: 'c1' },
        h('C'),
        section({ id: 's1' }, h('A'), np({ id: 'p1' }, 'One<a>')),
        section({ id: 's2' }, h('B'))
      )
    )
    const view = viewOf(start)
    expect(press(view, 'Delete')).toBe(true)
    expect(view.state.doc.eq(start)).toBe(true)
  })

  test('Delete at the end of a heading never pulls text into the title', () => {
    const start = doc(chapter({ id: 'c1' }, h('Title<a>'), np({ id: 'p1' }, 'One')))
    const view = viewOf(start)
    press(view, 'Delete')
    expect(view.state.doc.eq(start)).toBe(true)
  })

  test('Backspace between two paragraphs still joins them', () => {
    const view = viewOf(
      doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One'), np({ id: 'p2' }, '<a>Two')))
    )
    press(view, 'Backspace')
    expect(shape(view.state.doc)).toEqual(['# C', 'numbered_paragraph:p1|OneTwo'])
  })
})

describe('shortcuts', () => {
  test('Mod-Alt-r inserts a recommendation; Mod-z undoes it in one step', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One<a>'))))
    expect(press(view, 'Mod-Alt-r')).toBe(true)
    expect(shape(view.state.doc)).toEqual([
      '# C',
      'numbered_paragraph:p1|One',
      expect.stringMatching(/^recommendation:/)
    ])
    expect(view.dom.querySelector('.recommendation-heading')!.textContent).toBe('Recommendation 1')
    press(view, 'Mod-z')
    expect(shape(view.state.doc)).toEqual(['# C', 'numbered_paragraph:p1|One'])
  })
})

describe('Tab in lists', () => {
  test('Tab nests the item, Shift-Tab lifts it; at the deepest level Tab stays in the editor', () => {
    const view = viewOf(
      doc(
        chapter(
          { id: 'c1' },
          h('C'),
          ol(li({ id: 'i1' }, p('Alpha')), li({ id: 'i2' }, p('Be<a>ta')))
        )
      )
    )
    expect(press(view, 'Tab')).toBe(true)
    const labels = () =>
      numberingOf(view.state)
        .items.filter((i) => i.kind === 'list_item')
        .map((i) => i.label)
    expect(labels()).toEqual(['(a)', '(i)'])
    expect(press(view, 'Tab')).toBe(true)
    expect(labels()).toEqual(['(a)', '(i)'])
    press(view, 'Shift-Tab')
    expect(labels()).toEqual(['(a)', '(b)'])
  })

  test('outside lists Tab is left to the browser', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'Te<a>xt'))))
    expect(press(view, 'Tab')).toBe(false)
  })
})

describe('typing shortcuts', () => {
  test('"(a) " at the start of a body paragraph starts a sub-paragraph list; Backspace undoes it', () => {
    const view = viewOf(
      doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'As follows:'), np({ id: 'p2' }, '<a>')))
    )
    typeText(view, '(a) First item')
    expect(shape(view.state.doc)).toEqual([
      '# C',
      'numbered_paragraph:p1|As follows:',
      'ordered_list|First item'
    ])
    expect(view.dom.querySelector('.list-label')!.textContent).toBe('(a)')
    const again = viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p2' }, '<a>'))))
    typeText(again, '(a) ')
    expect(press(again, 'Backspace')).toBe(true)
    expect(shape(again.state.doc)).toEqual(['# C', 'numbered_paragraph:p2|(a) '])
  })

  test('not in headings, and not in the middle of a paragraph', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('<a>'), np({ id: 'p1' }, 'Text '))))
    typeText(view, '(a) ')
    expect(shape(view.state.doc)).toEqual(['# (a) ', 'numbered_paragraph:p1|Text '])
    const middle = viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'Text <a>'))))
    typeText(middle, '(a) ')
    expect(shape(middle.state.doc)).toEqual(['# C', 'numbered_paragraph:p1|Text (a) '])
  })
})
