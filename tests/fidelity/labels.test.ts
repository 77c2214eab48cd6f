import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { Fragment, type Node } from 'prosemirror-model'
import { reportToDocx } from '../../src/core/docx/index'
import { formatLabel } from '../../src/core/labels'
import { CONVENTIONS, LANGUAGES, LIST_LEVELS, type Language } from '../../src/core/languages'
import { computeNumbering, resolveReference } from '../../src/core/numbering'
import type { Report } from '../../src/core/report-file'
import { newReport } from '../../src/core/template'
import { agenda, chapter, doc, h, li, np, ol, p, rec, xref } from '../builders'
import { convertAllToPdf, convertToText, fidelityToolsReady, lines, pdfPages } from './render'

/**
 * The labels Word shows are the editor's: for n = 1..500, in every language,
 * the numbered paragraphs (Word numbering), recommendations (SEQ fields) and
 * both list families at all four levels (Word numbering levels, letters past
 * z included) of an exported report, as LibreOffice renders them, equal the
 * labels the core computes from the label specs. Paragraph references read
 * as the number ("الفقرة 9", not "الفقرة 9 -").
 */

const ready = fidelityToolsReady()
const N = 500
/** Two LibreOffice starts (text, then PDF) convert all six reports; together at most half the hook's time. */
const CONVERSION_TIMEOUT = 300_000
const TEST_TIMEOUT = 2 * CONVERSION_TIMEOUT

/** A list of `n` items at `depth`, the next level nested in its first item, down to the last level. */
function nestedList(build: typeof ol, family: string, depth: number): Node {
  const items: Node[] = []
  for (let n = 1; n <= N; n++) {
    const text = p(`#${family}${depth}-${n}#`)
    items.push(
      n === 1 && depth + 1 < LIST_LEVELS ? li(text, nestedList(build, family, depth + 1)) : li(text)
    )
  }
  return build(...items)
}

/** A report holding N paragraphs and N recommendations, each block's text a marker naming it. */
function fieldReport(language: Language) {
  const report = newReport(language)
  report.meta.settings = { ...report.meta.settings, recommendationStyle: 'block' }
  const blocks: Node[] = [h('Labels')]
  for (let n = 1; n <= N; n++) blocks.push(np({ id: `p${n}` }, `#P${n}#`))
  // References to paragraphs must read as the paragraph's number, not its list label.
  blocks.push(p(xref('p9')), p(xref('p500')))
  for (let n = 1; n <= N; n++) blocks.push(rec({ id: `r${n}` }, p(`#R${n}#`)))
  report.doc = doc(chapter({ id: 'c1' }, ...blocks))
  return report
}

/** The same with lists of N items in both families, four levels deep. */
function listReport(language: Language) {
  const report = fieldReport(language)
  const lists = [nestedList(ol, 'S', 0), nestedList(agenda, 'A', 0)]
  report.doc = doc(
    report.doc.firstChild!.copy(report.doc.firstChild!.content.append(Fragment.from(lists)))
  )
  return report
}

/**
 * The exported file with every cached field result made wrong ("0"), except
 * the QUOTE-wrapped references whose cached result is what LibreOffice is
 * meant to show: what LibreOffice then shows, it computed.
 */
async function withStaleFields(report: Report): Promise<Uint8Array> {
  const files = unzipSync(new Uint8Array(await reportToDocx(report)))
  const xml = strFromU8(files['word/document.xml'])
  const stale = xml.replace(
    /((?:SEQ|REF) [^<]*<\/w:instrText><\/w:r><w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:fldChar w:fldCharType="separate"\/><\/w:r><w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t[^>]*>)[^<]*(<\/w:t>)/g,
    '$10$2'
  )
  files['word/document.xml'] = strToU8(stale)
  return zipSync(files)
}

/** What stands before each marker on its line in LibreOffice's text: the label it drew. */
function labelsBeforeMarkers(text: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const line of text.split(/\r?\n/)) {
    const match = /^(.*?)#([A-Z]\d*(?:-\d+)?)#/u.exec(line)
    if (match) found.set(match[2], match[1].trim())
  }
  return found
}

