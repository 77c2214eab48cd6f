// @vitest-environment happy-dom
import type { Node } from 'prosemirror-model'
import { AllSelection, TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { numberingOf, undo, undoDepth } from '@renderer/editor'
import { brokenByLastEdit } from '@renderer/editor/reference-guard'
import { chapter, doc, fn, h, li, np, ol, p, rec, section, subsection, xref } from '../../builders'
import { press, shape, typeText, viewOf } from './setup'

/**
 * The behaviour table of docs/EDITING.md, one test per row (the row's id
 * is in the test name). Every row also checks that one Ctrl+Z restores the
 * document exactly.
 */

const NEW_NP = /^numbered_paragraph:\w{10}\|$/

/** The type name and text of the textblock holding the cursor, and the cursor's offset in it. */
function caret(view: EditorView): string {
  const { $from } = view.state.selection
  return `${$from.parent.type.name}|${$from.parent.textContent}@${$from.parentOffset}`
}

/** Presses `key`, expects it handled, and that one undo step brings `start` back. */
function pressOnce(view: EditorView, key: string): { undoBack: () => void } {
  const start = view.state.doc
  const depth = undoDepth(view.state)
  expect(press(view, key)).toBe(true)
  return {
    undoBack() {
      if (view.state.doc.eq(start)) return
      expect(undoDepth(view.state)).toBe(depth + 1)
      undo(view.state, view.dispatch)
      expect(view.state.doc.eq(start)).toBe(true)
    }
  }
}

/** Expects `key` to change nothing in the document (handled or not). */
function changesNothing(view: EditorView, key: string): void {
  const start = view.state.doc
  press(view, key)
  expect(view.state.doc.eq(start)).toBe(true)
}

const LEVELS: Array<[string, (title: string) => Node]> = [
  [
    'chapter',
    (title) =>
      doc(
        chapter({ id: 'c1' }, h('First'), np({ id: 'p1' }, 'One')),
        chapter({ id: 'c2' }, h(title), np({ id: 'p2' }, 'Two'))
      )
  ],
  [
    'section',
    (title) =>
      doc(
        chapter(
          { id: 'c1' },
          h('First'),
          section({ id: 's1' }, h('A'), np({ id: 'p1' }, 'One')),
          section({ id: 's2' }, h(title), np({ id: 'p2' }, 'Two'))
        )
      )
  ],
  [
    'subsection',
    (title) =>
      doc(
        chapter(
          { id: 'c1' },
          h('First'),
          section(
            { id: 's1' },
            h('A'),
            subsection({ id: 'u1' }, h('1'), np({ id: 'p1' }, 'One')),
            subsection({ id: 'u2' }, h(title), np({ id: 'p2' }, 'Two'))
          )
        )
      )
  ]
]

describe.each(LEVELS)('%s heading', (_level, build) => {
  const headings = (view: EditorView) => shape(view.state.doc).filter((l) => l.startsWith('#'))

  test('H1 Enter at the start: a numbered paragraph at the end of the text before; title intact', () => {
    const view = viewOf(build('<a>Title'))
    const before = headings(view)
    const step = pressOnce(view, 'Enter')
    expect(headings(view)).toEqual(before)
    const lines = shape(view.state.doc)
    const at = lines.indexOf('numbered_paragraph:p1|One')
    expect(lines[at + 1]).toMatch(NEW_NP)
    expect(lines[at + 2]).toBe('# Title')
    expect(caret(view)).toBe('numbered_paragraph|@0')
    expect(numberingOf(view.state).byId.get('p2')!.label).toBe('3.')
    step.undoBack()
  })

  test.each([
    ['H2 Enter in the middle: the title stays whole', 'Ti<a>tle', 'Title'],
    ['H3 Enter at the end', 'Title<a>', 'Title'],
    ['H4 Enter in an empty heading: the heading stays', '<a>', '']
  ])('%s; the first paragraph opens under it', (_row, title, kept) => {
    const view = viewOf(build(title))
    const step = pressOnce(view, 'Enter')
    const lines = shape(view.state.doc)
    const at = lines.indexOf(`# ${kept}`)
    expect(lines[at + 1]).toMatch(NEW_NP)
    expect(lines[at + 2]).toBe('numbered_paragraph:p2|Two')
    expect(caret(view)).toBe('numbered_paragraph|@0')
    step.undoBack()
  })

  test('H5 Backspace at the start: nothing (no merge into the text before)', () => {
    changesNothing(viewOf(build('<a>Title')), 'Backspace')
  })

  test('H6 Delete at the end: nothing; an empty first paragraph goes', () => {
    changesNothing(viewOf(build('Title<a>')), 'Delete')
  })

  test('H7 Tab and Shift+Tab: left to the browser, nothing changes', () => {
    const view = viewOf(build('Ti<a>tle'))
    expect(press(view, 'Tab')).toBe(false)
    expect(press(view, 'Shift-Tab')).toBe(false)
    changesNothing(view, 'Tab')
  })

  test('H8 Enter with part of the title selected: the title stays whole', () => {
    const view = viewOf(build('Title'))
    const at = shape(view.state.doc).indexOf('# Title')
    expect(at).toBeGreaterThan(0)
    let start = -1
    view.state.doc.descendants((node, pos) => {
      if (node.type.name === 'heading' && node.textContent === 'Title') start = pos + 1
    })
    view.dispatch(
      view.state.tr.setSelection(TextSelection.create(view.state.doc, start + 1, start + 3))
    )
    pressOnce(view, 'Enter').undoBack()
  })
})

test('H1 Enter at the start of the first chapter title: nothing comes before it', () => {
  const view = viewOf(doc(chapter({ id: 'c1' }, h('<a>Title'), np({ id: 'p1' }, 'One'))))
  changesNothing(view, 'Enter')
})

test('H6 Delete at the end of a title removes an empty first paragraph', () => {
  const view = viewOf(
    doc(chapter({ id: 'c1' }, h('Title<a>'), np({ id: 'p0' }), np({ id: 'p1' }, 'One')))
  )
  const step = pressOnce(view, 'Delete')
  expect(shape(view.state.doc)).toEqual(['# Title', 'numbered_paragraph:p1|One'])
  step.undoBack()
})

test('H1 Enter at the start of a section after subsections: the paragraph ends the last subsection', () => {
  const view = viewOf(
    doc(
      chapter(
        { id: 'c1' },
        h('I'),
        section({ id: 's1' }, h('A'), subsection({ id: 'u1' }, h('1'), np({ id: 'p1' }, 'One'))),
        section({ id: 's2' }, h('<a>B'))
      )
    )
  )
  pressOnce(view, 'Enter')
  const u1 = view.state.doc.child(0).child(1).child(1)
  expect(u1.lastChild!.type.name).toBe('numbered_paragraph')
  expect(u1.childCount).toBe(3)
})

describe('body paragraphs and section boundaries', () => {
  test('B1 Enter at the start of a paragraph inserts one before it; it keeps its id', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, '<a>One'))))
    const step = pressOnce(view, 'Enter')
    expect(shape(view.state.doc)).toEqual([
      '# C',
      expect.stringMatching(NEW_NP),
      'numbered_paragraph:p1|One'
    ])
    step.undoBack()
  })

  test('B2 Enter in an empty numbered paragraph makes another numbered paragraph', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, '<a>'))))
    const step = pressOnce(view, 'Enter')
    expect(shape(view.state.doc).slice(1)).toEqual([
      'numbered_paragraph:p1|',
      expect.stringMatching(NEW_NP)
    ])
    step.undoBack()
  })

  test('B3 Enter in an unnumbered paragraph makes another unnumbered paragraph', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('C'), p('Front<a>'))))
    pressOnce(view, 'Enter').undoBack()
    expect(shape(view.state.doc)).toEqual(['# C', 'paragraph|Front'])
    press(view, 'Enter')
    expect(shape(view.state.doc)).toEqual(['# C', 'paragraph|Front', 'paragraph|'])
  })

  test('B4 Backspace at the start of a section’s first paragraph: cursor to the title end', () => {
    const view = viewOf(
      doc(chapter({ id: 'c1' }, h('C'), section({ id: 's1' }, h('A'), np({ id: 'p1' }, '<a>One'))))
    )
    changesNothing(view, 'Backspace')
    expect(caret(view)).toBe('heading|A@1')
  })

  test('B5 Delete at the end of a section’s last paragraph: nothing (sections never merge)', () => {
    const view = viewOf(
      doc(
        chapter(
          { id: 'c1' },
          h('C'),
          section({ id: 's1' }, h('A'), np({ id: 'p1' }, 'One<a>')),
          section({ id: 's2' }, h('B'), np({ id: 'p2' }, 'Two'))
        )
      )
    )
    changesNothing(view, 'Delete')
  })

  test('B6 Backspace between two paragraphs joins them', () => {
    const view = viewOf(
      doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One'), np({ id: 'p2' }, '<a>Two')))
    )
    const step = pressOnce(view, 'Backspace')
    expect(shape(view.state.doc)).toEqual(['# C', 'numbered_paragraph:p1|OneTwo'])
    step.undoBack()
  })

  test('B7 Delete in an empty paragraph removes it', () => {
    const view = viewOf(
      doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, '<a>'), np({ id: 'p2' }, 'Two')))
    )
    const step = pressOnce(view, 'Delete')
    expect(shape(view.state.doc)).toEqual(['# C', 'numbered_paragraph:p2|Two'])
    step.undoBack()
  })

  test('B8 Tab in a body paragraph is left to the browser', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'O<a>ne'))))
    expect(press(view, 'Tab')).toBe(false)
    expect(press(view, 'Shift-Tab')).toBe(false)
  })
})

