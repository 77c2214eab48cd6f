import { join } from 'node:path'
import { importText, ImportError } from '../../src/core/import'
import { computeNumbering } from '../../src/core/numbering'
import { inlineText } from '../../src/core/text'
import { expectedStats, footnoteMarks, readText, SAMPLES, shapeOf, statsOf } from './helpers'

const expected = expectedStats(join(SAMPLES, 'wg-report-en.expected.json'))
const clean = readText(join(SAMPLES, 'wg-report-en.txt'))
const pdf = readText(join(SAMPLES, 'wg-report-en.pdf-extracted.txt'))

/** Every line followed by an empty line, as some PDF viewers copy text. */
function doubleSpaced(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `${line}\n`)
    .join('\n')
}

/** A sentence as long as a full line of PDF text, wrapped at its end. */
const long =
  'The Working Group discussed the matter at length and agreed that further work was needed on'

describe('text import of the shared English sample', () => {
  it('imports the clean text to exactly the expected structure', () => {
    const { report, notes } = importText(clean)
    expect(statsOf(report)).toEqual(expected)
    expect(notes).toEqual([])
  })

  it('imports the PDF-extracted text to exactly the expected structure', () => {
    const { report } = importText(pdf)
    expect(statsOf(report)).toEqual(expected)
  })

  it('gives the PDF text the same paragraphs, words included, as the clean text', () => {
    expect(shapeOf(importText(pdf).report.doc)).toEqual(shapeOf(importText(clean).report.doc))
  })

  it('reads the symbol and job number from the page furniture it drops', () => {
    const { masthead } = importText(pdf).report.meta
    expect(masthead.symbol).toBe('CTOC/COP/WG.7/2024/L.1')
    expect(masthead.jobNumber).toBe('V.24-04321 (E)')
    const text = JSON.stringify(importText(pdf).report.doc.content.toJSON())
    expect(text).not.toContain('2404321')
    expect(text).not.toContain('V.24-04321')
  })

  it('handles the double-spaced shape (an empty line after every line)', () => {
    const { report } = importText(doubleSpaced(pdf))
    expect(statsOf(report)).toEqual(expected)
    expect(shapeOf(report.doc)).toEqual(shapeOf(importText(clean).report.doc))
  })

  it('handles stray leading spaces and form feeds at page breaks', () => {
    const shifted = pdf
      .split('\n')
      .map((line, index) => (index % 7 === 3 ? `   ${line}` : line))
      .join('\n')
      .replace('\n*2404321*\n', '\n\f*2404321*\n')
    expect(statsOf(importText(shifted).report)).toEqual(expected)
  })

  it('joins a paragraph cut by page furniture into one paragraph', () => {
    const { report } = importText(pdf)
    const numbering = computeNumbering(report.doc, { language: 'en', recommendationStyle: 'block' })
    const fourteen = numbering.items.find(
      (item) => item.kind === 'paragraph' && item.number === 14
    )!
    const text = inlineText(report.doc.nodeAt(fourteen.pos)!)
    expect(text).toBe(
      'At its 1st meeting, on 4 June 2024, the Working Group adopted the following agenda by consensus:'
    )
  })

  it('makes the cross-reference point at paragraph 9 itself', () => {
    const { report } = importText(pdf)
    const numbering = computeNumbering(report.doc, { language: 'en', recommendationStyle: 'block' })
    let target = ''
    report.doc.descendants((node) => {
      if (node.type.name === 'cross_reference') target = node.attrs.target as string
    })
    expect(numbering.byId.get(target)).toMatchObject({ kind: 'paragraph', number: 9 })
  })

  it('puts the footnote text into a footnote at its mark', () => {
    const { report } = importText(clean)
    const footnotes: string[] = []
    report.doc.descendants((node) => {
      if (node.type.name === 'footnote') footnotes.push(node.textContent)
      return true
    })
    expect(footnotes).toEqual([
      'See the background paper on international cooperation in smuggling cases (CTOC/COP/WG.7/2024/3), paras. 21–24.'
    ])
    expect(JSON.stringify(report.doc.toJSON())).not.toContain('¹')
  })
})

