// @vitest-environment happy-dom
import type { Command, EditorState } from 'prosemirror-state'
import {
  deleteBlock,
  insertList,
  moveBlockToContainer,
  insertNumberedParagraph,
  insertRecommendation,
  liftListLevel,
  moveBlockDown,
  moveBlockUp,
  numberingOf,
  sinkListLevel,
  toggleNumbered,
  undo,
  undoDepth
} from '@renderer/editor'
import { agenda, chapter, doc, h, li, np, ol, p, rec, section } from '../../builders'
import { stateOf, shape } from './setup'

function run(state: EditorState, command: Command): EditorState {
  let next = state
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true)
  return next
}

const twoSections = () =>
  doc(
    chapter(
      { id: 'c1' },
      h('Recommendations'),
      section({ id: 'sa' }, h('A'), np({ id: 'p1' }, 'One'), rec({ id: 'r1' }, p('First<a>'))),
      section({ id: 'sb' }, h('B'), np({ id: 'p2' }, 'Two'), rec({ id: 'r2' }, p('Second')))
    )
  )

describe('recommendations', () => {
  test('insertRecommendation goes after the current block, cursor inside, one undo step', () => {
    let state = stateOf(twoSections())
    state = run(state, insertRecommendation)
    expect(shape(state.doc)).toEqual([
      '# Recommendations',
      '# A',
      'numbered_paragraph:p1|One',
      'recommendation:r1|First',
      expect.stringMatching(/^recommendation:\w+\|$/),
      '# B',
      'numbered_paragraph:p2|Two',
      'recommendation:r2|Second'
    ])
    expect(state.selection.$from.parent.type.name).toBe('paragraph')
    expect(state.selection.$from.node(-1).type.name).toBe('recommendation')
    const labels = numberingOf(state)
      .items.filter((i) => i.kind === 'recommendation')
      .map((i) => `${i.id}=${i.label}`)
    expect(labels.slice(0, 1)).toEqual(['r1=Recommendation 1'])
    expect(labels[2]).toBe('r2=Recommendation 3')
    expect(undoDepth(state)).toBe(1)
  })

  test('in an empty paragraph the recommendation takes its place', () => {
    let state = stateOf(
      doc(chapter({ id: 'c1' }, h('T'), np({ id: 'p1' }, 'x'), np({ id: 'p2' }, '<a>')))
    )
    state = run(state, insertRecommendation)
    expect(shape(state.doc)).toEqual([
      '# T',
      'numbered_paragraph:p1|x',
      expect.stringMatching(/^recommendation:/)
    ])
  })

  test('in a heading it becomes the first block of the container', () => {
    let state = stateOf(doc(chapter({ id: 'c1' }, h('Ti<a>tle'), np({ id: 'p1' }, 'x'))))
    state = run(state, insertNumberedParagraph)
    expect(shape(state.doc)).toEqual([
      '# Title',
      expect.stringMatching(/^numbered_paragraph:\w+\|$/),
      'numbered_paragraph:p1|x'
    ])
  })
})

describe('moving blocks', () => {
  test('a recommendation moves down within its section, then into the next one', () => {
    let state = stateOf(
      doc(
        chapter(
          { id: 'c1' },
          h('C'),
          section({ id: 'sa' }, h('A'), rec({ id: 'r1' }, p('Fi<a>rst')), np({ id: 'p1' }, 'One')),
          section({ id: 'sb' }, h('B'), np({ id: 'p2' }, 'Two'))
        )
      )
    )
    state = run(state, moveBlockDown)
    expect(shape(state.doc)).toEqual([
      '# C',
      '# A',
      'numbered_paragraph:p1|One',
      'recommendation:r1|First',
      '# B',
      'numbered_paragraph:p2|Two'
    ])
    state = run(state, moveBlockDown)
    expect(shape(state.doc)).toEqual([
      '# C',
      '# A',
      'numbered_paragraph:p1|One',
      '# B',
      'recommendation:r1|First',
      'numbered_paragraph:p2|Two'
    ])
    // The cursor travelled with it.
    expect(state.selection.$from.parentOffset).toBe(2)
    expect(state.selection.$from.node(-1).attrs.id).toBe('r1')
    state = run(state, moveBlockDown)
    // Last block of the last section: nowhere further to go.
    expect(moveBlockDown(state)).toBe(false)
  })

  test('a paragraph first in a section moves up to the end of the previous section (before its subsections)', () => {
    let state = stateOf(
      doc(
        chapter(
          { id: 'c1' },
          h('C'),
          np({ id: 'p0' }, 'Zero'),
          section({ id: 'sa' }, h('A'), np({ id: 'p1' }, 'O<a>ne'))
        )
      )
    )
    state = run(state, moveBlockUp)
    expect(shape(state.doc)).toEqual([
      '# C',
      'numbered_paragraph:p0|Zero',
      'numbered_paragraph:p1|One',
      '# A'
    ])
    state = run(state, moveBlockUp)
    expect(shape(state.doc)).toEqual([
      '# C',
      'numbered_paragraph:p1|One',
      'numbered_paragraph:p0|Zero',
      '# A'
    ])
    expect(moveBlockUp(state)).toBe(false)
    expect(numberingOf(state).byId.get('p1')!.label).toBe('1.')
    state = run(state, undo)
    expect(numberingOf(state).byId.get('p1')!.label).toBe('2.')
  })

  test('headings do not move as blocks', () => {
    const state = stateOf(doc(chapter({ id: 'c1' }, h('C<a>'), np({ id: 'p0' }, 'Zero'))))
    expect(moveBlockDown(state)).toBe(false)
  })
})

