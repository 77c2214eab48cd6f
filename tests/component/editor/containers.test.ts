// @vitest-environment happy-dom
import { TextSelection } from 'prosemirror-state'
import {
  addChapter,
  addSection,
  addSubsection,
  deleteContainer,
  insertCrossReference,
  moveContainer,
  moveContainerTo,
  numberingOf,
  outlineOf,
  renameContainer,
  setContainerStatus,
  undo,
  undoDepth
} from '@renderer/editor'
import { cursorAt, freshLabels, insideNode, sampleView, shownLabel } from './setup'

function labels(view: ReturnType<typeof sampleView>, ids: string[]): string[] {
  const byId = numberingOf(view.state).byId
  return ids.map((id) => byId.get(id)?.label ?? '?')
}

function xrefTexts(view: ReturnType<typeof sampleView>): string[] {
  return [...view.dom.querySelectorAll('.xref')].map((x) => x.textContent ?? '')
}

describe('moving containers', () => {
  test('moving section II.A below II.B renumbers paragraphs, recommendations and references in one transaction', () => {
    const view = sampleView()
    // References to things in both sections, from chapter III.
    cursorAt(view, insideNode(view.state, 'p6') + 3)
    for (const target of ['r1', 'r4', 'p4', 's2a'])
      insertCrossReference(target)(view.state, view.dispatch)
    expect(xrefTexts(view)).toEqual([
      'paragraph 9',
      'recommendation 1',
      'recommendation 4',
      'paragraph 4',
      'section II.A'
    ])
    const r4Dom = view.dom.querySelector('[data-id="r4"]')
    let transactions = 0
    const dispatch = view.dispatch.bind(view)
    moveContainer('s2a', 'down')(view.state, (tr) => {
      transactions++
      dispatch(tr)
    })
    expect(transactions).toBe(1)
    expect(labels(view, ['s2b', 's2a', 'p5', 'p4', 'r4', 'r5', 'r1', 'r2', 'r3'])).toEqual([
      'A.',
      'B.',
      '4.',
      '5.',
      'Recommendation 1',
      'Recommendation 2',
      'Recommendation 3',
      'Recommendation 4',
      'Recommendation 5'
    ])
    // What the page shows follows at once, references included.
    expect(shownLabel(view, 's2b')).toBe('A.')
    expect(shownLabel(view, 'p4')).toBe('5.')
    expect(shownLabel(view, 'r1')).toBe('Recommendation 3')
    expect(shownLabel(view, 'r4')).toBe('Recommendation 1')
    expect(xrefTexts(view)).toEqual([
      'paragraph 9',
      'recommendation 3',
      'recommendation 1',
      'paragraph 5',
      'section II.B'
    ])
    // Node views outside the moved range are kept: only their labels changed.
    expect(view.dom.querySelector('[data-id="r4"]')).toBe(r4Dom)
    for (const [id, label] of freshLabels(view.state))
      expect(numberingOf(view.state).byId.get(id)!.label).toBe(label)
    // One undo step puts everything back.
    undo(view.state, view.dispatch)
    expect(labels(view, ['s2a', 's2b', 'r1', 'r4'])).toEqual([
      'A.',
      'B.',
      'Recommendation 1',
      'Recommendation 4'
    ])
    expect(shownLabel(view, 'r1')).toBe('Recommendation 1')
  })

  test('a section first in its chapter moves up to the end of the previous chapter', () => {
    const view = sampleView()
    expect(moveContainer('s4a', 'up')(view.state, view.dispatch)).toBe(true)
    const outline = outlineOf(view.state)
    expect(outline[2].children.map((s) => s.id)).toEqual(['s4a'])
    expect(outline[3].children.map((s) => `${s.label} ${s.id}`)).toEqual([
      'A. s4b',
      'B. s4c',
      'C. s4d'
    ])
    // Its paragraphs follow chapter III's.
    expect(numberingOf(view.state).byId.get('p12')!.label).toBe('12.')
  })

  test('the cursor stays in the moved section, and the first chapter cannot move up', () => {
    const view = sampleView()
    const inside = insideNode(view.state, 'p12') + 5
    cursorAt(view, inside)
    moveContainer(null, 'down')(view.state, view.dispatch)
    expect(view.state.selection.$from.parent.attrs.id).toBe('p12')
    expect(view.state.selection.$from.parentOffset).toBe(5)
    expect(moveContainer('ch1', 'up')(view.state)).toBe(false)
    const last = outlineOf(view.state).at(-1)!
    expect(moveContainer(last.id, 'down')(view.state)).toBe(false)
  })

  test('moveContainerTo places before, after and inside', () => {
    const view = sampleView()
    expect(moveContainerTo('s4d', 's4a', 'before')(view.state, view.dispatch)).toBe(true)
    expect(outlineOf(view.state)[3].children.map((s) => s.id)).toEqual(['s4d', 's4a', 's4b', 's4c'])
    expect(moveContainerTo('s2a', 'ch1', 'inside')(view.state, view.dispatch)).toBe(true)
    expect(outlineOf(view.state)[0].children.map((s) => `${s.label} ${s.id}`)).toEqual(['A. s2a'])
    expect(moveContainerTo('ch5', 'ch1', 'before')(view.state, view.dispatch)).toBe(true)
    expect(outlineOf(view.state).map((c) => `${c.label} ${c.id}`)).toEqual([
      'I. ch5',
      'II. ch1',
      'III. ch2',
      'IV. ch3',
      'V. ch4'
    ])
    // Refused: wrong level, into itself, no-op.
    expect(moveContainerTo('s4a', 'ch1', 'before')(view.state)).toBe(false)
    expect(moveContainerTo('ch2', 's2b', 'inside')(view.state)).toBe(false)
    expect(moveContainerTo('s4a', 's4b', 'before')(view.state)).toBe(false)
  })
})

