// @vitest-environment happy-dom
import fc from 'fast-check'
import type { Node } from 'prosemirror-model'
import { EditorState, Selection, TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { undoDepth } from 'prosemirror-history'
import { createReportState, createReportView, undo } from '@renderer/editor'
import {
  STAGED_FROM_BLOCKS,
  hasDormantContainers,
  renderAllStages
} from '@renderer/editor/staged-rendering'
import { chapter, doc, h, np, section } from '../../builders'
import { cursorAt, insideNode, press, shownLabel, typeText, viewOf } from './setup'

/** A report of `chapters` chapters, each of two sections of `perSection` numbered paragraphs. */
function longReport(chapters: number, perSection: number): Node {
  let paragraph = 0
  const paragraphs = () =>
    Array.from({ length: perSection }, () => {
      paragraph++
      return np({ id: `p${paragraph}` }, `Paragraph ${paragraph} of the report.`)
    })
  return doc(
    ...Array.from({ length: chapters }, (_, c) =>
      chapter(
        { id: `c${c + 1}` },
        h(`Chapter ${c + 1}`),
        section({ id: `c${c + 1}a` }, h('First section'), ...paragraphs()),
        section({ id: `c${c + 1}b` }, h('Second section'), ...paragraphs())
      )
    )
  )
}

/** 24 chapters × 2 sections × 25 paragraphs: 1,200 paragraphs and 72 headings. */
const LONG = () => longReport(24, 25)
const PARAGRAPHS = 1200

const drawnParagraphs = (view: EditorView) =>
  view.dom.querySelectorAll('.numbered-paragraph').length
const placeholders = (view: EditorView) => [...view.dom.querySelectorAll('.dormant')]

/** Waits until the page's idle turns have drawn every container. */
async function allDrawn(view: EditorView): Promise<void> {
  await vi.waitFor(() => expect(hasDormantContainers(view.state)).toBe(false), {
    timeout: 10_000,
    interval: 20
  })
}

describe('a long report drawn in stages', () => {
  let view: EditorView | null = null
  afterEach(() => {
    vi.useRealTimers()
    view?.destroy()
    view = null
    document.body.replaceChildren()
  })

  test('shows its beginning at once, the rest as placeholders, and draws the rest when idle', async () => {
    view = viewOf(LONG())
    const first = drawnParagraphs(view)
    expect(first).toBeGreaterThan(0)
    expect(first).toBeLessThan(PARAGRAPHS / 2)
    const waiting = placeholders(view)
    expect(waiting.length).toBeGreaterThan(0)
    for (const placeholder of waiting) {
      expect(placeholder.getAttribute('contenteditable')).toBe('false')
      expect(placeholder.textContent).toBe('')
    }
    // The state has it all: the counts and labels do not wait for the drawing.
    expect(view.state.doc.childCount).toBe(24)

    expect(view.dom.getAttribute('aria-busy')).toBe('true')

    await allDrawn(view)
    expect(placeholders(view)).toEqual([])
    expect(view.dom.hasAttribute('aria-busy')).toBe(false)
    expect(drawnParagraphs(view)).toBe(PARAGRAPHS)
    expect(view.dom.textContent).toContain(`Paragraph ${PARAGRAPHS} of the report.`)
    expect(shownLabel(view, `p${PARAGRAPHS}`)).toBe(`${PARAGRAPHS}.`)
  })

  test('draws a container the moment the selection enters it, so typing there shows', () => {
    view = viewOf(LONG())
    const last = `p${PARAGRAPHS}`
    expect(view.dom.querySelector(`[data-id="${last}"]`)).toBeNull()
    const at = insideNode(view.state, last) + 4
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at)))
    const drawn = view.dom.querySelector(`[data-id="${last}"]`)
    expect(drawn).not.toBeNull()
    expect(shownLabel(view, last)).toBe(`${PARAGRAPHS}.`)
    typeText(view, 'NEW ')
    expect(drawn!.textContent).toContain('ParaNEW graph')
    // Only what held the selection was drawn: the containers between are still waiting.
    expect(hasDormantContainers(view.state)).toBe(true)
  })

  test('Ctrl+End goes to the end of the report, not of what is drawn, and Ctrl+Shift+Home selects it all', () => {
    view = viewOf(LONG())
    expect(press(view, 'Mod-End')).toBe(true)
    expect(view.state.selection.head).toBe(Selection.atEnd(view.state.doc).head)
    typeText(view, ' The end.')
    const last = view.dom.querySelector(`[data-id="p${PARAGRAPHS}"]`)
    expect(last!.textContent).toContain(`Paragraph ${PARAGRAPHS} of the report. The end.`)
    expect(press(view, 'Shift-Mod-Home')).toBe(true)
    expect(view.state.selection.from).toBe(Selection.atStart(view.state.doc).from)
    expect(view.state.selection.to).toBe(Selection.atEnd(view.state.doc).to)
    expect(press(view, 'Mod-Home')).toBe(true)
    expect(view.state.selection.empty).toBe(true)
    expect(view.state.selection.head).toBe(Selection.atStart(view.state.doc).head)
  })

  test('the arrow keys go into a waiting neighbour rather than past it', () => {
    view = viewOf(LONG())
    // No layout here: the caret is taken to be on the textblock's last (or first) line.
    view.endOfTextblock = () => true
    const id = [...view.dom.querySelectorAll('.numbered-paragraph')]
      .at(-1)!
      .getAttribute('data-id')!
    cursorAt(view, insideNode(view.state, id) + 3)
    expect(press(view, 'ArrowDown')).toBe(true)
    // The cursor is at the start of the next textblock (the next heading), and it is drawn.
    const { $head } = view.state.selection
    expect($head.parentOffset).toBe(0)
    expect($head.start()).toBeGreaterThan(insideNode(view.state, id))
    const drawn = view.nodeDOM($head.before()) as HTMLElement | null
    expect(drawn?.textContent).toContain($head.parent.textContent)
    expect(drawn!.closest('.dormant')).toBeNull()
    // Among drawn blocks the arrows are the browser's.
    expect(press(view, 'ArrowUp')).toBe(false)
  })

  test("a report that opens with the cursor far down has the cursor's container drawn at once", () => {
    const opened = createReportState({ doc: LONG() })
    const last = `p${PARAGRAPHS}`
    const state = EditorState.create({
      doc: opened.doc,
      selection: TextSelection.create(opened.doc, insideNode(opened, last)),
      plugins: opened.plugins
    })
    const mount = document.createElement('div')
    document.body.append(mount)
    view = createReportView(mount, state)
    expect(hasDormantContainers(view.state)).toBe(true)
    expect(shownLabel(view, last)).toBe(`${PARAGRAPHS}.`)
  })

  test('an edit inside a waiting container shows when it is drawn', async () => {
    view = viewOf(LONG())
    const target = `p${PARAGRAPHS - 10}`
    // Inserted where the selection is not: the container stays dormant.
    view.dispatch(view.state.tr.insertText('EDITED ', insideNode(view.state, target)))
    expect(view.dom.querySelector(`[data-id="${target}"]`)).toBeNull()
    await allDrawn(view)
    expect(view.dom.querySelector(`[data-id="${target}"]`)!.textContent).toContain(
      `EDITED Paragraph ${PARAGRAPHS - 10}`
    )
  })

  test('a waiting container deleted is gone from the page, and the rest is drawn in order', async () => {
    view = viewOf(LONG())
    let from = -1
    let to = -1
    view.state.doc.forEach((child, offset) => {
      if (child.attrs.id === 'c20') [from, to] = [offset, offset + child.nodeSize]
    })
    view.dispatch(view.state.tr.delete(from, to))
    await allDrawn(view)
    expect(view.dom.querySelector('[data-id="c20"]')).toBeNull()
    expect(drawnParagraphs(view)).toBe(PARAGRAPHS - 50)
    // Numbers follow on across the gap.
    expect(shownLabel(view, 'p1001')).toBe('951.')
  })

  test('waking leaves the undo history alone', async () => {
    view = viewOf(LONG())
    typeText(view, 'abc')
    const depth = undoDepth(view.state)
    await allDrawn(view)
    expect(undoDepth(view.state)).toBe(depth)
    undo(view.state, view.dispatch)
    expect(view.state.doc.textContent).not.toContain('abc')
  })

  test('renderAllStages draws everything at once', () => {
    view = viewOf(LONG())
    renderAllStages(view)
    expect(hasDormantContainers(view.state)).toBe(false)
    expect(drawnParagraphs(view)).toBe(PARAGRAPHS)
  })

  test('a report loaded into the same view is staged again', async () => {
    view = viewOf(LONG())
    await allDrawn(view)
    view.updateState(createReportState({ doc: LONG() }))
    expect(hasDormantContainers(view.state)).toBe(true)
    expect(drawnParagraphs(view)).toBeLessThan(PARAGRAPHS / 2)
    await allDrawn(view)
    expect(drawnParagraphs(view)).toBe(PARAGRAPHS)
  })

  test('whatever is edited, selected and drawn in whatever order, the page ends as a page drawn at once', () => {
    // Each step: 0 types at a random place, 1 deletes a random paragraph, 2 deletes a random
    // chapter, 3 moves the cursor to a random place, 4 lets the page have an idle turn.
    const step = fc.tuple(
      fc.integer({ min: 0, max: 4 }),
      fc.double({ min: 0, max: 1, noNaN: true })
    )
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        vi.useFakeTimers()
        const staged = viewOf(LONG())
        for (const [kind, where] of steps) {
          const { doc } = staged.state
          const at = Math.floor(where * doc.content.size)
          const textblocks: number[] = []
          const chapters: Array<[number, number]> = []
          doc.descendants((node, pos) => {
            if (node.type.name === 'chapter' && doc.childCount > 1)
              chapters.push([pos, pos + node.nodeSize])
            if (node.type.name === 'numbered_paragraph') textblocks.push(pos)
            return !node.isTextblock
          })
          const pick = <T>(list: T[]) =>
            list[Math.min(list.length - 1, Math.floor(where * list.length))]
          if (kind === 0) staged.dispatch(staged.state.tr.insertText('x', pick(textblocks) + 1))
          else if (kind === 1 && textblocks.length > 1) {
            const pos = pick(textblocks)
            staged.dispatch(staged.state.tr.delete(pos, pos + doc.nodeAt(pos)!.nodeSize))
          } else if (kind === 2 && chapters.length > 0)
            staged.dispatch(staged.state.tr.delete(...pick(chapters)))
          else if (kind === 3)
            staged.dispatch(staged.state.tr.setSelection(Selection.near(doc.resolve(at))))
          // Without idle callbacks (happy-dom), the turns are timers.
          else if (kind === 4) vi.runOnlyPendingTimers()
        }
        renderAllStages(staged)
        const whole = viewOf(staged.state.doc)
        renderAllStages(whole)
        const shown = (view: EditorView) =>
          [...view.dom.querySelectorAll('[data-id]')].map(
            (element) => `${element.getAttribute('data-id')}: ${element.textContent}`
          )
        expect(shown(staged)).toEqual(shown(whole))
        staged.destroy()
        whole.destroy()
        document.body.replaceChildren()
        vi.useRealTimers()
      }),
      { numRuns: 10 }
    )
  }, 60_000)

  test('a report of ordinary length is drawn whole at once', () => {
    // Just under the threshold: every textblock (paragraphs and headings) counts.
    const chapters = Math.floor(STAGED_FROM_BLOCKS / (2 * 10 + 3))
    view = viewOf(longReport(chapters, 10))
    expect(hasDormantContainers(view.state)).toBe(false)
    expect(placeholders(view)).toEqual([])
    expect(view.dom.hasAttribute('aria-busy')).toBe(false)
    expect(drawnParagraphs(view)).toBe(chapters * 20)
  })
})
