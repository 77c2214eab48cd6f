// @vitest-environment happy-dom
import fc from 'fast-check'
import type { Node } from 'prosemirror-model'
import type { EditorView } from 'prosemirror-view'
import { undo } from '@renderer/editor'
import { TextSelection } from 'prosemirror-state'
import { authorColour, setTracking } from '@renderer/editor/tracking'
import {
  goToChange,
  settleAllChanges,
  settleChangeAtCursor,
  settleChangesBy
} from '@renderer/editor/tracking-review'
import type { FormatChange } from '@core/review/change'
import { listLevelAt, trackedChanges } from '@core/review/changes'
import { reviewSummary } from '@core/review/summary'
import { chapter, doc, h, li, np, ol, p } from '../../builders'
import { press, REVIEWERS, trackedBy, typeText, viewOf } from './setup'

/**
 * Recording formatting suggestions: a paragraph made numbered or plain
 * (Ctrl+Alt+N), a list item moved a level in or out (Tab, Shift+Tab), and
 * settling them.
 */

const { ana: ANA, ben: BEN } = REVIEWERS
const tracked = trackedBy

/** Each body block as a line: `N:` numbered paragraph, `P:` plain, `L<level>:` list item; then the old format of a suggestion. */
function blocks(node: Node): string[] {
  const out: string[] = []
  node.descendants((block, pos, parent) => {
    if (!block.isTextblock || block.type.name === 'heading') return true
    const item = parent?.type.name === 'list_item' ? parent : null
    const holder = item ?? block
    const holderPos = item ? node.resolve(pos).before() : pos
    const format = holder.attrs.formatChange as FormatChange | null
    const kind = item
      ? `L${listLevelAt(node, holderPos)}`
      : block.type.name === 'numbered_paragraph'
        ? 'N'
        : 'P'
    let line = `${kind}:${block.textContent}`
    if (format) line += ` [was ${format.was.level ?? format.was.type} by ${format.initials}]`
    out.push(line)
    return false
  })
  return out
}

function paragraphsView(): EditorView {
  return tracked(viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'On<a>e'), p('Two')))))
}

function listView(): EditorView {
  return tracked(
    viewOf(
      doc(
        chapter(
          { id: 'c1' },
          h('C'),
          np({ id: 'p1' }, 'Intro'),
          ol(li({ id: 'a' }, p('Alpha')), li({ id: 'b' }, p('Be<a>ta')))
        )
      )
    )
  )
}