describe('text import: recognition details', () => {
  const head = 'Working Group on Tests\nVienna, 1–2 May 2025\n\nDraft report\n\nI. Introduction\n\n'

  it('notes a numbered line whose number goes back and makes it a list item', () => {
    const { report, notes } = importText(
      `${head}1. First paragraph.\n\n2. Second paragraph.\n\n3. Third paragraph.\n\n1. A stray line.\n`
    )
    const stats = statsOf(report)
    expect(stats.numberedParagraphs).toBe(3)
    expect(stats.lists).toEqual([{ inParagraph: 3, items: ['1.'] }])
    expect(notes).toHaveLength(1)
    expect(notes[0].line).toBe(14)
    expect(notes[0].message).toMatch(
      /numbered line whose number \(1\) does not follow .* list item/
    )
    expect(notes[0].targetId).toBeTruthy()
  })

  it('nests (i) under (a) and keeps (i) after (h) a letter', () => {
    const letters = 'abcdefghi'
      .split('')
      .map((l) => `(${l}) Item ${l};`)
      .join('\n')
    const { report } = importText(
      `${head}1. The following:\n(a) First;\n(i) Sub one;\n(ii) Sub two;\n(b) Second.\n\n2. Letters:\n${letters}\n`
    )
    const numbering = computeNumbering(report.doc, { language: 'en', recommendationStyle: 'block' })
    const labels = numbering.items
      .filter((item) => item.kind === 'list_item')
      .map((item) => `${item.depth}${item.label}`)
    expect(labels.slice(0, 4)).toEqual(['0(a)', '1(i)', '1(ii)', '0(b)'])
    expect(labels.slice(4)).toEqual('abcdefghi'.split('').map((l) => `0(${l})`))
  })

  it('recognizes subsections, and notes a section letter out of sequence', () => {
    const { report, notes } = importText(
      `${head}A. Opening\n\n1. Opening statements\n\n1. Text.\n\n2. Election of officers\n\n2. More text.\n\nC. Skipped letter\n\n3. Text.\n`
    )
    const stats = statsOf(report)
    expect(stats.chapters[0].sections).toEqual([
      {
        label: 'A.',
        title: 'Opening',
        subsections: [
          { label: '1.', title: 'Opening statements' },
          { label: '2.', title: 'Election of officers' }
        ]
      },
      { label: 'B.', title: 'Skipped letter' }
    ])
    expect(stats.numberedParagraphs).toBe(3)
    expect(notes.map((n) => n.message)).toEqual([
      'section "C." does not follow the section before — numbered in sequence now'
    ])
  })

  it('keeps a compound hyphen at a line end and drops a typesetting one', () => {
    const filler = 'word '.repeat(14)
    const text = `${head}1. ${filler}the non-\ngovernmental organizations and ${filler}inter-\nnational bodies met ${filler}with\nother international partners.\n`
    const { report } = importText(text)
    const paragraph = report.doc.firstChild!.child(1)
    expect(paragraph.textContent).toContain('the non-governmental organizations')
    expect(paragraph.textContent).toContain('international bodies met')
  })

  it('notes an unresolvable cross-reference and leaves it as text', () => {
    const { report, notes } = importText(`${head}1. As explained in paragraph 40 below, nothing.\n`)
    expect(statsOf(report).crossReferences).toEqual([])
    expect(notes.map((n) => n.message)).toEqual([
      '"paragraph 40" names no paragraph of this report — left as text'
    ])
    // The note leads to the paragraph it is about.
    const paragraph = report.doc.firstChild!.child(1)
    expect(notes[0].targetId).toBe(paragraph.attrs.id)
  })

  it('puts text before any chapter heading into untitled front matter when there is no masthead', () => {
    const { report, notes } = importText('1. Only a paragraph.\n\n2. And another.\n')
    expect(statsOf(report).chapters).toEqual([{ label: '', title: '', sections: [] }])
    expect(statsOf(report).numberedParagraphs).toBe(2)
    expect(notes[0].message).toMatch(/front matter/)
  })

  it('numbers the chapters after front matter as the document does', () => {
    const { report } = importText(
      'Summary\n\nThe report in brief.\n\nI. Introduction\n\n1. Opening.\n\nII. Results\n\n2. Found.\n'
    )
    expect(statsOf(report).chapters.map((c) => `${c.label}${c.title}`)).toEqual([
      '',
      'I.Introduction',
      'II.Results'
    ])
  })

  it('refuses empty and binary input with a clear error', () => {
    expect(() => importText('  \n\n')).toThrow(ImportError)
    expect(() => importText('  \n\n')).toThrow(/empty/)
    expect(() => importText('PK\u0003\u0004\u0000\u0000binary')).toThrow(/not a plain-text file/)
  })

  it('reads a full UN masthead copied out of a PDF, and a label alone on its line', () => {
    const text = [
      'United Nations CTOC/COP/WG.7/2024/L.1',
      'Conference of the Parties to the',
      'United Nations Convention against',
      'Transnational Organized Crime',
      'Distr.: Limited',
      '6 June 2024',
      'Original: English',
      'Working Group on the Smuggling of Migrants',
      'Vienna, 4–6 June 2024',
      'Agenda item 5*',
      'Adoption of the report',
      'Draft report',
      'Please recycle',
      '',
      'I.',
      'Introduction',
      '',
      '1.',
      'In its decision 5/3, the Conference of the Parties to the United Nations Convention against',
      'Transnational Organized Crime established the Working Group on the Smuggling of Migrants as an',
      'open-ended intergovernmental working group to advise and assist the Conference in the',
      'V.24-04321',
      'implementation of its mandate with regard to the Protocol against the Smuggling of',
      'Migrants by Land, Sea and Air.',
      '',
      '* CTOC/COP/WG.7/2024/1.',
      '',
      '2.  In its resolution 7/1, entitled "Strengthening the implementation of the United',
      'Nations Convention against Transnational Organized Crime and the Protocols thereto", the',
      'Conference decided that the Working Group would be a   constant element of the Conference.',
      ''
    ].join('\n')
    const { report, notes } = importText(text)
    expect(report.meta.masthead).toEqual({
      symbol: 'CTOC/COP/WG.7/2024/L.1',
      distribution: 'Limited',
      date: '2024-06-06',
      originalLanguage: 'English',
      parentBody:
        'Conference of the Parties to the United Nations Convention against Transnational Organized Crime',
      subsidiaryBody: 'Working Group on the Smuggling of Migrants',
      session: '',
      meeting: 'Vienna, 4–6 June 2024',
      agendaItem: 'Agenda item 5 Adoption of the report',
      title: 'Draft report',
      jobNumber: 'V.24-04321'
    })
    expect(notes).toEqual([])
    const chapter = report.doc.firstChild!
    expect(chapter.firstChild!.textContent).toBe('Introduction')
    expect(chapter.child(1).textContent).toMatch(/^In its decision 5\/3, .* Sea and Air\.$/)
    expect(chapter.child(2).textContent).toMatch(/would be a constant element of the Conference\.$/)
  })

  it('joins a section heading wrapped onto a second line in single-spaced PDF text', () => {
    const text = [
      'I. Introduction',
      '',
      `1. ${long}`,
      `the question, and that ${long.toLowerCase()}`,
      'its next session.',
      '',
      'A. Recommendations on protection of the rights of smuggled migrants and on the',
      'cooperation with countries of origin',
      '',
      `2. ${long}`,
      'the question.',
      ''
    ].join('\n')
    const { report } = importText(text)
    expect(statsOf(report).chapters[0].sections).toEqual([
      {
        label: 'A.',
        title:
          'Recommendations on protection of the rights of smuggled migrants and on the cooperation with countries of origin'
      }
    ])
    expect(statsOf(report).numberedParagraphs).toBe(2)
  })

  it('reads PDF text the way wrapped headings, hanging labels and page breaks really come', () => {
    const text = [
      'CONTENTS',
      'I.',
      '',
      'II.',
      '',
      'Introduction ........................................ 1–2',
      'Results ............................................. 3',
      '\fA/AC.1/2024/2',
      'page 2',
      'Chapter I',
      'INTRODUCTION',
      `1. ${long}`,
      `the question, and that ${long.toLowerCase()}`,
      // A sentence that fills its line and ends it: the next page's "Chapter II" is no continuation.
      'its next session, and decided to come back to the whole question in good time then.',
      '\fA/AC.1/2024/2',
      'page 3',
      'Chapter II',
      'RESULTS',
      'A.',
      '',
      // A label's text comes right after it, however it looks (a colon, a long line).
      'Joint session of the Group of Experts and the Working Group - Seventh Session:',
      'Review of the 1952 Convention on the Arrest of Ships',
      '',
      `2. ${long}`,
      'the question.',
      'B.',
      '',
      // A title set in a narrower column, wrapped over three lines.
      'The framework for action on data for sustainable',
      'development: renewal of the Global Action Plan at the',
      'fifth Forum',
      `3. ${long}`,
      'the question.',
      ''
    ].join('\n')
    const { report } = importText(text)
    const chapters = statsOf(report).chapters.filter((chapter) => chapter.title)
    expect(chapters.map((chapter) => chapter.title)).toEqual(['INTRODUCTION', 'RESULTS'])
    expect(chapters[1].sections.map((section) => section.title)).toEqual([
      'Joint session of the Group of Experts and the Working Group - Seventh Session: Review of the 1952 Convention on the Arrest of Ships',
      'The framework for action on data for sustainable development: renewal of the Global Action Plan at the fifth Forum'
    ])
    expect(statsOf(report).numberedParagraphs).toBe(3)
  })

  it('notes phrases naming several paragraphs instead of guessing, and reads an annex into an annex', () => {
    const { notes, report } = importText(
      'I. Introduction\n\n1. One.\n\n2. Two.\n\n3. As noted in paragraphs 1 and 2 above, done.\n\nAnnex\n\nList of documents\n\n1. The first document.\n\n2. The second.\n'
    )
    expect(notes.map((n) => [n.line, n.message])).toEqual([
      [
        7,
        expect.stringMatching(
          /^"paragraphs 1 and 2 above" refers to several paragraphs — left as text/
        )
      ]
    ])
    const stats = statsOf(report)
    expect(stats.numberedParagraphs).toBe(3)
    expect(stats.annexes).toEqual([
      {
        title: 'List of documents',
        chapters: 0,
        numberedParagraphs: 2,
        recommendations: 0,
        footnotes: 0
      }
    ])
  })

  it('finds footnote marks that PDF layout set apart, and footnote numbers on their own line', () => {
    const line =
      'The Working Group discussed the matter at length and agreed that more work was needed'
    const text = [
      'I. Introduction',
      '',
      `1. ${line}`,
      `${line.toLowerCase().slice(0, 40)}, with thanks to the national authorities. 1`,
      `and ${line.toLowerCase()}.`,
      '',
      '      1',
      '        See the report of the Secretariat (CTOC/COP/WG.7/2024/2).',
      '',
      '2',
      'CTOC/COP/WG.7/2024/L.1',
      '',
      `2. ${line} in 2024. 25 States took part.`,
      ''
    ].join('\n')
    const { report, notes } = importText(text)
    const stats = statsOf(report)
    expect(stats.footnotes).toBe(1)
    expect(stats.numberedParagraphs).toBe(2)
    const first = report.doc.firstChild!.child(1)
    expect(inlineText(first)).toContain('national authorities. and the working group')
    expect(first.lastChild!.type.name).toBe('text')
    let footnote = ''
    first.forEach((node) => {
      if (node.type.name === 'footnote') footnote = node.textContent
    })
    expect(footnote).toBe('See the report of the Secretariat (CTOC/COP/WG.7/2024/2).')
    expect(report.doc.firstChild!.child(2).textContent).toContain('in 2024. 25 States took part.')
    expect(notes).toEqual([])
  })

  it("reads the footnotes below a page's rule, their numbers apart from their texts, and raises their set-apart marks", () => {
    const text = [
      'I. Introduction',
      '',
      '1. The Forum was held in Bern in 2023, 1 and its outcome was welcomed by the',
      'Assembly. 2 Feedback from attendees was very positive, and the Forum was well',
      'received by the participants.',
      '',
      '__________________',
      '',
      'Report of the Forum, Bern, 2023 (United Nations',
      'publication), chap. I.',
      '2',
      'See https://example.org/forum/ for the programme of the Forum, the list of its',
      'participants and the recordings of all its sessions.',
      '1',
      '',
      '24-22861',
      '',
      '\fA/AC.1/2024/2',
      // The next page's text goes on after the footnotes, never into the last of them.
      'Recalling that the Forum meets every two years in turn in each region of the world,',
      '2. The next Forum will be held in 2026.',
      ''
    ].join('\n')
    const { report, notes } = importText(text)
    expect(footnoteMarks(report.doc, 10)).toEqual([
      ['n in 2023,', 'Report of the Forum, Bern, 2023 (United Nations publication), chap. I.'],
      [
        ' Assembly.',
        'See https://example.org/forum/ for the programme of the Forum, the list of its participants and the recordings of all its sessions.'
      ]
    ])
    expect(statsOf(report).numberedParagraphs).toBe(2)
    expect(notes.filter((note) => /footnote/.test(note.message))).toEqual([])
    // The job number of a New York document is page furniture, not a footnote's text.
    expect(report.meta.masthead.jobNumber).toBe('24-22861')
  })

  it('finds the text of a footnote at the foot of its page when its number stands among other lines', () => {
    // pdftotext's default order without a rule printed as text: the number among the agenda
    // list, the page's footer read mid-page, the footnote's text as the page's last block.
    const text = [
      'I. Organization of the meeting',
      '1.',
      'The Working Group was opened by the Chair, who welcomed the participants.1',
      '2.',
      'The Working Group adopted the following agenda:',
      '1.',
      '',
      '1',
      '',
      '2 V.24-04321',
      '',
      'Organizational matters.',
      '2.',
      '',
      'Other matters.',
      '',
      'See the background paper on international cooperation in smuggling cases',
      '(CTOC/COP/WG.7/2024/3), paras. 21–24.',
      '',
      '\fCTOC/COP/WG.7/2024/L.1',
      '',
      'II. Adoption of the report',
      '3.',
      'The Working Group adopted the present report.',
      ''
    ].join('\n')
    const { report } = importText(text)
    const stats = statsOf(report)
    expect(stats.numberedParagraphs).toBe(3)
    expect(stats.lists.map((list) => list.items)).toEqual([['1.', '2.']])
    const first = report.doc.firstChild!.child(1)
    expect(first.lastChild!.type.name).toBe('footnote')
    expect(first.lastChild!.textContent).toBe(
      'See the background paper on international cooperation in smuggling cases (CTOC/COP/WG.7/2024/3), paras. 21–24.'
    )
  })

  it('reads the "1/" footnotes of older layouts, and takes no "Add.1" for a mark', () => {
    const text = [
      'I. Ports',
      '',
      '1. The list of meetings is contained in TD/40(2)/L.7 and Add.1.',
      '2. The Group reviewed the four technical reports 1/ completed in 1992 and another two 2/ finalized in 1993.',
      '',
      '1/ The principles of modern port management and organization, TD/BC.4/AC.7/13; and Port marketing, TD/BC.4/AC.7/14.',
      '2/ Strategic planning for port authorities, UNCTAD/SHIP/646.',
      '',
      '3. The Group will meet again in 1996.',
      ''
    ].join('\n')
    const { report } = importText(text)
    expect(footnoteMarks(report.doc, 7)).toEqual([
      [
        'reports',
        'The principles of modern port management and organization, TD/BC.4/AC.7/13; and Port marketing, TD/BC.4/AC.7/14.'
      ],
      ['her two', 'Strategic planning for port authorities, UNCTAD/SHIP/646.']
    ])
    expect(statsOf(report).numberedParagraphs).toBe(3)
    expect(report.doc.textContent).toContain('and Add.1.')
  })

  it("keeps a recommendation's text, lists and later paragraphs inside it until the next numbered paragraph", () => {
    const { report, notes } = importText(
      [
        'I. Recommendations',
        '',
        '1. The Working Group recommends the following:',
        '',
        'Recommendation 1: States parties should act.',
        '',
        'Recommendation 2',
        'States parties should:',
        '(a) Train officials;',
        '(b) Share data.',
        'They should report back.',
        '',
        '2. The Working Group thanked the Secretariat.',
        ''
      ].join('\n')
    )
    const chapter = report.doc.firstChild!
    const shape: string[] = []
    chapter.forEach((node) => {
      const inner: string[] = []
      node.forEach((child) => inner.push(child.type.name))
      shape.push(`${node.type.name}(${inner.join(',')})`)
    })
    expect(shape).toEqual([
      'heading(text)',
      'numbered_paragraph(text)',
      'recommendation(paragraph)',
      'recommendation(paragraph,ordered_list,paragraph)',
      'numbered_paragraph(text)'
    ])
    expect(chapter.child(2).textContent).toBe('States parties should act.')
    expect(statsOf(report).lists).toEqual([{ inParagraph: null, items: ['(a)', '(b)'] }])
    expect(notes).toEqual([])
  })

  it('turns "chapter II below" and "section II.A below" into references', () => {
    const { report, notes } = importText(
      [
        'I. Introduction',
        '',
        '1. The matter is covered in chapter II below, and in detail in section II.A below.',
        '',
        'II. Deliberations',
        '',
        'A. General debate',
        '',
        '2. Text.',
        ''
      ].join('\n')
    )
    expect(statsOf(report).crossReferences).toEqual([
      { in: 'paragraph 1', to: 'chapter II', broken: false },
      { in: 'paragraph 1', to: 'section II.A', broken: false }
    ])
    expect(notes).toEqual([])
  })

  it('keeps pasted prose without a masthead or chapters as paragraphs, not masthead fields', () => {
    const { report } = importText(
      'The Working Group met in Vienna.\n\nIt adopted its report by consensus.\n'
    )
    expect(report.meta.masthead.subsidiaryBody).toBe('')
    expect(report.meta.masthead.title).toBe('')
    expect(report.doc.firstChild!.childCount).toBe(3)
    expect(report.doc.firstChild!.child(2).textContent).toBe('It adopted its report by consensus.')
  })

  it('warns once when footnote marks run in sequence but no footnote texts were found', () => {
    const { notes } = importText(
      'I. Introduction\n\n1. First point.1\n\n2. Second point.2 Emissions of CO2 at the G20.\n\n3. Third point.3\n'
    )
    expect(notes.map((n) => [n.line, n.message])).toEqual([
      [
        3,
        '3 numbers glued to words look like footnote marks (1, …) but no footnote text was found for them — the footnotes may be mixed into the paragraphs; check them'
      ]
    ])
    expect(importText('I. Introduction\n\n1. Emissions of CO2 at the G20.\n').notes).toEqual([])
  })
})
