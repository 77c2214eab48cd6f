// @vitest-environment happy-dom
import type { Node } from 'prosemirror-model'
import { TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import {
  activeFootnoteEditor,
  addSection,
  deleteContainer,
  insertFootnote,
  undo
} from '@renderer/editor'
import { authorColour, setTracking, trackingOf, toggleTracking } from '@renderer/editor/tracking'
import { settleAllChanges } from '@renderer/editor/tracking-review'
import { schema } from '@core/schema'
import { trackedChanges } from '@core/review/changes'
import { chapter, doc, h, li, np, ol, p, rec, section } from '../../builders'
import { press, shownLabel, typeText, viewOf } from './setup'

/**
 * The recording rules of track changes: what typing and deleting leave in
 * the document while tracking is on.
 */

const ANA = { author: 'Ana Ruiz', initials: 'AR' }
const BEN = { author: 'Ben Osei', initials: 'BO' }

function tracked(view: EditorView, who = ANA): EditorView {
  setTracking({ enabled: true, ...who })(view.state, view.dispatch)
  return view
}

/**
 * A tracked editor on one chapter of numbered paragraphs p1, p2, … with these
 * texts (`<a>` marks the cursor).
 */
function trackedParagraphs(...texts: string[]): EditorView {
  const paragraphs = texts.map((text, i) => np({ id: `p${i + 1}` }, text))
  return tracked(viewOf(doc(chapter({ id: 'c1' }, h('C'), ...paragraphs))))
}

/** Inserted text by `who`, as the test builder's content. */
function ins(text: string, who = BEN, id = 'b1'): Node {
  return schema.text(text, [
    schema.marks.insertion.create({ id, ...who, date: '2026-01-01T00:00:00Z' })
  ])
}

/**
 * Each textblock as a line: plain text as is, inserted text as `{+A:text}`,
 * deleted as `{-A:text}` (A the author's initials), both as `{±B/A:text}`;
 * a block suggestion is prefixed `+` (insert), `-` (delete), `<` (moved from) or `>` (moved to);
 * a suggested break after a paragraph ends it with `¶+A` (a split) or `¶-A` (a join).
 */
const PREFIX: Record<string, string> = {
  insert: '+',
  delete: '-',
  'move-from': '<',
  'move-to': '>'
}

function lines(node: Node): string[] {
  const out: string[] = []
  node.descendants((block, _pos, parent) => {
    if (!block.isTextblock) return true
    let text = ''
    block.forEach((child) => {
      const add = child.marks.find((m) => m.type.name === 'insertion')
      const del = child.marks.find((m) => m.type.name === 'deletion')
      const body = child.isText ? child.text! : `<${child.type.name}>`
      if (add && del) text += `{±${add.attrs.initials}/${del.attrs.initials}:${body}}`
      else if (add) text += `{+${add.attrs.initials}:${body}}`
      else if (del) text += `{-${del.attrs.initials}:${body}}`
      else text += body
    })
    const holder = parent && parent.type.name === 'list_item' ? parent : block
    const change = (holder.attrs.change ?? block.attrs.change) as { type: string } | null
    const prefix = change ? PREFIX[change.type] : ''
    const paragraphBreak = block.attrs.paragraphBreak as { type: string; initials: string } | null
    const suffix = paragraphBreak
      ? `¶${paragraphBreak.type === 'split' ? '+' : '-'}${paragraphBreak.initials}`
      : ''
    out.push(`${prefix}${block.type.name === 'heading' ? '# ' : ''}${text}${suffix}`)
    return false
  })
  return out
}

/**
 * Backspace or Delete as the browser does it inside text (ProseMirror reads
 * the DOM change as a deletion of the character), or the editor's own key
 * handling at block edges and over a selection.
 */
function erase(view: EditorView, key: 'Backspace' | 'Delete'): void {
  if (press(view, key)) return
  const { from, empty } = view.state.selection
  if (!empty) return
  const [start, end] = key === 'Backspace' ? [from - 1, from] : [from, from + 1]
  view.dispatch(view.state.tr.delete(start, end))
}

function paragraphIds(node: Node): string[] {
  const ids: string[] = []
  node.descendants((child) => {
    if (child.type.name === 'numbered_paragraph') ids.push(child.attrs.id as string)
  })
  return ids
}

function select(view: EditorView, from: number, to = from): void {
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)))
}

