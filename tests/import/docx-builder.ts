import { strToU8, zipSync, type Zippable } from 'fflate'

/**
 * Hand-made .docx files for import tests: the XML parts are written out in
 * the test, so what Word would store (styles, numbering definitions,
 * footnotes, fields) is visible and exact.
 */

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

/** XML-escapes text. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** A run of text, optionally bold/italic. */
export function run(text: string, format: { b?: boolean; i?: boolean } = {}): string {
  const properties = `${format.b ? '<w:b/>' : ''}${format.i ? '<w:i/>' : ''}`
  return `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`
}

/** A paragraph with a style, optional Word numbering and inner XML (runs). */
export function para(
  style: string,
  inner: string,
  numbering?: { numId: number; ilvl?: number }
): string {
  const numPr = numbering
    ? `<w:numPr><w:ilvl w:val="${numbering.ilvl ?? 0}"/><w:numId w:val="${numbering.numId}"/></w:numPr>`
    : ''
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/>${numPr}</w:pPr>${inner}</w:p>`
}

/** The styles part: Normal, Title, headings (localized ids, English names), a numbered style and Strong. */
export const STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${NS}>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
    <w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>
    <w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
  <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Paras"><w:name w:val="Numbered Paras"/><w:basedOn w:val="Normal"/>
    <w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>`

function level(ilvl: number, format: string, text: string, start = 1): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`
}

/**
 * Numbering definitions: 1 = paragraphs (1.), 2 = agenda (1., (a)), 3 and 5 =
 * sub-paragraph lists ((a), (i)) as two instances of one definition, the
 * second restarting; 4 = chapters (I.).
 */
export const NUMBERING_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${NS}>
  <w:abstractNum w:abstractNumId="10">${level(0, 'decimal', '%1.')}</w:abstractNum>
  <w:abstractNum w:abstractNumId="20">${level(0, 'decimal', '%1.')}${level(1, 'lowerLetter', '(%2)')}</w:abstractNum>
  <w:abstractNum w:abstractNumId="30">${level(0, 'lowerLetter', '(%1)')}${level(1, 'lowerRoman', '(%2)')}</w:abstractNum>
  <w:abstractNum w:abstractNumId="40">${level(0, 'upperRoman', '%1.')}</w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="30"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="40"/></w:num>
  <w:num w:numId="5"><w:abstractNumId w:val="30"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>`

/** A document part around body XML. */
export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${NS}><w:body>${body}<w:sectPr/></w:body></w:document>`
}

/** A footnotes part with the given footnotes (id → inner paragraph XML). */
export function footnotesXml(notes: Record<number, string>): string {
  const items = Object.entries(notes)
    .map(
      ([id, inner]) =>
        `<w:footnote w:id="${id}"><w:p><w:r><w:footnoteRef/></w:r>${inner}</w:p></w:footnote>`
    )
    .join('')
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes ${NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>${items}</w:footnotes>`
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`

const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`

/** The document relationships part, with external hyperlink targets (id → address). */
export function documentRels(links: Record<string, string>): string {
  const items = Object.entries(links)
    .map(
      ([id, target]) =>
        `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${esc(target)}" TargetMode="External"/>`
    )
    .join('')
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`
}

/** A .docx archive of the given parts (path → XML); the package boilerplate is added. */
export function docx(parts: Record<string, string | Uint8Array>): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(PACKAGE_RELS)
  }
  for (const [path, content] of Object.entries(parts))
    files[path] = typeof content === 'string' ? strToU8(content) : content
  return zipSync(files)
}
