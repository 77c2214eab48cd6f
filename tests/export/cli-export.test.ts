import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Transform } from 'prosemirror-transform'
import { cli } from '../run-cli'
import { serializeReport } from '../../src/core/report-file'
import { sampleReport } from '../fixtures/sample-report'
import { readDocx } from './docx-reader'

let folder: string
let report: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'rapporteur-export-'))
  report = join(folder, 'wg-report.rapporteur')
  writeFileSync(report, serializeReport(sampleReport()))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

describe('rapporteur export', () => {
  it('writes the .docx named with -o and notes the brackets still open', async () => {
    const out = join(folder, 'out.docx')
    const { code, stderr } = await cli('export', report, '-o', out)
    expect(code).toBe(0)
    expect(stderr).toContain(`wrote ${out}`)
    expect(stderr).toContain('3 passage(s) in square brackets')
    const docx = readDocx(readFileSync(out))
    expect(docx.paragraphs().filter((p) => p.style === 'NumberedParagraph')).toHaveLength(18)
  })

  it('notes references to deleted text, and stats --json flags them broken', async () => {
    const withBroken = sampleReport()
    const tr = new Transform(withBroken.doc)
    withBroken.doc.descendants((node, pos) => {
      if (node.type.name === 'cross_reference')
        tr.setNodeMarkup(pos, undefined, { ...node.attrs, target: 'deleted-paragraph' })
    })
    writeFileSync(report, serializeReport({ ...withBroken, doc: tr.doc }))
    const { code, stderr } = await cli('export', report, '-o', join(folder, 'out.docx'))
    expect(code).toBe(0)
    expect(stderr).toContain('1 cross-reference(s) to deleted text')
    const stats = await cli('stats', '--json', report)
    const parsed = JSON.parse(stats.stdout) as { crossReferences: Array<{ broken: boolean }> }
    expect(parsed.crossReferences.map((ref) => ref.broken)).toEqual([true])
  })

  it('writes next to the report when no -o is given', async () => {
    expect((await cli('export', report)).code).toBe(0)
    expect(existsSync(join(folder, 'wg-report.docx'))).toBe(true)
  })

  it('refuses a report that cannot be read, naming the file, and writes nothing', async () => {
    const broken = join(folder, 'broken.rapporteur')
    writeFileSync(broken, '{"format": "rapporteur", "version": 1, "meta": ')
    const out = join(folder, 'broken.docx')
    const { code, stderr } = await cli('export', broken, '-o', out)
    expect(code).toBe(1)
    expect(stderr).toMatch(/broken\.rapporteur: This is not a readable Rapporteur file/)
    expect(existsSync(out)).toBe(false)

    const missing = await cli('export', join(folder, 'nowhere.rapporteur'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('no such file or folder')
  })

  it('says so when the target cannot be written', async () => {
    const { code, stderr } = await cli('export', report, '-o', join(folder, 'no/such/dir/x.docx'))
    expect(code).toBe(1)
    expect(stderr).toMatch(/cannot write .*x\.docx/)
  })

  it('treats a wrong call as a usage error', async () => {
    expect((await cli('export')).code).toBe(2)
    const notDocx = await cli('export', report, '-o', join(folder, 'out.pdf'))
    expect(notDocx.code).toBe(2)
    expect(notDocx.stderr).toContain('must end in .docx')
    expect(readFileSync(report, 'utf8')).toBe(serializeReport(sampleReport()))
  })
})
