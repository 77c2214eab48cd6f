import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import validate, { ready } from '@ooxml-tools/validate'
import { Transform } from 'prosemirror-transform'
import type { Node } from 'prosemirror-model'
import { cli } from '../run-cli'
import { reportToDocx } from '../../src/core/docx/index'
import { schema } from '../../src/core/schema'
import { serializeReport, type Report } from '../../src/core/report-file'
import { sampleReport } from '../fixtures/sample-report'
import { sampleReportZh } from '../fixtures/sample-report-zh'
import { elements, readDocx } from '../export/docx-reader'

/** `rapporteur compare OLD NEW -o changes.docx`: a redline read back from its XML and validated. */

/** Loading the Open XML SDK's .NET runtime takes ~15 s on a busy two-core machine. */
const LOAD_TIMEOUT = 180_000
const SLOW = 60_000

let folder: string
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'rapporteur-compare-'))
})
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function numberedParagraphs(doc: Node): Array<{ pos: number; node: Node }> {
  const found: Array<{ pos: number; node: Node }> = []
  doc.descendants((node, pos) => {
    if (node.type.name === 'numbered_paragraph') found.push({ pos, node })
    return true
  })
  return found
}

/** The report after a round of drafting: a word added, a paragraph dropped, a recommendation added. */
function drafted(report: Report, added: string, recommendation: string): Report {
  const [first, second] = numberedParagraphs(report.doc)
  const tr = new Transform(report.doc)
  tr.delete(second.pos, second.pos + second.node.nodeSize)
  const end = first.pos + first.node.nodeSize
  tr.insert(
    end,
    schema.nodes.recommendation.create(
      { id: 'new-recommendation' },
      schema.nodes.paragraph.create(null, schema.text(recommendation))
    )
  )
  tr.insert(end - 1, schema.text(added))
  return { meta: report.meta, doc: tr.doc }
}

function write(name: string, report: Report): string {
  const path = join(folder, name)
  writeFileSync(path, serializeReport(report))
  return path
}

/** The text inside each `w:ins` and each `w:del` of the document part. */
function revisions(path: string): { inserted: string; deleted: string } {
  const xml = readDocx(readFileSync(path)).xml('word/document.xml')
  const text = (tag: string, textTag: string) =>
    elements(xml, tag)
      .map((element) =>
        elements(element, textTag)
          .map((t) => t.textContent)
          .join('')
      )
      .join('|')
  return { inserted: text('w:ins', 'w:t'), deleted: text('w:del', 'w:delText') }
}

const cases = [
  { language: 'en', report: sampleReport, added: ' as amended', recommendation: 'A new idea.' },
  { language: 'zh', report: sampleReportZh, added: '（修正）', recommendation: '新的建议。' }
] as const

describe('rapporteur compare', () => {
  beforeAll(async () => {
    await ready()
  }, LOAD_TIMEOUT)

  it.each(cases)(
    'writes the newer report with the changes as Word revisions that validate ($language)',
    async ({ language, report, added, recommendation }) => {
      const older = report()
      const newer = drafted(older, added, recommendation)
      const out = join(folder, `changes-${language}.docx`)
      const { code, stderr } = await cli(
        'compare',
        write(`old-${language}.rapporteur`, older),
        write(`new-${language}.rapporteur`, newer),
        '-o',
        out
      )
      expect(stderr).toMatch(/wrote .*: \d+ insertion\(s\), \d+ deletion\(s\), 0 move\(s\)/)
      expect(code).toBe(0)
      const { inserted, deleted } = revisions(out)
      expect(inserted).toContain(added.trim())
      expect(inserted).toContain(recommendation)
      const dropped = numberedParagraphs(older.doc)[1].node.textContent
      expect(deleted.replace(/\|/g, '')).toContain(dropped.slice(0, 20))
      const errors = await validate(readFileSync(out), 'docx', 'Microsoft365')
      expect(errors.map((e) => `${e.path.xpath}: ${e.description}`)).toEqual([])
    },
    SLOW
  )

  it('reads Word files on either side', async () => {
    const older = sampleReport()
    const oldDocx = join(folder, 'old.docx')
    writeFileSync(oldDocx, await reportToDocx(older))
    const newer = drafted(older, ' as amended', 'A new idea.')
    const out = join(folder, 'from-docx.docx')
    const { code } = await cli('compare', oldDocx, write('new.rapporteur', newer), '-o', out)
    expect(code).toBe(0)
    const { inserted } = revisions(out)
    expect(inserted).toContain('A new idea.')
    // Ids differ across an import, yet unchanged paragraphs stay unchanged: most text is not redlined.
    const xml = readDocx(readFileSync(out)).xml('word/document.xml')
    expect(elements(xml, 'w:ins').length).toBeLessThan(10)
  })

  it('never overwrites without --force and checks the names it is given', async () => {
    const older = write('a.rapporteur', sampleReport())
    const newer = write('b.rapporteur', sampleReport())
    const out = join(folder, 'twice.docx')
    expect((await cli('compare', older, newer, '-o', out)).code).toBe(0)
    const again = await cli('compare', older, newer, '-o', out)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('already exists; add --force')
    expect((await cli('compare', older, newer, '-o', out, '--force')).code).toBe(0)
    const wrongName = await cli('compare', older, newer, '-o', join(folder, 'changes.pdf'))
    expect(wrongName.code).toBe(2)
    expect(wrongName.stderr).toContain('must end in .docx')
    const self = await cli('compare', older, newer, '-o', older)
    expect(self.code).toBe(2)
    const text = join(folder, 'notes.txt')
    writeFileSync(text, 'plain')
    const wrongInput = await cli('compare', text, newer, '-o', join(folder, 'x.docx'))
    expect(wrongInput.code).toBe(2)
    expect(wrongInput.stderr).toContain('compare reads .rapporteur or .docx files')
    expect((await cli('compare', older)).code).toBe(2)
  })
})
