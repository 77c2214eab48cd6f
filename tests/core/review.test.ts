import { describe, expect, it } from 'vitest'
import { Transform } from 'prosemirror-transform'
import type { Node } from 'prosemirror-model'
import { chapter, doc, h, li, np, ol, p, rec, fn } from '../builders'
import { computeNumbering } from '../../src/core/numbering'
import { absentFromOriginal } from '../../src/core/review/final'
import {
  changeWithId,
  changesBy,
  settleChanges,
  settledDocument,
  trackedChanges
} from '../../src/core/review/changes'
import {
  addCommentThread,
  anchoredThreads,
  commentCounts,
  removeThread,
  replyToThread,
  setThreadResolved
} from '../../src/core/review/comments'
import { documentFromJSON, ReportFileError } from '../../src/core/report-file'
import { schema } from '../../src/core/schema'
import { ANA, BO, change, commented, del, ins, thread, withThreads } from './review-builders'

const en = { language: 'en' as const, recommendationStyle: 'block' as const }

function labels(node: Node, skip?: (n: Node) => boolean): string[] {
  return computeNumbering(node, { ...en, skip }).items.map((i) => `${i.id}:${i.label}`)
}

function settle(
  node: Node,
  decision: 'accept' | 'reject',
  filter?: Parameters<typeof settleChanges>[2]
) {
  const tr = new Transform(node)
  const changed = settleChanges(tr, decision, filter)
  return { doc: tr.doc, changed }
}

describe('numbering follows the Final view', () => {
  const reviewed = doc(
    chapter(
      { id: 'c1' },
      h('Intro'),
      np({ id: 'p1' }, 'one'),
      np({ id: 'p2', ...change('delete', 'd1') }, 'two'),
      np({ id: 'p3' }, 'three', fn({ id: 'f1' }, p('note'))),
      rec({ id: 'r1', ...change('delete', 'd2', BO) }, p('old recommendation')),
      rec({ id: 'r2' }, p('kept')),
      rec({ id: 'r3', ...change('insert', 'i1') }, p('new')),
      ol(
        { kind: 'subparagraph' },
        li({ id: 'a', ...change('delete', 'd3') }, p('x')),
        li({ id: 'b' }, p('y'))
      )
    ),
    chapter({ id: 'c2', ...change('delete', 'd4') }, h('Gone'), np({ id: 'p4' }, 'four'))
  )

  it('skips blocks suggested for deletion and counts inserted ones', () => {
    expect(labels(reviewed)).toEqual([
      'c1:I.',
      'p1:1.',
      'p3:2.',
      'f1:1',
      'r2:Recommendation 1',
      'r3:Recommendation 2',
      'b:(a)'
    ])
  })

  it('gives a deleted block its old number in the Original view', () => {
    const original = computeNumbering(reviewed, { ...en, skip: absentFromOriginal })
    expect(original.byId.get('r1')?.label).toBe('Recommendation 1')
    expect(original.byId.get('r2')?.label).toBe('Recommendation 2')
    expect(original.byId.get('r3')).toBeUndefined()
    expect(original.byId.get('p4')?.label).toBe('4.')
  })

  it('skips a footnote whose anchor is suggested for deletion', () => {
    const d = doc(
      chapter(
        h('T'),
        np(
          'a',
          fn({ id: 'f1' }, p('gone')).mark([schema.marks.deletion.create({ id: 'd', ...ANA })]),
          'b',
          fn({ id: 'f2' }, p('kept'))
        )
      )
    )
    expect(computeNumbering(d, en).byId.get('f2')?.label).toBe('1')
  })

  it('equals the numbering of the document with every suggestion accepted', () => {
    const final = settledDocument(reviewed, 'accept')
    expect(labels(final)).toEqual(labels(reviewed))
  })
})

