import { DOMParser, type Document, type Element } from '@xmldom/xmldom'
import { ImportError } from '../errors'

/**
 * Parsing the XML parts of a .docx safely: a document type declaration (and
 * with it any entity, internal or external) is refused before parsing, and
 * any parse error becomes a clear `ImportError`.
 */

/** The WordprocessingML main namespace. */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
/** The relationships namespace (r:id attributes). */
export const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/** Decodes a part's bytes (UTF-8, or UTF-16 with a byte-order mark). */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  return new TextDecoder('utf-8').decode(bytes)
}

/** Parses one XML part. Throws `ImportError` for unsafe or malformed XML. */
export function parseXml(bytes: Uint8Array, part: string): Document {
  const text = decodeXml(bytes)
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    throw new ImportError(
      'unsafe-xml',
      `The part ${part} declares a document type or entities, which Word never writes and which can make a reader fetch files or explode in size: the file was refused.`
    )
  try {
    const document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message)
      }
    }).parseFromString(text, 'application/xml')
    if (!document.documentElement) throw new Error('no root element')
    return document
  } catch (error) {
    throw new ImportError(
      'damaged-xml',
      `The part ${part} is damaged (${firstLine(error)}): the file cannot be imported.`
    )
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0].slice(0, 200)
}

/** The element children of a node with the given WordprocessingML local name(s). */
export function children(parent: Element, ...names: string[]): Element[] {
  const out: Element[] = []
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && names.includes((node as Element).localName ?? ''))
      out.push(node as Element)
  }
  return out
}

/** The first element child with a local name, or undefined. */
export function child(parent: Element | undefined, name: string): Element | undefined {
  return parent ? children(parent, name)[0] : undefined
}

/** Every element child, whatever its name. */
export function elementChildren(parent: Element): Element[] {
  const out: Element[] = []
  for (let node = parent.firstChild; node; node = node.nextSibling)
    if (node.nodeType === 1) out.push(node as Element)
  return out
}

/** A w: attribute's value (w:val by default). */
export function wAttr(element: Element | undefined, name = 'val'): string | undefined {
  if (!element) return undefined
  return element.getAttributeNS(W, name) ?? element.getAttribute(`w:${name}`) ?? undefined
}

/** Whether an on/off property (w:b, w:i) is on: present and not "false"/"0"/"off". */
export function isOn(element: Element | undefined): boolean {
  if (!element) return false
  const value = wAttr(element)
  return value === undefined || value === null || !['false', '0', 'off', 'none'].includes(value)
}
