import { strFromU8 } from 'fflate'
import { editPart, partText, type PackageParts } from './package'

/**
 * A house template's headers and footers in the export. The template's own
 * header and footer parts (with the pictures they show, such as the office's
 * emblem) take the place of Rapporteur's of the same type: its default one
 * serves every page after the first (odd and even, unless it has an even one
 * of its own), and its first-page one, if it has one, page 1. Page 1 otherwise
 * keeps Rapporteur's own first-page footer (job number, barcode).
 */

/** Which pages a header or footer serves. */
export type HeaderFooterType = 'default' | 'first' | 'even'

/** A file a template header or footer refers to (a picture), or an external link. */
export interface TemplateRelationship {
  id: string
  type: string
  target: string
  /** An external link (kept as it is); internal targets carry their bytes. */
  external: boolean
  data?: Uint8Array
}

/** One header or footer part of the template. */
export interface TemplateHeaderFooter {
  kind: 'header' | 'footer'
  type: HeaderFooterType
  xml: string
  relationships: TemplateRelationship[]
}

/** The pictures Word shows and their content types, by extension. */
const MEDIA_TYPES: Record<string, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  emf: 'image/x-emf',
  wmf: 'image/x-wmf',
  tif: 'image/tiff',
  tiff: 'image/tiff'
}

function attribute(element: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(element)?.[1]
}

/** The relationships of a part (`…/_rels/name.rels`), in a package's files. */
function relationships(files: Record<string, Uint8Array>, part: string): string[] {
  const slash = part.lastIndexOf('/')
  const rels = files[`${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`]
  return rels ? [...strFromU8(rels).matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]) : []
}

/** A relationship target as a package path, relative to the folder of the part that names it. */
function resolveTarget(part: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1)
  const path = part.split('/').slice(0, -1)
  for (const step of target.split('/')) {
    if (step === '..') path.pop()
    else if (step !== '.') path.push(step)
  }
  return path.join('/')
}

/**
 * The headers and footers the template's last section names, each with the
 * files it refers to. A header whose picture is of a kind Word cannot show,
 * or whose files are missing, is left out (Rapporteur's own stays).
 */
export function readTemplateHeadersFooters(
  files: Record<string, Uint8Array>,
  document: string
): TemplateHeaderFooter[] {
  const start = document.lastIndexOf('<w:sectPr')
  if (start < 0) return []
  const section = document.slice(start)
  const documentRels = relationships(files, 'word/document.xml')
  const found: TemplateHeaderFooter[] = []
  for (const reference of section.matchAll(/<w:(header|footer)Reference\b[^>]*\/>/g)) {
    const kind = reference[1] as 'header' | 'footer'
    const type = attribute(reference[0], 'w:type') as HeaderFooterType | undefined
    const id = attribute(reference[0], 'r:id')
    if (!type || !['default', 'first', 'even'].includes(type) || !id) continue
    const rel = documentRels.find((r) => attribute(r, 'Id') === id)
    const target = rel && attribute(rel, 'Target')
    if (!target) continue
    const part = resolveTarget('word/document.xml', target)
    if (!files[part]) continue
    const links: TemplateRelationship[] = []
    let usable = true
    for (const element of relationships(files, part)) {
      const relId = attribute(element, 'Id')
      const relType = attribute(element, 'Type')
      const relTarget = attribute(element, 'Target')
      if (!relId || !relType || !relTarget) continue
      if (attribute(element, 'TargetMode') === 'External') {
        links.push({ id: relId, type: relType, target: relTarget, external: true })
        continue
      }
      const data = files[resolveTarget(part, relTarget)]
      const extension = relTarget.split('.').pop()?.toLowerCase() ?? ''
      if (!data || !relType.endsWith('/image') || !MEDIA_TYPES[extension]) {
        usable = false
        break
      }
      links.push({ id: relId, type: relType, target: relTarget, external: false, data })
    }
    if (usable) found.push({ kind, type, xml: strFromU8(files[part]), relationships: links })
  }
  return found
}

/** Which of the export's header/footer types each template part replaces. */
function replacedTypes(
  part: TemplateHeaderFooter,
  all: TemplateHeaderFooter[]
): HeaderFooterType[] {
  if (part.type !== 'default') return [part.type]
  const hasEven = all.some((other) => other.kind === part.kind && other.type === 'even')
  return hasEven ? ['default'] : ['default', 'even']
}

/** Puts the template's headers and footers in place of the export's of the same type. */
export function applyTemplateHeadersFooters(
  parts: PackageParts,
  templateParts: TemplateHeaderFooter[]
): void {
  const document = partText(parts, 'word/document.xml')
  const rels = partText(parts, 'word/_rels/document.xml.rels')
  if (document === null || rels === null || templateParts.length === 0) return
  const section = document.slice(document.lastIndexOf('<w:sectPr'))
  let mediaCount = 0
  // Drawing ids must be unique in the document; the template's start far above the export's.
  let drawingId = 90000
  const extensions = new Set<string>()
  for (const templatePart of templateParts) {
    for (const type of replacedTypes(templatePart, templateParts)) {
      const reference = new RegExp(
        `<w:${templatePart.kind}Reference\\b[^>]*w:type="${type}"[^>]*/>`
      ).exec(section)
      const id = reference && attribute(reference[0], 'r:id')
      const rel =
        id && [...rels.matchAll(/<Relationship\b[^>]*>/g)].find((r) => attribute(r[0], 'Id') === id)
      const target = rel && attribute(rel[0], 'Target')
      if (!target) continue
      const part = resolveTarget('word/document.xml', target)
      const links = templatePart.relationships.map((link) => {
        if (link.external)
          return `<Relationship Id="${link.id}" Type="${link.type}" Target="${link.target}" TargetMode="External"/>`
        const extension = link.target.split('.').pop()!.toLowerCase()
        extensions.add(extension)
        const name = `media/house-${templatePart.kind}-${++mediaCount}.${extension}`
        parts.set(`word/${name}`, link.data!)
        return `<Relationship Id="${link.id}" Type="${link.type}" Target="${name}"/>`
      })
      parts.set(
        part,
        templatePart.xml.replace(/(<wp:docPr\b[^>]*\bid=")\d+"/g, (_m, head: string) => {
          return `${head}${++drawingId}"`
        })
      )
      const slash = part.lastIndexOf('/')
      parts.set(
        `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`,
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          links.join('') +
          '</Relationships>'
      )
    }
  }
  editPart(parts, '[Content_Types].xml', (xml) => {
    const missing = [...extensions].filter(
      (extension) => !new RegExp(`Extension="${extension}"`, 'i').test(xml)
    )
    const defaults = missing
      .map(
        (extension) => `<Default Extension="${extension}" ContentType="${MEDIA_TYPES[extension]}"/>`
      )
      .join('')
    return defaults ? xml.replace(/(<Types\b[^>]*>)/, `$1${defaults}`) : xml
  })
}