describe('tracking on and off', () => {
  test('Ctrl+Shift+E turns tracking on and off', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One<a>'))))
    expect(trackingOf(view.state).enabled).toBe(false)
    press(view, 'Mod-Shift-e')
    expect(trackingOf(view.state).enabled).toBe(true)
    press(view, 'Mod-Shift-e')
    expect(trackingOf(view.state).enabled).toBe(false)
  })

  test('with tracking off, edits are plain edits', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One<a>'))))
    typeText(view, ' two')
    erase(view, 'Backspace')
    expect(lines(view.state.doc)).toEqual(['# C', 'One tw'])
  })

  test('the Final and Original views set the editor’s class that hides deletions or insertions', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One'))))
    expect(view.dom.classList.contains('review-markup')).toBe(true)
    setTracking({ view: 'final' })(view.state, view.dispatch)
    expect(view.dom.classList.contains('review-final')).toBe(true)
    setTracking({ view: 'original' })(view.state, view.dispatch)
    expect(view.dom.classList.contains('review-original')).toBe(true)
    expect(view.dom.classList.contains('report-editor')).toBe(true)
  })

  test('toggling is not an undo step', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One<a>'))))
    toggleTracking(view.state, view.dispatch)
    expect(undo(view.state, view.dispatch)).toBe(false)
  })
})

describe('markup', () => {
  test('each author’s suggestions show in their own colour, named in the tooltip', () => {
    const view = tracked(
      viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'A', ins('bcd'), '<a>'))))
    )
    typeText(view, 'x')
    const [ben, ana] = [...view.dom.querySelectorAll<HTMLElement>('ins.suggestion')]
    expect(ben.title).toMatch(/^Ben Osei, /)
    expect(ana.getAttribute('data-author')).toBe('Ana Ruiz')
    expect(ben.style.getPropertyValue('--author-colour')).toBe(authorColour('Ben Osei'))
    expect(ana.style.getPropertyValue('--author-colour')).toBe(authorColour('Ana Ruiz'))
    expect(authorColour('Ben Osei')).not.toBe(authorColour('Ana Ruiz'))
  })

  test('a suggested split or join shows a pilcrow at the paragraph’s end in the author’s colour', () => {
    const view = trackedParagraphs('One <a>two', 'Three')
    press(view, 'Enter')
    let markers = [...view.dom.querySelectorAll<HTMLElement>('.paragraph-break-change')]
    expect(markers.map((m) => [m.textContent, m.dataset.type])).toEqual([['¶', 'split']])
    expect(markers[0].parentElement!.textContent).toBe('One ¶')
    expect(markers[0].style.getPropertyValue('--author-colour')).toBe(authorColour('Ana Ruiz'))
    expect(markers[0].title).toMatch(/^paragraph split: Ana Ruiz, /)
    // At the start of "Three": Backspace joins it to "two".
    select(view, view.state.doc.content.size - 7)
    erase(view, 'Backspace')
    markers = [...view.dom.querySelectorAll<HTMLElement>('.paragraph-break-change')]
    expect(markers.map((m) => m.dataset.type)).toEqual(['split', 'join'])
    expect(markers[1].parentElement!.textContent).toBe('two¶')
  })

  test('pilcrows stay on their paragraphs when an edit elsewhere moves them, as on a fresh page', () => {
    const view = tracked(
      viewOf(
        doc(
          chapter(
            { id: 'c1' },
            h('C'),
            section({ id: 's1' }, h('A'), np({ id: 'p1' }, 'First')),
            section({ id: 's2' }, h('B'), np({ id: 'p2' }, 'One <a>two'))
          )
        )
      )
    )
    press(view, 'Enter')
    // Typing in the first section shifts every position after it; the second section is untouched.
    select(view, 10)
    typeText(view, 'Longer ')
    const shown = (page: EditorView) =>
      [...page.dom.querySelectorAll<HTMLElement>('.paragraph-break-change')].map((m) => [
        m.dataset.type,
        m.parentElement!.textContent
      ])
    expect(view.state.doc.textContent).toContain('FLonger irst')
    expect(shown(view)).toEqual([['split', 'One ¶']])
    const fresh = tracked(viewOf(schema.nodeFromJSON(view.state.doc.toJSON())))
    expect(shown(view)).toEqual(shown(fresh))
  })

  test('a suggested block has its author’s colour for its bar in the margin', () => {
    const view = tracked(viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One<a>')))))
    press(view, 'Enter')
    typeText(view, 'Two')
    const block = view.dom.querySelector<HTMLElement>('[data-change=insert]')!
    expect(block.textContent).toMatch(/Two$/)
    expect(block.style.getPropertyValue('--author-colour')).toBe(authorColour('Ana Ruiz'))
  })
})

