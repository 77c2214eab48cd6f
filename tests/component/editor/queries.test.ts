// @vitest-environment happy-dom
import {
  cursorLocation,
  deleteContainer,
  moveContainer,
  undo,
  focusedSection,
  outlineOf,
  referenceTargets,
  setFocusSection,
  setNumberingOptions
} from '@renderer/editor'
import { cursorAt, insideNode, sampleView } from './setup'

describe('cursor location', () => {
  test('names the chapter, section and paragraph around the cursor', () => {
    const view = sampleView()
    cursorAt(view, insideNode(view.state, 'p5') + 3)
    expect(cursorLocation(view.state)).toEqual({
      chapterId: 'ch2',
      sectionId: 's2b',
      subsectionId: null,
      path: 'II.B',
      titles: [
        'Recommendations',
        'Recommendations on protection of the rights of smuggled migrants'
      ],
      paragraph: '5',
      recommendation: null,
      listItem: null,
      inHeading: false
    })
    cursorAt(view, insideNode(view.state, 'p17') + 2)
    const list = view.state.doc.nodeAt(insideNode(view.state, 'p17') - 1)!.nodeSize
    cursorAt(view, insideNode(view.state, 'p17') - 1 + list + 4)
    expect(cursorLocation(view.state)).toMatchObject({ path: 'IV.D', listItem: '(a)' })
    cursorAt(view, insideNode(view.state, 'r4') + 2)
    expect(cursorLocation(view.state)).toMatchObject({
      recommendation: 'Recommendation 4',
      paragraph: null
    })
    setNumberingOptions({ recommendationStyle: 'paragraph' })(view.state, view.dispatch)
    expect(cursorLocation(view.state)).toMatchObject({ recommendation: null, paragraph: '9' })
    cursorAt(view, 2)
    expect(cursorLocation(view.state)).toMatchObject({
      path: 'I',
      paragraph: null,
      inHeading: true
    })
  })
})

describe('outline', () => {
  test('chapters, sections with labels, titles, status and positions', () => {
    const view = sampleView()
    const outline = outlineOf(view.state)
    expect(outline.map((c) => `${c.label} ${c.title}`)).toEqual([
      'I. Introduction',
      'II. Recommendations',
      'III. Summary of deliberations',
      'IV. Organization of the meeting',
      'V. Adoption of the report'
    ])
    expect(outline[3].children.map((s) => `${s.path} ${s.title} ${s.status}`)).toEqual([
      'IV.A Opening of the meeting draft',
      'IV.B Adoption of the agenda and organization of work draft',
      'IV.C Attendance draft',
      'IV.D Documentation draft'
    ])
    expect(view.state.doc.nodeAt(outline[1].children[0].pos)!.attrs.id).toBe('s2a')
  })
})

describe('reference targets', () => {
  test('by number, by reference words, by text; everything for an empty query', () => {
    const view = sampleView()
    expect(referenceTargets(view.state, '12')[0]).toMatchObject({
      id: 'p12',
      reference: 'paragraph 12',
      label: '12.'
    })
    expect(referenceTargets(view.state, 'recommendation 3')[0]).toMatchObject({
      id: 'r3',
      label: 'Recommendation 3'
    })
    expect(referenceTargets(view.state, 'II.B')[0]).toMatchObject({
      id: 's2b',
      reference: 'section II.B'
    })
    const byText = referenceTargets(view.state, 'liaison officers')
    expect(byText.map((t) => t.id)).toEqual(['r3'])
    expect(byText[0].text).toContain('joint investigation teams')
    const all = referenceTargets(view.state, '')
    expect(all.map((t) => t.kind)).not.toContain('footnote')
    expect(all.map((t) => t.kind)).not.toContain('list_item')
    expect(all.length).toBeGreaterThan(30)
  })
})

describe('focus mode', () => {
  test('marks the focused section and its chapter; ends when the section is deleted', () => {
    const view = sampleView()
    expect(setFocusSection('s2b')(view.state, view.dispatch)).toBe(true)
    expect(focusedSection(view.state)).toBe('s2b')
    expect(view.dom.classList.contains('focus-mode')).toBe(true)
    expect(
      view.dom.querySelector('section[data-id="s2b"]')!.classList.contains('focus-target')
    ).toBe(true)
    expect(
      view.dom.querySelector('section[data-id="ch2"]')!.classList.contains('focus-ancestor')
    ).toBe(true)
    expect(
      view.dom.querySelector('section[data-id="s2a"]')!.classList.contains('focus-target')
    ).toBe(false)
    // Typing keeps the focus; moving the section keeps it on the section.
    view.dispatch(view.state.tr.insertText('x', insideNode(view.state, 'p5') + 1))
    expect(
      view.dom.querySelector('section[data-id="s2b"]')!.classList.contains('focus-target')
    ).toBe(true)
    moveContainer('s2b', 'up')(view.state, view.dispatch)
    expect(
      view.dom.querySelector('section[data-id="s2b"]')!.classList.contains('focus-target')
    ).toBe(true)
    expect(focusedSection(view.state)).toBe('s2b')
    expect(setFocusSection('nope')(view.state)).toBe(false)
    deleteContainer('s2b')(view.state, view.dispatch)
    expect(focusedSection(view.state)).toBeNull()
    undo(view.state, view.dispatch)
    setFocusSection('s2b')(view.state, view.dispatch)
    setFocusSection(null)(view.state, view.dispatch)
    expect(view.dom.classList.contains('focus-mode')).toBe(false)
    expect(view.dom.querySelector('.focus-target')).toBeNull()
  })
})
