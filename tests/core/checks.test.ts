import type { Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import {
  checkReport,
  exportWarnings,
  type CheckKind,
  type CheckInput
} from '../../src/core/checks/index'
import { defaultSettings, emptyMasthead, type Masthead, type ReportMeta } from '../../src/core/meta'
import { newReport } from '../../src/core/template'
import { schema } from '../../src/core/schema'
import { chapter, doc, fn, h, np, p, rec, section, sym, xref } from '../builders'

/** A masthead with every field filled in and consistent. */
function soundMasthead(): Masthead {
  return {
    ...emptyMasthead(),
    symbol: 'CTOC/COP/WG.4/2025/L.1',
    distribution: 'Limited',
    date: '2025-07-03',
    originalLanguage: 'English',
    parentBody: 'Conference of the Parties',
    subsidiaryBody: 'Working Group on Trafficking in Persons',
    meeting: 'Vienna, 1–3 July 2025',
    title: 'Draft report',
    jobNumber: 'V.25-01234'
  }
}

function meta(changes: Partial<ReportMeta> = {}): ReportMeta {
  return { language: 'en', masthead: soundMasthead(), settings: defaultSettings(), ...changes }
}

const agreed = { status: 'agreed' }

/** A report with nothing to report: every check passes on it. */
function cleanDoc(): Node {
  return doc(
    chapter(
      { id: 'c1', ...agreed },
      h('Introduction'),
      np({ id: 'p1' }, 'The Working Group met in Vienna, see ', sym('CTOC/COP/WG.4/2024/2'), '.'),
      section(
        { id: 's1', ...agreed },
        h('Opening'),
        np({ id: 'p2' }, 'As said in ', xref('p1'), '.')
      )
    ),
    chapter(
      { id: 'c2', ...agreed },
      h('Recommendations'),
      rec({ id: 'r1' }, p('States should act.'))
    )
  )
}

function kinds(input: Partial<CheckInput> & { doc: Node }): CheckKind[] {
  return checkReport({ meta: meta(), ...input }).findings.map((finding) => finding.kind)
}

describe('the pre-circulation check', () => {
  it('finds nothing in a sound report', () => {
    const result = checkReport({ doc: cleanDoc(), meta: meta() })
    expect(result.findings).toEqual([])
    expect(result.blocking).toBe(0)
  })

  it('blocks on square brackets, naming the text and the paragraph, in body and footnotes', () => {
    const report = doc(
      chapter(
        { id: 'c1', ...agreed },
        h('Introduction'),
        np({ id: 'p1' }, 'Held its [thirteenth] session.', fn(p('At the [3rd] meeting.')))
      )
    )
    const result = checkReport({ doc: report, meta: meta() })
    expect(result.blocking).toBe(2)
    expect(result.findings.map((f) => [f.where, f.detail])).toEqual([
      ['paragraph 1', { kind: 'square-brackets', text: '[thirteenth]' }],
      ['footnote 1 (paragraph 1)', { kind: 'square-brackets', text: '[3rd]' }]
    ])
    // The position leads to the bracket itself.
    const first = result.findings[0]
    expect(report.textBetween(first.pos!, first.pos! + 12)).toBe('[thirteenth]')
  })

  it('blocks on references whose target is gone, not on ones that resolve', () => {
    const report = doc(
      chapter(
        { id: 'c1', ...agreed },
        h('Introduction'),
        np({ id: 'p1' }, 'See ', xref('p2'), ' and ', xref('gone'), '.'),
        np({ id: 'p2' }, 'Text.')
      )
    )
    const result = checkReport({ doc: report, meta: meta() })
    expect(result.findings).toMatchObject([
      { kind: 'broken-reference', severity: 'blocking', where: 'paragraph 1' }
    ])
    expect(report.nodeAt(result.findings[0].pos!)?.attrs.target).toBe('gone')
  })

  it('lists missing and malformed masthead fields', () => {
    const empty = kinds({ doc: cleanDoc(), meta: meta({ masthead: emptyMasthead() }) })
    expect(empty.filter((k) => k === 'masthead')).toHaveLength(7)
    const malformed = checkReport({
      doc: cleanDoc(),
      meta: meta({
        masthead: {
          ...soundMasthead(),
          distribution: 'General',
          date: '2024-01-01',
          jobNumber: 'V 25 1234'
        }
      })
    }).findings.map((f) => f.detail)
    expect(malformed).toEqual([
      {
        kind: 'masthead',
        field: 'distribution',
        problem: 'malformed',
        expected: 'Limited for an L. symbol'
      },
      {
        kind: 'masthead',
        field: 'date',
        problem: 'malformed',
        expected: 'a date in 2025, the year of the symbol'
      },
      { kind: 'masthead', field: 'jobNumber', problem: 'malformed', expected: 'e.g. V.25-01234' }
    ])
    // A Geneva job number with its language letter is well formed.
    expect(
      kinds({
        doc: cleanDoc(),
        meta: meta({ masthead: { ...soundMasthead(), jobNumber: 'GE.19-13879 (E)' } })
      })
    ).toEqual([])
  })

  it('counts body words against the limit and footnotes apart', () => {
    const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ')
    const report = (body: number) =>
      doc(
        chapter(
          { id: 'c1', ...agreed },
          h('Introduction'),
          np({ id: 'p1' }, words(body), fn(p(words(50))))
        )
      )
    const settings = { ...defaultSettings(), wordLimit: 100 }
    expect(checkReport({ doc: report(100), meta: meta({ settings }) }).findings).toEqual([])
    expect(checkReport({ doc: report(101), meta: meta({ settings }) }).findings).toMatchObject([
      { kind: 'word-limit', detail: { words: 101, limit: 100, footnoteWords: 50 } }
    ])
  })

  it('flags empty chapters and sections, and ones not yet agreed', () => {
    const report = doc(
      chapter(
        { id: 'c1', ...agreed },
        h('Introduction'),
        section({ id: 's1', ...agreed }, h('Empty')),
        section({ id: 's2', status: 'review' }, h('Opening'), np({ id: 'p1' }, 'Text.'))
      ),
      chapter({ id: 'c2', status: 'draft' }, h('Other'), section({ id: 's3' }, h('Nothing')))
    )
    const findings = checkReport({ doc: report, meta: meta() }).findings
    expect(findings.map((f) => [f.kind, f.where])).toEqual([
      ['empty-container', 'I.A'],
      ['empty-container', 'II'],
      ['empty-container', 'II.A'],
      ['not-agreed', 'I.B'],
      ['not-agreed', 'II']
    ])
  })

  it('checks cited document symbols: unlinked, the report’s own, a link that differs from its text', () => {
    const mismatched = schema.text('A/79/1', [schema.marks.doc_symbol.create({ symbol: 'A/79/2' })])
    const report = doc(
      chapter(
        { id: 'c1', ...agreed },
        h('Introduction'),
        np(
          { id: 'p1' },
          'See A/RES/70/1 and ',
          sym('CTOC/COP/WG.4/2025/L.1'),
          ' and ',
          mismatched,
          ', TCP/IP and/or ',
          sym('E/CN.3/2025/7')
        )
      )
    )
    const details = checkReport({ doc: report, meta: meta() }).findings.map((f) => f.detail)
    expect(details).toEqual([
      { kind: 'document-symbol', symbol: 'A/RES/70/1', problem: 'not-linked' },
      { kind: 'document-symbol', symbol: 'CTOC/COP/WG.4/2025/L.1', problem: 'own-symbol' },
      { kind: 'document-symbol', symbol: 'A/79/2', problem: 'mismatch' }
    ])
  })

  it('flags empty paragraphs and footnote marks in headings', () => {
    const report = doc(
      chapter(
        { id: 'c1', ...agreed },
        h('Introduction', fn(p('A note.'))),
        np({ id: 'p1' }),
        np({ id: 'p2' }, 'Text.'),
        p()
      )
    )
    expect(kinds({ doc: report })).toEqual([
      'empty-paragraph',
      'empty-paragraph',
      'footnote-in-heading'
    ])
  })

  it('flags recommendations outside the recommendations chapter only when there is one', () => {
    const stray = rec({ id: 'r0' }, p('Misplaced.'))
    const withHome = doc(
      chapter({ id: 'c1', ...agreed }, h('Introduction'), stray),
      chapter({ id: 'c2', ...agreed }, h('Recommendations'), rec({ id: 'r1' }, p('Fine.')))
    )
    expect(checkReport({ doc: withHome, meta: meta() }).findings).toMatchObject([
      {
        kind: 'recommendation-placement',
        where: 'recommendation 1',
        detail: { chapter: 'I' }
      }
    ])
    const spread = doc(
      chapter({ id: 'c1', ...agreed }, h('Introduction'), rec({ id: 'r0' }, p('By design.'))),
      chapter({ id: 'c2', ...agreed }, h('Findings'), rec({ id: 'r1' }, p('Also.')))
    )
    expect(kinds({ doc: spread })).toEqual([])
    // Chinese reports title the chapter 建议.
    const zh = doc(
      chapter({ id: 'c1', ...agreed }, h('导言'), rec({ id: 'r0' }, p('错位。'))),
      chapter({ id: 'c2', ...agreed }, h('建议'), rec({ id: 'r1' }, p('好。')))
    )
    expect(kinds({ doc: zh, meta: meta({ language: 'zh' }) })).toEqual(['recommendation-placement'])
  })

  it('lists unresolved import notes at their paragraph, and open suggestions and comments', () => {
    const result = checkReport({
      doc: cleanDoc(),
      meta: meta(),
      importNotes: [
        { line: 12, message: 'heading guessed', targetId: 's1' },
        { line: 40, message: 'footnote 3 has no mark' }
      ],
      openReview: { suggestions: 4, comments: 0 }
    })
    expect(result.findings.map((f) => [f.kind, f.where, f.pos === null])).toEqual([
      ['import-note', 'I.A', false],
      ['import-note', '', true],
      ['open-review', '', true]
    ])
  })

  it('counts a suggested change of format among the open suggestions', () => {
    const reformatted = cleanDoc()
    const formatChange = {
      id: 'f1',
      author: 'Ana Ruiz',
      initials: 'AR',
      date: '2026-02-01T09:00:00Z',
      was: { type: 'paragraph' }
    }
    let target = -1
    reformatted.descendants((node, pos) => {
      if (target < 0 && node.type.name === 'numbered_paragraph') target = pos
      return target < 0
    })
    const marked = new Transform(reformatted).setNodeAttribute(
      target,
      'formatChange',
      formatChange
    ).doc
    const result = checkReport({ doc: marked, meta: meta() })
    const open = result.findings.filter((finding) => finding.kind === 'open-review')
    expect(open.map((finding) => finding.detail)).toEqual([
      { kind: 'open-review', what: 'suggestion', count: 1 }
    ])
  })

  it('the standard template, untouched, is not ready: empty sections, draft status, masthead', () => {
    const report = newReport('en')
    const found = new Set(kinds({ doc: report.doc, meta: report.meta }))
    expect(found).toEqual(new Set(['masthead', 'empty-container', 'not-agreed']))
  })

  it('export warnings name the blocking problems with their counts', () => {
    const report = doc(
      chapter(
        { id: 'c1', ...agreed },
        h('Introduction'),
        np({ id: 'p1' }, '[a] [b] ', xref('gone'))
      )
    )
    expect(exportWarnings(checkReport({ doc: report, meta: meta() }))).toEqual([
      '2 passage(s) in square brackets (not yet agreed)',
      '1 cross-reference(s) to deleted text'
    ])
    expect(exportWarnings(checkReport({ doc: cleanDoc(), meta: meta() }))).toEqual([])
  })
})
