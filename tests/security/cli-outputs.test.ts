import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { cli } from '../run-cli'
import { parseReport } from '../../src/core/report-file'
import { STYLES_XML, docx, documentXml, para, run } from '../import/docx-builder'

/**
 * The `rapporteur` command never damages what is already on disk: an
 * existing file is replaced only with --force, an output name must carry the
 * extension of what is written into it, what is written is validated first,
 * and inputs that are not ordinary files (a pipe, a device) are refused
 * instead of read until memory runs out.
 */

let folder: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'rapporteur-cli-outputs-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

const DRAFT = 'Draft report\n\nI. Introduction\n\n1. The Working Group met in Vienna.\n'

describe('rapporteur outputs', () => {
  it('never replaces an existing file without --force, whatever the command', async () => {
    const draft = join(folder, 'draft.txt')
    writeFileSync(draft, DRAFT)
    const report = join(folder, 'source.rapporteur')
    expect((await cli('new', '-o', report)).code).toBe(0)
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('new', 'import', 'export'),
        fc.uint8Array({ minLength: 0, maxLength: 64 }),
        async (command, earlier) => {
          const target = join(folder, command === 'export' ? 'out.docx' : 'out.rapporteur')
          writeFileSync(target, earlier)
          const args =
            command === 'new'
              ? ['new', '-o', target]
              : command === 'import'
                ? ['import', draft, '-o', target]
                : ['export', report, '-o', target]
          const refused = await cli(...args)
          expect(refused.code).toBe(1)
          expect(refused.stderr).toContain('already exists; add --force to replace it')
          expect(new Uint8Array(readFileSync(target))).toEqual(earlier)
          const forced = await cli(...args, '--force')
          expect(forced.code).toBe(0)
          expect(readFileSync(target).length).toBeGreaterThan(earlier.length)
          rmSync(target)
        }
      ),
      { numRuns: 9, endOnFailure: true }
    )
  }, 60_000)

  it('refuses an output name whose extension does not match what is written', async () => {
    const draft = join(folder, 'draft.txt')
    writeFileSync(draft, DRAFT)
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('.docx', '.txt', '.json', '', '.rapporteur.bak', '.pdf'),
        fc.boolean(),
        async (extension, viaImport) => {
          const target = join(folder, `out${extension}`)
          const result = viaImport
            ? await cli('import', draft, '-o', target, '--force')
            : await cli('new', '-o', target, '--force')
          expect(result.code).toBe(2)
          expect(result.stderr).toContain('the output file must end in .rapporteur')
          expect(() => statSync(target)).toThrow()
        }
      ),
      { numRuns: 12, endOnFailure: true }
    )
  })

  it('writes only imports its own loader opens (an over-long masthead title is cut, with a note)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1_001, max: 5_000 }), async (length) => {
        const draft = join(folder, 'long.docx')
        const title = 'Draft report on the meeting '.repeat(200).slice(0, length)
        writeFileSync(
          draft,
          docx({
            'word/document.xml': documentXml(
              para('Title', run(title)) +
                para('berschrift1', run('Introduction')) +
                para('Normal', run('Text.'))
            ),
            'word/styles.xml': STYLES_XML
          })
        )
        const target = join(folder, 'long.rapporteur')
        const result = await cli('import', draft, '-o', target, '--force')
        expect(result.code).toBe(0)
        const report = parseReport(readFileSync(target, 'utf8'))
        expect(report.meta.masthead.title.length).toBeLessThanOrEqual(1_000)
        expect(report.meta.masthead.title.length).toBeGreaterThan(900)
        expect(result.stderr).toContain(
          'the masthead title was longer than 1,000 characters and was cut'
        )
      }),
      { numRuns: 4, endOnFailure: true }
    )
  })

  it('refuses devices and pipes as inputs instead of reading them forever', async () => {
    const fifo = join(folder, 'pipe.txt')
    execFileSync('mkfifo', [fifo])
    for (const input of ['/dev/zero', fifo]) {
      for (const args of [
        ['import', input, '-o', join(folder, 'x.rapporteur')],
        ['export', input, '-o', join(folder, 'x.docx')],
        ['stats', input]
      ]) {
        const result = await cli(...args)
        expect(result.code).toBe(1)
        expect(result.stderr).toContain('not an ordinary file (a device, a pipe or a socket)')
      }
    }
  })
})
