import { reportToDocx } from '../../src/core/docx/index'
import { everyFeatureReport } from '../fixtures/every-feature-report'
import { elements, readDocx, valueOf, type ReadDocx } from './docx-reader'

/**
 * The parts Word writes in its own way, read from the exported XML: footnote
 * separators, the settings, the font table, the core properties, the styles
 * Word always has, and right-to-left sections.
 */

describe('parts written as Word writes them', () => {
  let en: ReadDocx
  let ar: ReadDocx
  beforeAll(async () => {
    en = readDocx(await reportToDocx(everyFeatureReport('en')))
    ar = readDocx(await reportToDocx(everyFeatureReport('ar')))
  })

  it('writes footnote separators without a reference mark, and a space after each mark', () => {
    const notes = elements(en.xml('word/footnotes.xml'), 'w:footnote')
    const separators = notes.filter((n) => n.getAttribute('w:type'))
    expect(separators.map((n) => n.getAttribute('w:type'))).toEqual([
      'separator',
      'continuationSeparator'
    ])
    for (const separator of separators) expect(elements(separator, 'w:footnoteRef')).toEqual([])
    // The first numbered note (the agenda item's "*" note has no automatic mark).
    const first = notes.find(
      (n) => !n.getAttribute('w:type') && elements(n, 'w:footnoteRef').length
    )!
    const runs = elements(first, 'w:r')
    expect(elements(runs[0], 'w:footnoteRef')).toHaveLength(1)
    expect(elements(runs[1], 'w:t')[0].textContent).toBe(' ')
  })

  it('names the separator notes in the settings and does not stretch lines before a break', () => {
    const settings = en.xml('word/settings.xml')
    const ids = elements(elements(settings, 'w:footnotePr')[0], 'w:footnote').map((n) =>
      n.getAttribute('w:id')
    )
    expect(ids).toEqual(['-1', '0'])
    expect(elements(settings, 'w:doNotExpandShiftReturn')).toHaveLength(1)
  })

  it('lists the fonts in the font table and names Rapporteur as the last to modify', () => {
    const fonts = (docx: ReadDocx) =>
      elements(docx.xml('word/fontTable.xml'), 'w:font').map((f) => f.getAttribute('w:name'))
    expect(fonts(en)).toContain('Times New Roman')
    expect(fonts(ar)).toEqual(expect.arrayContaining(['Times New Roman', 'Simplified Arabic']))
    expect(en.parts['docProps/core.xml']).toContain('<cp:lastModifiedBy>Rapporteur<')
  })

  it('defines Default Paragraph Font and makes Strong a character style', () => {
    const styles = elements(en.xml('word/styles.xml'), 'w:style')
    const style = (id: string) => styles.find((s) => s.getAttribute('w:styleId') === id)
    expect(style('DefaultParagraphFont')?.getAttribute('w:type')).toBe('character')
    expect(style('DefaultParagraphFont')?.getAttribute('w:default')).toBe('1')
    expect(style('Strong')?.getAttribute('w:type')).toBe('character')
    const basedOn = styles
      .map((s) => valueOf(s, 'w:basedOn'))
      .filter((id): id is string => id !== null)
    for (const id of basedOn) expect(style(id), `style ${id} is defined`).toBeDefined()
  })

  it('marks the Arabic section right to left and keeps <w:rtl/> out of the document defaults', () => {
    const sectPr = elements(ar.xml('word/document.xml'), 'w:sectPr').at(-1)!
    expect(elements(sectPr, 'w:bidi')).toHaveLength(1)
    const defaults = elements(ar.xml('word/styles.xml'), 'w:docDefaults')[0]
    expect(elements(defaults, 'w:rtl')).toEqual([])
    const englishSection = elements(en.xml('word/document.xml'), 'w:sectPr').at(-1)!
    expect(elements(englishSection, 'w:bidi')).toEqual([])
  })
})
