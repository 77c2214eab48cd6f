import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serializeReport } from '../../src/core/report-file'
import { sampleReport } from '../fixtures/sample-report'
import { cli } from '../run-cli'

let folder: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'rapporteur-versions-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

describe('rapporteur language-version and align', () => {
  it('makes a French version that aligns with the English one, and spots a change', async () => {
    const english = join(folder, 'en.rapporteur')
    const french = join(folder, 'fr.rapporteur')
    writeFileSync(english, serializeReport(sampleReport()))
    expect((await cli('language-version', english, '--lang', 'fr', '-o', french)).code).toBe(0)
    const stats = JSON.parse((await cli('stats', french, '--json')).stdout)
    expect(stats.language).toBe('fr')
    expect(stats.recommendations[0]).toBe('Recommandation 1')

    const same = await cli('align', english, french)
    expect(same.code).toBe(0)
    expect(same.stdout).toMatch(
      /^same structure: \d+ chapters, sections, paragraphs and recommendations$/m
    )

    // Without --force an existing file is left alone.
    const before = readFileSync(french, 'utf8')
    const again = await cli('language-version', english, '--lang', 'es', '-o', french)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('already exists; add --force to replace it')
    expect(readFileSync(french, 'utf8')).toBe(before)

    // A version of another report differs everywhere.
    const other = join(folder, 'other.rapporteur')
    expect((await cli('new', '-o', other)).code).toBe(0)
    const differ = await cli('align', english, other)
    expect(differ.code).toBe(3)
    expect(differ.stdout).toMatch(/is missing from the second version/)
    expect((await cli('language-version', english, '--lang', 'xx', '-o', other)).code).toBe(2)
  })
})
