import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Node } from 'prosemirror-model'
import { reportToDocx } from '../../src/core/docx/index'
import { firstPageJobLine, jobNumberBase } from '../../src/core/docx/footer'
import { computeNumbering, resolveReference, type Numbering } from '../../src/core/numbering'
import type { Report } from '../../src/core/report-file'
import { inlineText } from '../../src/core/text'
import { sampleReport } from '../fixtures/sample-report'
import { sampleReportZh } from '../fixtures/sample-report-zh'
import {
  convertToPdf,
  fidelityToolsReady,
  lines,
  pdfPages,
  readWithPythonDocx,
  type PythonDocxReading
} from './render'

/**
 * What a reader sees: the exported English sample and a Chinese report,
 * rendered by LibreOffice to PDF and read back with pdftotext, and read by
 * python3-docx as a second reader. Every expectation is derived from the
 * report itself (labels from the core numbering), never typed in.
 */

const ready = fidelityToolsReady()
const SLOW = 600_000

/** What the report says a reader should find, in document order. */
interface Expected {
  numbering: Numbering
  /** Heading lines: "II. Recommendations". */
  headings: string[]
  /** Numbered paragraphs' visible text, references resolved. */
  paragraphs: Array<{ id: string; text: string }>
  /** Recommendations: label and text. */
  recommendations: Array<{ label: string; text: string }>
  footnotes: string[]
  bodyParagraphCount: number
}

function expectations(report: Report): Expected {
  const numbering = computeNumbering(report.doc, {
    language: report.meta.language,
    recommendationStyle: report.meta.settings.recommendationStyle
  })
  const text = (node: Node) =>
    inlineText(node, {
      reference: (ref) => resolveReference(numbering, ref.attrs.target as string).text
    })
  const expected: Expected = {
    numbering,
    headings: [],
    paragraphs: [],
    recommendations: [],
    footnotes: [],
    bodyParagraphCount: 0
  }
  const { masthead } = report.meta
  // The masthead's paragraphs outside its table: the top line, the rule, the
  // subsidiary body, each non-empty meeting line, the title; and the closing rule.
  expected.bodyParagraphCount =
    5 + [masthead.session, masthead.meeting, masthead.agendaItem].filter((s) => s.trim()).length
  report.doc.descendants((node, pos) => {
    const item = numbering.byPos.get(pos)
    switch (node.type.name) {
      case 'chapter':
      case 'section':
      case 'subsection':
        expected.headings.push(`${item!.label} ${node.firstChild!.textContent}`)
        return true
      case 'numbered_paragraph':
        expected.paragraphs.push({ id: node.attrs.id as string, text: text(node) })
        expected.bodyParagraphCount++
        break
      case 'recommendation':
        expected.recommendations.push({ label: item!.label, text: text(node.firstChild!) })
        expected.bodyParagraphCount++
        return true
      case 'footnote':
        expected.footnotes.push(node.textContent)
        return false
      case 'heading':
      case 'paragraph':
        expected.bodyParagraphCount++
        break
    }
    return true
  })
  return expected
}

/** Whitespace collapsed, as a reader's eye reads across line ends and justified gaps. */
const flat = (text: string) => text.replace(/\s+/g, ' ')
/** No whitespace at all: Chinese lines break anywhere and LibreOffice spaces CJK from digits. */
const dense = (text: string) => text.replace(/\s+/g, '')
const firstWords = (text: string, count: number) => text.split(/\s+/).slice(0, count).join(' ')

/** Asserts that `needles` occur in `haystack` in this order; returns their positions. */
function expectInOrder(haystack: string, needles: string[]): number[] {
  const positions: number[] = []
  let from = 0
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from)
    expect(at, `"${needle}" after position ${from}`).toBeGreaterThanOrEqual(0)
    positions.push(at)
    from = at + needle.length
  }
  return positions
}

interface Rendered {
  pages: string[]
  python: PythonDocxReading
}

async function render(report: Report, folder: string, name: string): Promise<Rendered> {
  const docx = join(folder, `${name}.docx`)
  writeFileSync(docx, await reportToDocx(report))
  const [pages, python] = await Promise.all([
    convertToPdf(docx).then(pdfPages),
    readWithPythonDocx(docx)
  ])
  return { pages, python }
}

function expectPythonDocxReading(python: PythonDocxReading, expected: Expected): void {
  expect(python.paragraphs).toHaveLength(expected.bodyParagraphCount)
  expect(python.evenAndOddHeaders).toBe(true)
  expect(python.differentFirstPage).toBe(true)
  expect([python.pageWidthTwips, python.pageHeightTwips]).toEqual([11906, 16838])
  const numbered = python.paragraphs.filter((p) => p.style === 'NumberedParagraph')
  expect(numbered).toHaveLength(expected.paragraphs.length)
  expect(numbered.every((p) => p.numbering !== null && p.numbering.level === 0)).toBe(true)
  expect(new Set(numbered.map((p) => p.numbering!.numId)).size).toBe(1)
  numbered.forEach((paragraph, index) =>
    expect(paragraph.text.startsWith(firstWords(expected.paragraphs[index].text, 3))).toBe(true)
  )
}

