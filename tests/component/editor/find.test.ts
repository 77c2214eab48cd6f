// @vitest-environment happy-dom
import { TextSelection } from 'prosemirror-state'
import {
  findMatches,
  findNext,
  replaceAll,
  replaceNext,
  searchMatchCount,
  setSearch,
  undo
} from '@renderer/editor'
import { chapter, doc, fn, h, np, p, strong } from '../../builders'
import { viewOf } from './setup'

const text = () =>
  doc(
    chapter(
      { id: 'c1' },
      h('Smuggling'),
      np(
        { id: 'p1' },
        'The smuggling of migrants; ',
        strong('Smuggling'),
        ' routes.',
        fn({ id: 'f1' }, p('On smuggling.'))
      ),
      np({ id: 'p2' }, 'No match here.')
    )
  )

describe('find and replace', () => {
  test('finds in headings, body and footnotes, with and without case', () => {
    const view = viewOf(text())
    const all = findMatches(view.state, 'smuggling')
    expect(all.map((m) => view.state.doc.textBetween(m.from, m.to))).toEqual([
      'Smuggling',
      'smuggling',
      'Smuggling',
      'smuggling'
    ])
    expect(findMatches(view.state, 'Smuggling', { caseSensitive: true })).toHaveLength(2)
    expect(findMatches(view.state, '')).toEqual([])
    expect(findMatches(view.state, 'a.b')).toEqual([])
  })

  test('findNext selects the next match and wraps around', () => {
    const view = viewOf(text())
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 1)))
    const seen: string[] = []
    for (let i = 0; i < 5; i++) {
      findNext('smuggling')(view.state, view.dispatch)
      seen.push(String(view.state.selection.from))
    }
    const starts = findMatches(view.state, 'smuggling').map((m) => String(m.from))
    expect(seen).toEqual([...starts, starts[0]])
  })

  test('replaceNext replaces the selected match and moves on; keeps the match’s marks', () => {
    const view = viewOf(text())
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 12)))
    replaceNext('smuggling', 'trafficking')(view.state, view.dispatch)
    // First call only selects.
    expect(view.state.doc.textContent).toContain('The smuggling of')
    replaceNext('smuggling', 'trafficking')(view.state, view.dispatch)
    expect(view.state.doc.textContent).toContain('The trafficking of')
    replaceNext('smuggling', 'Trafficking')(view.state, view.dispatch)
    const p1 = view.state.doc.child(0).child(1)
    let boldText = ''
    p1.forEach((child) => {
      if (child.marks.some((m) => m.type.name === 'bold')) boldText += child.text
    })
    expect(boldText).toBe('Trafficking')
  })

  test('replaceAll is one undo step', () => {
    const view = viewOf(text())
    expect(replaceAll('smuggling', 'SOM')(view.state, view.dispatch)).toBe(true)
    expect(findMatches(view.state, 'smuggling')).toHaveLength(0)
    expect(findMatches(view.state, 'SOM', { caseSensitive: true })).toHaveLength(4)
    undo(view.state, view.dispatch)
    expect(findMatches(view.state, 'smuggling')).toHaveLength(4)
    expect(replaceAll('absent', 'x')(view.state)).toBe(false)
  })

  test('highlights follow typing: a new match appears, a broken one goes', () => {
    const view = viewOf(text())
    setSearch('match')(view.state, view.dispatch)
    expect(searchMatchCount(view.state)).toBe(1)
    expect(view.dom.querySelectorAll('.search-match')).toHaveLength(1)
    const end = view.state.doc.child(0).nodeSize - 2
    view.dispatch(view.state.tr.insertText(' Another match', end))
    expect(searchMatchCount(view.state)).toBe(2)
    const start = findMatches(view.state, 'match')[0].from
    view.dispatch(view.state.tr.delete(start, start + 2))
    expect(searchMatchCount(view.state)).toBe(1)
    setSearch('')(view.state, view.dispatch)
    expect(view.dom.querySelectorAll('.search-match')).toHaveLength(0)
  })
})
