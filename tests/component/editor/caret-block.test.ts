// @vitest-environment happy-dom
import { NodeSelection } from 'prosemirror-state'
import { insertRecommendation } from '@renderer/editor'
import { chapter, doc, h, np, p, rec, section } from '../../builders'
import { cursorAt, insideNode, press, typeText, viewOf } from './setup'

/**
 * The body block holding the cursor carries `has-caret` (editor.css keeps
 * it laid out even when off-screen blocks skip layout), from the very
 * update that creates it: keys typed right after Enter or a toolbar button
 * must find the new block laid out (see tests/e2e/caret.test.ts).
 */

const report = () =>
  doc(
    chapter(
      { id: 'c1' },
      h('Recommendations'),
      section({ id: 'sa' }, h('Prevention<a>')),
      section({ id: 'sb' }, h('Protection'), np({ id: 'p2' }, 'Two'), rec({ id: 'r2' }, p('Ask')))
    )
  )

/** The data-id (or class) of every element marked as holding the caret. */
function marked(view: ReturnType<typeof viewOf>): string[] {
  return [...view.dom.querySelectorAll('.has-caret')].map(
    (element) => element.getAttribute('data-id') ?? element.className
  )
}

describe('the block holding the cursor is marked for layout', () => {
  test('a paragraph made by Enter in a heading is marked in the same update', () => {
    const view = viewOf(report())
    expect(marked(view)).toEqual([])
    expect(press(view, 'Enter')).toBe(true)
    const $head = view.state.selection.$head
    expect($head.parent.type.name).toBe('numbered_paragraph')
    expect(marked(view)).toEqual([$head.parent.attrs.id])
    typeText(view, 'On prevention.')
    expect(marked(view)).toEqual([$head.parent.attrs.id])
    view.destroy()
  })

  test('a recommendation inserted from the toolbar is marked, the paragraph before no longer', () => {
    const view = viewOf(report())
    cursorAt(view, insideNode(view.state, 'p2') + 3)
    expect(marked(view)).toEqual(['p2'])
    expect(insertRecommendation(view.state, view.dispatch, view)).toBe(true)
    const id = view.state.selection.$head.node(-1).attrs.id as string
    expect(view.state.selection.$head.node(-1).type.name).toBe('recommendation')
    expect(marked(view)).toEqual([id])
    view.destroy()
  })

  test('a selected block is marked; a heading never is', () => {
    const view = viewOf(report())
    const r2 = insideNode(view.state, 'r2') - 1
    view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, r2)))
    expect(marked(view)).toEqual(['r2'])
    cursorAt(view, 3)
    expect(marked(view)).toEqual([])
    view.destroy()
  })
})
