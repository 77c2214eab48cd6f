// @vitest-environment happy-dom
import fc from 'fast-check'
import { computeNumbering, resolveReference } from '@core/numbering'
import {
  createReportState,
  deleteContainer,
  insertFootnote,
  insertRecommendation,
  moveBlockDown,
  moveBlockUp,
  moveContainer,
  numberingOptionsOf,
  numberingRecomputations,
  redo,
  setNumberingOptions,
  toggleNumbered,
  undo
} from '@renderer/editor'
import { labelledViewCount, writeDeferredLabels } from '@renderer/editor/labels'
import { sampleReport } from '../../fixtures/sample-report'
import { chapter, doc, h, np } from '../../builders'
import { schema } from '@core/schema'
import { cursorAt, insideNode, sampleView, shownLabel, viewOf } from './setup'

describe('labels in the page', () => {
  test('are not editable text: they sit outside the content, and the document holds no numbers', () => {
    const view = sampleView()
    const heading = view.dom.querySelector('[data-id="r1"] > .recommendation-heading')!
    expect(heading.getAttribute('contenteditable')).toBe('false')
    expect(heading.textContent).toBe('Recommendation 1')
    expect(view.state.doc.textContent).not.toContain('Recommendation 1')
    const number = view.dom.querySelector('[data-id="p1"] > .paragraph-number')!
    expect(number.getAttribute('contenteditable')).toBe('false')
    expect(
      view.state.doc.nodeAt(insideNode(view.state, 'p1') - 1)!.textContent.startsWith('1.')
    ).toBe(false)
  })

  test('are updated in place: the same elements show the new numbers', () => {
    const view = sampleView()
    const p12 = view.dom.querySelector('[data-id="p12"] > .paragraph-number')!
    const r5 = view.dom.querySelector('[data-id="r5"] > .recommendation-heading')!
    cursorAt(view, insideNode(view.state, 'p1'))
    view.dispatch(view.state.tr.insertText('x'))
    const before = labelledViewCount(view)
    insertRecommendation(view.state, view.dispatch)
    expect(r5.textContent).toBe('Recommendation 6')
    expect(view.dom.querySelector('[data-id="r5"] > .recommendation-heading')).toBe(r5)
    expect(p12.textContent).toBe('12.')
    expect(labelledViewCount(view)).toBeGreaterThan(before)
  })

  test('plain typing neither recomputes numbering nor touches labels', () => {
    const view = sampleView()
    const label = view.dom.querySelector('[data-id="p12"] > .paragraph-number')!
    const observer = new MutationObserver(() => {})
    observer.observe(label, { childList: true, characterData: true, subtree: true })
    const computed = numberingRecomputations(view.state)
    cursorAt(view, insideNode(view.state, 'p3') + 5)
    for (const ch of 'typing') view.dispatch(view.state.tr.insertText(ch))
    expect(numberingRecomputations(view.state)).toBe(computed)
    expect(numberingRecomputations(view.state)).toBe(computed)
    expect(observer.takeRecords()).toHaveLength(0)
    // (The observer does see label changes: a renumbering shows up.)
    cursorAt(view, insideNode(view.state, 'p1'))
    view.dispatch(view.state.tr.split(view.state.selection.from))
    expect(observer.takeRecords().length).toBeGreaterThan(0)
    observer.disconnect()
  })

  test('paragraph-style recommendations show a paragraph number instead of a heading', () => {
    const view = sampleView()
    setNumberingOptions({ recommendationStyle: 'paragraph' })(view.state, view.dispatch)
    const rec = view.dom.querySelector('[data-id="r1"]')!
    expect(rec.classList.contains('paragraph-style')).toBe(true)
    expect(shownLabel(view, 'r1')).toBe('5.')
    expect(shownLabel(view, 'p5')).toBe('8.')
  })

  test('Chinese reports: 一. chapters and 建议 N recommendations; Arabic runs right to left', () => {
    const zh = viewOf(sampleReport().doc, {}, { language: 'zh', recommendationStyle: 'block' })
    expect(shownLabel(zh, 'ch2')).toBe('二.')
    expect(shownLabel(zh, 'r4')).toBe('建议 4')
    expect(zh.dom.getAttribute('lang')).toBe('zh')
    const ar = viewOf(sampleReport().doc, {}, { language: 'ar', recommendationStyle: 'block' })
    expect(ar.dom.getAttribute('dir')).toBe('rtl')
    expect(shownLabel(ar, 'r1')).toBe('التوصية 1')
  })
})

