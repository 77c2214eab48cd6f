import type { Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import { computeNumbering, resolveReference, type NumberingOptions } from '../../src/core/numbering'
import { schema } from '../../src/core/schema'
import { newId } from '../../src/core/ids'
import {
  agenda,
  chapter,
  doc,
  fn,
  h,
  li,
  np,
  ol,
  p,
  rec,
  section,
  subsection,
  xref
} from '../builders'

const en: NumberingOptions = { language: 'en', recommendationStyle: 'block' }
const zh: NumberingOptions = { language: 'zh', recommendationStyle: 'block' }

/** A small report: two chapters, sections, paragraphs, recommendations, lists, footnotes, references. */
function report(): Node {
  return doc(
    chapter(
      { id: 'c1' },
      h('Introduction'),
      np({ id: 'p1' }, 'First.'),
      np({ id: 'p2' }, 'Second', fn({ id: 'f1' }, p('Note one.')), '.')
    ),
    chapter(
      { id: 'c2' },
      h('Recommendations'),
      np({ id: 'p3' }, 'Lead-in.'),
      section(
        { id: 's1' },
        h('General'),
        np({ id: 'p4' }, 'Consider:'),
        rec({ id: 'r1' }, p('Do one thing, see ', xref('p2'), '.')),
        rec({ id: 'r2' }, p('Do another', fn({ id: 'f2' }, p('Note two.')), '.'))
      ),
      section(
        { id: 's2' },
        h('Protection'),
        np({ id: 'p5' }, 'As follows:'),
        ol(
          li({ id: 'l1' }, p('first'), ol(li({ id: 'l2' }, p('nested')))),
          li({ id: 'l3' }, p('second'))
        ),
        rec({ id: 'r3' }, p('And a third, see ', xref('r1'), ' and ', xref('s1'), '.')),
        subsection({ id: 'ss1' }, h('Detail'), np({ id: 'p6' }, 'Detail paragraph.'))
      )
    ),
    chapter(
      { id: 'c3' },
      h('Organization'),
      np({ id: 'p7' }, 'Agenda:'),
      agenda(
        li({ id: 'a1' }, p('Opening'), ol(li({ id: 'a2' }, p('Election')))),
        li({ id: 'a3' }, p('Close'))
      )
    )
  )
}

function labels(node: Node, options = en): Record<string, string> {
  const numbering = computeNumbering(node, options)
  return Object.fromEntries(numbering.items.map((item) => [item.id, item.label]))
}

function refs(node: Node, options = en): string[] {
  const numbering = computeNumbering(node, options)
  const found: string[] = []
  node.descendants((child) => {
    if (child.type.name === 'cross_reference')
      found.push(resolveReference(numbering, child.attrs.target as string).text)
  })
  return found
}

/** Position of the node with `id`. */
function posOf(node: Node, id: string): number {
  let found = -1
  node.descendants((child, pos) => {
    if (child.attrs.id === id) found = pos
    return found < 0
  })
  if (found < 0) throw new Error(`no node ${id}`)
  return found
}

describe('computeNumbering', () => {
  it('labels every numbered thing by the English conventions', () => {
    expect(labels(report())).toEqual({
      c1: 'I.',
      p1: '1.',
      p2: '2.',
      f1: '1',
      c2: 'II.',
      p3: '3.',
      s1: 'A.',
      p4: '4.',
      r1: 'Recommendation 1',
      r2: 'Recommendation 2',
      f2: '2',
      s2: 'B.',
      p5: '5.',
      l1: '(a)',
      l2: '(i)',
      l3: '(b)',
      r3: 'Recommendation 3',
      ss1: '1.',
      p6: '6.',
      c3: 'III.',
      p7: '7.',
      a1: '1.',
      a2: '(a)',
      a3: '2.'
    })
  })

  it('gives sections and subsections dotted paths and restarts them per container', () => {
    const numbering = computeNumbering(report(), en)
    expect(numbering.byId.get('s2')?.path).toBe('II.B')
    expect(numbering.byId.get('ss1')?.path).toBe('II.B.1')
    expect(numbering.byId.get('s2')?.reference).toBe('section II.B')
  })

  it('gives front matter (a first chapter without a title) no number: the chapters after it number from I', () => {
    const numbering = computeNumbering(
      doc(
        chapter({ id: 'c0' }, h(''), p('Summary.'), section({ id: 's0' }, h('Key points'), p('x'))),
        chapter({ id: 'c1' }, h('Introduction'), np({ id: 'p1' }, 'First.')),
        chapter({ id: 'c2' }, h(''), np({ id: 'p2' }, 'Second.'))
      ),
      en
    )
    expect(numbering.byId.get('c0')).toBeUndefined()
    expect(numbering.byId.get('s0')?.path).toBe('A')
    expect(numbering.byId.get('c1')?.label).toBe('I.')
    // Only the first chapter can be front matter: an untitled chapter further on keeps its number.
    expect(numbering.byId.get('c2')?.label).toBe('II.')
    expect(numbering.byId.get('p2')?.label).toBe('2.')
  })

  it('renders references to the current label of their target', () => {
    expect(refs(report())).toEqual(['paragraph 2', 'recommendation 1', 'section II.A'])
  })

  it('follows the Chinese conventions', () => {
    const zhLabels = labels(report(), zh)
    expect([zhLabels.c1, zhLabels.c2, zhLabels.c3]).toEqual(['一.', '二.', '三.'])
    expect(zhLabels.r3).toBe('建议 3')
    expect(refs(report(), zh)).toEqual(['第 2 段', '建议 1', '第二章 A 节'])
  })

  it('numbers recommendations as paragraphs in paragraph style', () => {
    const options: NumberingOptions = { language: 'en', recommendationStyle: 'paragraph' }
    const l = labels(report(), options)
    expect([l.p4, l.r1, l.r2, l.p5, l.r3, l.p6]).toEqual(['4.', '5.', '6.', '7.', '8.', '9.'])
    expect(refs(report(), options)[1]).toBe('paragraph 5')
  })

  it('reports a reference whose target is gone as broken', () => {
    const numbering = computeNumbering(report(), en)
    expect(resolveReference(numbering, 'nope')).toEqual({
      text: '[reference to deleted text]',
      broken: true
    })
  })

  it('renumbers after inserting a paragraph at the start', () => {
    const before = report()
    const tr = new Transform(before)
    tr.insert(
      posOf(before, 'p1'),
      schema.nodes.numbered_paragraph.create({ id: 'new' }, schema.text('New.'))
    )
    const l = labels(tr.doc)
    expect([l.new, l.p1, l.p2, l.p7]).toEqual(['1.', '2.', '3.', '8.'])
    expect(refs(tr.doc)[0]).toBe('paragraph 3')
  })

  it('renumbers after deleting a recommendation, and its references break', () => {
    const before = report()
    const pos = posOf(before, 'r1')
    const tr = new Transform(before).delete(pos, pos + before.nodeAt(pos)!.nodeSize)
    const l = labels(tr.doc)
    expect([l.r2, l.r3]).toEqual(['Recommendation 1', 'Recommendation 2'])
    expect(refs(tr.doc)).toEqual(['[reference to deleted text]', 'section II.A'])
  })

  it('moves a whole section: everything in it and after it renumbers, references follow', () => {
    const before = report()
    // Move section A (s1) below section B (s2).
    const from = posOf(before, 's1')
    const sectionNode = before.nodeAt(from)!
    const tr = new Transform(before).delete(from, from + sectionNode.nodeSize)
    const afterB = posOf(tr.doc, 's2') + tr.doc.nodeAt(posOf(tr.doc, 's2'))!.nodeSize
    tr.insert(afterB, sectionNode)
    const l = labels(tr.doc)
    expect([l.s2, l.s1]).toEqual(['A.', 'B.'])
    expect([l.p5, l.p6, l.p4]).toEqual(['4.', '5.', '6.'])
    expect([l.r3, l.r1, l.r2]).toEqual(['Recommendation 1', 'Recommendation 2', 'Recommendation 3'])
    expect([l.f1, l.f2]).toEqual(['1', '2'])
    // r3 pointed at r1 and at section s1: both follow.
    expect(refs(tr.doc)).toEqual(['recommendation 2', 'section II.B', 'paragraph 2'])
  })

  it('moves a paragraph between chapters', () => {
    const before = report()
    const from = posOf(before, 'p7')
    const node = before.nodeAt(from)!
    const tr = new Transform(before).delete(from, from + node.nodeSize)
    tr.insert(posOf(tr.doc, 'p1'), node)
    const l = labels(tr.doc)
    expect([l.p7, l.p1, l.p6]).toEqual(['1.', '2.', '7.'])
  })

  it('numbers 300 recommendations, and inserting one at the top shifts all of them', () => {
    const recommendations = Array.from({ length: 300 }, (_, i) =>
      rec({ id: `r${i + 1}` }, p(`Recommendation text ${i + 1}`))
    )
    const big = doc(
      chapter(
        { id: 'c1' },
        h('Recommendations'),
        np({ id: 'p1' }, 'See ', xref('r300'), '.'),
        ...recommendations
      )
    )
    const numbering = computeNumbering(big, en)
    expect(numbering.byId.get('r300')?.label).toBe('Recommendation 300')
    expect(refs(big)).toEqual(['recommendation 300'])

    const tr = new Transform(big).insert(
      posOf(big, 'r1'),
      schema.nodes.recommendation.create(
        { id: newId() },
        schema.nodes.paragraph.create(null, schema.text('New'))
      )
    )
    const after = computeNumbering(tr.doc, en)
    for (let i = 1; i <= 300; i++) expect(after.byId.get(`r${i}`)?.number).toBe(i + 1)
    expect(refs(tr.doc)).toEqual(['recommendation 301'])
  })
})
