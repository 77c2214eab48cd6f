// @vitest-environment happy-dom
import fc from 'fast-check'
import { Fragment, Slice, type Node } from 'prosemirror-model'
import { schema } from '@core/schema'
import { computeNumbering } from '@core/numbering'
import { TextSelection, type Command, type EditorState } from 'prosemirror-state'
import {
  addSection,
  countsOf,
  createReportState,
  insertCrossReference,
  deleteContainer,
  insertFootnote,
  insertList,
  insertRecommendation,
  moveBlockDown,
  moveBlockUp,
  moveContainer,
  numberedItem,
  numberingOf,
  numberingRecomputations,
  numberingVersion,
  setNumberingOptions,
  toggleNumbered,
  undo
} from '@renderer/editor'
import { labelChangesSince, numberingOptionsOfDoc } from '@renderer/editor/numbering-plugin'
import { changedLabelIds } from '@renderer/editor/labels'
import { sampleReport } from '../../fixtures/sample-report'
import { EN, freshRows, numberingRows, stateOf } from './setup'

function run(state: EditorState, command: Command): EditorState {
  let next = state
  command(state, (tr) => {
    next = state.apply(tr)
  })
  return next
}

function textblockPositions(doc: Node): number[] {
  const found: number[] = []
  doc.descendants((node, pos) => {
    if (node.isTextblock) found.push(pos + 1)
    return !node.isTextblock
  })
  return found
}

function typeAt(state: EditorState, pos: number, text: string): EditorState {
  return state.apply(state.tr.insertText(text, pos))
}

