import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serializeReport } from '../../src/core/report-file'
import { newReport } from '../../src/core/template'
import { schema } from '../../src/core/schema'
import { cli } from '../run-cli'

let folder: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'rapporteur-check-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

/** The template report with one paragraph holding `text` appended to its first chapter. */
function reportWith(text: string): string {
  const report = newReport('en')
  const first = report.doc.firstChild!
  const paragraph = schema.nodes.numbered_paragraph.create({ id: 'p-added' }, schema.text(text))
  const chapter = first.copy(first.content.addToEnd(paragraph))
  const doc = report.doc.copy(report.doc.content.replaceChild(0, chapter))
  const file = join(folder, 'r.rapporteur')
  writeFileSync(file, serializeReport({ ...report, doc }))
  return file
}

describe('rapporteur check', () => {
  it('exits 3 while a blocking problem remains and lists it with its place', async () => {
    const file = reportWith('The [thirteenth] session.')
    const { code, stdout } = await cli('check', file)
    expect(code).toBe(3)
    expect(stdout).toContain(
      `${file}: blocking: paragraph 1: text in square brackets: [thirteenth]`
    )
    expect(stdout).toMatch(/^1 blocking, \d+ warnings$/m)
  })

  it('exits 0 with warnings only, and --json gives the findings with their messages', async () => {
    const file = reportWith('The thirteenth session.')
    const { code, stdout } = await cli('check', file, '--json')
    expect(code).toBe(0)
    const result = JSON.parse(stdout) as {
      blocking: number
      findings: Array<{ kind: string; severity: string; message: string }>
    }
    expect(result.blocking).toBe(0)
    expect(result.findings.length).toBeGreaterThan(0)
    expect(result.findings.every((f) => f.severity === 'warning')).toBe(true)
    expect(result.findings).toContainEqual(
      expect.objectContaining({ kind: 'masthead', message: 'masthead: symbol is missing' })
    )
  })

  it('refuses a damaged file with exit 1 and a usage mistake with exit 2', async () => {
    const bad = join(folder, 'bad.rapporteur')
    writeFileSync(bad, '{"format": "rapporteur", "version": 1')
    expect((await cli('check', bad)).code).toBe(1)
    expect((await cli('check')).code).toBe(2)
  })

  it('export prints the same blocking warnings as the check', async () => {
    const file = reportWith('The [thirteenth] session.')
    const { code, stderr } = await cli('export', file, '-o', join(folder, 'r.docx'))
    expect(code).toBe(0)
    expect(stderr).toContain('note: 1 passage(s) in square brackets (not yet agreed)')
  })
})
