import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serializeReport } from '../../src/core/report-file'
import { findSoffice, SOFFICE_VARIABLE } from '../../src/cli/pdf'
import { sampleReport } from '../fixtures/sample-report'
import { fidelityToolsReady } from '../fidelity/render'
import { cli } from '../run-cli'

/**
 * `rapporteur export --pdf`: the exported Word file converted by an installed
 * LibreOffice, read back with poppler; plainly refused without LibreOffice;
 * never over an existing file without --force.
 */

let folder: string
let file: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'rapporteur-export-pdf-'))
  file = join(folder, 'report.rapporteur')
  writeFileSync(file, serializeReport(sampleReport()))
})
afterEach(() => {
  rmSync(folder, { recursive: true, force: true })
  delete process.env[SOFFICE_VARIABLE]
})

describe('rapporteur export --pdf without LibreOffice', () => {
  it('says plainly that a PDF needs LibreOffice, and writes nothing', async () => {
    process.env[SOFFICE_VARIABLE] = join(folder, 'no-such-soffice')
    expect(findSoffice()).toBeNull()
    const { code, stderr } = await cli('export', file, '--pdf')
    expect(code).toBe(1)
    expect(stderr).toMatch(/a PDF needs LibreOffice, which is not installed here/)
    expect(existsSync(join(folder, 'report.pdf'))).toBe(false)
  })

  it('wants a .pdf name with --pdf', async () => {
    const { code, stderr } = await cli('export', file, '--pdf', '-o', join(folder, 'r.docx'))
    expect(code).toBe(2)
    expect(stderr).toContain('must end in .pdf')
  })
})

const run = fidelityToolsReady() ? describe : describe.skip

run('rapporteur export --pdf with LibreOffice', () => {
  it('refuses to replace an existing PDF without --force, before converting', async () => {
    const target = join(folder, 'report.pdf')
    writeFileSync(target, 'an earlier PDF')
    // A LibreOffice that cannot run: a refusal must come before any conversion.
    process.env[SOFFICE_VARIABLE] = '/bin/false'
    const { code, stderr } = await cli('export', file, '--pdf')
    expect(code).toBe(1)
    expect(stderr).toContain('already exists; add --force to replace it')
    expect(readFileSync(target, 'utf8')).toBe('an earlier PDF')
  })

  it('writes an A4 PDF with the masthead on page 1 and the labels in order', async () => {
    const target = join(folder, 'out.pdf')
    writeFileSync(target, 'an earlier PDF')
    const { code, stderr } = await cli('export', file, '--pdf', '-o', target, '--force')
    expect(stderr).toContain(`wrote ${target}`)
    expect(code).toBe(0)
    const info = execFileSync('pdfinfo', [target], { encoding: 'utf8' })
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/)
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(1)
    const text = execFileSync('pdftotext', ['-layout', target, '-'], { encoding: 'utf8' })
    const [first] = text.split('\f')
    expect(first).toContain('United Nations')
    expect(first).toContain('CTOC/COP/WG.7/2024/L.1')
    const chapters = [...text.matchAll(/^\s*(I|II|III|IV|V)\.\s+[A-Z]/gm)].map((m) => m[1])
    expect(chapters).toEqual(['I', 'II', 'III', 'IV', 'V'])
    const numbers = [...text.matchAll(/^\s*(\d+)\.\s{2,}\S/gm)].map((m) => Number(m[1]))
    const paragraphs = numbers.filter((n, i) => numbers.indexOf(n) === i && n <= 18)
    expect(paragraphs).toEqual(Array.from({ length: 18 }, (_, i) => i + 1))
  }, 180_000)
})