describe('adding, renaming, deleting containers', () => {
  test('addSection after the current section, cursor in its heading, one undo step', () => {
    const view = sampleView()
    cursorAt(view, insideNode(view.state, 'p4'))
    const depth = undoDepth(view.state)
    expect(addSection(null, 'Further recommendations')(view.state, view.dispatch)).toBe(true)
    const chapter = outlineOf(view.state)[1]
    expect(chapter.children.map((s) => `${s.label} ${s.title}`)).toEqual([
      'A. General recommendations',
      'B. Further recommendations',
      'C. Recommendations on protection of the rights of smuggled migrants',
      'D. Recommendations on international cooperation'
    ])
    const $from = view.state.selection.$from
    expect($from.parent.type.name).toBe('heading')
    expect($from.parent.textContent).toBe('Further recommendations')
    expect(shownLabel(view, chapter.children[1].id)).toBe('B.')
    expect(undoDepth(view.state)).toBe(depth + 1)
  })

  test('with an anchor: a chapter gets a last section, a chapter goes after the anchor chapter', () => {
    const view = sampleView()
    addSection('ch1', 'Background')(view.state, view.dispatch)
    expect(outlineOf(view.state)[0].children.map((s) => s.title)).toEqual(['Background'])
    addChapter('s4b', 'Other matters')(view.state, view.dispatch)
    expect(outlineOf(view.state).map((c) => `${c.label} ${c.title}`)).toEqual([
      'I. Introduction',
      'II. Recommendations',
      'III. Summary of deliberations',
      'IV. Organization of the meeting',
      'V. Other matters',
      'VI. Adoption of the report'
    ])
    expect(addSubsection('s4b', 'Agenda')(view.state, view.dispatch)).toBe(true)
    expect(
      outlineOf(view.state)[3].children[1].children.map((s) => `${s.label} ${s.title}`)
    ).toEqual(['1. Agenda'])
    // A subsection needs a section around the cursor.
    cursorAt(view, insideNode(view.state, 'p1'))
    expect(addSubsection()(view.state)).toBe(false)
  })

  test('rename, status and delete, each undoable; the last chapter stays', () => {
    const view = sampleView()
    expect(renameContainer('s2a', 'General')(view.state, view.dispatch)).toBe(true)
    expect(outlineOf(view.state)[1].children[0].title).toBe('General')
    expect(renameContainer('s2a', 'General')(view.state)).toBe(false)

    expect(setContainerStatus('s2a', 'agreed')(view.state, view.dispatch)).toBe(true)
    const sectionDom = view.dom.querySelector('section[data-id="s2a"]')!
    expect(sectionDom.getAttribute('data-status')).toBe('agreed')
    expect(sectionDom.classList.contains('status-agreed')).toBe(true)
    expect(outlineOf(view.state)[1].children[0].status).toBe('agreed')

    expect(deleteContainer('s2a')(view.state, view.dispatch)).toBe(true)
    expect(numberingOf(view.state).byId.get('r4')!.label).toBe('Recommendation 1')
    expect(numberingOf(view.state).byId.get('p5')!.label).toBe('4.')
    undo(view.state, view.dispatch)
    expect(numberingOf(view.state).byId.get('r4')!.label).toBe('Recommendation 4')
    undo(view.state, view.dispatch)
    expect(view.dom.querySelector('section[data-id="s2a"]')!.getAttribute('data-status')).toBe(
      'draft'
    )
    undo(view.state, view.dispatch)
    expect(outlineOf(view.state)[1].children[0].title).toBe('General recommendations')

    for (const id of ['ch2', 'ch3', 'ch4', 'ch5']) deleteContainer(id)(view.state, view.dispatch)
    expect(deleteContainer('ch1')(view.state)).toBe(false)
    expect(view.state.selection).toBeInstanceOf(TextSelection)
  })
})
