import type { Element } from '@xmldom/xmldom'
import { reportToDocx } from '../../src/core/docx/index'
import { firstPageJobLine, jobNumberBase } from '../../src/core/docx/footer'
import { everyFeatureReport } from '../fixtures/every-feature-report'
import { sampleReport } from '../fixtures/sample-report'
import { elements, readDocx, valueOf, type ReadDocx } from './docx-reader'

/**
 * The house style read from the exported XML: masthead, title, footers and
 * the closing rule (their looks are measured in tests/fidelity/house-style).
 */

/** The part a section's header or footer reference of `type` points at. */
function partOf(docx: ReadDocx, kind: 'header' | 'footer', type: string): string {
  const sectPr = elements(docx.xml('word/document.xml'), 'w:sectPr').at(-1)!
  const id = elements(sectPr, `w:${kind}Reference`)
    .find((r) => r.getAttribute('w:type') === type)!
    .getAttribute('r:id')!
  const rel = elements(docx.xml('word/_rels/document.xml.rels'), 'Relationship').find(
    (r) => r.getAttribute('Id') === id
  )!
  return `word/${rel.getAttribute('Target')}`
}

const styleNamed = (docx: ReadDocx, id: string): Element =>
  elements(docx.xml('word/styles.xml'), 'w:style').find((s) => s.getAttribute('w:styleId') === id)!

