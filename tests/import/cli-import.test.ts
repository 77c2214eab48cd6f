import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { cli } from '../run-cli'
import { reportToDocx } from '../../src/core/docx/index'
import { sampleReport } from '../fixtures/sample-report'
import { reviewSummary } from '../../src/core/review/summary'
import { expectedStats, SAMPLES, statsOf } from './helpers'

const run = promisify(execFile)
const root = resolve(__dirname, '../..')
// `stats --json` adds what is left to review; a freshly imported text file has none.
const expected = {
  ...expectedStats(join(SAMPLES, 'wg-report-en.expected.json')),
  trackedChanges: { insertions: 0, deletions: 0, moves: 0, formatting: 0, authors: [] },
  comments: { open: 0, resolved: 0 }
}

let folder: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'rapporteur-import-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

describe('rapporteur import', () => {
  it('imports the PDF-extracted sample; stats --json gives the expected structure', async () => {
    const out = join(folder, 's.rapporteur')
    const imported = await cli('import', join(SAMPLES, 'wg-report-en.pdf-extracted.txt'), '-o', out)
    expect(imported.code).toBe(0)
    expect(imported.stderr).toBe(`wrote ${out}\n`)
    const { code, stdout } = await cli('stats', out, '--json')
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual(expected)
  })

  it('imports an exported .docx back to the same structure', async () => {
    const original = sampleReport()
    const input = join(folder, 'exported.docx')
    writeFileSync(input, await reportToDocx(original))
    const out = join(folder, 'back.rapporteur')
    expect((await cli('import', input, '-o', out)).code).toBe(0)
    const { stdout } = await cli('stats', out, '--json')
    expect(JSON.parse(stdout)).toEqual({ ...statsOf(original), ...reviewSummary(original.doc) })
  })

  it('prints each uncertainty to stderr with its line', async () => {
    const input = join(folder, 'draft.txt')
    writeFileSync(input, 'I. Introduction\n\n1. One.\n\n2. Two.\n\n1. Back to one.\n')
    const { code, stderr } = await cli('import', input, '-o', join(folder, 'd.rapporteur'))
    expect(code).toBe(0)
    expect(stderr).toContain(
      `${input}:7: a numbered line whose number (1) does not follow paragraph 2`
    )
    expect(stderr).toMatch(/1 thing to check/)
  })

  it('refuses a damaged .docx with one line naming the file, and writes nothing', async () => {
    const input = join(folder, 'broken.docx')
    writeFileSync(input, 'PK\u0003\u0004 this is not really a zip')
    const out = join(folder, 'b.rapporteur')
    const { code, stderr } = await cli('import', input, '-o', out)
    expect(code).toBe(1)
    expect(stderr).toMatch(/^rapporteur import: .*broken\.docx: .*damaged/)
    expect(existsSync(out)).toBe(false)
  })

  it('explains usage mistakes', async () => {
    expect((await cli('import')).stderr).toMatch(/missing the file to import/)
    const input = join(folder, 'x.txt')
    writeFileSync(input, 'text')
    expect((await cli('import', input)).stderr).toMatch(/missing the output file/)
    expect((await cli('import', input, '-o', input)).code).toBe(2)
    expect(readFileSync(input, 'utf8')).toBe('text')
    expect((await cli('import', input, '-o', 'y', '--lang', 'xx')).stderr).toMatch(
      /unknown language/
    )
  })
})

describe('the built `rapporteur import`', () => {
  const built = existsSync(join(root, 'out/main/cli.js'))
  if (!built && process.env.CI === 'true')
    throw new Error('out/main/cli.js is missing: run `npm run build` first')
  if (!built)
    console.warn('\n*** SKIPPING the built-CLI import test: run `npm run build` first ***\n')

  it.runIf(built)(
    'imports the PDF text and reports the expected structure through npx',
    async () => {
      const out = join(folder, 's.rapporteur')
      const input = join(SAMPLES, 'wg-report-en.pdf-extracted.txt')
      await run('npx', ['rapporteur', 'import', input, '-o', out], { cwd: root })
      const { stdout } = await run('npx', ['rapporteur', 'stats', out, '--json'], { cwd: root })
      expect(JSON.parse(stdout)).toEqual(expected)
    }
  )
})
