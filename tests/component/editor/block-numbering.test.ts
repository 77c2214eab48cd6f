import fc from 'fast-check'
import type { Node } from 'prosemirror-model'
import { schema } from '@core/schema'
import { LANGUAGES } from '@core/languages'
import { computeNumbering, type Numbering, type NumberingOptions } from '@core/numbering'
import { changedIds, idsAreUnique, renumber } from '@renderer/editor/block-numbering'
import { everyFeatureReport } from '../../fixtures/every-feature-report'
import { reviewReport } from '../../fixtures/review-report'
import { sampleReport } from '../../fixtures/sample-report'
import { chapter, doc, fn, h, li, np, ol, p, rec } from '../../builders'

/** Everything a numbering says, in a form `toEqual` compares field by field. */
function contents(numbering: Numbering) {
  return {
    items: numbering.items.map((item) => ({ ...item })),
    byId: [...numbering.byId].map(([id, item]) => [id, item.pos]),
    byPos: [...numbering.byPos].map(([pos, item]) => [pos, item.id, item.label]),
    options: numbering.options
  }
}

function expectSame(document: Node, options: NumberingOptions): void {
  expect(contents(renumber(document, options))).toEqual(
    contents(computeNumbering(document, options))
  )
}

/** A report with front matter (an untitled first chapter) and an annex with its own series. */
function withFrontMatterAndAnnex(): Node {
  const body = doc(
    chapter({ id: 'front' }, h(), p('Summary')),
    chapter(
      { id: 'c1' },
      h('One'),
      np({ id: 'p1' }, 'A', fn({ id: 'f1' }, 'note')),
      rec({ id: 'r1' }, p('R'))
    ),
    chapter(
      { id: 'c2' },
      h('Two'),
      np({ id: 'p2' }, 'B'),
      ol({ id: 'l1' }, li({ id: 'i1' }, p('x')))
    )
  )
  const annex = schema.nodes.annex.create({ id: 'a1' }, [
    schema.nodes.heading.create(null, schema.text('Annex')),
    schema.nodes.numbered_paragraph.create({ id: 'ap1' }, [
      schema.text('Annex text'),
      schema.nodes.footnote.create(
        { id: 'af1' },
        schema.nodes.paragraph.create(null, schema.text('n'))
      )
    ]),
    schema.nodes.chapter.create({ id: 'ac1' }, [
      schema.nodes.heading.create(null, schema.text('Annex chapter')),
      schema.nodes.recommendation.create(
        { id: 'ar1' },
        schema.nodes.paragraph.create(null, schema.text('AR'))
      )
    ])
  ])
  return body.copy(body.content.addToEnd(annex))
}

describe('renumbering by blocks', () => {
  test('equals a full computation in every language and recommendation style', () => {
    for (const language of LANGUAGES)
      for (const recommendationStyle of ['block', 'paragraph'] as const) {
        const options = { language, recommendationStyle }
        expectSame(everyFeatureReport(language, recommendationStyle).doc, options)
        expectSame(sampleReport().doc, options)
      }
  })

  test('equals a full computation with front matter, an annex and tracked changes', () => {
    const en = { language: 'en', recommendationStyle: 'block' } as const
    expectSame(withFrontMatterAndAnnex(), en)
    expectSame(withFrontMatterAndAnnex(), { ...en, recommendationStyle: 'paragraph' })
    // Blocks and list items a suggestion removes take no number (the Final view).
    expectSame(reviewReport().doc, en)
    expectSame(reviewReport('zh').doc, { language: 'zh', recommendationStyle: 'block' })
  })

  test('reuses what it counted: after random block moves the numbers still equal a full computation', () => {
    const en = { language: 'en', recommendationStyle: 'block' } as const
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 12 }), (moves) => {
        let document = sampleReport().doc
        renumber(document, en)
        for (const [from, to] of moves) {
          // Move one body block of the first chapter to another place in it (same node objects, new order).
          const first = document.firstChild!
          const blocks: Node[] = []
          first.forEach((child, _offset, index) => {
            if (index > 0) blocks.push(child)
          })
          if (blocks.length < 2) break
          const [movedBlock] = blocks.splice(from % blocks.length, 1)
          blocks.splice(to % (blocks.length + 1), 0, movedBlock)
          const reordered = schema.nodes.chapter.create(first.attrs, [first.firstChild!, ...blocks])
          document = document.copy(document.content.replaceChild(0, reordered))
          expectSame(document, en)
        }
      }),
      { numRuns: 30 }
    )
  })

  test('knows which ids changed label or came and went', () => {
    const en = { language: 'en', recommendationStyle: 'block' } as const
    const before = renumber(
      doc(
        chapter(
          { id: 'c1' },
          h('T'),
          np({ id: 'p1' }, 'a'),
          np({ id: 'p2' }, 'b'),
          np({ id: 'p3' }, 'c')
        )
      ),
      en
    )
    const after = renumber(
      doc(
        chapter(
          { id: 'c1' },
          h('T'),
          np({ id: 'p0' }, 'z'),
          np({ id: 'p1' }, 'a'),
          np({ id: 'p3' }, 'c')
        )
      ),
      en
    )
    // p0 is new, p1 went from 1. to 2., p2 is gone; p3 stays 3. and c1 stays I.
    expect([...changedIds(before, after)].sort()).toEqual(['p0', 'p1', 'p2'])
  })

  test('tells a numbering whose ids are all present and distinct from one that needs repair', () => {
    const en = { language: 'en', recommendationStyle: 'block' } as const
    expect(idsAreUnique(renumber(sampleReport().doc, en))).toBe(true)
    const repeated = doc(
      chapter({ id: 'c1' }, h('T'), np({ id: 'p1' }, 'a'), np({ id: 'p1' }, 'b'))
    )
    expect(idsAreUnique(renumber(repeated, en))).toBe(false)
    expect(idsAreUnique(computeNumbering(repeated, en))).toBe(false)
    const missing = doc(chapter({ id: 'c1' }, h('T'), np('no id')))
    expect(idsAreUnique(renumber(missing, en))).toBe(false)
  })
})