describe('incremental numbering', () => {
  test('plain typing keeps the labels and does not recompute', () => {
    let state = stateOf(sampleReport().doc)
    const before = numberingRecomputations(state)
    const version = numberingVersion(state)
    const p4 = numberedItem(state, 'p4')!.pos + 1
    for (const ch of 'Typing a few words here') state = typeAt(state, p4, ch)
    expect(numberingRecomputations(state)).toBe(before)
    expect(numberingVersion(state)).toBe(version)
    // Positions are mapped: they equal a full recomputation.
    expect(numberingRows(state)).toEqual(freshRows(state))
    expect(numberedItem(state, 'r5')!.pos).toBe(numberingOf(state).byId.get('r5')!.pos)
  })

  test('typing a title into front matter (an untitled first chapter) numbers it and every chapter after it', () => {
    const report = sampleReport().doc
    const first = report.firstChild!
    const untitled = report.replace(
      1,
      1 + first.firstChild!.nodeSize,
      new Slice(Fragment.from(schema.nodes.heading.create()), 0, 0)
    )
    let state = stateOf(untitled)
    const chapters = () =>
      numberingOf(state)
        .items.filter((i) => i.kind === 'chapter')
        .map((i) => i.label)
    const count = chapters().length
    expect(chapters()[0]).toBe('I.')
    state = typeAt(state, 2, 'Front')
    expect(chapters()).toHaveLength(count + 1)
    expect(numberingRows(state)).toEqual(freshRows(state))
    state = state.apply(state.tr.delete(2, 7))
    expect(chapters()).toHaveLength(count)
    expect(numberingRows(state)).toEqual(freshRows(state))
  })

  test('inserting a recommendation at the top renumbers every recommendation in one step', () => {
    let state = stateOf(sampleReport().doc)
    const p3 = numberedItem(state, 'p3')!.pos + 1
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, p3)))
    const before = numberingRecomputations(state)
    state = run(state, insertRecommendation)
    expect(numberingRecomputations(state)).toBe(before + 1)
    expect(numberingOf(state).byId.get('r1')!.label).toBe('Recommendation 2')
    expect(numberingOf(state).byId.get('r5')!.label).toBe('Recommendation 6')
    expect(numberingRows(state)).toEqual(freshRows(state))
  })

  test('switching recommendation style relabels recommendations as paragraphs', () => {
    let state = stateOf(sampleReport().doc)
    state = run(state, setNumberingOptions({ recommendationStyle: 'paragraph' }))
    expect(numberingOf(state).byId.get('r1')!.label).toBe('5.')
    expect(numberingOf(state).byId.get('p5')!.label).toBe('8.')
    expect(numberingRows(state)).toEqual(
      freshRows(state, { ...EN, recommendationStyle: 'paragraph' })
    )
    // The style is a document attribute: undo brings the recommendation series back.
    state = run(state, undo)
    expect(numberingOf(state).byId.get('r1')!.label).toBe(
      numberingOf(stateOf(sampleReport().doc)).byId.get('r1')!.label
    )
    expect(numberingRows(state)).toEqual(freshRows(state, EN))
    expect(undo(state)).toBe(false)
  })

  test('typing that adds or removes a footnote renumbers footnotes', () => {
    let state = stateOf(sampleReport().doc)
    const p2 = numberedItem(state, 'p2')!.pos + 2
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, p2)))
    state = run(state, insertFootnote)
    const footnotes = numberingOf(state).items.filter((i) => i.kind === 'footnote')
    expect(footnotes.map((f) => f.label)).toEqual(['1', '2'])
    expect(footnotes[1].id).toBe('fn1')
    expect(numberingRows(state)).toEqual(freshRows(state))
  })

  test('equals a full computation after random edit sequences', () => {
    const edit = fc.oneof(
      fc.record({
        kind: fc.constant('type' as const),
        block: fc.nat(),
        offset: fc.nat(),
        text: fc.string({ minLength: 1, maxLength: 4 })
      }),
      fc.record({
        kind: fc.constant('delete' as const),
        block: fc.nat(),
        offset: fc.nat(),
        length: fc.integer({ min: 1, max: 6 })
      }),
      fc.record({
        kind: fc.constantFrom(
          'recommendation' as const,
          'up' as const,
          'down' as const,
          'sectionUp' as const,
          'sectionDown' as const,
          'toggle' as const,
          'footnote' as const,
          'list' as const,
          'section' as const,
          'undo' as const,
          'style' as const,
          'language' as const,
          'reference' as const,
          'deleteSection' as const
        ),
        block: fc.nat(),
        offset: fc.nat()
      })
    )
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        let state = stateOf(sampleReport().doc)
        let options = EN
        for (const e of edits) {
          const before = state
          const blocks = textblockPositions(state.doc)
          const start = blocks[e.block % blocks.length]
          const size = state.doc.resolve(start).parent.content.size
          const at = start + (e.offset % (size + 1))
          state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)))
          switch (e.kind) {
            case 'type':
              state = typeAt(state, at, e.text)
              break
            case 'delete': {
              const to = Math.min(start + size, at + e.length)
              if (to > at) state = state.apply(state.tr.delete(at, to))
              break
            }
            case 'recommendation':
              state = run(state, insertRecommendation)
              break
            case 'up':
              state = run(state, moveBlockUp)
              break
            case 'down':
              state = run(state, moveBlockDown)
              break
            case 'sectionUp':
              state = run(state, moveContainer(null, 'up'))
              break
            case 'sectionDown':
              state = run(state, moveContainer(null, 'down'))
              break
            case 'toggle':
              state = run(state, toggleNumbered)
              break
            case 'footnote':
              state = run(state, insertFootnote)
              break
            case 'list':
              state = run(state, insertList('subparagraph'))
              break
            case 'section':
              state = run(state, addSection(null, 'New'))
              break
            case 'reference': {
              const targets = numberingOf(state).items.filter(
                (i) => i.kind === 'paragraph' || i.kind === 'recommendation'
              )
              const target = targets[e.offset % Math.max(1, targets.length)]
              if (target?.id) state = run(state, insertCrossReference(target.id))
              break
            }
            case 'deleteSection':
              state = run(state, deleteContainer(null))
              break
            case 'undo':
              state = run(state, undo)
              break
            case 'style':
              options = {
                ...options,
                recommendationStyle: options.recommendationStyle === 'block' ? 'paragraph' : 'block'
              }
              state = run(state, setNumberingOptions(options))
              break
            case 'language':
              state = run(
                state,
                setNumberingOptions({ language: options.language === 'en' ? 'fr' : 'en' })
              )
              break
          }
          // Undo may have taken a style change back: the document says which style is in force.
          options = numberingOptionsOfDoc(state.doc)
          expect(numberingRows(state)).toEqual(freshRows(state, options))
          // Every field, not only the rows: numbers, paths, reference words, list depths.
          expect(numberingOf(state).items.map((i) => ({ ...i }))).toEqual(
            computeNumbering(state.doc, options).items.map((i) => ({ ...i }))
          )
          // What the state says one renumbering changed is exactly what differs.
          const changed = labelChangesSince(before, state)
          if (changed) expect(new Set(changed)).toEqual(changedLabelIds(before, state))
          // The running counts, kept by deltas, equal a count from scratch.
          expect(countsOf(state)).toEqual(
            countsOf(createReportState({ doc: state.doc, ...options }))
          )
        }
      }),
      { numRuns: 80 }
    )
  })
})