describe('recommendations', () => {
  const around = (inside: Node, after: Node = np({ id: 'p2' }, 'After')) =>
    doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'Before'), inside, after))

  test('R1 Enter at the start of its text: a numbered paragraph before it; it keeps its id', () => {
    const view = viewOf(around(rec({ id: 'r1' }, p('<a>Text'))))
    const step = pressOnce(view, 'Enter')
    expect(shape(view.state.doc)).toEqual([
      '# C',
      'numbered_paragraph:p1|Before',
      expect.stringMatching(NEW_NP),
      'recommendation:r1|Text',
      'numbered_paragraph:p2|After'
    ])
    expect(view.state.doc.firstChild!.child(3).childCount).toBe(1)
    step.undoBack()
  })

  test('R2 Enter in the middle of its text splits it into two of its paragraphs', () => {
    const view = viewOf(around(rec({ id: 'r1' }, p('Te<a>xt'))))
    const step = pressOnce(view, 'Enter')
    expect(view.state.doc.firstChild!.child(2).childCount).toBe(2)
    expect(caret(view)).toBe('paragraph|xt@0')
    step.undoBack()
  })

  test('R3 Enter at the end, then Enter again, leaves with a numbered paragraph', () => {
    const view = viewOf(around(rec({ id: 'r1' }, p('Text<a>'))))
    pressOnce(view, 'Enter')
    const step = pressOnce(view, 'Enter')
    expect(shape(view.state.doc)[3]).toMatch(NEW_NP)
    expect(view.state.doc.firstChild!.child(2).childCount).toBe(1)
    step.undoBack()
  })

  test('R4 Enter at the end then Ctrl+Alt+R: the new recommendation leaves no empty line in the first', () => {
    const view = viewOf(around(rec({ id: 'r1' }, p('Text<a>'))))
    press(view, 'Enter')
    const step = pressOnce(view, 'Mod-Alt-r')
    const r1 = view.state.doc.firstChild!.child(2)
    expect(r1.childCount).toBe(1)
    expect(shape(view.state.doc)[3]).toMatch(/^recommendation:\w{10}\|$/)
    expect(caret(view)).toBe('paragraph|@0')
    step.undoBack()
  })

  test('R5 Backspace at the start of its text: the cursor moves back, nothing merges or unwraps', () => {
    const view = viewOf(around(rec({ id: 'r1' }, p('<a>Text'))))
    changesNothing(view, 'Backspace')
    expect(caret(view)).toBe('numbered_paragraph|Before@6')
  })

  test('R6 Backspace at the start of its text right under a title: the cursor goes to the title', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('C'), rec({ id: 'r1' }, p('<a>Text')))))
    changesNothing(view, 'Backspace')
    expect(caret(view)).toBe('heading|C@1')
  })

  test('R7 Backspace or Delete in an empty recommendation removes it whole', () => {
    for (const key of ['Backspace', 'Delete']) {
      const view = viewOf(around(rec({ id: 'r1' }, p('<a>'))))
      const step = pressOnce(view, key)
      expect(shape(view.state.doc)).toEqual([
        '# C',
        'numbered_paragraph:p1|Before',
        'numbered_paragraph:p2|After'
      ])
      step.undoBack()
    }
  })

  test('R8 Backspace at the start of the paragraph after it: no merge; an empty paragraph goes', () => {
    const view = viewOf(around(rec({ id: 'r1' }, p('Text')), np({ id: 'p2' }, '<a>After')))
    changesNothing(view, 'Backspace')
    expect(caret(view)).toBe('paragraph|Text@4')
    const empty = viewOf(around(rec({ id: 'r1' }, p('Text')), np({ id: 'p2' }, '<a>')))
    const step = pressOnce(empty, 'Backspace')
    expect(shape(empty.state.doc)).toEqual([
      '# C',
      'numbered_paragraph:p1|Before',
      'recommendation:r1|Text'
    ])
    expect(caret(empty)).toBe('paragraph|Text@4')
    step.undoBack()
  })

  test('R9 Delete at the end of its text: nothing pulled in; an empty paragraph after goes', () => {
    changesNothing(viewOf(around(rec({ id: 'r1' }, p('Text<a>')))), 'Delete')
    const empty = viewOf(around(rec({ id: 'r1' }, p('Text<a>')), np({ id: 'p2' })))
    const step = pressOnce(empty, 'Delete')
    expect(shape(empty.state.doc)).toEqual([
      '# C',
      'numbered_paragraph:p1|Before',
      'recommendation:r1|Text'
    ])
    step.undoBack()
  })

  test('R10 Delete at the end of the paragraph before it: nothing; an empty paragraph goes', () => {
    const text = doc(
      chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'Before<a>'), rec({ id: 'r1' }, p('Text')))
    )
    changesNothing(viewOf(text), 'Delete')
    const empty = viewOf(
      doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, '<a>'), rec({ id: 'r1' }, p('Text'))))
    )
    const step = pressOnce(empty, 'Delete')
    expect(shape(empty.state.doc)).toEqual(['# C', 'recommendation:r1|Text'])
    expect(caret(empty)).toBe('paragraph|Text@0')
    step.undoBack()
  })

  test('R11 Tab in its text is left to the browser', () => {
    const view = viewOf(around(rec({ id: 'r1' }, p('Te<a>xt'))))
    expect(press(view, 'Tab')).toBe(false)
  })
})

