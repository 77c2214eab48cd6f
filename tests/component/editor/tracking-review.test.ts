// @vitest-environment happy-dom
import type { Node } from 'prosemirror-model'
import { TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { undo } from '@renderer/editor'
import { setTracking } from '@renderer/editor/tracking'
import {
  addComment,
  changeAtCursor,
  goToChange,
  replyToComment,
  resolveComment,
  settleAllChanges,
  settleChangeAtCursor,
  settleChangesBy
} from '@renderer/editor/tracking-review'
import { anchoredThreads, commentThreads } from '@core/review/comments'
import { trackedChanges } from '@core/review/changes'
import { schema } from '@core/schema'
import { chapter, doc, h, np } from '../../builders'
import { viewOf } from './setup'

/** Accepting, rejecting and stepping through suggestions; comments on text and blocks. */

const ANA = { author: 'Ana Ruiz', initials: 'AR' }
const BEN = { author: 'Ben Osei', initials: 'BO' }

function suggested(
  name: 'insertion' | 'deletion',
  text: string,
  who: typeof ANA,
  id: string
): Node {
  return schema.text(text, [
    schema.marks[name].create({ id, ...who, date: '2026-01-01T00:00:00Z' })
  ])
}

/** "One" + Ben's inserted " two" + Ana's deleted " three" + " four". */
function reviewed(): EditorView {
  return viewOf(
    doc(
      chapter(
        { id: 'c1' },
        h('C'),
        np(
          { id: 'p1' },
          'One',
          suggested('insertion', ' two', BEN, 'b1'),
          suggested('deletion', ' three', ANA, 'a1'),
          ' four'
        )
      )
    )
  )
}

function select(view: EditorView, from: number, to = from): void {
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)))
}

const text = (view: EditorView) => view.state.doc.child(0).child(1).textContent

describe('accept and reject', () => {
  test('accepting the insertion at the cursor keeps its text and clears the mark', () => {
    const view = reviewed()
    select(view, 9)
    expect(changeAtCursor(view.state)?.id).toBe('b1')
    expect(settleChangeAtCursor('accept')(view.state, view.dispatch)).toBe(true)
    expect(text(view)).toBe('One two three four')
    expect(trackedChanges(view.state.doc).map((c) => c.id)).toEqual(['a1'])
  })

  test('rejecting the deletion at the cursor keeps the text', () => {
    const view = reviewed()
    select(view, 14)
    settleChangeAtCursor('reject')(view.state, view.dispatch)
    expect(text(view)).toBe('One two three four')
    expect(trackedChanges(view.state.doc).map((c) => c.id)).toEqual(['b1'])
  })

  test('accept all and reject all settle every change', () => {
    const accepted = reviewed()
    settleAllChanges('accept')(accepted.state, accepted.dispatch)
    expect(text(accepted)).toBe('One two four')
    const rejected = reviewed()
    settleAllChanges('reject')(rejected.state, rejected.dispatch)
    expect(text(rejected)).toBe('One three four')
    expect(trackedChanges(rejected.state.doc)).toEqual([])
  })

  test('accepting one author’s changes leaves the others', () => {
    const view = reviewed()
    settleChangesBy('accept', 'Ana Ruiz')(view.state, view.dispatch)
    expect(text(view)).toBe('One two four')
    expect(trackedChanges(view.state.doc).map((c) => c.author)).toEqual(['Ben Osei'])
  })

  test('an accept is undone in one step', () => {
    const view = reviewed()
    settleAllChanges('accept')(view.state, view.dispatch)
    expect(undo(view.state, view.dispatch)).toBe(true)
    expect(text(view)).toBe('One two three four')
    expect(trackedChanges(view.state.doc).map((c) => c.id)).toEqual(['b1', 'a1'])
  })

  test('an accept with tracking on is not itself recorded', () => {
    const view = reviewed()
    setTracking({ enabled: true, ...ANA })(view.state, view.dispatch)
    settleAllChanges('accept')(view.state, view.dispatch)
    expect(text(view)).toBe('One two four')
    expect(trackedChanges(view.state.doc)).toEqual([])
  })

  test('with nothing at the cursor there is nothing to accept', () => {
    const view = reviewed()
    select(view, 6)
    expect(settleChangeAtCursor('accept')(view.state)).toBe(false)
  })
})

describe('next and previous change', () => {
  test('steps forward and back through the changes, selecting each', () => {
    const view = reviewed()
    select(view, 5)
    goToChange(1)(view.state, view.dispatch)
    expect(view.state.doc.textBetween(view.state.selection.from, view.state.selection.to)).toBe(
      ' two'
    )
    goToChange(1)(view.state, view.dispatch)
    expect(view.state.doc.textBetween(view.state.selection.from, view.state.selection.to)).toBe(
      ' three'
    )
    expect(goToChange(1)(view.state)).toBe(false)
    goToChange(-1)(view.state, view.dispatch)
    expect(view.state.doc.textBetween(view.state.selection.from, view.state.selection.to)).toBe(
      ' two'
    )
  })
})

describe('comments', () => {
  test('a comment on a selection anchors to its text and survives edits to it', () => {
    const view = reviewed()
    select(view, 5, 8)
    expect(addComment(ANA, 'Why?')(view.state, view.dispatch)).toBe(true)
    const [thread] = commentThreads(view.state.doc)
    expect(thread).toMatchObject({ text: 'Why?', author: 'Ana Ruiz', resolved: false })
    view.dispatch(view.state.tr.insertText('X', 6))
    expect(anchoredThreads(view.state.doc)[0].range).toEqual({ from: 5, to: 9 })
  })

  test('a comment with no selection anchors to the block', () => {
    const view = reviewed()
    select(view, 6)
    addComment(ANA, 'On the paragraph')(view.state, view.dispatch)
    expect(commentThreads(view.state.doc)[0].anchor).toEqual({ kind: 'block', blockId: 'p1' })
  })

  test('reply, resolve and reopen, each undoable', () => {
    const view = reviewed()
    select(view, 5, 8)
    addComment(ANA, 'Why?')(view.state, view.dispatch)
    const id = commentThreads(view.state.doc)[0].id
    replyToComment(id, BEN, 'Because.')(view.state, view.dispatch)
    resolveComment(id, true)(view.state, view.dispatch)
    expect(commentThreads(view.state.doc)[0]).toMatchObject({
      resolved: true,
      replies: [{ text: 'Because.', author: 'Ben Osei' }]
    })
    undo(view.state, view.dispatch)
    expect(commentThreads(view.state.doc)[0].resolved).toBe(false)
    resolveComment(id, true)(view.state, view.dispatch)
    resolveComment(id, false)(view.state, view.dispatch)
    expect(commentThreads(view.state.doc)[0].resolved).toBe(false)
  })

  test('a comment whose text is deleted is flagged as having lost its anchor', () => {
    const view = reviewed()
    select(view, 5, 8)
    addComment(ANA, 'Why?')(view.state, view.dispatch)
    view.dispatch(view.state.tr.delete(5, 8))
    expect(anchoredThreads(view.state.doc)[0].range).toBeNull()
  })

  test('an empty comment is refused', () => {
    const view = reviewed()
    select(view, 5, 8)
    expect(addComment(ANA, '  ')(view.state)).toBe(false)
  })
})