describe('numbered and unnumbered paragraphs', () => {
  test('toggleNumbered switches the selected body paragraphs and renumbers', () => {
    let state = stateOf(
      doc(
        chapter(
          { id: 'c1' },
          h('C'),
          np({ id: 'p1' }, '<a>One'),
          np({ id: 'p2' }, 'Tw<b>o'),
          np({ id: 'p3' }, 'Three')
        )
      )
    )
    state = run(state, toggleNumbered)
    expect(shape(state.doc)).toEqual([
      '# C',
      'paragraph|One',
      'paragraph|Two',
      'numbered_paragraph:p3|Three'
    ])
    expect(numberingOf(state).byId.get('p3')!.label).toBe('1.')
    state = run(state, toggleNumbered)
    expect(shape(state.doc).slice(1, 3)).toEqual([
      expect.stringMatching(/^numbered_paragraph:\w+\|One$/),
      expect.stringMatching(/^numbered_paragraph:\w+\|Two$/)
    ])
    expect(numberingOf(state).byId.get('p3')!.label).toBe('3.')
  })

  test('paragraphs inside recommendations are not toggled', () => {
    const state = stateOf(doc(chapter({ id: 'c1' }, h('C'), rec({ id: 'r1' }, p('In<a>side')))))
    expect(toggleNumbered(state)).toBe(false)
  })
})

describe('lists', () => {
  const withList = (cursorItem: 'first' | 'second') =>
    doc(
      chapter(
        { id: 'c1' },
        h('C'),
        np({ id: 'p1' }, 'As follows:'),
        ol(
          li({ id: 'i1' }, p(cursorItem === 'first' ? 'A<a>lpha' : 'Alpha')),
          li({ id: 'i2' }, p(cursorItem === 'second' ? 'Be<a>ta' : 'Beta'))
        )
      )
    )

  test('Tab sinks (a) to (i), Shift-Tab lifts back; no deeper than two levels', () => {
    let state = stateOf(withList('second'))
    state = run(state, sinkListLevel)
    let items = numberingOf(state)
      .items.filter((i) => i.kind === 'list_item')
      .map((i) => `${i.id}=${i.label}`)
    expect(items).toEqual(['i1=(a)', 'i2=(i)'])
    expect(sinkListLevel(state)).toBe(false)
    state = run(state, liftListLevel)
    items = numberingOf(state)
      .items.filter((i) => i.kind === 'list_item')
      .map((i) => `${i.id}=${i.label}`)
    expect(items).toEqual(['i1=(a)', 'i2=(b)'])
    // The first item has nothing to nest under.
    expect(sinkListLevel(stateOf(withList('first')))).toBe(false)
  })

  test('insertList starts a list after the paragraph; inside a list it switches the kind', () => {
    let state = stateOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'Agenda:<a>'))))
    state = run(state, insertList('agenda'))
    expect(shape(state.doc)).toEqual(['# C', 'numbered_paragraph:p1|Agenda:', 'ordered_list|'])
    expect(state.selection.$from.node(-1).type.name).toBe('list_item')
    expect(numberingOf(state).items.find((i) => i.kind === 'list_item')!.label).toBe('1.')
    expect(insertList('agenda')(state)).toBe(false)
    state = run(state, insertList('subparagraph'))
    expect(numberingOf(state).items.find((i) => i.kind === 'list_item')!.label).toBe('(a)')
  })

  test('agenda items nest as (a)', () => {
    const state = stateOf(
      doc(
        chapter(
          { id: 'c1' },
          h('C'),
          agenda(
            li({ id: 'i1' }, p('Organizational matters'), agenda(li({ id: 'i2' }, p('Opening'))))
          ),
          np({ id: 'p1' }, 'x')
        )
      )
    )
    expect(
      numberingOf(state)
        .items.filter((i) => i.kind === 'list_item')
        .map((i) => i.label)
    ).toEqual(['1.', '(a)'])
  })
})

describe('moving to a section and deleting blocks', () => {
  test('moveBlockToContainer puts the block at the end of the section’s text; deleteBlock removes it', () => {
    let state = stateOf(twoSections())
    state = run(state, moveBlockToContainer('sb'))
    const moved = shape(state.doc)
    expect(moved).toEqual([
      '# Recommendations',
      '# A',
      'numbered_paragraph:p1|One',
      '# B',
      'numbered_paragraph:p2|Two',
      'recommendation:r2|Second',
      'recommendation:r1|First'
    ])
    expect(numberingOf(state).byId.get('r1')!.label).toBe('Recommendation 2')
    expect(moveBlockToContainer('sb')(state)).toBe(false)
    expect(moveBlockToContainer('nope')(state)).toBe(false)
    state = run(state, deleteBlock)
    expect(shape(state.doc)).toEqual(moved.slice(0, -1))
    state = run(state, undo)
    expect(numberingOf(state).byId.get('r1')!.label).toBe('Recommendation 2')
  })

  test('with "start", the block goes first in the section’s text', () => {
    let state = stateOf(twoSections())
    state = run(state, moveBlockToContainer('sb', 'start'))
    expect(shape(state.doc).slice(3, 6)).toEqual([
      '# B',
      'recommendation:r1|First',
      'numbered_paragraph:p2|Two'
    ])
    expect(moveBlockToContainer('sb', 'start')(state)).toBe(false)
  })

  test('a block moved into a chapter goes before the chapter’s sections', () => {
    let state = stateOf(twoSections())
    state = run(state, moveBlockToContainer('c1'))
    expect(shape(state.doc).slice(0, 3)).toEqual([
      '# Recommendations',
      'recommendation:r1|First',
      '# A'
    ])
  })
})