describe('lists', () => {
  const list = (...items: Node[]) =>
    doc(
      chapter(
        { id: 'c1' },
        h('C'),
        np({ id: 'p1' }, 'As follows:'),
        ol(...items),
        np({ id: 'p2' }, 'After')
      )
    )
  const labels = (view: EditorView) =>
    numberingOf(view.state)
      .items.filter((i) => i.kind === 'list_item')
      .map((i) => i.label)

  test('L1 Enter in an empty last item leaves the list with a numbered paragraph', () => {
    const view = viewOf(list(li({ id: 'i1' }, p('Alpha')), li({ id: 'i2' }, p('<a>'))))
    const step = pressOnce(view, 'Enter')
    expect(shape(view.state.doc)).toEqual([
      '# C',
      'numbered_paragraph:p1|As follows:',
      'ordered_list|Alpha',
      expect.stringMatching(NEW_NP),
      'numbered_paragraph:p2|After'
    ])
    expect(labels(view)).toEqual(['(a)'])
    step.undoBack()
  })

  test('L2 Enter in an empty sole item turns the list back into a numbered paragraph', () => {
    const view = viewOf(list(li({ id: 'i1' }, p('<a>'))))
    pressOnce(view, 'Enter').undoBack()
    press(view, 'Enter')
    expect(shape(view.state.doc)[2]).toMatch(NEW_NP)
  })

  test('L3 Enter in an empty last item of a list in a recommendation: a paragraph of the recommendation', () => {
    const view = viewOf(
      doc(
        chapter(
          { id: 'c1' },
          h('C'),
          rec({ id: 'r1' }, p('Text'), ol(li({ id: 'i1' }, p('A')), li({ id: 'i2' }, p('<a>'))))
        )
      )
    )
    const step = pressOnce(view, 'Enter')
    const r1 = view.state.doc.firstChild!.child(1)
    expect(r1.childCount).toBe(3)
    expect(r1.lastChild!.type.name).toBe('paragraph')
    step.undoBack()
  })

  test('L4 Backspace at the start of the first item: the cursor moves back, nothing merges', () => {
    const view = viewOf(list(li({ id: 'i1' }, p('<a>Alpha')), li({ id: 'i2' }, p('Beta'))))
    changesNothing(view, 'Backspace')
    expect(caret(view)).toBe('numbered_paragraph|As follows:@11')
  })

  test('L5 Backspace in an empty sole item turns the list back into a numbered paragraph', () => {
    const view = viewOf(list(li({ id: 'i1' }, p('<a>'))))
    const step = pressOnce(view, 'Backspace')
    expect(shape(view.state.doc)[2]).toMatch(NEW_NP)
    step.undoBack()
  })

  test('L6 Backspace at the start of a later item joins it to the item before', () => {
    const view = viewOf(list(li({ id: 'i1' }, p('Alpha')), li({ id: 'i2' }, p('<a>Beta'))))
    const step = pressOnce(view, 'Backspace')
    expect(labels(view)).toEqual(['(a)'])
    expect(shape(view.state.doc)[2]).toBe('ordered_list|AlphaBeta')
    step.undoBack()
  })

  test('L7 Backspace at the start of the paragraph after a list: no merge; an empty one goes', () => {
    const view = viewOf(
      doc(
        chapter(
          { id: 'c1' },
          h('C'),
          ol(li({ id: 'i1' }, p('Alpha'))),
          np({ id: 'p2' }, '<a>After')
        )
      )
    )
    changesNothing(view, 'Backspace')
    expect(caret(view)).toBe('paragraph|Alpha@5')
    const empty = viewOf(
      doc(chapter({ id: 'c1' }, h('C'), ol(li({ id: 'i1' }, p('Alpha'))), np({ id: 'p2' }, '<a>')))
    )
    const step = pressOnce(empty, 'Backspace')
    expect(shape(empty.state.doc)).toEqual(['# C', 'ordered_list|Alpha'])
    step.undoBack()
  })

  test('L8 Delete at the end of the last item: the next paragraph is not pulled in', () => {
    changesNothing(viewOf(list(li({ id: 'i1' }, p('Alpha<a>')))), 'Delete')
  })

  test('L9 Tab on the first item cannot nest it: nothing changes, focus stays', () => {
    const view = viewOf(list(li({ id: 'i1' }, p('Al<a>pha')), li({ id: 'i2' }, p('Beta'))))
    expect(press(view, 'Tab')).toBe(true)
    expect(labels(view)).toEqual(['(a)', '(b)'])
  })

  test('L10 Tab on the last item nests it, Shift+Tab lifts it back, each one undo step', () => {
    const view = viewOf(list(li({ id: 'i1' }, p('Alpha')), li({ id: 'i2' }, p('Be<a>ta'))))
    const tab = pressOnce(view, 'Tab')
    expect(labels(view)).toEqual(['(a)', '(i)'])
    tab.undoBack()
    press(view, 'Tab')
    const shiftTab = pressOnce(view, 'Shift-Tab')
    expect(labels(view)).toEqual(['(a)', '(b)'])
    shiftTab.undoBack()
  })

  test('L11 Shift+Tab on an outer item takes it out of the list as a numbered paragraph', () => {
    const view = viewOf(list(li({ id: 'i1' }, p('Alpha')), li({ id: 'i2' }, p('Be<a>ta'))))
    const step = pressOnce(view, 'Shift-Tab')
    expect(shape(view.state.doc)).toEqual([
      '# C',
      'numbered_paragraph:p1|As follows:',
      'ordered_list|Alpha',
      expect.stringMatching(/^numbered_paragraph:\w{10}\|Beta$/),
      'numbered_paragraph:p2|After'
    ])
    step.undoBack()
  })
})