describe('links', () => {
  test('Ctrl+click on a document symbol opens its undocs address through the hook; the page never navigates', () => {
    const opened: string[] = []
    const view = sampleView({ onOpenLink: (url) => opened.push(url) })
    const link = view.dom.querySelector('a.doc-symbol')!
    const plain = new MouseEvent('click', { bubbles: true, cancelable: true })
    link.dispatchEvent(plain)
    expect(plain.defaultPrevented).toBe(true)
    expect(opened).toEqual([])
    const withCtrl = new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true })
    link.dispatchEvent(withCtrl)
    expect(withCtrl.defaultPrevented).toBe(true)
    expect(opened).toEqual(['https://undocs.org/en/CTOC/COP/WG.7/2024/INF/1'])
  })

  test('ordinary links open through the hook too', () => {
    const opened: string[] = []
    const linked = schema.text('the site', [
      schema.marks.link.create({ href: 'https://www.unodc.org/' })
    ])
    const view = viewOf(doc(chapter({ id: 'c1' }, h('T'), np({ id: 'p1' }, 'See ', linked))), {
      onOpenLink: (url) => opened.push(url)
    })
    view.dom
      .querySelector('a[href]')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, metaKey: true }))
    expect(opened).toEqual(['https://www.unodc.org/'])
  })
})

describe('labels stay true to the numbering', () => {
  test('after random structural edits every label on the page equals a fresh computation', () => {
    const commands = [
      insertRecommendation,
      moveBlockUp,
      moveBlockDown,
      moveContainer(null, 'up'),
      moveContainer(null, 'down'),
      toggleNumbered,
      insertFootnote,
      deleteContainer(null),
      undo,
      redo,
      setNumberingOptions({ recommendationStyle: 'paragraph' }),
      setNumberingOptions({ recommendationStyle: 'block' })
    ]
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 }),
        (steps) => {
          const view = sampleView()
          for (const [where, which] of steps) {
            const blocks: number[] = []
            view.state.doc.descendants((node, pos) => {
              if (node.isTextblock) blocks.push(pos + 1)
              return !node.isTextblock
            })
            cursorAt(view, blocks[where % blocks.length])
            commands[which % commands.length](view.state, view.dispatch, view)
          }
          const options = numberingOptionsOf(view.state)
          const fresh = computeNumbering(view.state.doc, options)
          for (const item of fresh.items) {
            if (
              !item.id ||
              item.kind === 'footnote' ||
              item.kind === 'chapter' ||
              item.kind === 'section'
            )
              continue
            expect(shownLabel(view, item.id)).toBe(item.label)
          }
          for (const heading of view.dom.querySelectorAll('section[data-id]')) {
            const item = fresh.byId.get(heading.getAttribute('data-id')!)!
            expect(heading.querySelector(':scope > .heading > .heading-label')!.textContent).toBe(
              item.label
            )
          }
          for (const footnote of view.dom.querySelectorAll('.footnote[data-id]'))
            expect(footnote.querySelector('.footnote-number')!.textContent).toBe(
              fresh.byId.get(footnote.getAttribute('data-id')!)!.label
            )
          for (const xref of view.dom.querySelectorAll('.xref'))
            expect(xref.textContent).toBe(
              resolveReference(fresh, xref.getAttribute('data-target')!).text
            )
          view.destroy()
        }
      ),
      { numRuns: 15 }
    )
  })

  test('inserting a recommendation at the top touches recommendation labels, not paragraph numbers', () => {
    const view = sampleView()
    const number = view.dom.querySelector('[data-id="p12"] > .paragraph-number')!
    const heading = view.dom.querySelector('[data-id="r5"] > .recommendation-heading')!
    const observer = new MutationObserver(() => {})
    observer.observe(view.dom, { childList: true, characterData: true, subtree: true })
    cursorAt(view, insideNode(view.state, 'p1'))
    insertRecommendation(view.state, view.dispatch)
    const touched = observer.takeRecords().map((r) => r.target)
    observer.disconnect()
    expect(touched.some((t) => heading.contains(t))).toBe(true)
    expect(touched.some((t) => number.contains(t))).toBe(false)
    expect(heading.textContent).toBe('Recommendation 6')
  })
})

