import fc from 'fast-check'
import type { Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import {
  reportChanges,
  reportFromJSON,
  reportToJSON,
  reportWithMeta,
  ReportFileError,
  SavedRevision,
  serializeReport,
  type Report
} from '../../src/core/report-file'
import { schema } from '../../src/core/schema'
import { reportByteParts, reportBytes } from '../../src/services/report-bytes'
import { everyFeatureReport } from '../fixtures/every-feature-report'

/**
 * A save sends only what changed since the last one the host acknowledged:
 * every node the page still shares with that save goes as its place in it.
 * Whatever the edits, the host must write exactly the file the whole report
 * would have given.
 */

/** The host's side of one save: the payload as it crosses the boundary, checked and encoded. */
function hostSave(payload: unknown, saved?: Node): { report: Report; bytes: Buffer } {
  const report = reportFromJSON(structuredClone(payload), saved)
  return { report, bytes: Buffer.concat(reportByteParts(report, saved !== undefined)) }
}

/** The nodes held by the report's structure (paragraphs, recommendations...), with their places. */
function heldBlocks(doc: Node): Array<{ node: Node; pos: number }> {
  const blocks: Array<{ node: Node; pos: number }> = []
  doc.descendants((node, pos, parent) => {
    if (parent && parent.type.name !== 'doc' && node.type.name !== 'heading' && node.isBlock)
      if (['chapter', 'section', 'subsection', 'annex'].includes(parent.type.name))
        blocks.push({ node, pos })
    return ['doc', 'chapter', 'section', 'subsection', 'annex'].includes(node.type.name)
  })
  return blocks.filter(({ node }) => !['chapter', 'section', 'subsection'].includes(node.type.name))
}

/** One edit a writer might make, picked by numbers so fast-check can shrink it. */
type Edit =
  | { kind: 'type'; block: number; text: string }
  | { kind: 'delete'; block: number }
  | { kind: 'move'; block: number; to: number }
  | { kind: 'title'; text: string }

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('type' as const),
    block: fc.nat(),
    text: fc.string({ minLength: 1, maxLength: 4 }).filter((text) => !/[\ud800-\udfff]/.test(text))
  }),
  fc.record({ kind: fc.constant('delete' as const), block: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), block: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('title' as const), text: fc.string({ maxLength: 8 }) })
)

/** `report` after `change`, or as it was when the change does not fit there. */
function applyEdit(report: Report, change: Edit): Report {
  if (change.kind === 'title')
    return {
      meta: { ...report.meta, masthead: { ...report.meta.masthead, title: change.text } },
      doc: report.doc
    }
  const blocks = heldBlocks(report.doc)
  if (blocks.length === 0) return report
  const { node, pos } = blocks[change.block % blocks.length]
  const transform = new Transform(report.doc)
  try {
    if (change.kind === 'type') {
      let inside = -1
      node.descendants((child, offset) => {
        if (inside < 0 && child.isTextblock) inside = pos + 1 + offset + 1
        return inside < 0
      })
      if (inside < 0) return report
      transform.insert(inside, schema.text(change.text))
    } else if (change.kind === 'delete') {
      transform.delete(pos, pos + node.nodeSize)
    } else {
      // The very node, taken out and put back elsewhere, as a drag of a block does.
      const target = blocks[change.to % blocks.length]
      transform.delete(pos, pos + node.nodeSize)
      transform.insert(transform.mapping.map(target.pos), node)
    }
    transform.doc.check()
  } catch {
    return report
  }
  return reportWithMeta(report.meta, transform.doc)
}