describe('footnote marks and cross-references', () => {
  test('F1 Backspace after a footnote mark selects it; a second Backspace deletes it', () => {
    const view = viewOf(
      doc(
        chapter(
          { id: 'c1' },
          h('C'),
          np({ id: 'p1' }, 'Text', fn({ id: 'f1' }, p('Note')), '<a> more')
        )
      )
    )
    changesNothing(view, 'Backspace')
    expect(view.state.selection.from).toBe(view.state.selection.to - 8)
    const step = pressOnce(view, 'Backspace')
    expect(view.state.doc.textContent).toBe('CText more')
    step.undoBack()
  })

  test('F2 Delete before a footnote mark selects it first', () => {
    const view = viewOf(
      doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'Text<a>', fn({ id: 'f1' }, p('Note')))))
    )
    changesNothing(view, 'Delete')
    expect(view.state.selection.empty).toBe(false)
  })

  test('F3 Backspace after a cross-reference deletes it as one unit', () => {
    const view = viewOf(
      doc(
        chapter(
          { id: 'c1' },
          h('C'),
          np({ id: 'p1' }, 'One'),
          np({ id: 'p2' }, 'See ', xref('p1'), '<a>.')
        )
      )
    )
    const step = pressOnce(view, 'Backspace')
    expect(shape(view.state.doc)[2]).toBe('numbered_paragraph:p2|See .')
    let refs = 0
    view.state.doc.descendants((n) => void (n.type.name === 'cross_reference' && refs++))
    expect(refs).toBe(0)
    step.undoBack()
  })

  test('F4 Enter right after a footnote mark splits the paragraph; the mark stays before the cut', () => {
    const view = viewOf(
      doc(
        chapter(
          { id: 'c1' },
          h('C'),
          np({ id: 'p1' }, 'Text', fn({ id: 'f1' }, p('Note')), '<a> more')
        )
      )
    )
    const step = pressOnce(view, 'Enter')
    const first = view.state.doc.firstChild!.child(1)
    expect(first.lastChild!.type.name).toBe('footnote')
    expect(shape(view.state.doc)[2]).toMatch(/^numbered_paragraph:\w{10}\| more$/)
    step.undoBack()
  })
})