describe('typing', () => {
  test('typed text is an insertion with author, initials and date', () => {
    const view = tracked(viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One<a>')))))
    typeText(view, ' two')
    expect(lines(view.state.doc)).toEqual(['# C', 'One{+AR: two}'])
    const mark = view.state.doc.nodeAt(view.state.selection.from - 1)!.marks[0]
    expect(mark.attrs).toMatchObject({ author: 'Ana Ruiz', initials: 'AR' })
    expect(Date.now() - Date.parse(mark.attrs.date as string)).toBeLessThan(60_000)
  })

  test('typing inside one’s own insertion continues the same suggestion', () => {
    const view = tracked(viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One<a>')))))
    typeText(view, ' tw')
    typeText(view, 'o')
    select(view, view.state.selection.from - 2)
    typeText(view, 'X')
    expect(lines(view.state.doc)).toEqual(['# C', 'One{+AR: tXwo}'])
    const ids = new Set<string>()
    view.state.doc.descendants((node) => {
      for (const mark of node.marks) if (mark.type.name === 'insertion') ids.add(mark.attrs.id)
    })
    expect(ids.size).toBe(1)
  })

  test('typing inside another author’s insertion is one’s own insertion', () => {
    const view = tracked(
      viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'A', ins('bcd')))))
    )
    select(view, 8)
    typeText(view, 'x')
    expect(lines(view.state.doc)).toEqual(['# C', 'A{+BO:bc}{+AR:x}{+BO:d}'])
  })

  test('typing over a selection strikes it and inserts after it', () => {
    const view = tracked(viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One two')))))
    select(view, 9, 12)
    typeText(view, '2')
    expect(lines(view.state.doc)).toEqual(['# C', 'One {-AR:two}{+AR:2}'])
  })
})

describe('deleting', () => {
  test('Backspace strikes the character and moves before it', () => {
    const view = tracked(viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One<a>')))))
    erase(view, 'Backspace')
    erase(view, 'Backspace')
    expect(lines(view.state.doc)).toEqual(['# C', 'O{-AR:ne}'])
    expect(view.state.selection.from).toBe(6)
  })

  test('Delete strikes the character and moves after it', () => {
    const view = tracked(viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, '<a>One')))))
    erase(view, 'Delete')
    erase(view, 'Delete')
    expect(lines(view.state.doc)).toEqual(['# C', '{-AR:On}e'])
    expect(view.state.selection.from).toBe(7)
  })

  test('deleting one’s own insertion removes it', () => {
    const view = tracked(viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One<a>')))))
    typeText(view, ' two')
    erase(view, 'Backspace')
    erase(view, 'Backspace')
    expect(lines(view.state.doc)).toEqual(['# C', 'One{+AR: t}'])
  })

  test('deleting another author’s insertion marks it deleted', () => {
    const view = tracked(
      viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'A', ins('bcd')))))
    )
    select(view, 6, 8)
    erase(view, 'Backspace')
    expect(lines(view.state.doc)).toEqual(['# C', 'A{±BO/AR:bc}{+BO:d}'])
  })

  test('deleting struck text again changes nothing but moves the caret', () => {
    const view = tracked(viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One<a>')))))
    erase(view, 'Backspace')
    erase(view, 'Backspace')
    select(view, 7)
    erase(view, 'Backspace')
    expect(lines(view.state.doc)).toEqual(['# C', 'O{-AR:ne}'])
    expect(view.state.selection.from).toBe(6)
  })

  test('deleting across blocks strikes both parts and suggests joining them', () => {
    const view = tracked(
      viewOf(
        doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One two'), np({ id: 'p2' }, 'Three')))
      )
    )
    // From after "One " to after "Th".
    select(view, 9, 16)
    erase(view, 'Backspace')
    expect(lines(view.state.doc)).toEqual(['# C', 'One {-AR:two}¶-AR', '{-AR:Th}ree'])
    expect(paragraphIds(view.state.doc)).toEqual(['p1', 'p2'])
    // The struck text and the join are one change, settled together.
    expect(trackedChanges(view.state.doc)).toHaveLength(1)
    settleAllChanges('accept')(view.state, view.dispatch)
    expect(lines(view.state.doc)).toEqual(['# C', 'One ree'])
  })

  test('deleting whole blocks suggests them for deletion', () => {
    const view = tracked(
      viewOf(
        doc(
          chapter(
            { id: 'c1' },
            h('C'),
            np({ id: 'p1' }, 'One'),
            np({ id: 'p2' }, 'Two'),
            np({ id: 'p3' }, 'Three')
          )
        )
      )
    )
    // Select the whole of p2 as a block range (from its start to p3's start).
    const tr = view.state.tr.delete(9, 14)
    view.dispatch(tr)
    expect(lines(view.state.doc)).toEqual(['# C', 'One', '-{-AR:Two}', 'Three'])
  })
})

