import { formatLabel, parseLabel, type LabelSpec } from '../../src/core/labels'
import { IMPORT_LANGUAGES, labelTables } from '../../src/core/import/language'
import { parseMarker } from '../../src/core/import/markers'
import { CONVENTIONS, LANGUAGES, type Language } from '../../src/core/languages'

/**
 * Every label the editor writes, the importer reads back to the same number:
 * for n = 1..500 in every language and series, through the label spec's own
 * parser, and through the block-start marker reader the recognizer uses
 * wherever that reader claims the series (headings as far as the importer's
 * heading tables go).
 */

const N = 500

/** What the importer's marker reader makes of a block starting with `label`. */
function markerReading(language: Language, label: string, format: LabelSpec) {
  const marker = parseMarker(`${label} Text`, language)
  if (!marker) return undefined
  if (marker.type === 'number') return marker.value
  if (marker.type === 'item') return format.numeral === 'lower-roman' ? marker.roman : marker.letter
  return undefined
}

describe.each(LANGUAGES)('labels read back in %s', (language) => {
  const labels = CONVENTIONS[language].labels
  const series: Array<[string, LabelSpec]> = [
    ['chapter', labels.chapter],
    ['section', labels.section],
    ['subsection', labels.subsection],
    ['paragraph', labels.paragraph],
    ['recommendation', labels.recommendation],
    ['footnote', labels.footnote],
    ...labels.subparagraphList.map((format, level): [string, LabelSpec] => [
      `sub-paragraph level ${level + 1}`,
      format
    ]),
    ...labels.agendaList.map((format, level): [string, LabelSpec] => [
      `agenda level ${level + 1}`,
      format
    ])
  ]

  it.each(series)('%s labels 1..500 parse back to their number', (_, format) => {
    const wrong: string[] = []
    for (let n = 1; n <= N; n++) {
      const label = formatLabel(format, n)
      if (parseLabel(format, label) !== n) wrong.push(`${n}: "${label}"`)
    }
    expect(wrong.slice(0, 10)).toEqual([])
  })

  it('reads numbered paragraphs and subsections 1..500 as the recognizer sees them', () => {
    for (const format of [labels.paragraph, labels.subsection])
      for (let n = 1; n <= N; n++)
        expect(markerReading(language, formatLabel(format, n), format)).toBe(n)
  })

  it('reads recommendation headings 1..500', () => {
    for (let n = 1; n <= N; n++) {
      const heading = IMPORT_LANGUAGES[language].recommendationHeading.exec(
        formatLabel(labels.recommendation, n)
      )
      expect(Number(heading?.[1])).toBe(n)
    }
  })

  it('reads list labels 1..500 at every level the marker reader claims, letters past z included', () => {
    const lists = [...labels.subparagraphList, ...labels.agendaList]
    // Lists in parenthesised digits ("(1)", Arabic's second level) are not block markers the reader knows.
    const claimed = lists.filter((format) => !(format.numeral === 'decimal' && format.prefix))
    for (const format of claimed)
      for (let n = 1; n <= N; n++) {
        const label = formatLabel(format, n)
        expect(markerReading(language, label, format), label).toBe(n)
      }
  })

  it('reads chapter and section headings as far as the heading tables go', () => {
    const tables = labelTables(language)
    const cases = [
      ...[...tables.chapter.values()].map((n) => ['chapter', labels.chapter, n] as const),
      ...[...tables.section.values()].map((n) => ['section', labels.section, n] as const)
    ]
    for (const [kind, format, n] of cases) {
      const label = formatLabel(format, n)
      // Arabic headings past the word tables are digits ("16 -"), which read as paragraphs.
      if (language === 'ar' && /^\d/.test(label)) continue
      const marker = parseMarker(`${label} Title`, language)
      expect(marker?.type === 'heading' ? marker[kind] : undefined, label).toBe(n)
    }
  })
})
