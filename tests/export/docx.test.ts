import { reportToDocx } from '../../src/core/docx/index'
import { importDocx } from '../../src/core/import/index'
import { schema } from '../../src/core/schema'
import { CONVENTIONS, LANGUAGES } from '../../src/core/languages'
import { formatLabel } from '../../src/core/labels'
import { newReport } from '../../src/core/template'
import type { Report } from '../../src/core/report-file'
import { build, sampleReport } from '../fixtures/sample-report'
import { sampleReportZh } from '../fixtures/sample-report-zh'
import type { Element } from '@xmldom/xmldom'
import { elements, numberingLevels, readDocx, valueOf, type ReadDocx } from './docx-reader'

const exported = async (report: Report) => readDocx(await reportToDocx(report))

/** The report with `chapters` replacing its body. */
function withChapters(report: Report, chapters: ReturnType<typeof build.chapter>[]): Report {
  return { ...report, doc: schema.nodes.doc.create(null, chapters) }
}

describe('reportToDocx on the English sample', () => {
  let docx: ReadDocx
  beforeAll(async () => {
    docx = await exported(sampleReport())
  })

  it('lays out A4 portrait, facing pages, a different first page', () => {
    const sectPr = elements(docx.xml('word/document.xml'), 'w:sectPr').at(-1)!
    const size = elements(sectPr, 'w:pgSz')[0]
    expect(size.getAttribute('w:w')).toBe('11906')
    expect(size.getAttribute('w:h')).toBe('16838')
    expect(elements(sectPr, 'w:titlePg')).toHaveLength(1)
    const headerTypes = elements(sectPr, 'w:headerReference').map((h) => h.getAttribute('w:type'))
    expect(headerTypes.sort()).toEqual(['default', 'even', 'first'])
    expect(elements(docx.xml('word/settings.xml'), 'w:evenAndOddHeaders')).toHaveLength(1)
  })

  it('puts the symbol left on even pages, right on odd ones, and the job number on page 1', () => {
    const rels = docx.parts['word/_rels/document.xml.rels']
    const sectPr = elements(docx.xml('word/document.xml'), 'w:sectPr').at(-1)!
    const partOf = (kind: string, type: string) => {
      const ref = elements(sectPr, `w:${kind}Reference`).find(
        (r) => r.getAttribute('w:type') === type
      )!
      const id = ref.getAttribute('r:id')!
      const target = new RegExp(
        `Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`
      ).exec(rels)!
      return `word/${target[1] ?? target[2]}`
    }
    const header = (type: string) => docx.paragraphs(partOf('header', type))[0]
    expect(header('even').text).toBe('CTOC/COP/WG.7/2024/L.1')
    expect(valueOf(header('even').element, 'w:jc')).toBe('left')
    expect(header('default').text).toBe('CTOC/COP/WG.7/2024/L.1')
    expect(valueOf(header('default').element, 'w:jc')).toBe('right')
    expect(docx.paragraphs(partOf('footer', 'first'))[0].text).toBe('V.24-04321 (E) 060624')
    expect(docx.parts[partOf('footer', 'default')]).toContain('PAGE')
  })

  it('writes the masthead before the first chapter', () => {
    const paragraphs = docx.paragraphs()
    const firstChapter = paragraphs.findIndex((p) => p.style === 'Heading1')
    const masthead = paragraphs
      .slice(0, firstChapter)
      .map((p) => p.text)
      .join('\n')
    for (const line of [
      'United Nations',
      'CTOC/COP/WG.7/2024/L.1',
      'Conference of the Parties to the United Nations Convention against Transnational Organized Crime',
      'Distr.: Limited',
      '6 June 2024',
      'Original: English',
      'Working Group on the Smuggling of Migrants',
      'Vienna, 4–6 June 2024',
      'Draft report'
    ])
      expect(masthead).toContain(line)
  })

  it('labels chapters and sections in heading styles, in order', () => {
    const headings = docx.paragraphs().filter((p) => /^Heading[12]$/.test(p.style ?? ''))
    expect(headings.map((p) => p.text)).toEqual([
      'I.Introduction',
      'II.Recommendations',
      'A.General recommendations',
      'B.Recommendations on protection of the rights of smuggled migrants',
      'C.Recommendations on international cooperation',
      'III.Summary of deliberations',
      'IV.Organization of the meeting',
      'A.Opening of the meeting',
      'B.Adoption of the agenda and organization of work',
      'C.Attendance',
      'D.Documentation',
      'V.Adoption of the report'
    ])
    const styles = docx.xml('word/styles.xml')
    const style = (id: string) =>
      elements(styles, 'w:style').find((s) => s.getAttribute('w:styleId') === id)!
    expect(valueOf(style('Heading1'), 'w:sz')).toBe('28')
    expect(elements(style('Heading1'), 'w:b')).toHaveLength(1)
    expect(valueOf(style('Heading2'), 'w:sz')).toBe('24')
    const defaults = elements(styles, 'w:docDefaults')[0]
    expect(valueOf(defaults, 'w:rFonts', 'w:ascii')).toBe('Times New Roman')
    expect(valueOf(defaults, 'w:sz')).toBe('20')
    expect(valueOf(defaults, 'w:lang')).toBe('en-GB')
  })

  it('numbers the 18 paragraphs with one Word list in decimal "1." format', () => {
    const numbered = docx.paragraphs().filter((p) => p.style === 'NumberedParagraph')
    expect(numbered).toHaveLength(18)
    const numIds = new Set(numbered.map((p) => p.numbering?.numId))
    expect(numIds.size).toBe(1)
    const [numId] = [...numIds]
    expect(numberingLevels(docx, numId!)[0]).toEqual({ format: 'decimal', text: '%1.', start: 1 })
    expect(numbered[8].text).toMatch(/^Several speakers emphasized/)
  })

  it('numbers recommendations with SEQ fields whose results are cached', () => {
    const headings = docx.paragraphs().filter((p) => p.style === 'RecommendationHeading')
    expect(headings.map((p) => p.text)).toEqual([1, 2, 3, 4, 5].map((n) => `Recommendation ${n}`))
    for (const [index, heading] of headings.entries())
      expect(heading.fields).toEqual([
        { instruction: 'SEQ Recommendation \\* ARABIC', result: String(index + 1) }
      ])
  })

  it('writes the cross-reference as a REF field to a bookmark on paragraph 9, its number cached', () => {
    const paragraphs = docx.paragraphs()
    const withReference = paragraphs.find((p) =>
      p.fields.some((f) => f.instruction.startsWith('REF'))
    )!
    expect(withReference.text).toContain('as noted in paragraph 9 below.')
    const [field] = withReference.fields
    expect(field.result).toBe('9')
    const bookmark = /^REF (\S+) /.exec(field.instruction)![1]
    const target = paragraphs.filter((p) => p.style === 'NumberedParagraph')[8]
    expect(target.bookmarks).toEqual([bookmark])
    expect(field.instruction).toContain('\\r')
  })

  it('writes lists as Word numbering levels that restart for each list', () => {
    const paragraphs = docx.paragraphs()
    const agenda = paragraphs.filter((p) => p.style === 'AgendaList')
    expect(agenda.map((p) => p.numbering?.level)).toEqual([0, 1, 1, 0, 0, 0, 0])
    const agendaLevels = numberingLevels(docx, agenda[0].numbering!.numId)
    expect(agendaLevels.slice(0, 2)).toEqual([
      { format: 'decimal', text: '%1.', start: 1 },
      { format: 'lowerLetter', text: '(%2)', start: 1 }
    ])
    const sub = paragraphs.filter((p) => p.style === 'SubparagraphList')
    expect(sub.map((p) => p.text[0])).toEqual(['A', 'B', 'B'])
    expect(sub.every((p) => p.numbering?.level === 0)).toBe(true)
    expect(numberingLevels(docx, sub[0].numbering!.numId)[0]).toMatchObject({
      format: 'lowerLetter',
      text: '(%1)'
    })
  })

  it('writes the footnote as a real Word footnote', () => {
    const reference = elements(docx.xml('word/document.xml'), 'w:footnoteReference')
    expect(reference).toHaveLength(1)
    const id = reference[0].getAttribute('w:id')
    const note = elements(docx.xml('word/footnotes.xml'), 'w:footnote').find(
      (f) => f.getAttribute('w:id') === id
    )!
    expect(note.textContent).toContain(
      'See the background paper on international cooperation in smuggling cases (CTOC/COP/WG.7/2024/3), paras. 21–24.'
    )
  })

  it('links document symbols to the Official Document System and keeps brackets', () => {
    const rels = docx.parts['word/_rels/document.xml.rels']
    for (const symbol of ['CTOC/COP/WG.7/2024/INF/1', 'CTOC/COP/WG.7/2024/1'])
      expect(rels).toContain(`Target="https://undocs.org/en/${symbol}"`)
    const hyperlinks = elements(docx.xml('word/document.xml'), 'w:hyperlink')
    expect(hyperlinks.map((h) => h.textContent)).toContain('CTOC/COP/WG.7/2024/INF/1')
    const text = docx.paragraphs().map((p) => p.text)
    expect(text.some((t) => t.includes('at its [thirteenth] session'))).toBe(true)
    expect(text).toContain('[……]')
  })
})

