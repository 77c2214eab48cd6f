import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { settledDocument } from '../../src/core/review/changes'
import { importDocx, ImportError } from '../../src/core/import'
import { reportToDocx } from '../../src/core/docx/index'
import { sampleReport } from '../fixtures/sample-report'
import { sampleReportZh } from '../fixtures/sample-report-zh'
import type { Report } from '../../src/core/report-file'
import {
  docx,
  documentRels,
  documentXml,
  footnotesXml,
  NUMBERING_XML,
  para,
  run,
  STYLES_XML
} from './docx-builder'
import { statsOf } from './helpers'

const REF = (result: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF _Ref1 \\r \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`

/** A small report as a person would type it in Word, with Word numbering throughout. */
function handMadeDocx(): Uint8Array {
  const body = [
    para('Normal', run('Working Group on Tests')),
    para('Normal', run('Vienna, 1–2 May 2025')),
    para('Title', run('Draft report')),
    para('berschrift1', run('Introduction')),
    para(
      'Paras',
      run('First paragraph with ') +
        run('bold', { b: true }) +
        run(' and ') +
        run('italic', { i: true }) +
        run(' text, ') +
        '<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>strong</w:t></w:r>' +
        run(' text and a ') +
        '<w:hyperlink r:id="rId9">' +
        run('link') +
        '</w:hyperlink>' +
        run('.') +
        '<w:r><w:footnoteReference w:id="1"/></w:r>'
    ),
    para('Paras', run('The Working Group adopted the following agenda:')),
    para('Normal', run('Organizational matters:'), { numId: 2, ilvl: 0 }),
    para('Normal', run('Opening of the meeting;'), { numId: 2, ilvl: 1 }),
    para('Normal', run('Adoption of the agenda.'), { numId: 2, ilvl: 1 }),
    para('Normal', run('Other matters.'), { numId: 2, ilvl: 0 }),
    para('berschrift1', run('Recommendations')),
    para('berschrift2', run('A.\tGeneral recommendations')),
    para('Paras', run('The Working Group had before it:')),
    para('Normal', run('The provisional agenda (A/78/1);'), { numId: 3, ilvl: 0 }),
    para('Normal', run('its annex;'), { numId: 3, ilvl: 1 }),
    para('Normal', run('A note by the Secretariat.'), { numId: 3, ilvl: 0 }),
    para('Normal', run('Recommendation 1')),
    para('Normal', run('States should act, as noted in paragraph ') + REF('1') + run(' above.')),
    para('Paras', run('Another list follows:')),
    para('Normal', run('A list that starts again.'), { numId: 5, ilvl: 0 }),
    para('Normal', run('5. A paragraph whose number was typed.'))
  ].join('')
  return docx({
    'word/document.xml': documentXml(body),
    'word/styles.xml': STYLES_XML,
    'word/numbering.xml': NUMBERING_XML,
    'word/footnotes.xml': footnotesXml({ 1: run('See the note (A/78/2).') }),
    'word/_rels/document.xml.rels': documentRels({ rId9: 'https://example.org/page' })
  })
}

describe('Word import of a hand-made .docx with Word numbering', () => {
  it('reads chapters, sections, numbered paragraphs, lists and references from styles and numbering.xml', () => {
    const { report, notes } = importDocx(handMadeDocx())
    expect(statsOf(report)).toEqual({
      language: 'en',
      masthead: {
        body: 'Working Group on Tests',
        meeting: 'Vienna, 1–2 May 2025',
        title: 'Draft report'
      },
      chapters: [
        { label: 'I.', title: 'Introduction', sections: [] },
        {
          label: 'II.',
          title: 'Recommendations',
          sections: [{ label: 'A.', title: 'General recommendations' }]
        }
      ],
      numberedParagraphs: 5,
      recommendations: ['Recommendation 1'],
      recommendationsBySection: { 'II.A.': [1] },
      lists: [
        { inParagraph: 2, items: ['1.', '(a)', '(b)', '2.'] },
        { inParagraph: 3, items: ['(a)', '(i)', '(b)'] },
        { inParagraph: 4, items: ['(a)'] }
      ],
      footnotes: 1,
      crossReferences: [{ in: 'Recommendation 1', to: 'paragraph 1', broken: false }],
      documentSymbols: ['A/78/1', 'A/78/2'],
      squareBrackets: []
    })
    expect(notes).toEqual([])
  })

  it('keeps bold, italic, links and the footnote text', () => {
    const { report } = importDocx(handMadeDocx())
    const first = report.doc.firstChild!.child(1)
    const marked = (name: string) => {
      const found: string[] = []
      first.forEach((node) => {
        if (node.marks.some((mark) => mark.type.name === name)) found.push(node.text ?? '')
      })
      return found
    }
    expect(marked('bold')).toEqual(['bold', 'strong'])
    expect(marked('italic')).toEqual(['italic'])
    expect(marked('link')).toEqual(['link'])
    let href = ''
    let footnote = ''
    first.forEach((node) => {
      const link = node.marks.find((mark) => mark.type.name === 'link')
      if (link) href = link.attrs.href as string
      if (node.type.name === 'footnote') footnote = node.textContent
    })
    expect(href).toBe('https://example.org/page')
    expect(footnote).toBe('See the note (A/78/2).')
  })
})

describe('Word import: paragraph numbering that starts again', () => {
  it('keeps the paragraphs of the paragraph list as paragraphs, numbered in sequence, with a note', () => {
    // numId 6 restarts the paragraph definition (abstract 10) in chapter II, as careless copying does.
    const numbering = NUMBERING_XML.replace(
      '</w:numbering>',
      '<w:num w:numId="6"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>'
    )
    const body = [
      para('berschrift1', run('Introduction')),
      para('Normal', run('The Working Group met in Vienna.'), { numId: 6 }),
      para('Normal', run('It adopted the agenda of the session.'), { numId: 6 }),
      para('berschrift1', run('Deliberations')),
      para('Normal', run('The speakers noted the importance of the work.'), { numId: 1 }),
      para('Normal', run('They thanked the Secretariat for its support.'), { numId: 1 })
    ].join('')
    const { report, notes } = importDocx(
      docx({
        'word/document.xml': documentXml(body),
        'word/styles.xml': STYLES_XML,
        'word/numbering.xml': numbering
      })
    )
    expect(statsOf(report).numberedParagraphs).toBe(4)
    expect(statsOf(report).lists).toEqual([])
    expect(notes.map((note) => note.message)).toEqual([
      'Word numbers this paragraph 1 (its numbering starts again) — it is paragraph 3 now'
    ])
  })
})

describe('Word import: what cannot come along is said', () => {
  it('keeps tracked changes as suggestions; leaves out pictures, heading footnotes and comments without text, saying so', () => {
    const body = [
      para('berschrift1', run('Introduction') + '<w:r><w:footnoteReference w:id="1"/></w:r>'),
      para(
        'Paras',
        run('The Working Group ') +
          '<w:del w:id="1" w:author="A"><w:r><w:delText>rejected</w:delText></w:r></w:del>' +
          '<w:ins w:id="2" w:author="A">' +
          run('adopted') +
          '</w:ins>' +
          run(' the report.') +
          '<w:r><w:commentReference w:id="0"/></w:r>' +
          '<w:r><w:drawing/></w:r>'
      )
    ].join('')
    const { report, notes } = importDocx(
      docx({
        'word/document.xml': documentXml(body),
        'word/styles.xml': STYLES_XML,
        'word/numbering.xml': NUMBERING_XML,
        'word/footnotes.xml': footnotesXml({ 1: run('A note on the title.') })
      })
    )
    // The changes stay to be settled: both words are there, one suggested for deletion.
    expect(report.doc.firstChild!.child(1).textContent).toBe(
      'The Working Group rejectedadopted the report.'
    )
    expect(settledDocument(report.doc, 'accept').firstChild!.child(1).textContent).toBe(
      'The Working Group adopted the report.'
    )
    expect(settledDocument(report.doc, 'reject').firstChild!.child(1).textContent).toBe(
      'The Working Group rejected the report.'
    )
    expect(notes.map((note) => note.message)).toEqual([
      '1 Word comment mark(s) had no comment text and were left out',
      '1 picture was left out: reports hold text only',
      'a footnote in this heading was left out: headings cannot hold footnotes'
    ])
  })
})

describe('Word import: equations, text boxes and cover pages keep their text, with a note', () => {
  const texts = (report: Report) => {
    const found: string[] = []
    report.doc.descendants((node) => {
      if (node.isTextblock && node.type.name !== 'heading') found.push(node.textContent)
      return !node.isTextblock
    })
    return found
  }

  it('reads the text boxes of a file LibreOffice wrote (drawing and its older copy) once, after their paragraph', () => {
    const bytes = new Uint8Array(
      readFileSync(resolve(__dirname, '../fixtures/import/text-box.libreoffice.docx'))
    )
    const { report, notes } = importDocx(bytes)
    expect(texts(report)).toEqual([
      'The Working Group met in Vienna.',
      'Box: the key figures of the year.',
      'Second line of the box.',
      'The energy is  as measured.',
      'Closing paragraph.'
    ])
    expect(notes.map((note) => note.message)).toContain(
      'the text of 1 text box was kept as paragraphs after the paragraph that held it — check where it belongs'
    )
    expect(notes.some((note) => /picture/.test(note.message))).toBe(false)
  })

  it("holds an equation's place with its text and keeps a cover page's text, saying so", () => {
    const math = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
    const body = [
      '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Cover Pages"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>' +
        para('Normal', run('Annual review of the Working Group')) +
        '</w:sdtContent></w:sdt>',
      para('berschrift1', run('Introduction')),
      para(
        'Paras',
        run('The growth rate is ') +
          `<m:oMath ${math}><m:r><m:t>g=</m:t></m:r><m:f><m:num><m:r><m:t>Δy</m:t></m:r></m:num><m:den><m:r><m:t>y</m:t></m:r></m:den></m:f></m:oMath>` +
          run(' each year.')
      )
    ].join('')
    const { report, notes } = importDocx(
      docx({
        'word/document.xml': documentXml(body),
        'word/styles.xml': STYLES_XML,
        'word/numbering.xml': NUMBERING_XML
      })
    )
    // The cover page's line is above the first chapter: the masthead reads it as the body's name.
    expect(report.meta.masthead.subsidiaryBody).toBe('Annual review of the Working Group')
    expect(texts(report)).toEqual(['The growth rate is [equation: g=(Δy)/y] each year.'])
    const messages = notes.map((note) => note.message)
    expect(messages).toContain(
      '1 equation was replaced by its text in brackets ("[equation: …]"): a report holds no equations — write it out in words or remove it'
    )
    expect(messages).toContain(
      "the Word cover page's text was kept at the start of the report (the masthead takes what it recognizes) — check it"
    )
  })
})

describe('round trip: export to .docx, import again', () => {
  const roundTrip = async (report: Report) => importDocx(await reportToDocx(report))

  it('keeps the structure of the English sample report', async () => {
    const original = sampleReport()
    const { report, notes } = await roundTrip(original)
    expect(statsOf(report)).toEqual(statsOf(original))
    expect(notes).toEqual([])
    expect(report.meta.masthead).toEqual(original.meta.masthead)
  })

  it('keeps the structure of the Chinese sample report', async () => {
    const original = sampleReportZh()
    const { report } = await roundTrip(original)
    expect(statsOf(report)).toEqual(statsOf(original))
    expect(report.meta.masthead).toEqual(original.meta.masthead)
  })
})

describe('hostile and wrong files', () => {
  const refused = (bytes: Uint8Array, message: RegExp, code?: string) => {
    let error: unknown
    try {
      importDocx(bytes)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ImportError)
    expect((error as Error).message).toMatch(message)
    if (code) expect((error as ImportError).code).toBe(code)
  }

  it('refuses files that are not zip archives, naming what they are', () => {
    refused(strToU8('just some text'), /not a Word \(\.docx\) file/, 'not-docx')
    refused(
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      /Word 97–2003/,
      'old-word-format'
    )
    refused(strToU8('%PDF-1.7\n...'), /This is a PDF/)
    // Word keeps a password-protected .docx in a compound file whose directory names an
    // "EncryptedPackage" stream (names in UTF-16): that is no old .doc.
    const encrypted = new Uint8Array(1024)
    encrypted.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    const name = 'EncryptedPackage'
    for (let index = 0; index < name.length; index++)
      encrypted[512 + index * 2] = name.charCodeAt(index)
    refused(encrypted, /protected with a password: remove the password in Word/, 'protected')
    refused(new Uint8Array(0), /not a Word/)
  })

  it('tells any password-protected Word file from an old .doc, wherever its directory names the package', () => {
    const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
    const utf16 = (name: string) => [...name].flatMap((char) => [char.charCodeAt(0), 0])
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 16_384 }),
        fc.nat(),
        fc.boolean(),
        (body, place, protectedFile) => {
          const bytes = new Uint8Array([...SIGNATURE, ...body])
          if (protectedFile) {
            const name = utf16('EncryptedPackage')
            const grown = new Uint8Array(Math.max(bytes.length, SIGNATURE.length + name.length))
            grown.set(bytes)
            grown.set(
              name,
              SIGNATURE.length + (place % (grown.length - SIGNATURE.length - name.length + 1))
            )
            refused(grown, /protected with a password/, 'protected')
          } else refused(bytes, /Word 97–2003/, 'old-word-format')
        }
      ),
      { numRuns: 200 }
    )
  })

  it('refuses a damaged (truncated) archive', () => {
    const bytes = handMadeDocx()
    refused(bytes.subarray(0, Math.floor(bytes.length / 2)), /damaged/, 'damaged-zip')
  })

  it('refuses a zip that is not a Word document', () => {
    refused(zipSync({ 'content.xml': strToU8('<office/>') }), /no word\/document\.xml/, 'not-docx')
  })

  it('refuses a zip bomb before inflating it', () => {
    const bomb = docx({ 'word/document.xml': new Uint8Array(16 * 1024 * 1024) })
    expect(bomb.length).toBeLessThan(100_000)
    refused(bomb, /compressed more than 200 times/, 'zip-bomb')
  })

  it('refuses an entry that claims to unpack beyond the limit', () => {
    const bytes = docx({ 'word/document.xml': strToU8(documentXml(para('Normal', run('x')))) })
    // Patch the central directory's uncompressed size of word/document.xml to 2 GB.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    for (let at = bytes.length - 22; at >= 0; at--) {
      if (view.getUint32(at, true) !== 0x02014b50) continue
      const nameLength = view.getUint16(at + 28, true)
      const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength))
      if (name === 'word/document.xml') view.setUint32(at + 24, 0x7fffffff, true)
    }
    refused(bytes, /would unpack to 2048 MB/, 'zip-bomb')
  })

  it('refuses XML with a document type or entities (external or billion-laughs)', () => {
    const external = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${documentXml(
      para('Normal', run('&xxe;'))
    ).replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '')}`
    refused(
      docx({ 'word/document.xml': external }),
      /declares a document type or entities/,
      'unsafe-xml'
    )
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><lolz>&lol2;</lolz>`
    refused(docx({ 'word/document.xml': laughs }), /declares a document type/, 'unsafe-xml')
  })

  it('refuses content nested thousands deep without overflowing', () => {
    const inner = '<w:ins>'.repeat(20_000) + run('deep') + '</w:ins>'.repeat(20_000)
    refused(
      docx({ 'word/document.xml': documentXml(`<w:p>${inner}</w:p>`) }),
      /nested too deeply/,
      'unreadable'
    )
  })

  it('refuses malformed XML with the part named', () => {
    refused(
      docx({ 'word/document.xml': '<w:document><w:body><w:p>' }),
      /word\/document\.xml is damaged/,
      'damaged-xml'
    )
  })
})
