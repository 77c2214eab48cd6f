import { DOMParser, type Document as XmlDocument, type Element } from '@xmldom/xmldom'
import { strFromU8, unzipSync } from 'fflate'

/**
 * A small reader of exported .docx files for tests: the package's parts and
 * each body paragraph's style, text, numbering and fields, read from the XML
 * as Word would (independent of how the exporter built it).
 */

/** One field in a paragraph: its instruction and the result cached in the file. */
export interface ReadField {
  instruction: string
  result: string
}

/** What a test needs to know about one `w:p`. */
export interface ReadParagraph {
  style: string | null
  /** The paragraph's visible text: runs, hyperlinks and field results, in order. */
  text: string
  numbering: { numId: string; level: number } | null
  fields: ReadField[]
  bookmarks: string[]
  element: Element
}

/** An unpacked .docx. */
export interface ReadDocx {
  parts: Record<string, string>
  xml(part: string): XmlDocument
  /** Paragraphs of a part (default the document body), in order. */
  paragraphs(part?: string): ReadParagraph[]
}

/** Elements below `root` with the qualified name `name`, in document order. */
export function elements(root: Element | XmlDocument, name: string): Element[] {
  return Array.from(root.getElementsByTagName(name))
}

/** The `w:val` (or other `attribute`) of the first `name` under `root`, or null. */
export function valueOf(root: Element, name: string, attribute = 'w:val'): string | null {
  return elements(root, name)[0]?.getAttribute(attribute) ?? null
}

function readFields(paragraph: Element): ReadField[] {
  const fields: ReadField[] = []
  let current: { instruction: string; result: string; inResult: boolean } | null = null
  for (const run of elements(paragraph, 'w:r')) {
    const fieldChar = elements(run, 'w:fldChar')[0]
    const type = fieldChar?.getAttribute('w:fldCharType')
    if (type === 'begin') current = { instruction: '', result: '', inResult: false }
    else if (type === 'separate' && current) current.inResult = true
    else if (type === 'end' && current) {
      fields.push({ instruction: current.instruction.trim(), result: current.result })
      current = null
    } else if (current) {
      for (const text of elements(run, 'w:instrText')) current.instruction += text.textContent
      if (current.inResult)
        for (const text of elements(run, 'w:t')) current.result += text.textContent
    }
  }
  return fields
}

function readParagraph(element: Element): ReadParagraph {
  const numPr = elements(element, 'w:numPr')[0]
  return {
    style: valueOf(element, 'w:pStyle'),
    text: elements(element, 'w:t')
      .map((t) => t.textContent)
      .join(''),
    numbering: numPr
      ? {
          numId: valueOf(numPr, 'w:numId') ?? '',
          level: Number(valueOf(numPr, 'w:ilvl') ?? '0')
        }
      : null,
    fields: readFields(element),
    bookmarks: elements(element, 'w:bookmarkStart').map((b) => b.getAttribute('w:name') ?? ''),
    element
  }
}

/** Unpacks a .docx for reading. */
export function readDocx(data: Uint8Array): ReadDocx {
  const files = unzipSync(data)
  const parts: Record<string, string> = {}
  for (const [name, bytes] of Object.entries(files)) parts[name] = strFromU8(bytes)
  const cache = new Map<string, XmlDocument>()
  const xml = (part: string) => {
    let doc = cache.get(part)
    if (!doc) {
      const text = parts[part]
      if (text === undefined) throw new Error(`the package has no part ${part}`)
      doc = new DOMParser().parseFromString(text, 'text/xml')
      cache.set(part, doc)
    }
    return doc
  }
  return {
    parts,
    xml,
    paragraphs: (part = 'word/document.xml') => elements(xml(part), 'w:p').map(readParagraph)
  }
}

/**
 * The numbering definition (`w:abstractNum`) behind a `w:num` id: its levels'
 * formats and texts, as Word will number the paragraphs.
 */
export function numberingLevels(
  docx: ReadDocx,
  numId: string
): Array<{ format: string; text: string; start: number }> {
  const numbering = docx.xml('word/numbering.xml')
  const num = elements(numbering, 'w:num').find((n) => n.getAttribute('w:numId') === numId)
  if (!num) throw new Error(`no w:num ${numId}`)
  const abstractId = valueOf(num, 'w:abstractNumId')
  const abstract = elements(numbering, 'w:abstractNum').find(
    (a) => a.getAttribute('w:abstractNumId') === abstractId
  )
  if (!abstract) throw new Error(`no w:abstractNum ${abstractId}`)
  return elements(abstract, 'w:lvl').map((level) => ({
    format: valueOf(level, 'w:numFmt') ?? '',
    text: valueOf(level, 'w:lvlText') ?? '',
    start: Number(valueOf(level, 'w:start') ?? '1')
  }))
}