describe('a save of what changed since the last one', () => {
  it('writes the file the whole report gives, whatever the edits between saves', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(edit, { maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (saves) => {
          let report = everyFeatureReport('fr')
          let saved = new SavedRevision('revision-0', report.doc)
          let hostDoc = hostSave(reportToJSON(report)).report.doc
          saves.forEach((edits, index) => {
            for (const change of edits) report = applyEdit(report, change)
            const written = hostSave(reportChanges(report, saved), hostDoc)
            // What the host wrote when it was sent the whole report.
            const whole = serializeReport(reportFromJSON(reportToJSON(report)))
            expect(written.bytes.toString('utf8')).toBe(whole)
            saved = new SavedRevision(`revision-${index + 1}`, report.doc)
            hostDoc = written.report.doc
          })
        }
      ),
      { numRuns: 60 }
    )
  })

  it('sends the unchanged chapters by their places and only the changed paragraph in full', () => {
    const report = everyFeatureReport('en')
    const saved = new SavedRevision('revision-1', report.doc)
    const { pos, node } = heldBlocks(report.doc)[1]
    const edited = reportWithMeta(
      report.meta,
      new Transform(report.doc).insert(pos + node.nodeSize - 1, schema.text('!')).doc
    )
    const changes = reportChanges(edited, saved)
    expect(changes.base).toBe('revision-1')
    const sent = JSON.stringify(changes)
    // The edited paragraph's text goes across; a paragraph of another chapter does not.
    expect(sent).toContain('!')
    const content = (changes.doc as { content: unknown[] }).content
    expect(content.slice(1).every((entry) => Array.isArray(entry))).toBe(true)
    expect(sent.length).toBeLessThan(JSON.stringify(reportToJSON(edited)).length / 2)
  })

  it('gives a node sent twice fresh ids the second time, as the whole report would', () => {
    const report = everyFeatureReport('en')
    const saved = new SavedRevision('revision-1', report.doc)
    const hostDoc = hostSave(reportToJSON(report)).report.doc
    const { node, pos } = heldBlocks(report.doc).find((block) => block.node.attrs.id)!
    const doubled = reportWithMeta(
      report.meta,
      new Transform(report.doc).insert(pos + node.nodeSize, node).doc
    )
    const written = hostSave(reportChanges(doubled, saved), hostDoc).report.doc
    const ids: string[] = []
    written.descendants((child) => {
      if (typeof child.attrs.id === 'string' && child.type === node.type) ids.push(child.attrs.id)
    })
    expect(ids).toContain(node.attrs.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(written.childCount).toBe(doubled.doc.childCount)
  })

  it.each([
    ['before', 'the copy, first in the document'],
    ['after', 'the node named by place, first in the document']
  ])(
    'gives a node sent in full with an id a node named by place holds, %s it, a fresh id unless it comes first',
    (where) => {
      const report = everyFeatureReport('fr')
      const saved = new SavedRevision('revision-1', report.doc)
      const hostDoc = hostSave(reportToJSON(report)).report.doc
      const chapters: Array<{ node: Node; pos: number }> = []
      report.doc.forEach((node, pos) => {
        if (node.type.name === 'chapter') chapters.push({ node, pos })
      })
      const [first, second] = chapters
      // A paragraph of one chapter, copied (a new node with the same id) into another.
      const source = where === 'before' ? second : first
      const target = where === 'before' ? first : second
      const within = (chapter: { node: Node; pos: number }) =>
        heldBlocks(report.doc).filter(
          ({ pos }) => pos > chapter.pos && pos < chapter.pos + chapter.node.nodeSize
        )
      const original = within(source).find((block) => block.node.attrs.id)!.node
      const copy = original.type.create(original.attrs, original.content, original.marks)
      // After a block of its kind there, where the schema takes it as it is.
      const beside = within(target).find((block) => block.node.type === original.type)!
      const at = beside.pos + beside.node.nodeSize
      const doubled = reportWithMeta(report.meta, new Transform(report.doc).insert(at, copy).doc)
      const payload = reportChanges(doubled, saved)
      // The chapter holding the original goes by its place, the copy in full.
      expect(JSON.stringify(payload)).toContain(JSON.stringify(copy.toJSON()))
      const written = hostSave(payload, hostDoc).report.doc
      const ids: string[] = []
      written.descendants((child) => {
        if (typeof child.attrs.id === 'string') ids.push(child.attrs.id)
      })
      expect(new Set(ids).size).toBe(ids.length)
      // Whoever stands first keeps the id, as in a save of the whole report.
      const whole = hostSave(reportToJSON(doubled)).report.doc
      const firstWithId = (doc: Node) => {
        let found = -1
        doc.descendants((child, pos) => {
          if (found < 0 && child.attrs.id === original.attrs.id) found = pos
        })
        return found
      }
      expect(firstWithId(written)).toBe(firstWithId(whole))
      expect(firstWithId(written)).toBeGreaterThanOrEqual(0)
    }
  )

  it('names the place a hostile or stale save points at, and takes nothing from it', () => {
    const report = everyFeatureReport('en')
    const saved = hostSave(reportToJSON(report)).report.doc
    const withFirst = (entry: unknown) => {
      const json = reportToJSON(report) as { doc: { content: unknown[] } }
      json.doc.content[0] = entry
      return json
    }
    const refusal = (json: unknown, base: Node | null = saved): string => {
      try {
        reportFromJSON(json, base ?? undefined)
      } catch (error) {
        expect(error).toBeInstanceOf(ReportFileError)
        return (error as Error).message
      }
      throw new Error('the report was taken')
    }
    expect(refusal(withFirst([99]))).toMatch(/doc\.content\[0\].*no node at \[99\]/)
    expect(refusal(withFirst([0, 1.5]))).toMatch(/list of child indexes/)
    expect(refusal(withFirst([-1]))).toMatch(/list of child indexes/)
    expect(refusal(withFirst([]))).toMatch(/short list of child indexes/)
    expect(refusal(withFirst(new Array(100).fill(0)))).toMatch(/short list/)
    // Without a saved document, a place is no node at all.
    expect(refusal(withFirst([0]), null)).toMatch(/expected a node object/)
    // A section where only a chapter may stand is refused by the schema, as any node would be.
    expect(refusal(withFirst([0, 2]))).toMatch(/doc cannot hold/)
  })
})