describe.runIf(ready)('fidelity: the English sample as LibreOffice renders it', () => {
  const report = sampleReport()
  const expected = expectations(report)
  const { symbol, jobNumber } = report.meta.masthead
  let folder: string
  let rendered: Rendered
  let text: string

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'rapporteur-fidelity-'))
    rendered = await render(report, folder, 'wg-report-en')
    text = flat(rendered.pages.join('\n'))
  }, SLOW)
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('runs to at least three pages', () => {
    expect(rendered.pages.length).toBeGreaterThanOrEqual(3)
  })

  it('shows the masthead on page 1 and the job number at its foot', () => {
    const page = lines(rendered.pages[0])
    expect(page[0]).toMatch(/^\s*United Nations\s+/)
    expect(page[0].trim().endsWith(symbol)).toBe(true)
    const first = flat(rendered.pages[0])
    for (const line of [
      'Distr.: Limited',
      '6 June 2024',
      'Original: English',
      'Conference of the Parties',
      'Organized Crime',
      'Working Group on the Smuggling of Migrants',
      'Vienna, 4–6 June 2024',
      'Draft report'
    ])
      expect(first).toContain(line)
    expect(page.at(-1)!.trim()).toBe(firstPageJobLine(jobNumber, '2024-06-06', 'en'))
  })

  it('puts the symbol in the page-2 (left) and page-3 (right) headers, page numbers in the footers', () => {
    const even = lines(rendered.pages[1])
    const odd = lines(rendered.pages[2])
    expect(even[0]).toBe(symbol)
    expect(odd[0].trim()).toBe(symbol)
    expect(odd[0].length - symbol.length).toBeGreaterThan(40)
    // The page number with the job number beside it, on the outside edge.
    expect(even.at(-1)!.trim()).toMatch(new RegExp(`^2\\s+${jobNumberBase(jobNumber)}$`))
    expect(odd.at(-1)!.trim()).toMatch(new RegExp(`^${jobNumberBase(jobNumber)}\\s+3$`))
  })

  it('shows chapter and section labels in order', () => {
    expectInOrder(text, expected.headings)
  })

  it('numbers paragraphs 1..N in order, each number on its paragraph', () => {
    expectInOrder(
      text,
      expected.paragraphs.map((p, index) => `${index + 1}. ${firstWords(p.text, 4)}`)
    )
  })

  it('shows Recommendation 1..N in order above their texts', () => {
    expectInOrder(
      text,
      expected.recommendations.map((r) => `${r.label} ${firstWords(r.text, 4)}`)
    )
    expect(expected.recommendations.map((r) => r.label)).toEqual(
      expected.recommendations.map((_, index) => `Recommendation ${index + 1}`)
    )
  })

  it('shows a cross-reference as the number its target paragraph carries', () => {
    const match = /as noted in paragraph (\d+) below/.exec(text)
    expect(match).not.toBeNull()
    const shown = Number(match![1])
    const target = expected.paragraphs[shown - 1]
    expect(target.id).toBe('p9')
    expect(text).toContain(`${shown}. ${firstWords(target.text, 4)}`)
  })

  it('prints the footnote at the foot of the page that holds its anchor', () => {
    const note = firstWords(expected.footnotes[0], 5)
    const pageIndex = rendered.pages.findIndex((page) => flat(page).includes('service providers.1'))
    expect(pageIndex).toBeGreaterThanOrEqual(0)
    const page = lines(rendered.pages[pageIndex])
    const anchorLine = page.findIndex((line) => line.includes('service providers.1'))
    const noteLine = page.findIndex((line) => flat(line).includes(note))
    expect(noteLine).toBeGreaterThan(anchorLine)
    // Below the note only its own continuation, its number and the page footer.
    expect(page.length - noteLine).toBeLessThanOrEqual(3)
  })

  it('is read alike by python3-docx: paragraph count and Word numbering of numbered paragraphs', () => {
    expectPythonDocxReading(rendered.python, expected)
  })
})

describe.runIf(ready)('fidelity: a Chinese report as LibreOffice renders it', () => {
  const report = sampleReportZh()
  const expected = expectations(report)
  let folder: string
  let rendered: Rendered
  let text: string

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'rapporteur-fidelity-zh-'))
    rendered = await render(report, folder, 'report-zh')
    text = dense(rendered.pages.join('\n'))
  }, SLOW)
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('shows the Chinese masthead', () => {
    const first = dense(rendered.pages[0])
    for (const line of ['联合国', report.meta.masthead.symbol, '偷运移民问题工作组', '报告草稿'])
      expect(first).toContain(dense(line))
  })

  it('shows 一. 二. … chapter labels and section labels in order', () => {
    expect(expected.headings[0].startsWith('一.')).toBe(true)
    expectInOrder(text, expected.headings.map(dense))
  })

  it('numbers paragraphs 1..N and 建议 1..N in order', () => {
    expectInOrder(
      text,
      expected.paragraphs.map((p, index) => `${index + 1}.${dense(p.text).slice(0, 6)}`)
    )
    expectInOrder(
      text,
      expected.recommendations.map((r) => dense(`${r.label}${r.text}`).slice(0, 10))
    )
    expect(expected.recommendations[0].label).toBe('建议 1')
  })

  it('shows the cross-reference as its target paragraph’s number', () => {
    const match = /如下文第(\d+)段所述/.exec(text)
    expect(match).not.toBeNull()
    const target = expected.paragraphs[Number(match![1]) - 1]
    expect(target.id).toBe('zp7')
  })

  it('prints the footnote on the page of its anchor, below the text', () => {
    const note = dense(expected.footnotes[0]).slice(0, 12)
    const page = rendered.pages.find((p) => dense(p).includes(note))
    expect(page).toBeDefined()
    const pageLines = lines(page!).map(dense)
    expect(
      pageLines.length - pageLines.findIndex((line) => line.includes(note))
    ).toBeLessThanOrEqual(3)
  })

  it('puts the symbol in the page-2 header', () => {
    expect(rendered.pages.length).toBeGreaterThanOrEqual(2)
    expect(lines(rendered.pages[1])[0]).toBe(report.meta.masthead.symbol)
  })

  it('is read alike by python3-docx', () => {
    expectPythonDocxReading(rendered.python, expected)
  })
})
