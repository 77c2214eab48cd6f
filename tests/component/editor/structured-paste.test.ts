// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { EditorView } from 'prosemirror-view'
import { numberingOf, undo, undoDepth } from '@renderer/editor'
import { pastedHeadingsAsText } from '@renderer/editor/structured-paste'
import { chapter, doc, h, np, p, rec, section } from '../../builders'
import { press, viewOf } from './setup'

/**
 * Paste with structure: what the importer recognizes in pasted text and
 * HTML (Word's and LibreOffice's clipboard markup, in tests/fixtures/clipboard),
 * placed where the cursor is, with every label and reference checked.
 */

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../fixtures/clipboard', name), 'utf8')

/** Dispatches a paste event carrying these clipboard payloads at the view. */
function paste(view: EditorView, data: Record<string, string>): void {
  const event = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent
  Object.defineProperty(event, 'clipboardData', {
    value: { getData: (type: string) => data[type] ?? '', types: Object.keys(data) }
  })
  view.dom.dispatchEvent(event)
}

/** Headings, body blocks with their labels, inline atoms and marks, in document order. */
function outline(view: EditorView): string[] {
  const out: string[] = []
  const labels = new Map(numberingOf(view.state).items.map((i) => [i.pos, i.label]))
  view.state.doc.descendants((node, pos) => {
    if (node.type.name === 'heading') {
      out.push(`# ${labels.get(pos - 1) ?? ''} ${node.textContent}`)
      return false
    }
    if (node.isTextblock) {
      const parts: string[] = []
      node.forEach((c) => {
        if (c.type.name === 'cross_reference')
          parts.push(`[ref ${labels.get(refPos(view, c.attrs.target as string)) ?? '?'}]`)
        else if (c.type.name === 'footnote') parts.push(`[fn ${c.textContent}]`)
        else {
          const marks = c.marks.map((m) => m.type.name).filter((n) => n !== 'doc_symbol')
          parts.push(marks.length ? `${marks.join('+')}(${c.text})` : c.text!)
        }
      })
      out.push(`${labels.get(pos) ?? '-'} ${parts.join('')}`)
      return false
    }
    if (node.type.name === 'recommendation' || node.type.name === 'list_item')
      out.push(labels.get(pos)!)
    return true
  })
  return out
}

function refPos(view: EditorView, target: string): number {
  return numberingOf(view.state).byId.get(target)?.pos ?? -1
}

const report = () =>
  doc(
    chapter(
      { id: 'c1' },
      h('Organization'),
      np({ id: 'p1' }, 'One.'),
      np({ id: 'p2' }, 'Two.<a>'),
      np({ id: 'p3' }, 'Three.')
    ),
    chapter({ id: 'c2' }, h('Recommendations'), np({ id: 'p4' }, 'Four.'))
  )