describe('accepting and rejecting suggestions', () => {
  const text = doc(
    chapter(
      h('Title'),
      np({ id: 'p1' }, 'The ', ins('working ', 'i1'), 'group ', del('warmly ', 'd1', BO), 'agreed.')
    )
  )

  it('lists every suggestion with its author and range', () => {
    const changes = trackedChanges(text)
    expect(changes.map((c) => [c.kind, c.id, c.author])).toEqual([
      ['insertion', 'i1', 'Ana Ruiz'],
      ['deletion', 'd1', 'Bo Chen']
    ])
    const [insertion] = changes
    expect(text.textBetween(insertion.ranges[0].from, insertion.ranges[0].to)).toBe('working ')
  })

  it('accepts all: insertions stay unmarked, deletions go', () => {
    const { doc: out } = settle(text, 'accept')
    expect(out.textContent).toBe('TitleThe working group agreed.')
    expect(trackedChanges(out)).toEqual([])
  })

  it('rejects all: insertions go, deletions stay unmarked', () => {
    const { doc: out } = settle(text, 'reject')
    expect(out.textContent).toBe('TitleThe group warmly agreed.')
    expect(trackedChanges(out)).toEqual([])
  })

  it('settles one change by id and leaves the others', () => {
    const { doc: out } = settle(text, 'accept', changeWithId('d1'))
    expect(out.textContent).toBe('TitleThe working group agreed.')
    expect(trackedChanges(out).map((c) => c.id)).toEqual(['i1'])
  })

  it("settles one author's changes", () => {
    const { doc: out } = settle(text, 'reject', changesBy('Ana Ruiz'))
    expect(out.textContent).toBe('TitleThe group warmly agreed.')
    expect(trackedChanges(out).map((c) => c.author)).toEqual(['Bo Chen'])
  })

  it('reports nothing to do when no change matches', () => {
    expect(settle(text, 'accept', changesBy('Nobody')).changed).toBe(false)
  })

  it('accepting a deletion of another author’s insertion removes the text', () => {
    const both = ins('new ', 'i2', ANA, [schema.marks.deletion.create({ id: 'd2', ...BO })])
    const d = doc(chapter(h('T'), np('a ', both, 'b')))
    expect(settle(d, 'accept').doc.textContent).toBe('Ta b')
    expect(settle(d, 'reject').doc.textContent).toBe('Ta b')
    expect(settle(d, 'accept', changeWithId('i2')).doc.textContent).toBe('Ta new b')
  })
})

describe('block suggestions', () => {
  it('removes an inserted block on reject and keeps it on accept', () => {
    const d = doc(
      chapter(h('T'), np({ id: 'p1' }, 'a'), np({ id: 'p2', ...change('insert', 'i') }, 'b'))
    )
    expect(settle(d, 'reject').doc.textContent).toBe('Ta')
    const accepted = settle(d, 'accept').doc
    expect(accepted.textContent).toBe('Tab')
    expect(trackedChanges(accepted)).toEqual([])
  })

  it('removes the list when its only item is deleted, the recommendation when its only paragraph is', () => {
    const d = doc(
      chapter(
        h('T'),
        rec({ id: 'r1' }, p({ ...change('delete', 'd1') }, 'only')),
        np({ id: 'p1' }, 'x'),
        ol(li({ id: 'a', ...change('delete', 'd2') }, p('item')))
      )
    )
    const out = settle(d, 'accept').doc
    expect(out.eq(doc(chapter(h('T'), np({ id: 'p1' }, 'x'))))).toBe(true)
  })

  it('keeps a lone chapter when its insertion is rejected, clearing the suggestion', () => {
    const d = doc(chapter({ id: 'c', ...change('insert', 'i') }, h('T')))
    const out = settle(d, 'reject').doc
    expect(out.childCount).toBe(1)
    expect(trackedChanges(out)).toEqual([])
  })

  it('settles a move as one change: accept drops the old place, reject returns the id to it', () => {
    const d = doc(
      chapter(
        h('T'),
        np({ id: 'old-copy', ...change('move-from', 'm', ANA, 'm') }, 'moved'),
        np({ id: 'p2' }, 'stays'),
        np({ id: 'p1', ...change('move-to', 'm', ANA, 'm') }, 'moved')
      )
    )
    expect(trackedChanges(d).map((c) => [c.kind, c.ranges.length])).toEqual([['move', 2]])
    const accepted = settle(d, 'accept').doc
    expect(
      accepted.eq(doc(chapter(h('T'), np({ id: 'p2' }, 'stays'), np({ id: 'p1' }, 'moved'))))
    ).toBe(true)
    const rejected = settle(d, 'reject').doc
    expect(
      rejected.eq(doc(chapter(h('T'), np({ id: 'p1' }, 'moved'), np({ id: 'p2' }, 'stays'))))
    ).toBe(true)
  })
})