/** Tells the editor the browser started or stopped skipping `block` (as Chromium does for blocks off screen). */
function setSkipped(block: Element, skipped: boolean): void {
  const event = new Event('contentvisibilityautostatechange')
  Object.defineProperty(event, 'skipped', { value: skipped })
  block.dispatchEvent(event)
}

describe('labels off screen', () => {
  test('are written once their block is about to be drawn, not in the edit', () => {
    const view = sampleView()
    const r5 = view.dom.querySelector('[data-id="r5"]')!
    setSkipped(r5, true)
    cursorAt(view, insideNode(view.state, 'p1'))
    insertRecommendation(view.state, view.dispatch)
    // On screen: written in the edit. Off screen: still the old number.
    expect(shownLabel(view, 'r1')).toBe('Recommendation 2')
    expect(shownLabel(view, 'r5')).toBe('Recommendation 5')
    setSkipped(r5, false)
    expect(shownLabel(view, 'r5')).toBe('Recommendation 6')
  })

  test('are written when the page is next idle, and always equal a fresh computation then', async () => {
    const view = sampleView()
    for (const block of view.dom.querySelectorAll('.recommendation, .numbered-paragraph'))
      setSkipped(block, true)
    cursorAt(view, insideNode(view.state, 'p1'))
    insertRecommendation(view.state, view.dispatch)
    expect(shownLabel(view, 'r5')).toBe('Recommendation 5')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(shownLabel(view, 'r5')).toBe('Recommendation 6')
    // A second edit while labels wait: the last numbering is what gets written.
    insertRecommendation(view.state, view.dispatch)
    insertRecommendation(view.state, view.dispatch)
    writeDeferredLabels(view)
    const fresh = computeNumbering(view.state.doc, numberingOptionsOf(view.state))
    for (const item of fresh.items)
      if (item.id && (item.kind === 'recommendation' || item.kind === 'paragraph'))
        expect(shownLabel(view, item.id)).toBe(item.label)
  })
})

describe('loading another report into the same view', () => {
  test('labels of reused node views follow the new report', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('T'), np({ id: 'p1' }, 'Same text'))))
    expect(shownLabel(view, 'p1')).toBe('1.')
    const other = doc(
      chapter({ id: 'c1' }, h('T'), np({ id: 'p0' }, 'New first'), np({ id: 'p1' }, 'Same text'))
    )
    view.updateState(
      createReportState({ doc: other, language: 'en', recommendationStyle: 'block' })
    )
    expect(shownLabel(view, 'p0')).toBe('1.')
    expect(shownLabel(view, 'p1')).toBe('2.')
  })
})

describe('empty titles', () => {
  test('an empty heading is marked for its placeholder, and unmarked once typed in', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('<a>'), np({ id: 'p1' }, 'x'))))
    const heading = view.dom.querySelector('.heading')!
    expect(heading.classList.contains('is-empty')).toBe(true)
    view.dispatch(view.state.tr.insertText('Introduction'))
    expect(view.dom.querySelector('.heading')).toBe(heading)
    expect(heading.classList.contains('is-empty')).toBe(false)
  })
})