describe('reportToDocx on a Chinese report', () => {
  it('sets SimSun on the runs, the Chinese language, and Chinese labels', async () => {
    const docx = await exported(sampleReportZh())
    const styles = docx.xml('word/styles.xml')
    const defaults = elements(styles, 'w:docDefaults')[0]
    expect(valueOf(defaults, 'w:lang', 'w:eastAsia')).toBe('zh-CN')
    expect(valueOf(defaults, 'w:rFonts', 'w:eastAsia')).toBe('SimSun')
    const runs = elements(docx.xml('word/document.xml'), 'w:r').filter(
      (run) => elements(run, 'w:t').length > 0
    )
    expect(runs.every((run) => valueOf(run, 'w:rFonts', 'w:eastAsia') === 'SimSun')).toBe(true)
    const paragraphs = docx.paragraphs()
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text.slice(0, 2))).toEqual(
      ['一.', '二.', '三.', '四.', '五.']
    )
    expect(
      paragraphs.filter((p) => p.style === 'RecommendationHeading').map((p) => p.text)
    ).toEqual(['建议 1', '建议 2', '建议 3'])
    const reference = paragraphs.find((p) => p.text.includes('如下文'))!
    expect(reference.text).toContain('如下文第 7 段所述。')
  })
})

describe('reportToDocx on special cases', () => {
  const { chapter, section, numbered, recommendation, reference } = build

  it('writes a reference to deleted text as the language says, without a field', async () => {
    const report = withChapters(sampleReport(), [
      chapter('c1', 'Only', [numbered('x1', 'See ', reference('gone'), '.')])
    ])
    const [paragraph] = (await exported(report))
      .paragraphs()
      .filter((p) => p.style === 'NumberedParagraph')
    expect(paragraph.text).toBe('See [reference to deleted text].')
    expect(paragraph.fields).toEqual([])
  })

  it('writes front matter (a first chapter without a title) as text without a heading, and numbers the chapters after it from I', async () => {
    const report = withChapters(sampleReport(), [
      chapter('c0', '', [build.paragraph('Summary of the report.')]),
      chapter('c1', 'Introduction', [numbered('x1', 'Opening.')])
    ])
    const paragraphs = (await exported(report)).paragraphs()
    const chapterHeadings = paragraphs.filter((p) => p.style === 'Heading1')
    expect(chapterHeadings.map((p) => p.text)).toEqual(['I.Introduction'])
    const summary = paragraphs.findIndex((p) => p.text === 'Summary of the report.')
    const introduction = paragraphs.findIndex((p) => p.text === 'I.Introduction')
    expect(summary).toBeGreaterThanOrEqual(0)
    expect(summary).toBeLessThan(introduction)
  })

  it('references a section by chapter and section, each a field to a bookmarked label', async () => {
    const report = withChapters(sampleReport(), [
      chapter('c1', 'First', [numbered('x0', 'Opening.')]),
      chapter('c2', 'Second', [
        section('s1', 'Alpha', [numbered('x1', 'Text.')]),
        section('s2', 'Beta', [numbered('x2', 'As set out in ', reference('s2'), '.')])
      ])
    ])
    const docx = await exported(report)
    const paragraphs = docx.paragraphs()
    const citing = paragraphs.find((p) => p.text.startsWith('As set out in'))!
    expect(citing.text).toBe('As set out in section II.B.')
    expect(citing.fields.map((f) => f.result)).toEqual(['II', 'B'])
    const names = citing.fields.map((f) => /^REF (\S+) /.exec(f.instruction)![1])
    const chapterHeading = paragraphs.find((p) => p.text === 'II.Second')!
    const sectionHeading = paragraphs.find((p) => p.text === 'B.Beta')!
    expect(chapterHeading.bookmarks).toEqual([names[0]])
    expect(sectionHeading.bookmarks).toEqual([names[1]])
  })

  it('numbers recommendations as paragraphs when the report says so', async () => {
    const base = sampleReport()
    const report = withChapters(
      {
        ...base,
        meta: {
          ...base.meta,
          settings: { ...base.meta.settings, recommendationStyle: 'paragraph' }
        }
      },
      [
        chapter('c1', 'Recommendations', [
          numbered('x1', 'The Group recommends:'),
          recommendation('r1', 'States should act.'),
          numbered('x2', 'See ', reference('r1'), '.')
        ])
      ]
    )
    const docx = await exported(report)
    const paragraphs = docx.paragraphs()
    expect(paragraphs.some((p) => p.style === 'RecommendationHeading')).toBe(false)
    const inList = paragraphs.filter((p) => p.numbering !== null)
    expect(inList.map((p) => p.text)).toEqual([
      'The Group recommends:',
      'States should act.',
      'See paragraph 2.'
    ])
    expect(new Set(inList.map((p) => p.numbering!.numId)).size).toBe(1)
    expect(docx.parts['word/document.xml']).not.toContain('SEQ ')
  })

  it('writes text Word could not open without its forbidden characters, and tabs as tabs', async () => {
    const report = withChapters(sampleReport(), [
      chapter('c1', 'Odd\u0001 text', [numbered('x1', 'Bell\u0007 and\ttab \uD800 lone.')])
    ])
    report.meta.masthead.title = 'Draft\u000B report'
    const docx = await exported(report)
    const forbidden = [...'\u0001\u0007\u000B\uD800']
    for (const part of ['word/document.xml', 'word/footer1.xml', 'word/header1.xml'])
      for (const character of forbidden) expect(docx.parts[part] ?? '').not.toContain(character)
    const paragraphs = docx.paragraphs()
    const body = paragraphs.find((p) => p.style === 'NumberedParagraph')!
    expect(body.text).toBe('Bell andtab  lone.')
    expect(elements(body.element, 'w:tab')).toHaveLength(1)
    expect(paragraphs.find((p) => p.style === 'MastheadTitle')!.text).toBe('Draft report')
  })

  it('links only web and mail addresses', async () => {
    const link = (href: string, text: string) =>
      schema.text(text, [schema.marks.link.create({ href })])
    const report = withChapters(sampleReport(), [
      chapter('c1', 'Links', [
        schema.nodes.numbered_paragraph.create({ id: 'x1' }, [
          link('https://www.unodc.org/', 'UNODC'),
          schema.text(' and '),
          link('javascript:alert(1)', 'a trap')
        ])
      ])
    ])
    const docx = await exported(report)
    const rels = docx.parts['word/_rels/document.xml.rels']
    expect(rels).toContain('Target="https://www.unodc.org/"')
    expect(rels).not.toContain('javascript')
    expect(docx.paragraphs().find((p) => p.style === 'NumberedParagraph')!.text).toBe(
      'UNODC and a trap'
    )
  })

  it('keeps a footnote inside a footnote as text in parentheses', async () => {
    const { footnote } = build
    const outer = schema.nodes.footnote.create(
      { id: 'f1' },
      build.paragraph('Outer note.', footnote('f2', 'Inner note.'))
    )
    const report = withChapters(sampleReport(), [
      chapter('c1', 'Notes', [numbered('x1', 'Text.', outer)])
    ])
    const docx = await exported(report)
    expect(elements(docx.xml('word/document.xml'), 'w:footnoteReference')).toHaveLength(1)
    expect(elements(docx.xml('word/footnotes.xml'), 'w:footnoteReference')).toHaveLength(0)
    expect(docx.parts['word/footnotes.xml']).toContain('Outer note.')
    expect(docx.parts['word/footnotes.xml']).toContain(' (Inner note.)')
  })

  it('writes subsections in heading 3 and lists inside recommendations as Word lists', async () => {
    const { item, list } = build
    const subsection = schema.nodes.subsection.create({ id: 'ss1' }, [
      build.heading('Details'),
      numbered('x2', 'Detail.'),
      schema.nodes.recommendation.create({ id: 'r1' }, [
        build.paragraph('States should:'),
        list('subparagraph', [item('i1', 'Act;'), item('i2', 'Report.')])
      ])
    ])
    const report = withChapters(sampleReport(), [
      chapter('c1', 'Main', [section('s1', 'Part', [numbered('x1', 'Text.'), subsection])])
    ])
    const paragraphs = (await exported(report)).paragraphs()
    expect(paragraphs.find((p) => p.style === 'Heading3')?.text).toBe('1.Details')
    const afterHeading = paragraphs.slice(
      paragraphs.findIndex((p) => p.style === 'RecommendationHeading')
    )
    expect(
      afterHeading.slice(0, 4).map((p) => [p.style, p.text, p.numbering?.level ?? null])
    ).toEqual([
      ['RecommendationHeading', 'Recommendation 1', null],
      ['RecommendationText', 'States should:', null],
      ['SubparagraphList', 'Act;', 0],
      ['SubparagraphList', 'Report.', 0]
    ])
  })

  it('numbers several footnotes in order', async () => {
    const { footnote } = build
    const report = withChapters(sampleReport(), [
      chapter('c1', 'Notes', [
        numbered('x1', 'One.', footnote('f1', 'First note.')),
        numbered(
          'x2',
          'Two.',
          footnote('f2', 'Second note.'),
          ' Three.',
          footnote('f3', 'Third note.')
        )
      ])
    ])
    const docx = await exported(report)
    const ids = elements(docx.xml('word/document.xml'), 'w:footnoteReference').map((r) =>
      r.getAttribute('w:id')
    )
    const notes = new Map(
      elements(docx.xml('word/footnotes.xml'), 'w:footnote').map((f) => [
        f.getAttribute('w:id'),
        f.textContent
      ])
    )
    expect(ids.map((id) => notes.get(id)?.trim())).toEqual([
      'First note.',
      'Second note.',
      'Third note.'
    ])
  })
})

