import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync, strFromU8 } from 'fflate'
import validate, { ready } from '@ooxml-tools/validate'
import { reportToDocx } from '../../src/core/docx/index'
import { readHouseTemplate } from '../../src/core/docx/house-template'
import { sampleReport } from '../fixtures/sample-report'

/**
 * A house template's headers and footers in the export (the LibreOffice-made
 * template of tests/fixtures/house-template has a default header holding the
 * emblem and no footer): its header takes the place of Rapporteur's on the
 * pages after the first, odd and even, emblem picture included; page 1 and
 * the footers stay Rapporteur's; the package still validates.
 */

const FOLDER = join(__dirname, '../fixtures/house-template')
const emblem = new Uint8Array(readFileSync(join(FOLDER, 'emblem.png')))

/** The header or footer part each of the last section's references names, by "kind:type". */
function headerParts(files: Record<string, Uint8Array>): Map<string, string> {
  const document = strFromU8(files['word/document.xml'])
  const rels = strFromU8(files['word/_rels/document.xml.rels'])
  const section = document.slice(document.lastIndexOf('<w:sectPr'))
  const out = new Map<string, string>()
  for (const match of section.matchAll(
    /<w:(header|footer)Reference w:type="(\w+)" r:id="([^"]+)"\/>/g
  )) {
    const target = new RegExp(`Id="${match[3]}"[^>]*Target="([^"]+)"`).exec(rels)![1]
    out.set(`${match[1]}:${match[2]}`, `word/${target}`)
  }
  return out
}

/** The pictures a header part shows, as bytes, through its relationships. */
function pictures(files: Record<string, Uint8Array>, part: string): Uint8Array[] {
  const xml = strFromU8(files[part])
  const rels = strFromU8(files[part.replace('word/', 'word/_rels/') + '.rels'] ?? new Uint8Array())
  return [...xml.matchAll(/<a:blip r:embed="([^"]+)"/g)].map((blip) => {
    const target = new RegExp(`Id="${blip[1]}"[^>]*Target="([^"]+)"`).exec(rels)![1]
    return files[`word/${target}`]
  })
}

const same = (a: Uint8Array | undefined, b: Uint8Array) =>
  a !== undefined && a.length === b.length && a.every((byte, i) => byte === b[i])

describe("a house template's headers and footers", () => {
  let withTemplate: Uint8Array
  let files: Record<string, Uint8Array>
  let builtIn: Record<string, Uint8Array>
  beforeAll(async () => {
    const template = readHouseTemplate(
      new Uint8Array(readFileSync(join(FOLDER, 'house-template.docx')))
    )
    expect(template.headersFooters.map((part) => `${part.kind}:${part.type}`)).toEqual([
      'header:default'
    ])
    withTemplate = await reportToDocx(sampleReport(), { template })
    files = unzipSync(withTemplate)
    builtIn = unzipSync(await reportToDocx(sampleReport()))
  })

  it('puts the template header, with its emblem, on the pages after the first (odd and even)', () => {
    const parts = headerParts(files)
    for (const type of ['default', 'even']) {
      const part = parts.get(`header:${type}`)!
      const shown = pictures(files, part)
      expect(shown, type).toHaveLength(1)
      expect(same(shown[0], emblem), type).toBe(true)
      // Rapporteur's running head (the document symbol) is gone from it.
      expect(strFromU8(files[part])).not.toContain('CTOC/COP/WG.7/2024/')
    }
    // The built-in header of those pages has the running head and no picture.
    const builtInDefault = headerParts(builtIn).get('header:default')!
    expect(strFromU8(builtIn[builtInDefault])).toContain('<w:t')
    expect(pictures(builtIn, builtInDefault)).toHaveLength(0)
  })

  it("keeps Rapporteur's first page and footers where the template has none", () => {
    const parts = headerParts(files)
    const builtInParts = headerParts(builtIn)
    // Drawing ids aside (the template's emblem in the masthead shifts them).
    const text = (data: Uint8Array) => strFromU8(data).replace(/(<wp:docPr\b[^>]*\bid=")\d+/g, '$1')
    for (const key of ['header:first', 'footer:default', 'footer:first', 'footer:even'])
      expect(text(files[parts.get(key)!]), key).toBe(text(builtIn[builtInParts.get(key)!]))
  })

  it('declares the picture type and gives each drawing its own id', () => {
    const types = strFromU8(files['[Content_Types].xml'])
    expect(types).toMatch(/Extension="png"/)
    const ids = Object.entries(files)
      .filter(([path]) => /^word\/(document|header\d+|footer\d+)\.xml$/.test(path))
      .flatMap(([, data]) => [...strFromU8(data).matchAll(/<wp:docPr\b[^>]*\bid="(\d+)"/g)])
      .map((match) => match[1])
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('passes the Open XML SDK validator', async () => {
    await ready()
    const errors = await validate(withTemplate, 'docx', 'Microsoft365')
    expect(errors.map((e) => `${e.path.partUri} ${e.path.xpath}: ${e.description}`)).toEqual([])
  }, 180_000)
})