describe('paragraph type', () => {
  test('making a numbered paragraph plain is a format suggestion naming the old type', () => {
    const view = paragraphsView()
    press(view, 'Mod-Alt-n')
    expect(blocks(view.state.doc)).toEqual(['P:One [was numbered_paragraph by AR]', 'P:Two'])
    const [change] = trackedChanges(view.state.doc)
    expect(change).toMatchObject({ kind: 'formatting', author: 'Ana Ruiz' })
    expect(reviewSummary(view.state.doc).trackedChanges.formatting).toBe(1)
  })

  test('toggling back drops the suggestion and gives the paragraph its old id', () => {
    const view = paragraphsView()
    press(view, 'Mod-Alt-n')
    press(view, 'Mod-Alt-n')
    expect(blocks(view.state.doc)).toEqual(['N:One', 'P:Two'])
    expect(view.state.doc.nodeAt(view.state.selection.$from.before())?.attrs.id).toBe('p1')
    expect(trackedChanges(view.state.doc)).toEqual([])
  })

  test('reject restores the old type and id; accept keeps the new type; each one undo step', () => {
    const view = paragraphsView()
    press(view, 'Mod-Alt-n')
    settleChangeAtCursor('reject')(view.state, view.dispatch)
    expect(blocks(view.state.doc)).toEqual(['N:One', 'P:Two'])
    expect(view.state.doc.nodeAt(view.state.selection.$from.before())?.attrs.id).toBe('p1')
    // Settling is never itself recorded.
    expect(trackedChanges(view.state.doc)).toEqual([])
    undo(view.state, view.dispatch)
    expect(blocks(view.state.doc)).toEqual(['P:One [was numbered_paragraph by AR]', 'P:Two'])
    settleAllChanges('accept')(view.state, view.dispatch)
    expect(blocks(view.state.doc)).toEqual(['P:One', 'P:Two'])
    undo(view.state, view.dispatch)
    expect(blocks(view.state.doc)).toEqual(['P:One [was numbered_paragraph by AR]', 'P:Two'])
    undo(view.state, view.dispatch)
    expect(blocks(view.state.doc)).toEqual(['N:One', 'P:Two'])
  })

  test('undo takes back the change and its marking together', () => {
    const view = paragraphsView()
    press(view, 'Mod-Alt-n')
    undo(view.state, view.dispatch)
    expect(blocks(view.state.doc)).toEqual(['N:One', 'P:Two'])
  })

  test('a plain paragraph made numbered, by one author among two, settles by author', () => {
    const view = tracked(
      viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One'), p('T<a>wo')))),
      BEN
    )
    press(view, 'Mod-Alt-n')
    expect(blocks(view.state.doc)).toEqual(['N:One', 'N:Two [was paragraph by BO]'])
    expect(settleChangesBy('reject', ANA.author)(view.state, view.dispatch)).toBe(false)
    settleChangesBy('reject', BEN.author)(view.state, view.dispatch)
    expect(blocks(view.state.doc)).toEqual(['N:One', 'P:Two'])
  })

  test('with the cursor in text typed in a reformatted paragraph, that text is the change at the cursor', () => {
    const view = paragraphsView()
    press(view, 'Mod-Alt-n')
    typeText(view, 'X')
    settleChangeAtCursor('reject')(view.state, view.dispatch)
    expect(blocks(view.state.doc)).toEqual(['P:One [was numbered_paragraph by AR]', 'P:Two'])
    settleChangeAtCursor('reject')(view.state, view.dispatch)
    expect(blocks(view.state.doc)).toEqual(['N:One', 'P:Two'])
  })

  test('next-change navigation from the heading reaches the reformatted block', () => {
    const view = paragraphsView()
    press(view, 'Mod-Alt-n')
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 2)))
    expect(goToChange(1)(view.state, view.dispatch)).toBe(true)
    expect(view.state.selection.$from.parent.textContent).toBe('One')
  })

  test('the block shows a format marker in its author’s colour, named in its tooltip', () => {
    const view = paragraphsView()
    press(view, 'Mod-Alt-n')
    const marked = view.dom.querySelector('.format-change') as HTMLElement
    expect(marked.textContent).toBe('One')
    expect(marked.title).toMatch(/^Formatted: was numbered paragraph \(Ana Ruiz/)
    expect(marked.getAttribute('style')).toContain(authorColour('Ana Ruiz'))
  })

  test('nothing is recorded with tracking off', () => {
    const view = paragraphsView()
    setTracking({ enabled: false })(view.state, view.dispatch)
    press(view, 'Mod-Alt-n')
    expect(blocks(view.state.doc)).toEqual(['P:One', 'P:Two'])
  })
})

describe('list level', () => {
  test('Tab records the item’s old level; reject lifts it back', () => {
    const view = listView()
    press(view, 'Tab')
    expect(blocks(view.state.doc)).toEqual(['N:Intro', 'L0:Alpha', 'L1:Beta [was 0 by AR]'])
    expect(trackedChanges(view.state.doc).map((change) => change.kind)).toEqual(['formatting'])
    settleChangeAtCursor('reject')(view.state, view.dispatch)
    expect(blocks(view.state.doc)).toEqual(['N:Intro', 'L0:Alpha', 'L0:Beta'])
    undo(view.state, view.dispatch)
    expect(blocks(view.state.doc)).toEqual(['N:Intro', 'L0:Alpha', 'L1:Beta [was 0 by AR]'])
  })

  test('Shift+Tab from level 1 records the old level; reject sinks it back; Tab again drops it', () => {
    const view = listView()
    setTracking({ enabled: false })(view.state, view.dispatch)
    press(view, 'Tab')
    tracked(view)
    press(view, 'Shift-Tab')
    expect(blocks(view.state.doc)).toEqual(['N:Intro', 'L0:Alpha', 'L0:Beta [was 1 by AR]'])
    settleAllChanges('reject')(view.state, view.dispatch)
    expect(blocks(view.state.doc)).toEqual(['N:Intro', 'L0:Alpha', 'L1:Beta'])
    undo(view.state, view.dispatch)
    press(view, 'Tab')
    expect(blocks(view.state.doc)).toEqual(['N:Intro', 'L0:Alpha', 'L1:Beta'])
  })

  test('accept keeps the new level', () => {
    const view = listView()
    press(view, 'Tab')
    settleAllChanges('accept')(view.state, view.dispatch)
    expect(blocks(view.state.doc)).toEqual(['N:Intro', 'L0:Alpha', 'L1:Beta'])
    expect(trackedChanges(view.state.doc)).toEqual([])
  })
})

