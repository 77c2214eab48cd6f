import fc from 'fast-check'
import { strToU8, zipSync, type Zippable } from 'fflate'
import { importDocx, ImportError } from '../../src/core/import'
import { IMPORT_BUDGETS } from '../../src/core/import/budgets'
import { NUMBERING_XML, STYLES_XML, documentXml, para, run } from '../import/docx-builder'

/**
 * Generated families of Word files built to exhaust an importer: lists that
 * start at huge numbers, fields opened and never closed, XML whose parsed form
 * would not fit in memory. Each must be refused quickly with a message that
 * names the budget, and everything within the budgets must still import.
 */

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`
const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`

/** A .docx of these parts, stored without compression (so no zip-bomb check interferes). */
function storedDocx(parts: Record<string, string>): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(PACKAGE_RELS)
  }
  for (const [path, content] of Object.entries(parts)) files[path] = strToU8(content)
  return zipSync(files, { level: 0 })
}

/** The import's error, or null when it imported. */
function refusal(bytes: Uint8Array): ImportError | null {
  try {
    importDocx(bytes)
    return null
  } catch (error) {
    if (error instanceof ImportError) return error
    throw error
  }
}

/** The import's error (or null) and the milliseconds it took to come. */
function timedRefusal(bytes: Uint8Array): { error: ImportError | null; ms: number } {
  const start = performance.now()
  const error = refusal(bytes)
  return { error, ms: performance.now() - start }
}

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
const FORMATS = [
  'upperRoman',
  'lowerRoman',
  'lowerLetter',
  'upperLetter',
  'decimal',
  'chineseCounting',
  'russianLower',
  'arabicAlpha'
]

function numberingWithStart(start: string, format: string, override: boolean): string {
  const level = `<w:lvl w:ilvl="0"><w:start w:val="${override ? 1 : start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="%1."/></w:lvl>`
  const lvlOverride = override
    ? `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="${start}"/></w:lvlOverride>`
    : ''
  return `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${NS}><w:abstractNum w:abstractNumId="1">${level}</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="1"/>${lvlOverride}</w:num></w:numbering>`
}

function listDocument(start: string, format: string, override: boolean): Uint8Array {
  const body = [1, 2, 3].map((i) => para('Normal', run(`Item ${i}`), { numId: 7 })).join('')
  return storedDocx({
    'word/document.xml': documentXml(body),
    'word/styles.xml': STYLES_XML,
    'word/numbering.xml': numberingWithStart(start, format, override)
  })
}

describe('import budgets', () => {
  it('refuses list start values past the budget, in every number format, quickly', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: BigInt(IMPORT_BUDGETS.listStart) + 1n, max: 10n ** 15n }),
        fc.constantFrom(...FORMATS),
        fc.boolean(),
        (start, format, override) => {
          const { error, ms } = timedRefusal(listDocument(String(start), format, override))
          expect(error).not.toBeNull()
          expect(error?.message).toContain("budget of 32,767 for a list's start value")
          expect(ms).toBeLessThan(1_000)
        }
      ),
      { numRuns: 25, endOnFailure: true }
    )
  })

  it('imports lists that start anywhere within the budget', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: IMPORT_BUDGETS.listStart }),
        fc.constantFrom(...FORMATS),
        fc.boolean(),
        (start, format, override) => {
          expect(refusal(listDocument(String(start), format, override))).toBeNull()
        }
      ),
      { numRuns: 25 }
    )
  })

  it('refuses fields nested past the budget, however many are left open', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: IMPORT_BUDGETS.openFields + 1, max: 4_000 }),
        fc.boolean(),
        (open, separated) => {
          const begin = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF p1 </w:instrText></w:r>${separated ? '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' : ''}${run('x')}`
          const bytes = storedDocx({
            'word/document.xml': documentXml(`<w:p>${begin.repeat(open)}</w:p>`)
          })
          const { error, ms } = timedRefusal(bytes)
          expect(error?.message).toContain(
            `more than ${IMPORT_BUDGETS.openFields} fields inside one another`
          )
          expect(ms).toBeLessThan(8_000)
        }
      ),
      { numRuns: 6, endOnFailure: true }
    )
  })

  it('still reads text and links under as many open fields as the budget allows', () => {
    // Fields opened up to the budget and never closed, then runs of text: the open fields are
    // weighed once per change, not once per run, and what they do still applies.
    const opened =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK "https://example.org/"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'.repeat(
        IMPORT_BUDGETS.openFields
      )
    const runs = Array.from({ length: 2_000 }, (_, i) => run(`word${i} `)).join('')
    const bytes = storedDocx({ 'word/document.xml': documentXml(`<w:p>${opened}${runs}</w:p>`) })
    const { report } = importDocx(bytes)
    const links = new Set<string>()
    report.doc.descendants((node) => {
      for (const mark of node.marks)
        if (mark.type.name === 'link') links.add(mark.attrs.href as string)
    })
    expect([...links]).toEqual(['https://example.org/'])
  })

  it('refuses XML whose parsed form would exceed the memory budget, before parsing it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          '<w:p/>',
          '<w:p><w:r/></w:p>',
          '<w:p w:a="1" w:b="2"/>',
          '<w:bookmarkStart w:id="1"/>'
        ),
        (element) => {
          // Enough copies that the estimate passes the budget by a little.
          const copies =
            Math.ceil(IMPORT_BUDGETS.xmlMemoryBytes / (900 * element.split('<').length - 900)) + 1
          const bytes = storedDocx({ 'word/document.xml': documentXml(element.repeat(copies)) })
          const { error, ms } = timedRefusal(bytes)
          expect(error?.message).toMatch(
            /would take about [\d,]+ MB of memory to read, more than the import budget of 1,024 MB/
          )
          expect(ms).toBeLessThan(5_000)
        }
      ),
      { numRuns: 4, endOnFailure: true }
    )
  }, 60_000)

  it('still imports an ordinary Word file well within the budgets', () => {
    const body = Array.from({ length: 2_000 }, (_, i) =>
      para('Paras', run(`Paragraph ${i}.`), { numId: 1 })
    ).join('')
    const bytes = storedDocx({
      'word/document.xml': documentXml(body),
      'word/styles.xml': STYLES_XML,
      'word/numbering.xml': NUMBERING_XML
    })
    expect(refusal(bytes)).toBeNull()
  })
})
