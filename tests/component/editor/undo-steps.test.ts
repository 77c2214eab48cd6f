// @vitest-environment happy-dom
import { TextSelection, type Command } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import {
  addSection,
  deleteBlock,
  insertList,
  insertNumberedParagraph,
  insertRecommendation,
  liftListLevel,
  moveBlockDown,
  moveBlockToContainer,
  moveContainer,
  moveContainerTo,
  sinkListLevel,
  toggleNumbered,
  undo,
  undoDepth
} from '@renderer/editor'
import { chapter, doc, h, li, np, ol, p, rec, section } from '../../builders'
import { typeText, viewOf } from './setup'

/**
 * Every structural command is an undo step of its own, even when typing
 * comes right before and right after it (well inside prosemirror-history's
 * 500 ms grouping delay, as a fast typist does).
 */

const report = () =>
  doc(
    chapter(
      { id: 'c1' },
      h('Recommendations'),
      section(
        { id: 'sa' },
        h('A'),
        np({ id: 'p1' }, 'One<a>'),
        ol({ id: 'l1' }, li({ id: 'i1' }, p('Item')), li({ id: 'i2' }, p('Next'))),
        rec({ id: 'r1' }, p('First'))
      ),
      section({ id: 'sb' }, h('B'), np({ id: 'p2' }, 'Two'), rec({ id: 'r2' }, p('Second')))
    )
  )

function undoOnce(view: EditorView): void {
  expect(undo(view.state, view.dispatch)).toBe(true)
}

/**
 * Types "xy", runs `command`, types "zw" at once, then undoes step by step:
 * first only "zw" goes, then the command, then "xy".
 */
function expectOwnStep(command: Command, place?: (view: EditorView) => void): void {
  const view = viewOf(report())
  place?.(view)
  typeText(view, 'xy')
  const typedBefore = view.state.doc
  expect(command(view.state, view.dispatch, view)).toBe(true)
  const commanded = view.state.doc
  expect(commanded.eq(typedBefore)).toBe(false)
  typeText(view, 'zw')
  expect(view.state.doc.textContent).toContain('zw')
  const depth = undoDepth(view.state)

  undoOnce(view)
  expect(view.state.doc.toJSON()).toEqual(commanded.toJSON())
  undoOnce(view)
  expect(view.state.doc.toJSON()).toEqual(typedBefore.toJSON())
  undoOnce(view)
  expect(view.state.doc.textContent).not.toContain('xy')
  expect(depth).toBe(3)
  view.destroy()
}

/** Puts the cursor at the end of the last textblock inside the node with this id. */
function endOf(id: string) {
  return (view: EditorView) => {
    let end = -1
    view.state.doc.descendants((node, pos) => {
      if (node.attrs.id === id) end = pos + node.nodeSize - 1
      return end < 0
    })
    expect(end).toBeGreaterThan(0)
    while (!view.state.doc.resolve(end).parent.isTextblock) end--
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, end)))
  }
}

describe('every structural command is its own undo step', () => {
  test.each<[string, Command, ((view: EditorView) => void)?]>([
    ['insert a recommendation', insertRecommendation],
    ['insert a numbered paragraph', insertNumberedParagraph],
    ['insert a sub-paragraph list', insertList('subparagraph')],
    ['toggle numbering', toggleNumbered],
    ['move a block', moveBlockDown],
    ['move a block to another section', moveBlockToContainer('sb')],
    ['delete a block', deleteBlock, endOf('r1')],
    ['move a section', moveContainer('sa', 'down')],
    ['move a section by drag and drop', moveContainerTo('sb', 'sa', 'before')],
    ['add a section', addSection()],
    ['sink a list item', sinkListLevel, endOf('i2')],
    ['lift a list item', liftListLevel, endOf('i2')]
  ])('%s', (_name, command, place) => expectOwnStep(command, place))
})