describe('suggestion markers', () => {
  /** Each block carrying a format or break suggestion, as the document says: the markers' oracle. */
  function expectedMarkers(node: Node): { formats: string[]; breaks: string[] } {
    const formats: string[] = []
    const breaks: string[] = []
    node.descendants((block) => {
      const format = block.attrs.formatChange as FormatChange | null | undefined
      if (format) formats.push(format.id)
      const change = block.attrs.paragraphBreak as { id: string } | null | undefined
      if (change) breaks.push(change.id)
      return !block.isTextblock
    })
    return { formats: formats.sort(), breaks: breaks.sort() }
  }

  function shownMarkers(view: EditorView): { formats: string[]; breaks: string[] } {
    const ids = (selector: string, attribute: string) =>
      [...view.dom.querySelectorAll(selector)].map((e) => e.getAttribute(attribute)!).sort()
    return {
      formats: ids('.format-change', 'data-format-change'),
      breaks: ids('.paragraph-break-change', 'data-change')
    }
  }

  test('after any edits, exactly the blocks carrying a suggestion show a marker', () => {
    // Markers are remembered per node and looked for again only along an edit's path:
    // setting, clearing, typing into, deleting and moving blocks must never leave one stale.
    const date = '2026-03-04T10:15:00Z'
    const action = fc.record({
      kind: fc.constantFrom('format', 'break', 'clear', 'type', 'delete', 'move'),
      block: fc.nat(),
      other: fc.nat()
    })
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        const view = viewOf(
          doc(
            chapter(
              { id: 'c1' },
              h('C'),
              np({ id: 'p1' }, 'One'),
              p('Two'),
              np({ id: 'p2' }, 'Three')
            ),
            chapter(
              { id: 'c2' },
              h('D'),
              ol(li({ id: 'a' }, p('Alpha')), li({ id: 'b' }, p('Beta')))
            )
          )
        )
        let serial = 0
        for (const { kind, block, other } of actions) {
          const targets: Array<{ pos: number; node: Node }> = []
          view.state.doc.descendants((node, pos) => {
            if (node.type.name === 'paragraph' || node.type.name === 'numbered_paragraph')
              targets.push({ pos, node })
            return !node.isTextblock
          })
          if (targets.length === 0) break
          const { pos, node } = targets[block % targets.length]
          const tr = view.state.tr
          const id = `x${++serial}`
          if (kind === 'format')
            tr.setNodeAttribute(pos, 'formatChange', {
              id,
              ...ANA,
              date,
              was: { type: 'paragraph' }
            })
          else if (kind === 'break')
            tr.setNodeAttribute(pos, 'paragraphBreak', { id, ...ANA, date, type: 'split' })
          else if (kind === 'clear')
            tr.setNodeAttribute(pos, 'formatChange', null).setNodeAttribute(
              pos,
              'paragraphBreak',
              null
            )
          else if (kind === 'type') tr.insertText('x', pos + 1)
          else if (kind === 'delete' && targets.length > 1) tr.delete(pos, pos + node.nodeSize)
          else if (kind === 'move') {
            const to = targets[other % targets.length]
            if (to.pos === pos) continue
            tr.delete(pos, pos + node.nodeSize)
            tr.insert(tr.mapping.map(to.pos), node)
          }
          view.dispatch(tr)
          expect(shownMarkers(view)).toEqual(expectedMarkers(view.state.doc))
        }
        view.destroy()
      }),
      { numRuns: 150 }
    )
  })
})