describe('structure', () => {
  test('Enter at the end of a paragraph inserts a suggested paragraph', () => {
    const view = tracked(viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One<a>')))))
    press(view, 'Enter')
    typeText(view, 'Two')
    expect(lines(view.state.doc)).toEqual(['# C', 'One', '+{+AR:Two}'])
  })

  test('a new list item is a suggested list item', () => {
    const view = tracked(
      viewOf(
        doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One'), ol(li({ id: 'l1' }, p('a<a>')))))
      )
    )
    press(view, 'Enter')
    typeText(view, 'b')
    expect(lines(view.state.doc)).toEqual(['# C', 'One', 'a', '+{+AR:b}'])
  })

  test('an inserted recommendation is a suggested block', () => {
    const view = tracked(viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One<a>')))))
    press(view, 'Mod-Alt-r')
    let change: unknown = null
    view.state.doc.descendants((node) => {
      if (node.type.name === 'recommendation') change = node.attrs.change
    })
    expect(change).toMatchObject({ type: 'insert', author: 'Ana Ruiz' })
  })

  test('Backspace at the start of a paragraph suggests joining it to the one before', () => {
    const view = trackedParagraphs('One', '<a>Two')
    erase(view, 'Backspace')
    expect(lines(view.state.doc)).toEqual(['# C', 'One¶-AR', 'Two'])
    expect(paragraphIds(view.state.doc)).toEqual(['p1', 'p2'])
    expect(view.state.selection.$from.parent.attrs.id).toBe('p1')
    expect(trackedChanges(view.state.doc)).toMatchObject([{ kind: 'deletion', author: 'Ana Ruiz' }])
  })

  test('Delete at the end of a paragraph suggests the same join', () => {
    const view = trackedParagraphs('One<a>', 'Two')
    erase(view, 'Delete')
    expect(lines(view.state.doc)).toEqual(['# C', 'One¶-AR', 'Two'])
  })

  test('accepting a join joins the paragraphs; rejecting it keeps them apart', () => {
    const start = () => trackedParagraphs('One', '<a>Two')
    const accepted = start()
    erase(accepted, 'Backspace')
    settleAllChanges('accept')(accepted.state, accepted.dispatch)
    expect(lines(accepted.state.doc)).toEqual(['# C', 'OneTwo'])
    expect(paragraphIds(accepted.state.doc)).toEqual(['p1'])
    const rejected = start()
    erase(rejected, 'Backspace')
    settleAllChanges('reject')(rejected.state, rejected.dispatch)
    expect(lines(rejected.state.doc)).toEqual(['# C', 'One', 'Two'])
    expect(trackedChanges(rejected.state.doc)).toEqual([])
  })

  test('Enter inside text suggests the split on the first part’s end', () => {
    const view = trackedParagraphs('One <a>two', 'Three')
    press(view, 'Enter')
    expect(lines(view.state.doc)).toEqual(['# C', 'One ¶+AR', 'two', 'Three'])
    expect(trackedChanges(view.state.doc)).toMatchObject([
      { kind: 'insertion', author: 'Ana Ruiz' }
    ])
    expect(view.state.selection.$from.parent.textContent).toBe('two')
  })

  test('rejecting a split joins the paragraphs again; accepting keeps them', () => {
    const start = () => {
      const view = trackedParagraphs('One <a>two')
      press(view, 'Enter')
      return view
    }
    const rejected = start()
    settleAllChanges('reject')(rejected.state, rejected.dispatch)
    expect(lines(rejected.state.doc)).toEqual(['# C', 'One two'])
    expect(paragraphIds(rejected.state.doc)).toEqual(['p1'])
    const accepted = start()
    settleAllChanges('accept')(accepted.state, accepted.dispatch)
    expect(lines(accepted.state.doc)).toEqual(['# C', 'One ', 'two'])
    expect(trackedChanges(accepted.state.doc)).toEqual([])
  })

  test('splitting a list item inside its text is a split that rejecting undoes', () => {
    const view = tracked(
      viewOf(
        doc(
          chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One'), ol(li({ id: 'l1' }, p('ab<a>cd'))))
        )
      )
    )
    press(view, 'Enter')
    expect(lines(view.state.doc)).toEqual(['# C', 'One', 'ab¶+AR', 'cd'])
    settleAllChanges('reject')(view.state, view.dispatch)
    expect(lines(view.state.doc)).toEqual(['# C', 'One', 'abcd'])
    let items = 0
    view.state.doc.descendants((node) => {
      if (node.type.name === 'list_item') items += 1
    })
    expect(items).toBe(1)
  })

  test('joining one’s own split takes it back, leaving no suggestion', () => {
    const view = trackedParagraphs('One <a>two')
    press(view, 'Enter')
    erase(view, 'Backspace')
    expect(lines(view.state.doc)).toEqual(['# C', 'One two'])
    expect(trackedChanges(view.state.doc)).toEqual([])
  })

  test('splitting untracked a paragraph with a suggested join keeps the join on the second part', () => {
    const view = trackedParagraphs('One', '<a>Two three')
    erase(view, 'Backspace')
    setTracking({ enabled: false })(view.state, view.dispatch)
    select(view, 6)
    press(view, 'Enter')
    expect(lines(view.state.doc)).toEqual(['# C', 'O', 'ne¶-AR', 'Two three'])
    settleAllChanges('accept')(view.state, view.dispatch)
    expect(lines(view.state.doc)).toEqual(['# C', 'O', 'neTwo three'])
  })

  test('numbering or unnumbering a paragraph keeps the suggestion on its end', () => {
    const view = trackedParagraphs('One <a>two')
    press(view, 'Enter')
    select(view, 6)
    press(view, 'Mod-Alt-n')
    expect(lines(view.state.doc)).toEqual(['# C', 'One ¶+AR', 'two'])
    expect(view.state.doc.firstChild!.child(1).type.name).toBe('paragraph')
    press(view, 'Mod-Alt-n')
    expect(lines(view.state.doc)).toEqual(['# C', 'One ¶+AR', 'two'])
    expect(view.state.doc.firstChild!.child(1).type.name).toBe('numbered_paragraph')
  })

  test('a second split keeps the first one on the part after it', () => {
    const view = trackedParagraphs('One two <a>three')
    press(view, 'Enter')
    select(view, 9)
    press(view, 'Enter')
    expect(lines(view.state.doc)).toEqual(['# C', 'One ¶+AR', 'two ¶+AR', 'three'])
    settleAllChanges('reject')(view.state, view.dispatch)
    expect(lines(view.state.doc)).toEqual(['# C', 'One two three'])
  })

  test('deleting a paragraph one inserted removes it', () => {
    const view = tracked(viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One<a>')))))
    press(view, 'Enter')
    erase(view, 'Backspace')
    expect(lines(view.state.doc)).toEqual(['# C', 'One'])
  })

  test('a recommendation deleted whole stays, suggested for deletion', () => {
    const view = tracked(
      viewOf(
        doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One'), rec({ id: 'r1' }, p('Rec'))))
      )
    )
    const start = view.state.doc.resolve(9).after(2)
    view.dispatch(view.state.tr.delete(start, start + 7))
    expect(lines(view.state.doc)).toEqual(['# C', 'One', '{-AR:Rec}'])
    let change: unknown = null
    view.state.doc.descendants((node) => {
      if (node.type.name === 'recommendation') change = node.attrs.change
    })
    expect(change).toMatchObject({ type: 'delete', author: 'Ana Ruiz' })
  })
})

describe('footnotes', () => {
  test('text typed and deleted in a footnote’s editor is recorded in the report', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('T'), np({ id: 'p1' }, 'Text<a> here'))))
    insertFootnote(view.state, view.dispatch)
    const inner = activeFootnoteEditor(view)!
    inner.dispatch(inner.state.tr.insertText('See the annex', 1))
    tracked(view)
    inner.dispatch(inner.state.tr.insertText(' again', 14))
    inner.dispatch(inner.state.tr.delete(1, 5))
    let footnote: Node | null = null
    view.state.doc.descendants((node) => {
      if (node.type.name === 'footnote') footnote = node
      return !footnote
    })
    expect(lines(footnote!)).toEqual(['{-AR:See }the annex{+AR: again}'])
    expect(inner.state.doc.eq(footnote!)).toBe(true)
  })
})

