import fc from 'fast-check'
import { isSafeLink } from '../../src/core/safe-url'
import { undocsUrl } from '../../src/core/symbols'
import { parseReport, reportToJSON, ReportFileError } from '../../src/core/report-file'
import { newReport } from '../../src/core/template'
import { reportToDocx } from '../../src/core/docx/index'
import { isSafeExternalUrl } from '../../src/services/external-url'
import { schema } from '../../src/core/schema'
import { unzipSync, strFromU8 } from 'fflate'
import { chapter, doc as builtDoc, h, np } from '../builders'

/**
 * Links and text that look harmless but are not: addresses with credentials
 * (exported as hyperlinks although the app's own link check refuses them),
 * mail links that attach local files, and half characters (lone surrogates)
 * that passed the loader and then broke the export.
 */

const LONE = fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF')

describe('links with credentials or attachments', () => {
  it('are refused by openExternal’s check for every scheme and spelling', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('https', 'http', 'HTTPS'),
        fc.stringMatching(/^[a-z0-9]{1,12}$/),
        fc.option(fc.stringMatching(/^[a-z0-9]{1,12}$/)),
        (scheme, user, password) => {
          const url = `${scheme}://${user}${password === null ? '' : `:${password}`}@undocs.org/en/A/1`
          expect(isSafeExternalUrl(url)).toBe(false)
        }
      )
    )
    fc.assert(
      fc.property(
        fc.constantFrom('attach', 'Attach', 'ATTACHMENT', 'attachments', ' attach'),
        fc.stringMatching(/^[a-z/.~]{1,30}$/),
        (field, file) => {
          expect(isSafeExternalUrl(`mailto:a@un.org?subject=x&${field}=${file}`)).toBe(false)
        }
      )
    )
    expect(isSafeExternalUrl('mailto:a@un.org?subject=Report')).toBe(true)
    expect(isSafeExternalUrl('https://undocs.org/en/A/1')).toBe(true)
  })

  it('are exported as plain text, not as Word hyperlinks', async () => {
    const links = [
      'https://user:pw@evil.example/',
      'https://undocs.org@evil.example/',
      'mailto:a@b.org?attach=/etc/passwd'
    ]
    const report = newReport('en')
    const linked = links.map((href) =>
      schema.text(`${href} `, [schema.marks.link.create({ href })])
    )
    const doc = builtDoc(chapter(h('I'), np({ id: 'p-links' }, ...linked)))
    const bytes = await reportToDocx({ ...report, doc })
    const rels = strFromU8(unzipSync(bytes)['word/_rels/document.xml.rels'])
    for (const href of links) expect(rels).not.toContain(href.replace(/&/g, '&amp;'))
    expect(links.every((href) => !isSafeLink(href))).toBe(true)
  }, 30_000)
})

describe('lone surrogates', () => {
  it('never make undocsUrl throw', () => {
    fc.assert(
      fc.property(fc.string(), LONE, fc.string(), (before, lone, after) => {
        expect(() => undocsUrl(`A/${before}${lone}${after}/1`, 'en')).not.toThrow()
      })
    )
  })

  it('are refused by the loader with the place named, in text and in any attribute', () => {
    fc.assert(
      fc.property(LONE, fc.boolean(), (lone, inSymbol) => {
        const json = reportToJSON(newReport('en')) as unknown as {
          doc: { content: { content: unknown[] }[] }
        }
        const text = inSymbol
          ? {
              type: 'text',
              text: 'A/1',
              marks: [{ type: 'doc_symbol', attrs: { symbol: `A/${lone}1` } }]
            }
          : { type: 'text', text: `half ${lone} character` }
        json.doc.content[0].content.push({
          type: 'numbered_paragraph',
          attrs: { id: 'p9' },
          content: [text]
        })
        let error: unknown
        try {
          parseReport(JSON.stringify(json))
        } catch (caught) {
          error = caught
        }
        expect(error).toBeInstanceOf(ReportFileError)
        expect((error as Error).message).toMatch(/doc\.content\[0\]\.content\[\d+\]/)
        expect((error as Error).message).toContain('lone UTF-16 surrogate')
      })
    )
  })
})