describe('places a hostile page might send', () => {
  it('either load as nodes of the saved report or are refused by name, never anything else', () => {
    const report = everyFeatureReport('zh')
    const saved = hostSave(reportToJSON(report)).report.doc
    const place = fc.array(fc.oneof(fc.integer({ min: -2, max: 6 }), fc.double(), fc.string()), {
      maxLength: 6
    })
    fc.assert(
      fc.property(
        fc.array(fc.oneof(place, fc.constant(null)), { minLength: 1, maxLength: 5 }),
        (entries) => {
          const json = reportToJSON(report) as { doc: { content: unknown[] } }
          // Each entry replaces a chapter by a place, or leaves it as it is.
          entries.forEach((entry, index) => {
            if (entry !== null && index < json.doc.content.length) json.doc.content[index] = entry
          })
          try {
            const loaded = reportFromJSON(structuredClone(json), saved)
            loaded.doc.check()
            const ids: string[] = []
            loaded.doc.descendants((node) => {
              if (typeof node.attrs.id === 'string' && node.isBlock) ids.push(node.attrs.id)
            })
            expect(new Set(ids).size).toBe(ids.length)
          } catch (error) {
            expect(error).toBeInstanceOf(ReportFileError)
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe('the bytes the host writes', () => {
  it('are the file text when nodes are kept from one save to the next, and after a move deeper', () => {
    const report = everyFeatureReport('ar')
    expect(reportBytes(report).toString('utf8')).toBe(serializeReport(report))
    // The same nodes again: their kept bytes are used, and still give the same text.
    expect(reportBytes(report).toString('utf8')).toBe(serializeReport(report))
    // The last chapter, the very node, moved into an annex stands one level deeper: written again.
    const last = report.doc.lastChild!
    const annex = schema.nodes.annex.create({ id: 'annex-1' }, [
      schema.nodes.heading.create(null, schema.text('Annex')),
      last
    ])
    const transform = new Transform(report.doc)
    transform.replaceWith(report.doc.content.size - last.nodeSize, report.doc.content.size, annex)
    transform.doc.check()
    const edited = reportWithMeta(report.meta, transform.doc)
    expect(reportBytes(edited).toString('utf8')).toBe(serializeReport(edited))
  })

  it('are the file text when the paragraphs of edited sections are kept too', () => {
    const report = everyFeatureReport('zh')
    const asEdited = (r: Report) => Buffer.concat(reportByteParts(r, true)).toString('utf8')
    expect(asEdited(report)).toBe(serializeReport(report))
    // One paragraph changed: the section around it is written again from its neighbours' text.
    const { node, pos } = heldBlocks(report.doc).find(
      (block) => block.node.type.name === 'paragraph'
    )!
    const typed = new Transform(report.doc).insert(pos + node.nodeSize - 1, schema.text('✓')).doc
    const edited = reportWithMeta(report.meta, typed)
    expect(asEdited(edited)).toBe(serializeReport(edited))
    // The first chapter, the very node, moved into an annex: its paragraphs stand deeper now.
    const first = edited.doc.firstChild!
    const annex = schema.nodes.annex.create({ id: 'annex-1' }, [
      schema.nodes.heading.create(null, schema.text('Annex')),
      first
    ])
    const moved = new Transform(edited.doc)
      .delete(0, first.nodeSize)
      .insert(edited.doc.content.size - first.nodeSize, annex).doc
    moved.check()
    const deeper = reportWithMeta(report.meta, moved)
    expect(asEdited(deeper)).toBe(serializeReport(deeper))
  })
})