describe('containers', () => {
  test('a deleted section stays, suggested for deletion; rejecting brings it back', () => {
    const view = tracked(
      viewOf(
        doc(
          chapter(
            { id: 'c1' },
            h('C'),
            np({ id: 'p1' }, 'One'),
            section({ id: 's1' }, h('S'), np({ id: 'p2' }, 'Two'))
          )
        )
      )
    )
    expect(deleteContainer('s1')(view.state, view.dispatch)).toBe(true)
    const found = view.state.doc.child(0).lastChild!
    expect(found.attrs).toMatchObject({ id: 's1', change: { type: 'delete', author: 'Ana Ruiz' } })
    // Its paragraph keeps its old number, struck.
    expect(shownLabel(view, 'p2')).toBe('2.')
    expect(view.dom.querySelector('[data-id="p2"] .struck-label')).not.toBeNull()
    settleAllChanges('reject')(view.state, view.dispatch)
    expect(lines(view.state.doc)).toEqual(['# C', 'One', '# S', 'Two'])
    expect(view.state.doc.child(0).lastChild!.attrs.change).toBeNull()
  })

  test('a new section is a suggested insertion', () => {
    const view = tracked(viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One<a>')))))
    expect(addSection()(view.state, view.dispatch)).toBe(true)
    const added = view.state.doc.child(0).lastChild!
    expect(added.type.name).toBe('section')
    expect(added.attrs.change).toMatchObject({ type: 'insert', author: 'Ana Ruiz' })
  })
})

describe('moves', () => {
  test('moving a paragraph down is a move: struck at its old place, its id at the new one', () => {
    const view = tracked(
      viewOf(
        doc(
          chapter(
            { id: 'c1' },
            h('C'),
            np({ id: 'p1' }, 'One<a>'),
            np({ id: 'p2' }, 'Two'),
            np({ id: 'p3' }, 'Three')
          )
        )
      )
    )
    press(view, 'Alt-Shift-ArrowDown')
    const blocks: Array<{ id: string; text: string; change: Record<string, string> | null }> = []
    view.state.doc.descendants((node) => {
      if (node.type.name !== 'numbered_paragraph') return true
      blocks.push({ id: node.attrs.id, text: node.textContent, change: node.attrs.change })
      return false
    })
    expect(blocks.map((b) => [b.text, b.change?.type ?? null])).toEqual([
      ['One', 'move-from'],
      ['Two', null],
      ['One', 'move-to'],
      ['Three', null]
    ])
    expect(blocks[2].id).toBe('p1')
    expect(blocks[0].id).not.toBe('p1')
    expect(blocks[0].change!.moveId).toBe(blocks[2].change!.moveId)
    expect(shownLabel(view, 'p1')).toBe('2.')
    // The moved text carries no suggestion of its own: the move is one change.
    expect(lines(view.state.doc)).toEqual(['# C', '<One', 'Two', '>One', 'Three'])
    expect(trackedChanges(view.state.doc).map((change) => change.kind)).toEqual(['move'])
    // Rejecting the move puts the paragraph back, under its own id.
    settleAllChanges('reject')(view.state, view.dispatch)
    expect(lines(view.state.doc)).toEqual(['# C', 'One', 'Two', 'Three'])
    expect(view.state.doc.child(0).child(1).attrs.id).toBe('p1')
  })
})

test('a moved paragraph keeps another author’s insertion inside it', () => {
  const view = tracked(
    viewOf(
      doc(
        chapter(
          { id: 'c1' },
          h('C'),
          np({ id: 'p1' }, 'One<a>', ins(' more')),
          np({ id: 'p2' }, 'Two')
        )
      )
    )
  )
  press(view, 'Alt-Shift-ArrowDown')
  expect(lines(view.state.doc)).toEqual(['# C', '<One{+BO: more}', 'Two', '>One{+BO: more}'])
})

describe('labels follow the Final view', () => {
  test('a recommendation suggested for deletion shows its old number struck; the next closes up', () => {
    const view = tracked(
      viewOf(
        doc(
          chapter(
            { id: 'c1' },
            h('C'),
            np({ id: 'p1' }, 'One'),
            rec({ id: 'r1' }, p('First')),
            rec({ id: 'r2' }, p('Second'))
          )
        )
      )
    )
    expect(shownLabel(view, 'r2')).toBe('Recommendation 2')
    const start = view.state.doc.resolve(9).after(2)
    view.dispatch(view.state.tr.delete(start, start + 9))
    expect(shownLabel(view, 'r1')).toBe('Recommendation 1')
    expect(view.dom.querySelector('[data-id="r1"] .struck-label')).not.toBeNull()
    expect(view.dom.querySelector('[data-id="r1"]')!.getAttribute('data-change')).toBe('delete')
    expect(shownLabel(view, 'r2')).toBe('Recommendation 1')
    expect(view.dom.querySelector('[data-id="r2"] .struck-label')).toBeNull()
  })

  test('a numbered paragraph a suggested join runs into the one before shows its old number struck', () => {
    const view = trackedParagraphs('One', '<a>Two', 'Three')
    erase(view, 'Backspace')
    expect(shownLabel(view, 'p2')).toBe('2.')
    expect(view.dom.querySelector('[data-id="p2"] .struck-label')).not.toBeNull()
    expect(shownLabel(view, 'p3')).toBe('2.')
    // A split, by contrast, numbers both parts at once: the Final view has both.
    select(view, 6)
    press(view, 'Enter')
    expect(['p1', 'p3'].map((id) => shownLabel(view, id))).toEqual(['1.', '3.'])
  })
})

describe('undo', () => {
  test('undo takes back an edit and its marking together', () => {
    const view = tracked(viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One<a>')))))
    erase(view, 'Backspace')
    undo(view.state, view.dispatch)
    expect(lines(view.state.doc)).toEqual(['# C', 'One'])
  })
  test('undo takes back accepting a join, and a split', () => {
    const view = trackedParagraphs('One', '<a>Two')
    erase(view, 'Backspace')
    settleAllChanges('accept')(view.state, view.dispatch)
    expect(lines(view.state.doc)).toEqual(['# C', 'OneTwo'])
    undo(view.state, view.dispatch)
    expect(lines(view.state.doc)).toEqual(['# C', 'One¶-AR', 'Two'])
    select(view, 7)
    press(view, 'Enter')
    expect(lines(view.state.doc)).toEqual(['# C', 'On¶+AR', 'e¶-AR', 'Two'])
    undo(view.state, view.dispatch)
    expect(lines(view.state.doc)).toEqual(['# C', 'One¶-AR', 'Two'])
  })
})
