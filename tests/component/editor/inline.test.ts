// @vitest-environment happy-dom
import { NodeSelection } from 'prosemirror-state'
import {
  activeFootnoteEditor,
  brokenReferences,
  countsOf,
  deleteContainer,
  followReference,
  insertCrossReference,
  insertFootnote,
  numberingOf,
  redo,
  undo
} from '@renderer/editor'
import { chapter, doc, h, np } from '../../builders'
import { cursorAt, insideNode, sampleView, viewOf } from './setup'

function footnoteNumbers(view: ReturnType<typeof viewOf>): string[] {
  return [...view.dom.querySelectorAll('.footnote-number')].map((n) => n.textContent ?? '')
}

describe('footnotes', () => {
  test('inserted at the cursor, numbered in document order, shown as superscript numbers', () => {
    const view = sampleView()
    expect(footnoteNumbers(view)).toEqual(['1'])
    cursorAt(view, insideNode(view.state, 'p2') + 10)
    expect(insertFootnote(view.state, view.dispatch)).toBe(true)
    expect(footnoteNumbers(view)).toEqual(['1', '2'])
    // The old footnote (in paragraph 10) is now number 2.
    expect(numberingOf(view.state).byId.get('fn1')!.label).toBe('2')
    expect(view.dom.querySelector('[data-id="fn1"] .footnote-number')!.textContent).toBe('2')
    expect(view.state.selection).toBeInstanceOf(NodeSelection)
  })

  test('not in headings', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('Ti<a>tle'))))
    expect(insertFootnote(view.state)).toBe(false)
  })

  test('its text is edited in place; the edit is a step of the report, undone from the main editor', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('T'), np({ id: 'p1' }, 'Text<a> here'))))
    insertFootnote(view.state, view.dispatch)
    const inner = activeFootnoteEditor(view)
    expect(inner).not.toBeNull()
    expect(view.dom.querySelector('.footnote-editor')).not.toBeNull()
    inner!.dispatch(inner!.state.tr.insertText('See CTOC/COP/WG.7/2024/2', 1))
    const footnote = view.state.doc.nodeAt(
      numberingOf(view.state).items.find((i) => i.kind === 'footnote')!.pos
    )!
    expect(footnote.textContent).toBe('See CTOC/COP/WG.7/2024/2')
    // The main document's auto-marks reach into footnotes too.
    let symbol: string | null = null
    footnote.descendants((node) => {
      const mark = node.marks.find((m) => m.type.name === 'doc_symbol')
      if (mark) symbol = mark.attrs.symbol as string
    })
    expect(symbol).toBe('CTOC/COP/WG.7/2024/2')
    // ...and the open footnote editor shows the marked text.
    expect(inner!.state.doc.eq(footnote)).toBe(true)
    undo(view.state, view.dispatch)
    expect(
      view.state.doc.nodeAt(numberingOf(view.state).items.find((i) => i.kind === 'footnote')!.pos)!
        .textContent
    ).toBe('')
    redo(view.state, view.dispatch)
    expect(view.state.doc.textContent).toContain('See CTOC')
  })

  test('clicking the number opens the footnote editor with the cursor at the end of its text', () => {
    const view = sampleView()
    const number = view.dom.querySelector('[data-id="fn1"] .footnote-number')!
    const pos = numberingOf(view.state).byId.get('fn1')!.pos
    // What ProseMirror does on the click: select the footnote; then the click reaches the number.
    view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, pos)))
    number.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    const inner = activeFootnoteEditor(view)!
    expect(inner.state.selection.from).toBe(inner.state.doc.content.size - 1)
    inner.dispatch(inner.state.tr.insertText(' More.'))
    expect(view.state.doc.nodeAt(pos)!.textContent.endsWith('paras. 21–24. More.')).toBe(true)
  })

  test('the footnote editor closes when the footnote is deselected', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('T'), np({ id: 'p1' }, 'Text<a> here'))))
    insertFootnote(view.state, view.dispatch)
    cursorAt(view, 3)
    expect(activeFootnoteEditor(view)).toBeNull()
    expect(view.dom.querySelector('.footnote-editor')).toBeNull()
  })
})

describe('cross-references', () => {
  test('show the target’s current label, follow renumbering, and count when broken', () => {
    const view = sampleView()
    cursorAt(view, insideNode(view.state, 'p7') + 4)
    expect(insertCrossReference('r4')(view.state, view.dispatch)).toBe(true)
    const xref = () => view.dom.querySelector('.xref[data-target="r4"]')!
    expect(xref().textContent).toBe('recommendation 4')
    expect(countsOf(view.state).brokenReferences).toBe(0)
    deleteContainer('s2a')(view.state, view.dispatch)
    expect(xref().textContent).toBe('recommendation 1')
    deleteContainer('s2b')(view.state, view.dispatch)
    expect(xref().textContent).toBe('[reference to deleted text]')
    expect(xref().classList.contains('broken')).toBe(true)
    // r5's reference to p9 is gone with its section; only the new one is broken.
    expect(countsOf(view.state).brokenReferences).toBe(1)
    expect(brokenReferences(view.state)).toEqual([
      { pos: expect.any(Number), target: 'r4', id: 'p7' }
    ])
    undo(view.state, view.dispatch)
    expect(xref().classList.contains('broken')).toBe(false)
    expect(countsOf(view.state).brokenReferences).toBe(0)
  })

  test('only to referenceable things that exist; not in headings', () => {
    const view = sampleView()
    cursorAt(view, insideNode(view.state, 'p7'))
    expect(insertCrossReference('nope')(view.state)).toBe(false)
    expect(insertCrossReference('fn1')(view.state)).toBe(false)
    cursorAt(view, insideNode(view.state, 's2a') + 1)
    expect(view.state.selection.$from.parent.type.name).toBe('heading')
    expect(insertCrossReference('p1')(view.state)).toBe(false)
  })

  test('clicking one calls the follow hook with its target', () => {
    const followed: string[] = []
    const view = sampleView({ onFollowReference: (id) => followed.push(id) })
    const xref = view.dom.querySelector('.xref')!
    const pos = view.posAtDOM(xref, 0)
    const node = view.state.doc.nodeAt(pos)!
    view.someProp('handleClickOn', (f) => f(view, pos, node, pos, new MouseEvent('click'), true))
    expect(followed).toEqual(['p9'])
  })

  test('without a hook, following puts the cursor in the target', () => {
    const view = sampleView()
    expect(followReference('r5')(view.state, view.dispatch)).toBe(true)
    expect(view.state.selection.$from.node(-1).attrs.id).toBe('r5')
    expect(followReference('s4b')(view.state, view.dispatch)).toBe(true)
    expect(view.state.selection.$from.parent.textContent).toBe(
      'Adoption of the agenda and organization of work'
    )
    expect(followReference('gone')(view.state)).toBe(false)
  })
})

describe('re-pointing a reference', () => {
  test('changing a reference’s target updates its text and the broken count', () => {
    const view = sampleView()
    const xref = view.dom.querySelector('.xref[data-target="p9"]')!
    const pos = view.posAtDOM(xref, 0)
    view.dispatch(view.state.tr.setNodeAttribute(pos, 'target', 'gone'))
    expect(countsOf(view.state).brokenReferences).toBe(1)
    expect(view.dom.querySelector('.xref')!.classList.contains('broken')).toBe(true)
    view.dispatch(view.state.tr.setNodeAttribute(pos, 'target', 'r2'))
    expect(countsOf(view.state).brokenReferences).toBe(0)
    expect(view.dom.querySelector('.xref')!.textContent).toBe('recommendation 2')
  })
})
