import { editPart, partText, type PackageParts } from './package'

/**
 * Parts put the way Word writes them where the `docx` library writes them
 * otherwise: footnote separators without a reference mark, the separators
 * named in the settings, a font table that lists the fonts, the character
 * styles Word always defines, right-to-left sections. One small function per
 * concern; `finishLikeWord` runs them all.
 */

/** What the font table says about a font Word needs to substitute it well. */
interface FontFacts {
  panose: string
  charset: string
  family: 'roman' | 'swiss' | 'auto'
}

/** The fonts the export names, as Word's font table describes them. */
const KNOWN_FONTS: Record<string, FontFacts> = {
  'Times New Roman': { panose: '02020603050405020304', charset: '00', family: 'roman' },
  SimSun: { panose: '02010600030101010101', charset: '86', family: 'auto' },
  'Simplified Arabic': { panose: '02020603050405020304', charset: 'B2', family: 'roman' },
  Arial: { panose: '020B0604020202020204', charset: '00', family: 'swiss' }
}

/**
 * Footnote and endnote separators hold the separator alone: the `docx`
 * library puts a footnote reference mark in front of it, which Word shows
 * as a stray number above the separator line in some views.
 */
export function separatorsWithoutMark(xml: string): string {
  return xml.replace(
    /(<w:(?:footnote|endnote) w:type="(?:separator|continuationSeparator)"[^>]*>[\s\S]*?)<w:r><w:rPr><w:rStyle w:val="(?:Footnote|Endnote)Reference"\/><\/w:rPr><w:(?:footnote|endnote)Ref\/><\/w:r>/g,
    '$1'
  )
}

/** Settings naming the separator notes (ids -1 and 0), as Word writes them, before `w:compat`. */
export function settingsWithNoteSeparators(xml: string): string {
  if (xml.includes('<w:footnotePr>')) return xml
  const notes =
    '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>' +
    '<w:endnotePr><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr>'
  const at = xml.indexOf('<w:compat>')
  return at < 0
    ? xml.replace('</w:settings>', `${notes}</w:settings>`)
    : xml.slice(0, at) + notes + xml.slice(at)
}

/** Font names the styles and numbering name (`w:rFonts`), in first-use order. */
export function namedFonts(...xmls: string[]): string[] {
  const names = new Set<string>()
  for (const xml of xmls)
    for (const match of xml.matchAll(/w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"/g))
      names.add(match[1])
  return [...names]
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** A font table listing `fonts` (Word fills an empty one on save; other readers substitute blindly). */
export function fontTableWith(xml: string, fonts: readonly string[]): string {
  const entries = fonts
    .map((name) => {
      const facts = KNOWN_FONTS[name]
      const details = facts
        ? `<w:panose1 w:val="${facts.panose}"/><w:charset w:val="${facts.charset}"/><w:family w:val="${facts.family}"/><w:pitch w:val="variable"/>`
        : '<w:family w:val="auto"/><w:pitch w:val="variable"/>'
      return `<w:font w:name="${escapeAttribute(name)}">${details}</w:font>`
    })
    .join('')
  return xml.replace(/<w:fonts([^>]*?)\/>$/, `<w:fonts$1>${entries}</w:fonts>`)
}

const DEFAULT_PARAGRAPH_FONT =
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">' +
  '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'

const STRONG =
  '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/>' +
  '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="22"/><w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>'

/**
 * Styles as Word defines them: "Default Paragraph Font" (which other
 * character styles are based on) defined, and "Strong" a character style,
 * not a paragraph style.
 */
export function stylesLikeWord(xml: string): string {
  let out = xml.replace(
    /<w:style w:type="paragraph" w:styleId="Strong">[\s\S]*?<\/w:style>/,
    STRONG
  )
  if (!out.includes('w:styleId="DefaultParagraphFont"')) {
    const normal =
      /<w:style w:type="paragraph"[^>]*w:styleId="Normal"[^>]*>[\s\S]*?<\/w:style>/.exec(out)
    const at = normal ? normal.index + normal[0].length : out.indexOf('</w:styles>')
    out = out.slice(0, at) + DEFAULT_PARAGRAPH_FONT + out.slice(at)
  }
  return out
}

/** The document's last section marked right to left (`w:bidi`), where Word puts it: before `w:docGrid`. */
export function rightToLeftSection(xml: string): string {
  const start = xml.lastIndexOf('<w:sectPr')
  if (start < 0 || xml.indexOf('<w:bidi/>', start) >= 0) return xml
  const grid = xml.indexOf('<w:docGrid', start)
  const at = grid >= 0 ? grid : xml.indexOf('</w:sectPr>', start)
  return xml.slice(0, at) + '<w:bidi/>' + xml.slice(at)
}

/**
 * Footnotes with a symbol for a mark ("*") show that symbol in the footnote
 * too, where the library writes the automatic number (`w:footnoteRef`).
 */
export function customMarkNotes(xml: string, marks: ReadonlyMap<number, string>): string {
  let out = xml
  for (const [id, mark] of marks) {
    const start = out.indexOf(`<w:footnote w:id="${id}">`)
    if (start < 0) continue
    const ref = out.indexOf('<w:footnoteRef/>', start)
    const end = out.indexOf('</w:footnote>', start)
    if (ref < 0 || ref > end) continue
    out = out.slice(0, ref) + `<w:t>${mark}</w:t>` + out.slice(ref + '<w:footnoteRef/>'.length)
  }
  return out
}

/** Options of `finishLikeWord`. */
export interface FinishOptions {
  /** An Arabic report: its section reads right to left. */
  rightToLeft: boolean
  /** Footnotes marked with a symbol, by id. */
  customMarks: ReadonlyMap<number, string>
}

/** Every fix above, on a compiled package. */
export function finishLikeWord(parts: PackageParts, options: FinishOptions): void {
  editPart(parts, 'word/footnotes.xml', (xml) =>
    customMarkNotes(separatorsWithoutMark(xml), options.customMarks)
  )
  editPart(parts, 'word/endnotes.xml', separatorsWithoutMark)
  editPart(parts, 'word/settings.xml', settingsWithNoteSeparators)
  editPart(parts, 'word/styles.xml', stylesLikeWord)
  const fonts = namedFonts(
    partText(parts, 'word/styles.xml') ?? '',
    partText(parts, 'word/numbering.xml') ?? ''
  )
  editPart(parts, 'word/fontTable.xml', (xml) => fontTableWith(xml, fonts))
  if (options.rightToLeft) editPart(parts, 'word/document.xml', rightToLeftSection)
}
