import { strFromU8, unzipSync } from 'fflate'
import { editPart, partText, type PackageParts } from './package'
import {
  applyTemplateHeadersFooters,
  readTemplateHeadersFooters,
  type TemplateHeaderFooter
} from './house-headers'

/**
 * An office's house template (.dotx or .docx) applied to the export: its
 * styles and document defaults, theme, page size and margins replace the
 * built-in ones, its headers and footers replace Rapporteur's (`house-headers.ts`),
 * and the first picture in it (the organization's emblem,
 * which Rapporteur does not ship) stands in the masthead's emblem column.
 * Structure, numbering and fields stay Rapporteur's: a style that carries
 * Rapporteur's paragraph numbering keeps it.
 */

/** What the export takes from a house template. */
export interface HouseTemplate {
  /** The template's `w:docDefaults` element. */
  defaults: string | null
  /** The template's styles by style id, each a whole `w:style` element. */
  styles: Map<string, string>
  /** The template's theme part, if it has one. */
  theme: string | null
  /** The template's `w:pgSz` and `w:pgMar` elements (page size and margins). */
  pageSize: string | null
  pageMargins: string | null
  /** The emblem: the first picture of the template's headers or body, and its size in pixels (96 dpi). */
  emblem: {
    data: Uint8Array
    type: 'png' | 'jpg' | 'gif' | 'bmp'
    width: number
    height: number
  } | null
  /** The template's headers and footers (with their pictures), which replace Rapporteur's. */
  headersFooters: TemplateHeaderFooter[]
}

/** A house template is a small file; anything larger is refused before it is unzipped. */
const MAX_TEMPLATE_BYTES = 20 * 1024 * 1024

const EMU_PER_PIXEL = 9525

function lastMatch(xml: string, pattern: RegExp): string | null {
  const all = [...xml.matchAll(pattern)]
  return all.length ? all[all.length - 1][0] : null
}

/** The emblem picture of the template: the first `a:blip` in its headers, then its body. */
function findEmblem(files: Record<string, Uint8Array>): HouseTemplate['emblem'] {
  const parts = Object.keys(files)
    .filter((path) => /^word\/(header\d*|document)\.xml$/.test(path))
    .sort((a, b) => Number(b.includes('header')) - Number(a.includes('header')))
  for (const part of parts) {
    const xml = strFromU8(files[part])
    const blip = /<a:blip [^>]*r:embed="([^"]+)"/.exec(xml)
    if (!blip) continue
    const rels = files[part.replace(/^word\//, 'word/_rels/') + '.rels']
    if (!rels) continue
    const target = new RegExp(`Id="${blip[1]}"[^>]*Target="([^"]+)"`).exec(strFromU8(rels))
    const media = target && files[`word/${target[1].replace(/^\//, '').replace(/^word\//, '')}`]
    const extension = target?.[1].split('.').pop()?.toLowerCase()
    const type = extension === 'jpeg' ? 'jpg' : extension
    if (!media || !(type === 'png' || type === 'jpg' || type === 'gif' || type === 'bmp')) continue
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"/.exec(xml.slice(0, blip.index))
    const width = extent ? Number(extent[1]) / EMU_PER_PIXEL : 57
    const height = extent ? Number(extent[2]) / EMU_PER_PIXEL : 57
    return { data: media, type, width, height }
  }
  return null
}

/** Reads a house template; a file that is not a Word document or template gets a message naming the problem. */
export function readHouseTemplate(bytes: Uint8Array): HouseTemplate {
  if (bytes.length > MAX_TEMPLATE_BYTES)
    throw new Error(`the house template is larger than ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB`)
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes)
  } catch {
    throw new Error('the house template is not a Word document or template (.docx, .dotx)')
  }
  if (!files['word/styles.xml'])
    throw new Error('the house template has no styles (word/styles.xml): is it a Word file?')
  const styles = strFromU8(files['word/styles.xml'])
  const document = files['word/document.xml'] ? strFromU8(files['word/document.xml']) : ''
  const byId = new Map<string, string>()
  for (const style of styles.matchAll(/<w:style\b[^>]*>[\s\S]*?<\/w:style>/g)) {
    const id = /w:styleId="([^"]+)"/.exec(style[0])
    // The template's own list numbering does not come along: its numbering part does not.
    if (id) byId.set(id[1], style[0].replace(/<w:numPr>[\s\S]*?<\/w:numPr>/g, ''))
  }
  const theme = files['word/theme/theme1.xml']
  return {
    defaults: /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? null,
    styles: byId,
    theme: theme ? strFromU8(theme) : null,
    pageSize: lastMatch(document, /<w:pgSz\b[^>]*\/>/g),
    pageMargins: lastMatch(document, /<w:pgMar\b[^>]*\/>/g),
    emblem: findEmblem(files),
    headersFooters: readTemplateHeadersFooters(files, document)
  }
}

/** Our styles with the template's: same ids replaced (numbering kept), the template's others added. */
export function mergedStyles(xml: string, template: HouseTemplate): string {
  let out = template.defaults
    ? xml.replace(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/, template.defaults)
    : xml
  const added: string[] = []
  for (const [id, style] of template.styles) {
    const ours = new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(out)
    if (!ours) added.push(style)
    else if (!ours[0].includes('<w:numPr>'))
      out = out.slice(0, ours.index) + style + out.slice(ours.index + ours[0].length)
  }
  return out.replace('</w:styles>', `${added.join('')}</w:styles>`)
}

/** The document's last section with the template's page size and margins. */
export function templateGeometry(xml: string, template: HouseTemplate): string {
  const start = xml.lastIndexOf('<w:sectPr')
  if (start < 0) return xml
  let section = xml.slice(start)
  if (template.pageSize) section = section.replace(/<w:pgSz\b[^>]*\/>/, template.pageSize)
  if (template.pageMargins) section = section.replace(/<w:pgMar\b[^>]*\/>/, template.pageMargins)
  return xml.slice(0, start) + section
}

/** Applies the template's styles, theme and page geometry to a compiled package. */
export function applyHouseTemplate(parts: PackageParts, template: HouseTemplate): void {
  editPart(parts, 'word/styles.xml', (xml) => mergedStyles(xml, template))
  editPart(parts, 'word/document.xml', (xml) => templateGeometry(xml, template))
  if (template.theme && partText(parts, 'word/theme/theme1.xml') !== null)
    parts.set('word/theme/theme1.xml', template.theme)
  applyTemplateHeadersFooters(parts, template.headersFooters)
}