describe('selections across sections', () => {
  const three = () =>
    doc(
      chapter(
        { id: 'c1' },
        h('I'),
        section({ id: 's1' }, h('A'), np({ id: 'p1' }, 'Alpha one'), np({ id: 'p2' }, 'Alpha two')),
        section({ id: 's2' }, h('B'), np({ id: 'p3' }, 'Beta')),
        section({ id: 's3' }, h('C'), np({ id: 'p4' }, 'Gamma one'), np({ id: 'p5' }, 'Gamma two'))
      )
    )
  /** Selects from `offset` into the text of `fromId` to `toOffset` into `toId`. */
  const select = (
    view: EditorView,
    fromId: string,
    offset: number,
    toId: string,
    toOffset: number
  ) => {
    const at = (id: string) => numberingOf(view.state).byId.get(id)!.pos + 1
    view.dispatch(
      view.state.tr.setSelection(
        TextSelection.create(view.state.doc, at(fromId) + offset, at(toId) + toOffset)
      )
    )
  }

  test.each(['Backspace', 'Delete', 'Enter'])(
    'S1 %s: whole sections inside go, the two ends stay apart, every surviving title stays whole',
    (key) => {
      const view = viewOf(three())
      select(view, 'p1', 5, 'p4', 5)
      const step = pressOnce(view, key)
      expect(shape(view.state.doc)).toEqual([
        '# I',
        '# A',
        'numbered_paragraph:p1|Alpha',
        '# C',
        'numbered_paragraph:p4| one',
        'numbered_paragraph:p5|Gamma two'
      ])
      expect(caret(view)).toBe('numbered_paragraph|Alpha@5')
      step.undoBack()
    }
  )

  test('S2 typing over a selection across sections replaces its text the same way', () => {
    const view = viewOf(three())
    select(view, 'p2', 5, 'p3', 2)
    typeText(view, 'X')
    expect(shape(view.state.doc)).toEqual([
      '# I',
      '# A',
      'numbered_paragraph:p1|Alpha one',
      'numbered_paragraph:p2|AlphaX',
      '# B',
      'numbered_paragraph:p3|ta',
      '# C',
      'numbered_paragraph:p4|Gamma one',
      'numbered_paragraph:p5|Gamma two'
    ])
  })

  test('S3 select all and Delete: the report keeps its first title and nothing else', () => {
    const view = viewOf(three())
    view.dispatch(view.state.tr.setSelection(new AllSelection(view.state.doc)))
    const step = pressOnce(view, 'Delete')
    expect(shape(view.state.doc)).toEqual(['# I'])
    step.undoBack()
  })

  test('S4 from the first title to the last word: titles of sections cut by the selection stay', () => {
    const view = viewOf(three())
    const end = view.state.doc.content.size - 3
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 2, end)))
    const step = pressOnce(view, 'Backspace')
    expect(shape(view.state.doc)).toEqual(['# I', '# C', 'numbered_paragraph:p5|'])
    step.undoBack()
  })
})

