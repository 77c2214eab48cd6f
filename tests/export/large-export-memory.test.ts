import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { FOOTNOTE_BENCH_REPORT, generateReport } from '../../bench/generate'
import { serializeReport } from '../../src/core/report-file'
import { bundleChild } from '../faults/support/bundle'

/**
 * A large legitimate report exports within a bounded memory: `rapporteur
 * export` runs as a user runs it, in its own Node process, with its heap
 * capped. The report has 20,000 footnotes (a fifth of the largest the
 * export is budgeted for); the export that built each part as one object
 * tree needed more than 260 MB of heap for it and was killed by the cap,
 * the block-by-block export needs less than 160 MB.
 */

const ROOT = resolve(__dirname, '../..')
const FOOTNOTES = 20_000
/** Between what the export needs now (< 160 MB) and what it needed before (> 260 MB). */
const HEAP_CAP_MB = 220

/** Runs the bundled CLI with its heap capped; answers its exit code and what it printed on stderr. */
function runCapped(cli: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, cli, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => (stderr += chunk))
    child.on('error', fail)
    child.on('close', (code) => done({ code, stderr }))
  })
}

let folder: string
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'rapporteur-large-export-'))
})
afterAll(() => rmSync(folder, { recursive: true, force: true }))

describe('exporting a report of 20,000 footnotes', () => {
  it(`fits a ${HEAP_CAP_MB} MB heap, with every footnote in the Word file`, async () => {
    const input = join(folder, 'footnotes.rapporteur')
    writeFileSync(
      input,
      serializeReport(
        generateReport({
          ...FOOTNOTE_BENCH_REPORT,
          sections: 20,
          recommendations: 200,
          paragraphs: FOOTNOTES / 5,
          footnotes: FOOTNOTES
        })
      )
    )
    const cli = await bundleChild(join(ROOT, 'src/cli/index.ts'), folder)
    const output = join(folder, 'footnotes.docx')

    const { code, stderr } = await runCapped(cli, ['export', input, '-o', output])
    expect(stderr).not.toMatch(/heap out of memory/)
    expect(code, stderr).toBe(0)

    const parts = unzipSync(readFileSync(output), {
      filter: (file) => file.name === 'word/document.xml' || file.name === 'word/footnotes.xml'
    })
    const body = strFromU8(parts['word/document.xml'])
    const notes = strFromU8(parts['word/footnotes.xml'])
    const referenced = [...body.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1])
    const written = [...notes.matchAll(/<w:footnote w:id="(\d+)">/g)].map((m) => m[1])
    expect(referenced).toHaveLength(FOOTNOTES)
    expect(written).toEqual(referenced)
    // The body closes with the report's closing rule and the section properties, after the last note.
    expect(body.lastIndexOf('<w:footnoteReference')).toBeLessThan(body.lastIndexOf('<w:sectPr>'))
  }, 180_000)
})
