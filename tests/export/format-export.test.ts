import type { Element } from '@xmldom/xmldom'
import validate, { ready } from '@ooxml-tools/validate'
import { reportToDocx } from '../../src/core/docx/index'
import { FORMATTER, reformattedReport as reformatted } from '../fixtures/review-report'
import { elements, readDocx, valueOf } from './docx-reader'

/**
 * Format suggestions in the Word export: each is a `w:pPrChange` at the end
 * of its paragraph's properties, holding the old style and list level, with
 * its author and date, and the package validates.
 */

/** Loading the Open XML SDK's .NET runtime takes ~15 s on a busy two-core machine. */
const LOAD_TIMEOUT = 180_000

describe('format suggestions as Word revisions', () => {
  beforeAll(async () => {
    await ready()
  }, LOAD_TIMEOUT)

  it(
    'writes w:pPrChange last in the paragraph properties with the old style and level, and validates',
    async () => {
      const bytes = await reportToDocx(reformatted())
      const xml = readDocx(bytes).xml('word/document.xml')
      const changes = elements(xml, 'w:pPrChange')
      expect(changes).toHaveLength(2)
      for (const change of changes) {
        const properties = change.parentNode as Element
        expect(properties.nodeName).toBe('w:pPr')
        expect(properties.lastChild).toBe(change)
        expect(change.getAttribute('w:author')).toBe('Cy Diaz')
        expect(change.getAttribute('w:date')).toBe(FORMATTER.date)
      }
      const [paragraph, item] = changes.map((change) => ({
        now: change.parentNode as Element,
        was: elements(change, 'w:pPr')[0]
      }))
      // The paragraph is plain now; it was a numbered one in the report's paragraph numbering.
      expect(valueOf(paragraph.now, 'w:pStyle')).toBe('BodyText')
      expect(valueOf(paragraph.was, 'w:pStyle')).toBe('NumberedParagraph')
      const paragraphNumbering = elements(xml, 'w:pPr')
        .filter((pPr) => valueOf(pPr, 'w:pStyle') === 'NumberedParagraph')
        .map((pPr) => valueOf(pPr, 'w:numId'))[0]
      expect(valueOf(paragraph.was, 'w:numId')).toBe(paragraphNumbering)
      expect(valueOf(paragraph.was, 'w:ilvl')).toBe('0')
      // The list item is at level 0 now, in its own list; it was at level 1 of the same list.
      expect(valueOf(item.now, 'w:ilvl')).toBe('0')
      expect(valueOf(item.was, 'w:ilvl')).toBe('1')
      expect(valueOf(item.was, 'w:numId')).toBe(valueOf(item.now, 'w:numId'))
      const errors = await validate(bytes, 'docx', 'Microsoft365')
      expect(errors.map((e) => `${e.path.xpath}: ${e.description}`)).toEqual([])
    },
    LOAD_TIMEOUT
  )

  it('settles format suggestions when exporting with every change accepted or rejected', async () => {
    for (const review of ['accept', 'reject'] as const) {
      const xml = readDocx(await reportToDocx(reformatted(), { review })).xml('word/document.xml')
      expect(elements(xml, 'w:pPrChange')).toEqual([])
    }
  })
})