describe('reportToDocx in every language', () => {
  it.each(LANGUAGES)('exports a %s report from the template with its labels', async (language) => {
    const report = newReport(language)
    const docx = await exported(report)
    const conventions = CONVENTIONS[language]
    const chapters = docx.paragraphs().filter((p) => p.style === 'Heading1')
    expect(chapters).toHaveLength(report.doc.childCount)
    chapters.forEach((chapter, index) =>
      expect(chapter.text.startsWith(formatLabel(conventions.labels.chapter, index + 1))).toBe(true)
    )
    const paragraphs = elements(docx.xml('word/document.xml'), 'w:p')
    const bidi = paragraphs.filter((p) => elements(p, 'w:bidi').length > 0)
    expect(bidi.length > 0).toBe(conventions.direction === 'rtl')
    if (conventions.direction === 'rtl') {
      // Outside the masthead table (whose distribution block stays in English, left to right),
      // every paragraph and run reads from the right.
      const inTable = (node: Element) => {
        for (let at = node.parentNode; at; at = at.parentNode)
          if (at.nodeName === 'w:tbl') return true
        return false
      }
      const body = paragraphs.filter((p) => !inTable(p) && elements(p, 'w:t').length > 0)
      expect(body.every((p) => elements(p, 'w:bidi').length === 1)).toBe(true)
      const runs = elements(docx.xml('word/document.xml'), 'w:r').filter((run) => !inTable(run))
      expect(
        runs.every(
          (run) => valueOf(run, 'w:rtl') !== 'false' && elements(run, 'w:rtl').length === 1
        )
      ).toBe(true)
      const table = elements(docx.xml('word/document.xml'), 'w:tbl')[0]
      expect(elements(table, 'w:bidiVisual')).toHaveLength(1)
      const distribution = elements(table, 'w:p').find((p) => p.textContent === 'Distr.: Limited')!
      expect(elements(distribution, 'w:bidi')).toHaveLength(0)
    }
  })
})