describe('comment threads', () => {
  const base = doc(
    chapter(h('T'), np({ id: 'p1' }, 'The group agreed.'), np({ id: 'p2' }, 'Next.'))
  )

  it('adds, answers and resolves a thread anchored to a range, as undoable steps', () => {
    const tr = new Transform(base)
    expect(addCommentThread(tr, thread('c1', 'Which group?'), { from: 9, to: 14 })).toBe(true)
    expect(replyToThread(tr, 'c1', { id: 'c1r', text: 'The working group.', ...BO })).toBe(true)
    expect(setThreadResolved(tr, 'c1', true)).toBe(true)
    const [anchored] = anchoredThreads(tr.doc)
    expect(tr.doc.textBetween(anchored.range!.from, anchored.range!.to)).toBe('group')
    expect(anchored.thread.replies.map((r) => r.author)).toEqual(['Bo Chen'])
    expect(commentCounts(tr.doc)).toEqual({ open: 0, resolved: 1 })
    // Inverting every step gives the document back: the editor's undo works on the same steps.
    const undo = new Transform(tr.doc)
    for (let i = tr.steps.length - 1; i >= 0; i--) undo.step(tr.steps[i].invert(tr.docs[i]))
    expect(undo.doc.eq(base)).toBe(true)
  })

  it('keeps its anchor through edits to the anchored text and flags it when the text is gone', () => {
    const d = withThreads(
      doc(chapter(h('T'), np({ id: 'p1' }, 'The ', del('big ', 'd1'), commented('group', 'c1')))),
      [thread('c1', 'Which?')]
    )
    const tr = new Transform(d)
    tr.insert(anchoredThreads(d)[0].range!.from + 1, schema.text('working '))
    const [kept] = anchoredThreads(tr.doc)
    expect(tr.doc.textBetween(kept.range!.from, kept.range!.to)).toBe('gworking roup')
    const gone = new Transform(tr.doc)
    gone.delete(kept.range!.from, kept.range!.to)
    expect(anchoredThreads(gone.doc)[0].range).toBeNull()
  })

  it('anchors a thread to a block by id and flags it when the block is deleted', () => {
    const tr = new Transform(base)
    addCommentThread(tr, thread('c2', 'Delete this?', 'p2'))
    expect(anchoredThreads(tr.doc)[0].range).not.toBeNull()
    const p2 = anchoredThreads(tr.doc)[0].range!
    tr.delete(p2.from, p2.to)
    expect(anchoredThreads(tr.doc)[0].range).toBeNull()
  })

  it('removes a thread with its anchor mark', () => {
    const d = withThreads(doc(chapter(h('T'), np('a ', commented('b', 'c1')))), [thread('c1', 'x')])
    const tr = new Transform(d)
    expect(removeThread(tr, 'c1')).toBe(true)
    expect(tr.doc.eq(doc(chapter(h('T'), np('a b'))))).toBe(true)
  })
})

describe('report files with review data', () => {
  it('loads a file written before review existed (no change attributes, no threads)', () => {
    const old = {
      type: 'doc',
      content: [
        {
          type: 'chapter',
          attrs: { id: 'c', status: 'draft' },
          content: [
            { type: 'heading', content: [{ type: 'text', text: 'T' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'x' }] }
          ]
        }
      ]
    }
    const loaded = documentFromJSON(old)
    expect(loaded.attrs.comments).toEqual([])
    expect(loaded.child(0).child(1).attrs.change).toBeNull()
  })

  it('round-trips suggestions and threads through JSON', () => {
    const d = withThreads(
      doc(
        // Every block has its id: the loader would give an id-less one a fresh id.
        chapter(
          { id: 'ch' },
          h('T', ins('new', 'i1')),
          np({ id: 'p', ...change('delete', 'd1', BO) }, commented('x', 'c1'))
        )
      ),
      [thread('c1', 'Why?')]
    )
    const back = documentFromJSON(JSON.parse(JSON.stringify(d.toJSON())))
    expect(back.eq(d)).toBe(true)
  })

  it('names the place of a malformed suggestion or thread', () => {
    const bad = (json: unknown) => {
      try {
        documentFromJSON(json)
      } catch (error) {
        return error instanceof ReportFileError ? error.message : String(error)
      }
      return 'loaded'
    }
    const body = (change: unknown) => ({
      type: 'doc',
      content: [
        {
          type: 'chapter',
          content: [{ type: 'heading' }, { type: 'numbered_paragraph', attrs: { id: 'p', change } }]
        }
      ]
    })
    expect(bad(body({ type: 'erase', id: 'x', ...ANA }))).toMatch(
      /doc\.content\[0\]\.content\[1\].*change.*one of insert, delete/
    )
    expect(bad(body({ type: 'insert', id: 'x', ...ANA, date: 'yesterday' }))).toMatch(/ISO 8601/)
    const threads = { ...body(null), attrs: { comments: [{ id: 'c', text: 'x', ...ANA }] } }
    expect(bad(threads)).toMatch(/comment thread 1: its anchor/)
  })
})