/** A PDF's text lines without the bidi controls pdftotext puts around right-to-left runs. */
function plainLines(pages: string[]): string[] {
  return pages.flatMap(lines).map((line) => line.replace(/[\u200e\u200f\u202a-\u202e]/g, '').trim())
}

/** LibreOffice writes the first abjad letter without its hamza (ا for أ); Word and the editor write أ. */
function asLibreOfficeWrites(language: Language, label: string): string {
  return language === 'ar' ? label.replace(/أ/g, 'ا') : label
}

describe.skipIf(!ready)('labels as LibreOffice renders the exported Word file', () => {
  let folder = ''
  const texts = new Map<Language, string>()
  const pdfLines = new Map<Language, string[]>()

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'rapporteur-labels-'))
    const listPaths: string[] = []
    const fieldPaths: string[] = []
    for (const language of LANGUAGES) {
      listPaths.push(join(folder, `lists-${language}.docx`))
      writeFileSync(listPaths.at(-1)!, await reportToDocx(listReport(language)))
      fieldPaths.push(join(folder, `fields-${language}.docx`))
      writeFileSync(fieldPaths.at(-1)!, await withStaleFields(fieldReport(language)))
    }
    const started = Date.now()
    // Word numbering in the text export (exact, in reading order); fields need a laid-out PDF.
    const [converted, pdfs] = [
      await convertToText(listPaths, CONVERSION_TIMEOUT),
      await convertAllToPdf(fieldPaths, CONVERSION_TIMEOUT)
    ]
    const took = Date.now() - started
    expect(took, `conversions took ${took} ms`).toBeLessThan(CONVERSION_TIMEOUT)
    for (const [index, language] of LANGUAGES.entries()) {
      texts.set(language, converted[index])
      pdfLines.set(language, plainLines(await pdfPages(pdfs[index])))
    }
  }, TEST_TIMEOUT)

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true })
  })

  describe.each(LANGUAGES)('%s', (language) => {
    const labels = CONVENTIONS[language].labels

    function check(marker: (n: number) => string, expected: (n: number) => string) {
      const drawn = labelsBeforeMarkers(texts.get(language)!)
      const wrong: string[] = []
      for (let n = 1; n <= N; n++) {
        const want = asLibreOfficeWrites(language, expected(n))
        const got = drawn.get(marker(n))
        if (got !== want) wrong.push(`${marker(n)}: LibreOffice "${got}", editor "${want}"`)
      }
      expect(wrong.slice(0, 10)).toEqual([])
    }

    it('numbers paragraphs 1..500 as the editor does', () => {
      check(
        (n) => `P${n}`,
        (n) => formatLabel(labels.paragraph, n)
      )
    })

    it.each([0, 1, 2, 3])('labels sub-paragraph list level %i as the editor does', (level) => {
      check(
        (n) => `S${level}-${n}`,
        (n) => formatLabel(labels.subparagraphList[level], n)
      )
    })

    it.each([0, 1, 2, 3])('labels agenda list level %i as the editor does', (level) => {
      check(
        (n) => `A${level}-${n}`,
        (n) => formatLabel(labels.agendaList[level], n)
      )
    })

    it('numbers recommendations 1..500 with SEQ fields as the editor does', () => {
      const prefix = labels.recommendation.prefix.trim()
      const headings = pdfLines.get(language)!.filter((line) => line.startsWith(prefix))
      const expected = Array.from({ length: N }, (_, i) =>
        formatLabel(labels.recommendation, i + 1)
      )
      expect(headings).toEqual(expected)
    })

    it('shows paragraph references as the editor does (the number, not its list label)', () => {
      const report = fieldReport(language)
      const numbering = computeNumbering(report.doc, {
        language,
        recommendationStyle: 'block'
      })
      const expected = ['p9', 'p500'].map((id) => resolveReference(numbering, id).text)
      // pdftotext spaces Chinese by glyph positions, so compare without spaces.
      const bare = (text: string) => text.replace(/\s+/g, '')
      const shown = pdfLines.get(language)!.map(bare)
      for (const text of expected) expect(shown).toContain(bare(text))
    })
  })
})