describe('reportToDocx progress', () => {
  it('reports rising progress through building and packing, ending at 1', async () => {
    const seen: Array<{ phase: string; fraction: number }> = []
    await reportToDocx(sampleReport(), { onProgress: (progress) => seen.push(progress) })
    const report = sampleReport()
    expect(seen.filter((p) => p.phase === 'building')).toHaveLength(report.doc.childCount)
    expect(seen.map((p) => p.phase).slice(-2)).toEqual(['packing', 'done'])
    const fractions = seen.map((p) => p.fraction)
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b))
    expect(fractions.at(-1)).toBe(1)
  })
})

describe('reportToDocx paragraph references', () => {
  /** A report in `language` whose second paragraph refers to the first. */
  function referring(language: 'en' | 'ar'): Report {
    const report = newReport(language)
    return withChapters(report, [
      build.chapter('c1', 'Chapter', [
        build.numbered('p1', 'First.'),
        build.numbered('p2', 'See ', schema.nodes.cross_reference.create({ target: 'p1' }), '.')
      ])
    ])
  }

  it('nests the Arabic REF in a QUOTE whose cached result is the bare number', async () => {
    const docx = await exported(referring('ar'))
    const citing = docx.paragraphs().filter((p) => p.style === 'NumberedParagraph')[1]
    const instructions = elements(citing.element, 'w:instrText').map((t) => t.textContent)
    expect(instructions[0]).toBe(' QUOTE "')
    expect(instructions[1]).toMatch(/^ REF _Ref\d+ \\r \\t \\h $/)
    // The number is written once, as the QUOTE's result, so a reader of the text sees it once.
    expect(citing.text).toBe('See الفقرة 1.')
    const imported = await importDocx(await reportToDocx(referring('ar')))
    const references: string[] = []
    imported.report.doc.descendants((node) => {
      if (node.type.name === 'cross_reference') references.push(node.attrs.target as string)
    })
    expect(references).toHaveLength(1)
  })

  it('keeps a plain REF where LibreOffice reads the label bare ("1.")', async () => {
    const docx = await exported(referring('en'))
    const citing = docx.paragraphs().filter((p) => p.style === 'NumberedParagraph')[1]
    expect(citing.fields).toHaveLength(1)
    expect(citing.fields[0].instruction).toMatch(/^REF _Ref\d+ \\r \\t \\h$/)
    expect(citing.text).toBe('See paragraph 1.')
  })
})
