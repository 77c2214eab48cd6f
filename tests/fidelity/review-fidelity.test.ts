import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import validate from '@ooxml-tools/validate'
import type { Node } from 'prosemirror-model'
import { reportToDocx } from '../../src/core/docx/index'
import { computeNumbering } from '../../src/core/numbering'
import { settledDocument } from '../../src/core/review/changes'
import type { Report } from '../../src/core/report-file'
import { inlineText } from '../../src/core/text'
import { REVIEWERS, reviewReport } from '../fixtures/review-report'
import { convertWithLibreOffice, fidelityToolsReady, TOOLS } from './render'

/**
 * The exported revisions and comments as other programs read them: the Open
 * XML SDK validates the package; python-docx settles every revision the way
 * Word does and LibreOffice numbers the result, which must equal the editor's
 * Final (or Original) numbering; LibreOffice and pandoc read the revisions
 * and comments back with their authors.
 */

const run = promisify(execFile)
const ready = fidelityToolsReady()
const SLOW = 600_000
const LANGUAGES = ['en', 'zh'] as const

let folder: string
const files = new Map<string, string>()
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'rapporteur-review-fidelity-'))
  for (const language of LANGUAGES) {
    const path = join(folder, `review-${language}.docx`)
    writeFileSync(path, await reportToDocx(reviewReport(language)))
    files.set(language, path)
  }
}, SLOW)
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** The lines a reader sees for each numbered thing of `doc`, with its label, in order. */
function numberedLines(report: Report, doc: Node): string[] {
  const numbering = computeNumbering(doc, {
    language: report.meta.language,
    recommendationStyle: report.meta.settings.recommendationStyle
  })
  const text = (node: Node) =>
    inlineText(node, {
      footnote: (footnote) => numbering.byId.get(footnote.attrs.id as string)?.label ?? ''
    })
  return numbering.items.flatMap((item) => {
    const node = doc.nodeAt(item.pos)!
    if (item.kind === 'paragraph') return [`${item.label} ${text(node)}`]
    if (item.kind === 'recommendation') return [item.label]
    if (item.kind === 'list_item') return [`${item.label} ${text(node.firstChild!)}`]
    return []
  })
}

/** The lines of LibreOffice's plain-text rendering that carry a label, trimmed. */
async function libreOfficeLines(docx: string): Promise<string[]> {
  const txt = await convertWithLibreOffice(docx, 'txt:Text (encoded):UTF8')
  return readFileSync(txt, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/\s+/g, ' '))
}

describe.skipIf(!ready)('exported review, read by other programs', () => {
  it.each(LANGUAGES)(
    'validates with the Open XML SDK with zero errors (%s)',
    async (language) => {
      const errors = await validate(readFileSync(files.get(language)!), 'docx', 'Microsoft365')
      expect(errors).toEqual([])
    },
    SLOW
  )

  it.each(LANGUAGES)(
    "numbers like the editor's Final view once every revision is accepted, and like the Original once rejected (%s)",
    async (language) => {
      const report = reviewReport(language)
      for (const decision of ['accept', 'reject'] as const) {
        const settled = join(folder, `${decision}-${language}.docx`)
        await run(TOOLS.python, [
          join(__dirname, 'settle_docx.py'),
          files.get(language)!,
          decision,
          settled
        ])
        const seen = await libreOfficeLines(settled)
        const expected = numberedLines(report, settledDocument(report.doc, decision))
        // Every labelled line, in order, as LibreOffice numbers the settled file.
        const labelled = seen.filter((line) => expected.includes(line))
        expect(labelled).toEqual(expected)
        expect(expected.length).toBeGreaterThan(6)
      }
    },
    SLOW
  )

  it(
    'LibreOffice reads the revisions and comments with their authors',
    async () => {
      const fodt = readFileSync(await convertWithLibreOffice(files.get('en')!, 'fodt'), 'utf8')
      const regions = [...fodt.matchAll(/<text:changed-region[\s\S]*?<\/text:changed-region>/g)]
      const kinds = regions.map(
        (r) => (/<text:(insertion|deletion|format-change)/.exec(r[0]) ?? [])[1]
      )
      expect(kinds.filter((k) => k === 'insertion').length).toBeGreaterThanOrEqual(3)
      expect(kinds.filter((k) => k === 'deletion').length).toBeGreaterThanOrEqual(3)
      const creators = new Set(regions.map((r) => /<dc:creator>([^<]*)</.exec(r[0])?.[1]))
      expect([...creators].sort()).toEqual([REVIEWERS.ana.author, REVIEWERS.bo.author])
      // Not `office:annotation-end`, which closes a range.
      const annotations = [
        ...fodt.matchAll(/<office:annotation[\s>][\s\S]*?<\/office:annotation>/g)
      ]
      const notes = annotations.map((a) => [
        /<dc:creator>([^<]*)</.exec(a[0])?.[1],
        /<text:p[^>]*>([\s\S]*?)<\/text:p>/.exec(a[0])?.[1].replace(/<[^>]+>/g, '')
      ])
      // A thread and its reply start at one place; LibreOffice may list either first.
      expect(notes.map((n) => n.join(': ')).sort()).toEqual([
        'Ana Ruiz: Agreed.',
        'Ana Ruiz: The working group.',
        'Bo Chen: Check this recommendation.',
        'Bo Chen: Which group?'
      ])
    },
    SLOW
  )

  it(
    'pandoc --track-changes=all reads insertions, deletions, paragraph revisions and comments with authors',
    async () => {
      const { stdout } = await run(
        'pandoc',
        ['--track-changes=all', '-f', 'docx', '-t', 'json', files.get('en')!],
        { maxBuffer: 64 * 1024 * 1024 }
      )
      const spans: Array<{ kind: string; author: string | undefined; text: string }> = []
      const plain = (value: unknown): string =>
        JSON.stringify(value)
          .match(/"t":"Str","c":"[^"]*"|"t":"Space"/g)
          ?.map((s) => (s.endsWith('Space"') ? ' ' : s.slice(15, -1)))
          .join('') ?? ''
      const walk = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(walk)
        else if (value && typeof value === 'object') {
          const node = value as { t?: string; c?: unknown }
          if (node.t === 'Span') {
            const [[, classes, attrs], content] = node.c as [
              [string, string[], string[][]],
              unknown
            ]
            const author = attrs.find(([key]) => key === 'author')?.[1]
            spans.push({ kind: classes.join(' '), author, text: plain(content) })
          }
          Object.values(node).forEach(walk)
        }
      }
      walk(JSON.parse(stdout))
      const of = (kind: string) => spans.filter((s) => s.kind === kind)
      expect(of('insertion').map((s) => [s.text.trim(), s.author])).toContainEqual([
        'working',
        REVIEWERS.ana.author
      ])
      expect(of('deletion').map((s) => [s.text.trim(), s.author])).toContainEqual([
        'warmly',
        REVIEWERS.bo.author
      ])
      expect(of('paragraph-insertion').map((s) => s.author)).toContain(REVIEWERS.bo.author)
      expect(of('paragraph-deletion').length).toBeGreaterThanOrEqual(2)
      expect(of('comment-start').map((s) => [s.author, s.text])).toEqual([
        ['Bo Chen', 'Which group?'],
        ['Ana Ruiz', 'The working group.'],
        ['Ana Ruiz', 'Agreed.'],
        ['Bo Chen', 'Check this recommendation.']
      ])
    },
    SLOW
  )
})
