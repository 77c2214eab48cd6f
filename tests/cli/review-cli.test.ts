import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Transform } from 'prosemirror-transform'
import { cli } from '../run-cli'
import { serializeReport } from '../../src/core/report-file'
import { reviewReport } from '../fixtures/review-report'
import { elements, readDocx } from '../export/docx-reader'

/** `rapporteur stats` and `export` on a report under review. */

let folder: string
let report: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'rapporteur-review-'))
  report = join(folder, 'reviewed.rapporteur')
  writeFileSync(report, serializeReport(reviewReport()))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

function revisionCount(path: string): number {
  const xml = readDocx(readFileSync(path)).xml('word/document.xml')
  return ['w:ins', 'w:del', 'w:moveFrom', 'w:moveTo'].reduce(
    (sum, tag) => sum + elements(xml, tag).length,
    0
  )
}

describe('rapporteur stats on a report under review', () => {
  it('counts a suggested change of format (a numbered paragraph made plain)', async () => {
    const base = reviewReport()
    let target = -1
    base.doc.descendants((node, pos) => {
      if (target < 0 && node.type.name === 'numbered_paragraph' && !node.attrs.change) target = pos
      return target < 0
    })
    const tr = new Transform(base.doc)
    const node = base.doc.nodeAt(target)!
    tr.setNodeMarkup(target, base.doc.type.schema.nodes.paragraph, {
      formatChange: {
        id: 'f1',
        author: 'Cy Diaz',
        initials: 'CD',
        date: '2026-02-01T09:00:00Z',
        was: { type: 'numbered_paragraph', id: node.attrs.id }
      }
    })
    writeFileSync(report, serializeReport({ ...base, doc: tr.doc }))
    const { code, stdout } = await cli('stats', report, '--json')
    expect(code).toBe(0)
    const changes = JSON.parse(stdout).trackedChanges
    expect(changes.formatting).toBe(1)
    expect(changes.authors).toContain('Cy Diaz')
  })

  it('counts suggestions by kind with their authors, and open and resolved comments', async () => {
    const { code, stdout } = await cli('stats', report, '--json')
    expect(code).toBe(0)
    const stats = JSON.parse(stdout)
    expect(stats.trackedChanges).toEqual({
      // A split paragraph counts as an insertion (its new break), a join as a deletion.
      insertions: 4,
      deletions: 4,
      moves: 1,
      formatting: 0,
      authors: ['Ana Ruiz', 'Bo Chen']
    })
    expect(stats.comments).toEqual({ open: 2, resolved: 1 })
    // Numbers follow the Final view: the deleted recommendation takes none.
    expect(stats.recommendations).toEqual(['Recommendation 1', 'Recommendation 2'])
    const text = await cli('stats', report)
    expect(text.stdout).toContain('tracked changes:     4 insertion(s), 4 deletion(s), 1 move(s)')
    expect(text.stdout).toContain('comments:            2 open, 1 resolved')
  })
})

describe('rapporteur export on a report under review', () => {
  it('keeps suggestions as Word revisions by default and says how many are open', async () => {
    const out = join(folder, 'kept.docx')
    const { code, stderr } = await cli('export', report, '-o', out)
    expect(code).toBe(0)
    expect(stderr).toContain('9 suggestion(s) not yet accepted or rejected')
    expect(stderr).toContain('2 open comment(s)')
    expect(revisionCount(out)).toBeGreaterThan(7)
  })

  it('accepts or rejects them all with --accept-all / --reject-all', async () => {
    for (const flag of ['--accept-all', '--reject-all']) {
      const out = join(folder, `${flag}.docx`)
      const { code, stderr } = await cli('export', report, '-o', out, flag)
      expect(code).toBe(0)
      expect(stderr).not.toContain('suggestion(s)')
      expect(revisionCount(out)).toBe(0)
    }
    const both = await cli('export', report, '--accept-all', '--reject-all')
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('cannot be given together')
  })
})
