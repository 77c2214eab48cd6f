import type { Node } from 'prosemirror-model'
import { schema } from '../src/core/schema'
import { newId } from '../src/core/ids'
import { newReport } from '../src/core/template'
import { reportWithMeta, type Report } from '../src/core/report-file'

/**
 * A generated report of realistic shape and size for benchmarks and
 * large-file tests: by default the 300-page report of the design budgets (1,500
 * numbered paragraphs, 300 recommendations, 400 footnotes, 30 sections).
 * Deterministic: the same options give the same text (ids aside).
 */
export interface GeneratedReportOptions {
  sections: number
  paragraphs: number
  recommendations: number
  footnotes: number
  /** Words per paragraph; about 80 gives 300 pages for 1,500 paragraphs. */
  wordsPerParagraph: number
}

/** The sizes of the design budgets. */
export const BENCH_REPORT: GeneratedReportOptions = {
  sections: 30,
  paragraphs: 1500,
  recommendations: 300,
  footnotes: 400,
  wordsPerParagraph: 80
}

/** Four times the design's report (1,200 pages): the editor, load/save and export must scale. */
export const LARGE_BENCH_REPORT: GeneratedReportOptions = {
  sections: 120,
  paragraphs: 6000,
  recommendations: 1200,
  footnotes: 1600,
  wordsPerParagraph: 80
}

/**
 * The largest legitimate report (issue 10): about 50 MB on disk, 25 times
 * the design's. It must export within 2 GB, and opening it must never hold
 * the host's thread.
 */
export const HUGE_BENCH_REPORT: GeneratedReportOptions = {
  sections: 760,
  paragraphs: 38_000,
  recommendations: 7600,
  footnotes: 10_000,
  wordsPerParagraph: 80
}

/** The most footnoted legitimate report: 100,000 footnotes, five to a paragraph. */
export const FOOTNOTE_BENCH_REPORT: GeneratedReportOptions = {
  sections: 100,
  paragraphs: 20_000,
  recommendations: 1000,
  footnotes: 100_000,
  wordsPerParagraph: 80
}

const WORDS = (
  'the working group states parties conference recommended that should consider strengthen ' +
  'cooperation international smuggling migrants protocol implementation national legislation ' +
  'training officials border data collection regional mechanisms technical assistance ' +
  'secretariat speakers highlighted importance of measures to prevent and combat crime ' +
  'in accordance with article convention rights victims protection access remedies'
).split(' ')

/** A small deterministic generator, so runs compare like with like. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** Builds the report. */
export function generateReport(options: GeneratedReportOptions = BENCH_REPORT): Report {
  const next = random(42)
  const sentence = (count: number) => {
    const words: string[] = []
    for (let i = 0; i < count; i++) words.push(WORDS[Math.floor(next() * WORDS.length)])
    words[0] = words[0][0].toUpperCase() + words[0].slice(1)
    return words.join(' ') + '.'
  }
  const text = (value: string) => schema.text(value)
  const symbolMark = (symbol: string) => schema.marks.doc_symbol.create({ symbol })
  const bracketMark = schema.marks.bracketed.create()

  const chapters = 5
  const sectionsPerChapter = Math.ceil(options.sections / chapters)
  let paragraphsLeft = options.paragraphs
  let recommendationsLeft = options.recommendations
  let footnotesLeft = options.footnotes
  const footnotesPerParagraph = Math.max(1, Math.ceil(options.footnotes / options.paragraphs))
  let previousParagraphId: string | null = null
  let sectionsLeft = options.sections

  const paragraph = (index: number): Node => {
    const id = newId()
    const inline: Node[] = [text(sentence(options.wordsPerParagraph - 12) + ' ')]
    if (index % 7 === 0) {
      const symbol = `CTOC/COP/WG.7/2024/${(index % 9) + 1}`
      inline.push(text('See ').mark([]), text(symbol).mark([symbolMark(symbol)]), text('. '))
    }
    if (index % 11 === 0) inline.push(text('[subject to agreement]').mark([bracketMark]), text(' '))
    if (previousParagraphId && index % 13 === 0) {
      inline.push(
        text('As noted in '),
        schema.nodes.cross_reference.create({ target: previousParagraphId }),
        text(' above. ')
      )
    }
    inline.push(text(sentence(8)))
    if (
      footnotesLeft > 0 &&
      index % Math.max(1, Math.floor(options.paragraphs / options.footnotes)) === 0
    ) {
      // More footnotes than paragraphs: several per paragraph, spread evenly.
      for (let n = 0; n < footnotesPerParagraph && footnotesLeft > 0; n++) {
        footnotesLeft--
        inline.push(
          schema.nodes.footnote.create(
            { id: newId() },
            schema.nodes.paragraph.create(null, text(sentence(14)))
          )
        )
      }
    }
    previousParagraphId = id
    return schema.nodes.numbered_paragraph.create({ id }, inline)
  }

  const recommendation = (): Node =>
    schema.nodes.recommendation.create({ id: newId() }, [
      schema.nodes.paragraph.create(
        null,
        text(`States parties should ${sentence(30).toLowerCase()}`)
      )
    ])

  const list = (): Node =>
    schema.nodes.ordered_list.create(
      { kind: 'subparagraph' },
      [1, 2, 3].map(() =>
        schema.nodes.list_item.create(
          { id: newId() },
          schema.nodes.paragraph.create(null, text(sentence(12)))
        )
      )
    )

  let paragraphIndex = 0
  const chapterNodes: Node[] = []
  for (let c = 0; c < chapters; c++) {
    const sectionNodes: Node[] = []
    const sectionsHere = Math.min(sectionsPerChapter, sectionsLeft)
    for (let s = 0; s < sectionsHere; s++) {
      sectionsLeft--
      const remainingSections = sectionsLeft + 1
      const paragraphsHere = Math.ceil(paragraphsLeft / remainingSections)
      const recommendationsHere = Math.ceil(recommendationsLeft / remainingSections)
      const body: Node[] = []
      for (let p = 0; p < paragraphsHere; p++) {
        body.push(paragraph(++paragraphIndex))
        paragraphsLeft--
        if (p === 1) body.push(list())
        if (p < recommendationsHere) {
          body.push(recommendation())
          recommendationsLeft--
        }
      }
      while (body.filter((n) => n.type.name === 'recommendation').length < recommendationsHere) {
        body.push(recommendation())
        recommendationsLeft--
      }
      sectionNodes.push(
        schema.nodes.section.create({ id: newId() }, [
          schema.nodes.heading.create(null, text(`Section ${s + 1}: ${sentence(5).slice(0, -1)}`)),
          ...body
        ])
      )
    }
    chapterNodes.push(
      schema.nodes.chapter.create({ id: newId() }, [
        schema.nodes.heading.create(null, text(`Chapter ${c + 1}: ${sentence(4).slice(0, -1)}`)),
        ...sectionNodes
      ])
    )
  }

  const report = newReport('en')
  report.meta.masthead = {
    ...report.meta.masthead,
    symbol: 'CTOC/COP/WG.7/2024/L.1',
    subsidiaryBody: 'Working Group on the Smuggling of Migrants',
    parentBody:
      'Conference of the Parties to the United Nations Convention against Transnational Organized Crime',
    meeting: 'Vienna, 4–6 June 2024',
    date: '2024-06-06',
    jobNumber: 'V.24-04321 (E)'
  }
  // The metadata rides in the document's attributes too, as in every report the app holds.
  const generated = reportWithMeta(report.meta, schema.nodes.doc.create(null, chapterNodes))
  generated.doc.check()
  return generated
}