describe('edits that delete the target of a cross-reference', () => {
  const referenced = (cursorInP2: string) =>
    doc(
      chapter(
        { id: 'c1' },
        h('C'),
        np({ id: 'p1' }, 'One'),
        np({ id: 'p2' }, cursorInP2),
        np({ id: 'p3' }, 'See ', xref('p2'), ' and ', xref('p2'), '.')
      )
    )

  test('X1 Backspace joining a referenced paragraph: a notice names paragraph 2; Undo restores and clears it', () => {
    const view = viewOf(referenced('<a>Two'))
    const step = pressOnce(view, 'Backspace')
    expect(brokenByLastEdit(view.state)).toEqual([
      { target: 'p2', label: 'paragraph 2', references: 2 }
    ])
    step.undoBack()
    expect(brokenByLastEdit(view.state)).toEqual([])
  })

  test('X2 a move keeps the target: no notice', () => {
    const view = viewOf(referenced('<a>Two'))
    press(view, 'Alt-Shift-ArrowUp')
    expect(numberingOf(view.state).byId.get('p2')!.label).toBe('1.')
    expect(brokenByLastEdit(view.state)).toEqual([])
  })

  test('X3 the notice ends with the next change', () => {
    const view = viewOf(referenced('<a>Two'))
    press(view, 'Backspace')
    typeText(view, 'x')
    expect(brokenByLastEdit(view.state)).toEqual([])
  })
})