describe('house style in the XML', () => {
  let en: ReadDocx
  let zh: ReadDocx
  beforeAll(async () => {
    en = readDocx(await reportToDocx(everyFeatureReport('en')))
    zh = readDocx(await reportToDocx(everyFeatureReport('zh')))
  })

  it('sets the title in 14 pt bold', () => {
    const title = styleNamed(en, 'MastheadTitle')
    expect(valueOf(title, 'w:sz')).toBe('28')
    expect(elements(title, 'w:b')).toHaveLength(1)
  })

  it('writes the session line bold and the agenda item with an asterisk footnote giving the agenda', () => {
    const report = everyFeatureReport('en')
    const paragraphs = en.paragraphs()
    const session = paragraphs.find((p) => p.text === report.meta.masthead.session)!
    expect(elements(session.element, 'w:b')).toHaveLength(1)
    const agenda = paragraphs.find((p) => p.text.startsWith(report.meta.masthead.agendaItem))!
    expect(agenda.text).toBe(`${report.meta.masthead.agendaItem}*`)
    const reference = elements(agenda.element, 'w:footnoteReference')[0]
    expect(reference.getAttribute('w:customMarkFollows')).toBe('1')
    const note = elements(en.xml('word/footnotes.xml'), 'w:footnote').find(
      (n) => n.getAttribute('w:id') === reference.getAttribute('w:id')
    )!
    expect(elements(note, 'w:footnoteRef')).toEqual([])
    expect(note.textContent).toBe('* CTOC/COP/WG.7/2024/1.')
    // The body's first footnote is still footnote 1 for Word: the asterisk takes no number.
    const bodyNotes = elements(en.xml('word/document.xml'), 'w:footnoteReference').filter(
      (r) => !r.getAttribute('w:customMarkFollows')
    )
    expect(bodyNotes).toHaveLength(2)
  })

  it('draws a thin rule under "United Nations" and a heavier one under the parent body', () => {
    const body = elements(en.xml('word/document.xml'), 'w:body')[0]
    const top = elements(body, 'w:p')[0]
    const rule = Array.from(body.childNodes).find(
      (node) => node.nodeName === 'w:p' && elements(node as Element, 'w:top').length > 0
    ) as Element
    const size = (element: Element, side: string) =>
      Number(elements(elements(element, 'w:pBdr')[0], side)[0].getAttribute('w:sz'))
    expect(size(top, 'w:bottom')).toBeLessThan(size(rule, 'w:top'))
  })

  it('names the version language above "Original:" in a translated version', () => {
    const translated = everyFeatureReport('zh')
    translated.meta.masthead.originalLanguage = 'English'
    return reportToDocx(translated).then((bytes) => {
      const texts = readDocx(bytes)
        .paragraphs()
        .map((p) => p.text)
      const original = texts.indexOf('Original: English')
      expect(texts[original - 1]).toBe('Chinese')
      // The original itself leaves the line empty.
      const own = zh.paragraphs().map((p) => p.text)
      expect(
        own[own.indexOf(`Original: ${everyFeatureReport('zh').meta.masthead.originalLanguage}`) - 1]
      ).toBe('')
    })
  })

  it('puts the job number with language letter and date on page 1, beside the page number after', () => {
    expect(jobNumberBase('V.24-04321 (E)')).toBe('V.24-04321')
    expect(firstPageJobLine('V.25-01234', '2025-07-03', 'en')).toBe('V.25-01234 (E) 030725')
    expect(firstPageJobLine('GE.19-13879 (E)', '', 'fr')).toBe('GE.19-13879 (F)')
    expect(en.paragraphs(partOf(en, 'footer', 'first'))[0].text).toBe('V.24-04321 (E) 060624')
    expect(zh.paragraphs(partOf(zh, 'footer', 'first'))[0].text).toBe('V.24-04321 (C) 060624')
    const even = en.paragraphs(partOf(en, 'footer', 'even'))[0]
    expect(even.text).toBe('\u2002V.24-04321')
    expect(en.parts[partOf(en, 'footer', 'even')].indexOf('PAGE')).toBeLessThan(
      en.parts[partOf(en, 'footer', 'even')].indexOf('V.24-04321')
    )
    const odd = en.paragraphs(partOf(en, 'footer', 'default'))[0]
    expect(odd.text).toBe('V.24-04321\u2002')
    expect(valueOf(odd.element, 'w:jc')).toBe('right')
  })

  it('ends the text with a short centred rule', async () => {
    const docx = readDocx(await reportToDocx(sampleReport()))
    const last = docx.paragraphs().at(-1)!
    expect(last.text).toBe('')
    const indent = elements(last.element, 'w:ind')[0]
    const left = Number(indent.getAttribute('w:left'))
    expect(left).toBe(Number(indent.getAttribute('w:right')))
    expect(left).toBeGreaterThan(2000)
    expect(elements(elements(last.element, 'w:pBdr')[0], 'w:bottom')).toHaveLength(1)
  })

  it('writes Arabic right to left with complex-script fonts, sizes and bold, in Western digits', async () => {
    const ar = readDocx(await reportToDocx(everyFeatureReport('ar')))
    const body = ar.paragraphs().filter((p) => p.style === 'NumberedParagraph')
    expect(body.length).toBeGreaterThan(3)
    for (const paragraph of body) {
      expect(elements(paragraph.element, 'w:bidi'), paragraph.text).toHaveLength(1)
      const run = elements(paragraph.element, 'w:r')[0]
      expect(elements(run, 'w:rtl')).toHaveLength(1)
      expect(valueOf(run, 'w:rFonts', 'w:cs')).toBe('Simplified Arabic')
    }
    const bold = elements(ar.xml('word/document.xml'), 'w:r').filter(
      (r) => elements(r, 'w:b').length && elements(r, 'w:t')[0]?.textContent
    )
    expect(bold.length).toBeGreaterThan(0)
    for (const run of bold) expect(elements(run, 'w:bCs')).toHaveLength(1)
    const heading = styleNamed(ar, 'Heading1')
    expect(valueOf(heading, 'w:szCs')).toBe(valueOf(heading, 'w:sz'))
    expect(elements(heading, 'w:bCs')).toHaveLength(1)
    // Cross-references cache Western digits, as UN Arabic documents print them.
    const results = body.flatMap((p) => p.fields.map((f) => f.result))
    expect(results.length).toBeGreaterThan(0)
    expect(results.filter((result) => /^[0-9]+$/.test(result)).length).toBeGreaterThan(1)
    for (const result of results) expect(result).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/)
  })
})
