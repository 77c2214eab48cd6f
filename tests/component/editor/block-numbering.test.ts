import fc from 'fast-check'
import { Fragment, type Node } from 'prosemirror-model'
import { schema } from '@core/schema'
import { LANGUAGES } from '@core/languages'
import { computeNumbering, type Numbering, type NumberingOptions } from '@core/numbering'
import { changedIds, idsAreUnique, itemsWritten, renumber } from '@renderer/editor/block-numbering'
import { everyFeatureReport } from '../../fixtures/every-feature-report'
import { reviewReport } from '../../fixtures/review-report'
import { sampleReport } from '../../fixtures/sample-report'
import { chapter, doc, fn, h, li, np, ol, p, rec, section } from '../../builders'

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

/** What differs between two numberings, by the definition: ids whose label or reference words changed, or that came or went. */
function differences(before: Numbering, after: Numbering): string[] {
  const changed = new Set<string>()
  for (const item of after.items) {
    if (!item.id) continue
    const was = before.byId.get(item.id)
    if (!was || was.label !== item.label || was.reference !== item.reference) changed.add(item.id)
  }
  for (const item of before.items) if (item.id && !after.byId.has(item.id)) changed.add(item.id)
  return [...changed].sort()
}

/** The chapters, sections and subsections of a document (paths of child indices), and the annex. */
function holders(document: Node): number[][] {
  const found: number[][] = []
  const visit = (node: Node, path: number[]) =>
    node.forEach((child, _offset, index) => {
      if (['chapter', 'section', 'subsection', 'annex'].includes(child.type.name)) {
        found.push([...path, index])
        visit(child, [...path, index])
      }
    })
  visit(document, [])
  return found
}

/** `document` with the node at `path` replaced by `change(node)` (persistent: the rest is shared). */
function changedAt(document: Node, path: number[], change: (node: Node) => Node): Node {
  if (path.length === 0) return change(document)
  const [index, ...rest] = path
  const child = changedAt(document.child(index), rest, change)
  return document.copy(document.content.replaceChild(index, child))
}

function nodeAt(document: Node, path: number[]): Node {
  return path.reduce((node, index) => node.child(index), document)
}

/** Indices of a holder's body blocks (after its heading, before its first sub-container). */
function bodyIndices(holder: Node): number[] {
  const indices: number[] = []
  holder.forEach((child, _offset, index) => {
    if (index > 0 && !['chapter', 'section', 'subsection'].includes(child.type.name))
      indices.push(index)
  })
  return indices
}

/** `holder` with `child` put at `index` (replacing what was there, with `replace`), or the child there removed. */
function withChild(holder: Node, index: number, child: Node | null, replace = false): Node {
  const children: Node[] = []
  holder.forEach((each) => children.push(each))
  if (!child) children.splice(index, 1)
  else children.splice(index, replace ? 1 : 0, child)
  return holder.copy(Fragment.from(children))
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

  test('finds what an edit changed from the runs it touched, without writing every label', () => {
    const en = { language: 'en', recommendationStyle: 'block' } as const
    const edit = fc.record({
      kind: fc.constantFrom(
        'insert' as const,
        'remove' as const,
        'move' as const,
        'repeatId' as const,
        'section' as const,
        'dropSection' as const,
        'retitle' as const
      ),
      holder: fc.nat(),
      target: fc.nat(),
      at: fc.nat()
    })
    let fresh = 0
    fc.assert(
      fc.property(fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 15 }), (annex, edits) => {
        let document = annex ? withFrontMatterAndAnnex() : sampleReport().doc
        let numbering = renumber(document, en)
        for (const e of edits) {
          const places = holders(document)
          const path = places[e.holder % places.length]
          const holder = nodeAt(document, path)
          const body = bodyIndices(holder)
          // Before a body block, or right after the heading when there is none.
          const insertAt = body.length > 0 ? body[e.at % body.length] : 1
          const id = `new${++fresh}`
          let next = document
          switch (e.kind) {
            case 'insert': {
              const block =
                e.at % 2 ? rec({ id }, p('R')) : np({ id }, 'N', fn({ id: `${id}f` }, 'note'))
              next = changedAt(document, path, (node) => withChild(node, insertAt, block))
              break
            }
            case 'remove':
              if (body.length > 0)
                next = changedAt(document, path, (node) =>
                  withChild(node, body[e.at % body.length], null)
                )
              break
            case 'move': {
              if (body.length === 0) break
              const moved = holder.child(body[e.at % body.length])
              next = changedAt(document, path, (node) =>
                withChild(node, body[e.at % body.length], null)
              )
              const targets = holders(next)
              const target = targets[e.target % targets.length]
              next = changedAt(next, target, (node) => withChild(node, 1, moved))
              break
            }
            case 'repeatId': {
              // A block with an id another already has: ids are no longer unique.
              const taken = computeNumbering(document, en).items.filter((item) => item.id)
              const repeated = taken[e.target % taken.length].id
              next = changedAt(document, path, (node) =>
                withChild(node, insertAt, np({ id: repeated }, 'Again'))
              )
              break
            }
            case 'section':
              if (holder.type.name === 'chapter')
                next = changedAt(document, path, (node) =>
                  withChild(
                    node,
                    node.childCount,
                    section({ id: `${id}s` }, h('New'), np({ id }, 'S'))
                  )
                )
              break
            case 'dropSection':
              // The last section or subsection of the holder, with all it holds.
              if (['section', 'subsection'].includes(holder.lastChild!.type.name))
                next = changedAt(document, path, (node) =>
                  withChild(node, node.childCount - 1, null)
                )
              break
            case 'retitle':
              next = changedAt(document, path, (node) => withChild(node, 0, h('Retitled'), true))
              break
          }
          const after = renumber(next, en)
          const full = { before: computeNumbering(document, en), after: computeNumbering(next, en) }
          expect([...changedIds(numbering, after)].sort()).toEqual(
            differences(full.before, full.after)
          )
          // With ids unique on both sides the runs said it all: no numbering was written whole.
          if (idsAreUnique(full.before) && idsAreUnique(full.after))
            expect(itemsWritten(after)).toBe(false)
          expect(idsAreUnique(after)).toBe(idsAreUnique(full.after))
          // Enough lookups to index where the ids sit (the next numbering indexes over this index).
          for (let i = 0; i <= 64; i++) expect(after.byId.get(`missing${i}`)).toBeUndefined()
          for (const id of new Set([...full.before.byId.keys(), ...full.after.byId.keys()]))
            expect(after.byId.get(id)).toEqual(full.after.byId.get(id))
          expect(contents(after)).toEqual(contents(full.after))
          document = next
          numbering = after
        }
      }),
      { numRuns: 60 }
    )
  })

  test('answers lookups by id from its runs, equal to a full computation, before writing its items', () => {
    const en = { language: 'en', recommendationStyle: 'block' } as const
    for (const document of [sampleReport().doc, withFrontMatterAndAnnex()]) {
      const full = computeNumbering(document, en)
      const numbering = renumber(document, en)
      // More ids than the few searched for one by one: the later ones come from the index of all ids.
      const ids = [...full.byId.keys()].reverse()
      for (const id of ids) expect(numbering.byId.get(id)).toEqual(full.byId.get(id))
      expect(numbering.byId.get('no-such-id')).toBeUndefined()
      expect(itemsWritten(numbering)).toBe(false)
      expect([...numbering.byId.keys()].sort()).toEqual([...full.byId.keys()].sort())
    }
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
