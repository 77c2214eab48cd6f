import fc from 'fast-check'
import type { Node } from 'prosemirror-model'
import { EditorState } from 'prosemirror-state'
import { parseReport, reportToJSON } from '../../src/core/report-file'
import { newReport } from '../../src/core/template'
import { idsToRepair, repairIds, withRepairedIds } from '../../src/core/ids'
import { chapter, doc, h, np } from '../builders'

describe('ids', () => {
  it('finds missing and repeated ids, keeping the first holder', () => {
    const d = doc(
      chapter({ id: 'c1' }, h('A'), np({ id: 'p1' }, 'x'), np({ id: 'p1' }, 'y'), np('z'))
    )
    const repaired = withRepairedIds(d)
    const ids: string[] = []
    repaired.descendants((node) => {
      if (node.attrs.id !== undefined) ids.push(node.attrs.id as string)
    })
    expect(ids[0]).toBe('c1')
    expect(ids[1]).toBe('p1')
    expect(new Set(ids).size).toBe(4)
    expect(idsToRepair(repaired)).toEqual([])
  })

  it('repairs in a transaction and leaves sound documents alone', () => {
    const d = doc(chapter({ id: 'c1' }, h('A'), np({ id: 'p1' }, 'x')))
    const state = EditorState.create({ doc: d })
    expect(repairIds(state.tr)).toBeNull()
    const pasted = state.tr.insert(d.content.size - 1, np({ id: 'p1' }, 'copy'))
    const fixed = repairIds(pasted)!
    expect(idsToRepair(fixed.doc)).toEqual([])
    expect(fixed.doc.firstChild!.child(1).attrs.id).toBe('p1')
  })
})

/** The text of a report whose `blocks` numbered paragraphs sit in one chapter and carry no ids. */
function reportWithoutIds(blocks: number): string {
  const report = newReport('en')
  const json = reportToJSON(report) as { doc: { content: unknown[] } }
  const paragraphs = Array.from({ length: blocks }, (_, i) => ({
    type: 'numbered_paragraph',
    content: [{ type: 'text', text: `Paragraph ${i} of a report that lost its ids.` }]
  }))
  json.doc.content = [
    {
      type: 'chapter',
      content: [{ type: 'heading', content: [{ type: 'text', text: 'I' }] }, ...paragraphs]
    }
  ]
  return JSON.stringify(json)
}

/**
 * Least processor time of `rounds` calls of `work`, in milliseconds: processor
 * time, not wall time, and the least of several, so that other processes on a
 * busy machine and an unlucky garbage collection do not count.
 */
function leastMs(work: () => void, rounds: number): number {
  let least = Infinity
  for (let i = 0; i < rounds; i++) {
    const start = process.cpuUsage()
    work()
    const used = process.cpuUsage(start)
    least = Math.min(least, (used.user + used.system) / 1000)
  }
  return least
}

/** One chapter of `blocks` numbered paragraphs, all without ids or all sharing one. */
function chapterOfBlocks(blocks: number, shareOne: boolean): Node {
  return doc(
    chapter(
      h('I'),
      ...Array.from({ length: blocks }, (_, i) =>
        np(shareOne ? { id: 'same' } : {}, `Paragraph ${i}`)
      )
    )
  )
}

describe('id repair cost', () => {
  // A timing on a shared machine can catch a pause (GC, another worker), and a document ten
  // times larger costs more than ten times in garbage collection alone (15–18× measured on a
  // loaded 2-core machine). The quadratic repair this guards against is 100× at 10× the nodes,
  // so the bound sits between the two with room on both sides.
  it(
    'grows linearly: 10× the nodes cost at most 40× the time',
    { timeout: 90_000, retry: 2 },
    () => {
      fc.assert(
        fc.property(fc.integer({ min: 1_500, max: 3_000 }), fc.boolean(), (blocks, shareOne) => {
          // The cost of n nodes is taken over ten documents of n, so that it is measured on as
          // much work as the one document of 10n it is compared with.
          const smalls = Array.from({ length: 10 }, () => chapterOfBlocks(blocks, shareOne))
          const large = chapterOfBlocks(blocks * 10, shareOne)
          withRepairedIds(large) // warm up the JIT before timing
          const smallMs = leastMs(() => smalls.forEach((small) => withRepairedIds(small)), 7) / 10
          const largeMs = leastMs(() => withRepairedIds(large), 7)
          expect(largeMs).toBeLessThanOrEqual(40 * smallMs)
        }),
        { numRuns: 3 }
      )
    }
  )

  it('opens a 20,000-block report without ids in under 2 s', () => {
    const text = reportWithoutIds(20_000)
    const start = performance.now()
    const report = parseReport(text)
    const elapsed = performance.now() - start
    expect(idsToRepair(report.doc)).toEqual([])
    expect(elapsed).toBeLessThan(2_000)
  })

  it('mends an editor transaction with many copied ids in one step', () => {
    const d = doc(chapter(h('I'), ...Array.from({ length: 5_000 }, () => np({ id: 'p1' }, 'x'))))
    const tr = repairIds(EditorState.create({ doc: d }).tr)!
    expect(tr.steps.length).toBe(1)
    expect(idsToRepair(tr.doc)).toEqual([])
    expect(tr.doc.firstChild!.child(1).attrs.id).toBe('p1')
  })
})