describe('paste with structure', () => {
  test('plain text: typed numbers dropped, lists, a recommendation, a resolved reference; one undo step', () => {
    const view = viewOf(report())
    const start = view.state.doc
    const depth = undoDepth(view.state)
    paste(view, {
      'text/plain':
        '6.\tAgain.\n\n7.\tThe Working Group recalled paragraph 2 above and noted the following:\n(a)\tFirst;\n(b)\tSecond:\n(i)\tNested.\n\nRecommendation 12\n\nStates should act.\n\n8.\tIt closed, see paragraph 40 above.'
    })
    expect(outline(view)).toEqual([
      '# I. Organization',
      '1. One.',
      '2. Two.Again.',
      '3. The Working Group recalled [ref 2.] above and noted the following:',
      '(a)',
      '- First;',
      '(b)',
      '- Second:',
      '(i)',
      '- Nested.',
      'Recommendation 1',
      '- States should act.',
      '4. It closed, see paragraph 40 above.',
      '5. Three.',
      '# II. Recommendations',
      '6. Four.'
    ])
    expect(undoDepth(view.state)).toBe(depth + 1)
    undo(view.state, view.dispatch)
    expect(view.state.doc.eq(start)).toBe(true)
  })

  test('one pasted line goes into the paragraph at the cursor, its typed number dropped', () => {
    const view = viewOf(report())
    paste(view, { 'text/plain': '7.\tThe Working Group' })
    expect(outline(view)[2]).toBe('2. Two.The Working Group')
  })

  test('Word HTML: heading kept as text with a notice mid-chapter, recommendation, list, footnote, marks', () => {
    const view = viewOf(report())
    paste(view, { 'text/html': fixture('word.html'), 'text/plain': 'ignored' })
    expect(outline(view)).toEqual([
      '# I. Organization',
      '1. One.',
      '2. Two.',
      '- bold(Adoption of the agenda)',
      '3. At its 1st meeting, the Working Group adopted the italic(provisional) agenda, as contained in link(the annotated agenda).[fn CTOC/COP/WG.4/2019/1.]',
      'Recommendation 1',
      '- States parties should consider the measures referred to in [ref 2.] above:',
      '(a)',
      '- Training of officials;',
      '(b)',
      '- Cooperation with bold(civil society).',
      '4. Three.',
      '# II. Recommendations',
      '5. Four.'
    ])
    expect(pastedHeadingsAsText(view.state)).toEqual(['Adoption of the agenda'])
  })

  test('Word HTML at the end of a chapter’s text: its section heading becomes a section', () => {
    const view = viewOf(
      doc(
        chapter(
          { id: 'c1' },
          h('Organization'),
          np({ id: 'p1' }, 'One.'),
          np({ id: 'p2' }, 'Two.'),
          np({ id: 'p3' }, '<a>')
        )
      )
    )
    paste(view, { 'text/html': fixture('word.html') })
    expect(outline(view).slice(0, 5)).toEqual([
      '# I. Organization',
      '1. One.',
      '2. Two.',
      '# A. Adoption of the agenda',
      '3. At its 1st meeting, the Working Group adopted the italic(provisional) agenda, as contained in link(the annotated agenda).[fn CTOC/COP/WG.4/2019/1.]'
    ])
    expect(pastedHeadingsAsText(view.state)).toEqual([])
  })

  test('LibreOffice HTML: numbers dropped, nested lists, bold, italic and links', () => {
    const view = viewOf(
      doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, 'One.'), np({ id: 'p2' }, '<a>')))
    )
    paste(view, { 'text/html': fixture('libreoffice.html') })
    expect(outline(view)).toEqual([
      '# I. C',
      '1. One.',
      '2. The meeting was opened by the bold(Chair), who recalled italic(resolution 9/1).',
      '3. The Working Group considered the following:',
      '(a)',
      '- Prevention;',
      '(b)',
      '- Cooperation:',
      '(i)',
      '- Bilateral;',
      '4. See link(the UNODC site).'
    ])
  })

  test('Ctrl+Shift+V pastes plain text with no recognition', () => {
    const view = viewOf(report())
    press(view, 'Mod-Shift-v')
    paste(view, {
      'text/plain': '7.\tTyped number kept.\n\nRecommendation 3',
      'text/html': '<b>x</b>'
    })
    const lines = outline(view)
    expect(lines).toContain('2. Two.7.\tTyped number kept.')
    expect(lines).toContain('3. Recommendation 3')
    expect(lines.filter((l) => l.startsWith('Recommendation'))).toEqual([])
  })

  test('in a recommendation or a heading the ordinary paste applies', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('C'), rec({ id: 'r1' }, p('Text<a>')))))
    paste(view, { 'text/plain': 'Recommendation 4\n\nMore.' })
    expect(outline(view).filter((l) => l.startsWith('Recommendation'))).toEqual([
      'Recommendation 1'
    ])
    const inSection = viewOf(
      doc(chapter({ id: 'c1' }, h('C'), section({ id: 's1' }, h('Ti<a>tle'))))
    )
    paste(inSection, { 'text/plain': '7.\tx' })
    expect(outline(inSection)[1]).toMatch(/^# A\. Ti/)
  })
})

test('3,000 pasted paragraphs are one undo step, each with its own id', () => {
  const view = viewOf(doc(chapter({ id: 'c1' }, h('C'), np({ id: 'p1' }, '<a>'))))
  const text = Array.from({ length: 3000 }, (_, i) => `${i + 1}.\tParagraph number ${i + 1}.`).join(
    '\n\n'
  )
  paste(view, { 'text/plain': text })
  const paragraphs = numberingOf(view.state).items.filter((i) => i.kind === 'paragraph')
  expect(paragraphs).toHaveLength(3000)
  expect(paragraphs[2999].label).toBe('3000.')
  expect(new Set(paragraphs.map((i) => i.id)).size).toBe(3000)
  expect(undoDepth(view.state)).toBe(1)
  undo(view.state, view.dispatch)
  expect(numberingOf(view.state).items.filter((i) => i.kind === 'paragraph')).toHaveLength(1)
})
