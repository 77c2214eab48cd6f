import type { Document, Element } from '@xmldom/xmldom'
import type { ImportNote } from '../note'
import type { Language } from '../../languages'
import { IMPORT_BUDGETS, estimatedXmlMemory, megabytesText } from '../budgets'
import { ImportError } from '../errors'
import { furniture } from '../furniture'
import { detectLanguage } from '../language'
import { segmentsText, trimSegments, type Segment } from '../segments'
import type { SourceBlock, SourceDocument } from '../source'
import { NumberingCounter, readNumbering } from './numbering'
import { readZipEntries } from './zip'
import {
  ReviewTracker,
  paragraphFormerFormat,
  paragraphMarkBreak,
  readCommentThreads
} from './review'
import { child, children, elementChildren, isOn, parseXml, R, wAttr } from './xml'

/**
 * A Word file (.docx) into source paragraphs: the paragraphs of the body in
 * order (tables flattened), each with its heading level from its style, the
 * number Word generates for it, its runs (bold, italic, links), its
 * footnotes, and the cached results of its fields (cross-references marked).
 */

const PARTS = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^word\/[^/]+\.xml$/,
  /^word\/_rels\/[^/]+\.xml\.rels$/
]

interface StyleInfo {
  name: string
  basedOn?: string
  numId?: string
  ilvl?: number
  outlineLevel?: number
}

/** Longest field instruction kept; real ones (REF, HYPERLINK with its address) are far shorter. */
const MAX_INSTRUCTION = 4096

/** One Word field open at this point of the text. */
interface Field {
  instruction: string
  inResult: boolean
  /** Whether a REF field is nested in this one's instruction, so its result is a reference. */
  reference?: boolean
}

/** What the open fields, taken together, do to the text read now. */
interface FieldEffect {
  toc: boolean
  /** Whether some HYPERLINK field is open, and the address of the outermost one. */
  linked: boolean
  link: string | undefined
  reference: boolean
}

const NO_FIELD_EFFECT: FieldEffect = {
  toc: false,
  linked: false,
  link: undefined,
  reference: false
}

/**
 * The fields open at the current run, innermost last. What they do together
 * is kept per depth and only the innermost is ever recomputed, so reading
 * costs the same per run however many fields a file leaves unterminated; past
 * `IMPORT_BUDGETS.openFields` nested fields the file is refused.
 */
class OpenFields {
  private readonly fields: Field[] = []
  /** The effect of the fields up to each depth; the innermost one's is recomputed when stale. */
  private readonly effects: FieldEffect[] = []
  private innermostStale = false
  /** How many open fields are still in their instruction part (their text is not shown). */
  private inInstruction = 0

  get depth(): number {
    return this.fields.length
  }

  open(instruction: string, inResult: boolean): void {
    if (this.fields.length >= IMPORT_BUDGETS.openFields)
      throw new ImportError(
        'too-large',
        `The Word file opens more than ${IMPORT_BUDGETS.openFields} fields inside one another (the import budget for nested fields): it is damaged or was made to stall a reader, and was refused.`
      )
    this.freshen()
    this.fields.push({ instruction: instruction.slice(0, MAX_INSTRUCTION), inResult })
    this.effects.push(NO_FIELD_EFFECT)
    this.innermostStale = true
    if (!inResult) this.inInstruction++
  }

  close(): void {
    const field = this.fields.pop()
    if (!field) return
    this.effects.pop()
    if (!field.inResult) this.inInstruction--
    this.innermostStale = false
    // A field around a REF (Rapporteur's Arabic references: QUOTE "REF …") shows the reference.
    const outer = this.fields[this.fields.length - 1]
    if (outer && /^\s*REF\b/.test(field.instruction)) {
      outer.reference = true
      this.innermostStale = true
    }
  }

  /** The innermost field's instruction is over: what follows is its result. */
  separate(): void {
    const field = this.fields[this.fields.length - 1]
    if (!field || field.inResult) return
    field.inResult = true
    this.inInstruction--
  }

  appendInstruction(text: string): void {
    const field = this.fields[this.fields.length - 1]
    if (!field || field.instruction.length >= MAX_INSTRUCTION) return
    field.instruction += text.slice(0, MAX_INSTRUCTION - field.instruction.length)
    this.innermostStale = true
  }

  /** Whether text read now is a field's instruction (never shown). */
  get hidesText(): boolean {
    return this.inInstruction > 0
  }

  /** What the open fields do to text read now. */
  effect(): FieldEffect {
    this.freshen()
    return this.effects[this.effects.length - 1] ?? NO_FIELD_EFFECT
  }

  private freshen(): void {
    if (!this.innermostStale) return
    const at = this.fields.length - 1
    const outer = this.effects[at - 1] ?? NO_FIELD_EFFECT
    const { instruction, reference } = this.fields[at]
    const hyperlink = !outer.linked && /^\s*HYPERLINK\b/.test(instruction)
    this.effects[at] = {
      toc: outer.toc || /^\s*TOC\b/.test(instruction),
      linked: outer.linked || hyperlink,
      link: hyperlink ? /"([^"]+)"/.exec(instruction)?.[1] : outer.link,
      reference: outer.reference || reference === true || /^\s*REF\b/.test(instruction)
    }
    this.innermostStale = false
  }
}

/** An equation's text in one line: a fraction as "a/b", a power as "a^b". */
function mathText(element: Element): string {
  const part = (name: string) => {
    const found = child(element, name)
    return found ? mathText(found) : ''
  }
  const grouped = (text: string) => (text.length > 1 ? `(${text})` : text)
  switch (element.localName) {
    case 't':
      return element.textContent ?? ''
    case 'f':
      return `${grouped(part('num'))}/${grouped(part('den'))}`
    case 'sSup':
      return `${part('e')}^${grouped(part('sup'))}`
    case 'sSub':
      return `${part('e')}_${grouped(part('sub'))}`
    default:
      return elementChildren(element)
        .filter((node) => !node.localName?.endsWith('Pr'))
        .map(mathText)
        .join('')
  }
}

/** Every element below `parent` with a local name, in document order. */
function descendants(parent: Element, name: string): Element[] {
  const found: Element[] = []
  for (const element of elementChildren(parent)) {
    if (element.localName === name) found.push(element)
    else found.push(...descendants(element, name))
  }
  return found
}

/** Reads a .docx file into source paragraphs. Throws `ImportError` for anything but a readable .docx. */
export function readDocxSource(bytes: Uint8Array, language?: Language): SourceDocument {
  checkSignature(bytes)
  const entries = readZipEntries(bytes, (name) => PARTS.some((pattern) => pattern.test(name)))
  checkXmlMemory(entries)
  const xml = (name: string): Document | undefined => {
    const data = entries.get(name)
    return data ? parseXml(data, name) : undefined
  }
  const mainPart = officeDocumentPart(xml('_rels/.rels'))
  const document = xml(mainPart)
  const body = document && child(document.documentElement ?? undefined, 'body')
  if (!body)
    throw new ImportError(
      'not-docx',
      'The file is a zip archive but not a Word document (it has no word/document.xml). Save it from Word as .docx and try again.'
    )
  const notes: ImportNote[] = []
  const stylesPart = xml('word/styles.xml')
  const styles = readStyles(stylesPart)
  const characterStyles = readCharacterStyles(stylesPart)
  const counter = new NumberingCounter(readNumbering(xml('word/numbering.xml')))
  const relsOf = (part: string) =>
    readRelationships(xml(part.replace(/^word\//, 'word/_rels/') + '.rels'))
  const notesPart = (name: string, element: string) => {
    const map = new Map<string, Element>()
    const root = xml(name)?.documentElement
    if (root) for (const note of children(root, element)) map.set(wAttr(note, 'id') ?? '', note)
    return { map, rels: relsOf(name) }
  }
  const footnotes = notesPart('word/footnotes.xml', 'footnote')
  const endnotes = notesPart('word/endnotes.xml', 'endnote')
  const fields = new OpenFields()
  let droppedPictures = 0
  let equations = 0
  let textBoxesRead = 0
  let coverPage: number | undefined
  /** Text boxes met in the paragraph being read: their paragraphs follow it. */
  const textBoxes: Element[] = []
  const { threads, threadOf } = readCommentThreads(
    xml('word/comments.xml'),
    xml('word/commentsExtended.xml')
  )
  const review = new ReviewTracker(threadOf)
  let comments = 0

  const readRuns = (parent: Element, rels: Map<string, string>): Segment[] => {
    const segments: Segment[] = []
    const walk = (element: Element, href: string | undefined) => {
      for (const node of elementChildren(element)) {
        switch (node.localName) {
          case 'r':
            readRun(node, href)
            break
          case 'hyperlink': {
            const id = node.getAttributeNS(R, 'id') ?? node.getAttribute('r:id')
            walk(node, (id && rels.get(id)) || href)
            break
          }
          case 'fldSimple':
            fields.open(wAttr(node, 'instr') ?? '', true)
            walk(node, href)
            fields.close()
            break
          case 'del':
          case 'moveFrom':
          case 'ins':
          case 'moveTo':
            review.within(node, () => walk(node, href))
            break
          case 'commentRangeStart':
          case 'commentRangeEnd':
            review.commentRange(node)
            break
          case 'smartTag':
          case 'customXml':
          case 'bdo':
          case 'dir':
            walk(node, href)
            break
          case 'sdt':
            for (const content of children(node, 'sdtContent')) walk(content, href)
            break
          case 'oMath':
          case 'oMathPara':
            // An equation has no place in a report's text: its linear text holds its place.
            equations += 1
            segments.push({
              text: `[equation: ${mathText(node)}]`
            })
            break
          case 'AlternateContent': {
            const chosen = child(node, 'Choice') ?? child(node, 'Fallback')
            if (chosen) walk(chosen, href)
            break
          }
          default:
          // Deleted text, bookmarks, proofing marks and properties carry no text.
        }
      }
    }
    const readRun = (run: Element, href: string | undefined) => {
      const properties = child(run, 'rPr')
      const format: Segment = { text: '' }
      const characterStyle = characterStyles.get(wAttr(child(properties, 'rStyle')) ?? '')
      // Direct formatting wins over the character style (<w:b w:val="false"/> undoes it).
      const bold = child(properties, 'b')
      const italic = child(properties, 'i')
      if (bold ? isOn(bold) : characterStyle?.bold) format.bold = true
      if (italic ? isOn(italic) : characterStyle?.italic) format.italic = true
      const add = (text: string) => {
        if (fields.hidesText) return
        const effect = fields.effect()
        if (effect.toc) return
        const segment: Segment = { ...format, text }
        const link = href ?? effect.link
        if (link) segment.href = link
        if (effect.reference) segment.reference = true
        const reviewed = review.current()
        if (reviewed) segment.review = reviewed
        segments.push(segment)
      }
      for (const node of elementChildren(run)) {
        switch (node.localName) {
          case 't':
          case 'delText':
            add(node.textContent ?? '')
            break
          case 'tab':
            add('\t')
            break
          case 'noBreakHyphen':
            add('-')
            break
          case 'br':
          case 'cr':
            if (!['page', 'column'].includes(wAttr(node, 'type') ?? ''))
              segments.push({ text: '', lineBreak: true })
            break
          case 'fldChar': {
            const type = wAttr(node, 'fldCharType')
            if (type === 'begin') fields.open('', false)
            else if (type === 'separate') fields.separate()
            else if (type === 'end') fields.close()
            break
          }
          case 'instrText':
          case 'delInstrText':
            fields.appendInstruction(node.textContent ?? '')
            break
          case 'footnoteReference':
          case 'endnoteReference': {
            const part = node.localName === 'footnoteReference' ? footnotes : endnotes
            const note = part.map.get(wAttr(node, 'id') ?? '')
            if (note)
              segments.push({
                text: '',
                // Word puts a space between the footnote's own number and its text.
                footnote: children(note, 'p').map((paragraph) =>
                  trimSegments(readRuns(paragraph, part.rels))
                )
              })
            break
          }
          case 'drawing':
          case 'pict':
          case 'object': {
            const boxes = descendants(node, 'txbxContent')
            if (boxes.length) textBoxes.push(...boxes)
            else droppedPictures += 1
            break
          }
          case 'AlternateContent': {
            // The same drawing twice, for newer and older Word: one is read.
            const chosen = child(node, 'Choice') ?? child(node, 'Fallback')
            if (chosen) readRun(chosen, href)
            break
          }
          case 'commentReference':
            comments += 1
            break
          default:
        }
      }
    }
    walk(parent, undefined)
    return segments
  }

  const blocks: SourceBlock[] = []
  const documentRels = relsOf(mainPart)
  let paragraphNumber = 0
  let chapterSeen = false
  let tableNoted = false
  const visit = (container: Element, inTable: boolean) => {
    for (const node of elementChildren(container)) {
      if (node.localName === 'p') {
        paragraphNumber += 1
        const block = readParagraph(node, paragraphNumber)
        if (block.headingLevel === 1) chapterSeen = true
        if (inTable && chapterSeen && !tableNoted && segmentsText(block.segments).trim()) {
          tableNoted = true
          notes.push({
            line: paragraphNumber,
            message: 'a table was read as plain paragraphs, cell by cell — check its content'
          })
        }
        blocks.push(block)
        for (const box of textBoxes.splice(0)) {
          textBoxesRead += 1
          visit(box, inTable)
        }
      } else if (node.localName === 'tbl') {
        for (const row of children(node, 'tr'))
          for (const cell of children(row, 'tc')) visit(cell, true)
      } else if (node.localName === 'sdt') {
        const gallery = wAttr(child(child(child(node, 'sdtPr'), 'docPartObj'), 'docPartGallery'))
        if (gallery === 'Cover Pages') coverPage ??= paragraphNumber + 1
        for (const content of children(node, 'sdtContent')) visit(content, inTable)
      } else if (['customXml', 'ins', 'moveTo'].includes(node.localName ?? '')) visit(node, inTable)
    }
  }
  const readParagraph = (paragraph: Element, line: number): SourceBlock => {
    const properties = child(paragraph, 'pPr')
    const styleId = wAttr(child(properties, 'pStyle')) ?? defaultParagraphStyle(styles)
    const style = resolveStyle(styles, styleId)
    const numPr = child(properties, 'numPr')
    const numId = wAttr(child(numPr, 'numId')) ?? style.numId
    const ilvl = Number(wAttr(child(numPr, 'ilvl')) ?? style.ilvl ?? 0)
    const outline = wAttr(child(properties, 'outlineLvl'))
    const outlineLevel = outline !== undefined ? Number(outline) : style.outlineLevel
    const block: SourceBlock = { line, segments: readRuns(paragraph, documentRels) }
    const paragraphBreak = paragraphMarkBreak(properties)
    if (paragraphBreak) block.paragraphBreak = paragraphBreak
    const formerFormat = paragraphFormerFormat(
      properties,
      (id) => resolveStyle(styles, id).numId !== undefined
    )
    if (formerFormat) block.formerFormat = formerFormat
    const heading = /^heading\s*([1-9])$/i.exec(style.name)
    const level = heading
      ? Number(heading[1])
      : outlineLevel !== undefined && outlineLevel < 9
        ? outlineLevel + 1
        : undefined
    if (level !== undefined && level <= 3) block.headingLevel = level as 1 | 2 | 3
    if (/(^|\s)title$/i.test(style.name)) block.title = true
    if (numId !== undefined) {
      const number = counter.next(numId, ilvl)
      if (number) {
        block.numberLabel = number.label
        block.numberLevel = ilvl
        block.numberList = number.definition
      }
    }
    return block
  }
  visit(body, false)
  if (review.movesSeen)
    notes.push({
      line: 1,
      message:
        'moved text in the Word file was read as a deletion where it was and an insertion where it went'
    })
  if (comments > threadOf.size)
    notes.push({
      line: 1,
      message: `${comments - threadOf.size} Word comment mark(s) had no comment text and were left out`
    })
  if (equations)
    notes.push({
      line: 1,
      message: `${equations} equation${equations === 1 ? ' was' : 's were'} replaced by its text in brackets ("[equation: …]"): a report holds no equations — write it out in words or remove it`
    })
  if (textBoxesRead)
    notes.push({
      line: 1,
      message: `the text of ${textBoxesRead} text box${textBoxesRead === 1 ? ' was' : 'es were'} kept as paragraphs after the paragraph that held ${textBoxesRead === 1 ? 'it' : 'them'} — check where it belongs`
    })
  if (coverPage !== undefined)
    notes.push({
      line: coverPage,
      message:
        "the Word cover page's text was kept at the start of the report (the masthead takes what it recognizes) — check it"
    })
  if (droppedPictures)
    notes.push({
      line: 1,
      message: `${droppedPictures} picture${droppedPictures === 1 ? ' was' : 's were'} left out: reports hold text only`
    })

  const allText = blocks.map((block) => segmentsText(block.segments)).join('\n')
  const guess = language ? { language } : detectLanguage(allText)
  return {
    blocks,
    footnotes: new Map(),
    furniture: readFurniture(entries, xml),
    language: guess,
    notes,
    comments: threads
  }
}

/**
 * Whether a compound file names a stream (its directory holds names in UTF-16):
 * Word keeps a password-protected .docx in one as "EncryptedPackage".
 */
function holdsUtf16(bytes: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2)
  for (let index = 0; index < name.length; index++) needle[index * 2] = name.charCodeAt(index)
  search: for (let at = 0; at + needle.length <= bytes.length; at++) {
    if (bytes[at] !== needle[0]) continue
    for (let offset = 1; offset < needle.length; offset++)
      if (bytes[at + offset] !== needle[offset]) continue search
    return true
  }
  return false
}

/** Refuses a file whose XML would cost more memory to parse than the import budget allows. */
function checkXmlMemory(entries: Map<string, Uint8Array>): void {
  let cost = 0
  for (const data of entries.values()) cost += estimatedXmlMemory(data)
  if (cost > IMPORT_BUDGETS.xmlMemoryBytes)
    throw new ImportError(
      'too-large',
      `This Word file would take about ${megabytesText(cost)} of memory to read, more than the import budget of ${megabytesText(IMPORT_BUDGETS.xmlMemoryBytes)}: the file was refused. Split the document and import it in parts.`
    )
}

/** Refuses files that are plainly not .docx, naming what they are when that helps. */
function checkSignature(bytes: Uint8Array): void {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte)
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return
  if (starts(0xd0, 0xcf, 0x11, 0xe0) && holdsUtf16(bytes, 'EncryptedPackage'))
    throw new ImportError(
      'protected',
      'This Word file is protected with a password: remove the password in Word (File › Info › Protect Document), save it, and import it again.'
    )
  if (starts(0xd0, 0xcf, 0x11, 0xe0))
    throw new ImportError(
      'old-word-format',
      'This is an old Word 97–2003 (.doc) file. Open it in Word and save it as .docx, then import that.'
    )
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8))
  if (head.startsWith('{\\rtf'))
    throw new ImportError(
      'not-docx',
      'This is a Rich Text (.rtf) file, not a .docx. Open it in Word and save it as .docx, then import that.'
    )
  if (head.startsWith('%PDF'))
    throw new ImportError(
      'not-docx',
      'This is a PDF, not a .docx: give it the .pdf extension and import it as a PDF, or import the Word original.'
    )
  throw new ImportError(
    'not-docx',
    'This is not a Word (.docx) file: a .docx is a zip archive and this file is not one.'
  )
}

/** The main document part named by the package relationships (word/document.xml by default). */
function officeDocumentPart(rels: Document | undefined): string {
  const root = rels?.documentElement
  if (root)
    for (const relationship of elementChildren(root)) {
      const type = relationship.getAttribute('Type') ?? ''
      if (type.endsWith('/officeDocument'))
        return (relationship.getAttribute('Target') ?? '').replace(/^\//, '')
    }
  return 'word/document.xml'
}

/** External relationship targets by id (hyperlink addresses). */
function readRelationships(rels: Document | undefined): Map<string, string> {
  const map = new Map<string, string>()
  const root = rels?.documentElement
  if (!root) return map
  for (const relationship of elementChildren(root))
    if (relationship.getAttribute('TargetMode') === 'External')
      map.set(relationship.getAttribute('Id') ?? '', relationship.getAttribute('Target') ?? '')
  return map
}

/** Character styles that make text bold or italic ("Strong", "Emphasis"), by style id. */
function readCharacterStyles(
  styles: Document | undefined
): Map<string, { bold: boolean; italic: boolean }> {
  const map = new Map<string, { bold: boolean; italic: boolean }>()
  const root = styles?.documentElement
  if (!root) return map
  for (const style of children(root, 'style')) {
    if (wAttr(style, 'type') !== 'character') continue
    const properties = child(style, 'rPr')
    map.set(wAttr(style, 'styleId') ?? '', {
      bold: isOn(child(properties, 'b')),
      italic: isOn(child(properties, 'i'))
    })
  }
  return map
}

function readStyles(styles: Document | undefined): Map<string, StyleInfo> {
  const map = new Map<string, StyleInfo>()
  const root = styles?.documentElement
  if (!root) return map
  for (const style of children(root, 'style')) {
    if (wAttr(style, 'type') !== 'paragraph') continue
    const properties = child(style, 'pPr')
    const numPr = child(properties, 'numPr')
    const outline = wAttr(child(properties, 'outlineLvl'))
    const ilvl = wAttr(child(numPr, 'ilvl'))
    map.set(wAttr(style, 'styleId') ?? '', {
      name: wAttr(child(style, 'name')) ?? '',
      basedOn: wAttr(child(style, 'basedOn')),
      numId: wAttr(child(numPr, 'numId')),
      ilvl: ilvl === undefined ? undefined : Number(ilvl),
      outlineLevel: outline === undefined ? undefined : Number(outline),
      ...(wAttr(style, 'default') === '1' ? { default: true } : {})
    })
  }
  return map
}

function defaultParagraphStyle(styles: Map<string, StyleInfo>): string {
  for (const [id, style] of styles)
    if ((style as StyleInfo & { default?: boolean }).default) return id
  return 'Normal'
}

/** A style with what it inherits filled in (name of its own; numbering and outline through basedOn). */
function resolveStyle(styles: Map<string, StyleInfo>, id: string): StyleInfo {
  const own = styles.get(id)
  const resolved: StyleInfo = { name: own?.name ?? id }
  const seen = new Set<string>()
  for (
    let style = own;
    style && !seen.has(style.name);
    style = style.basedOn ? styles.get(style.basedOn) : undefined
  ) {
    seen.add(style.name)
    resolved.numId ??= style.numId
    resolved.ilvl ??= style.ilvl
    resolved.outlineLevel ??= style.outlineLevel
  }
  return resolved
}

/** The running-head symbol and the job number, from the headers and footers. */
function readFurniture(
  entries: Map<string, Uint8Array>,
  xml: (name: string) => Document | undefined
): SourceDocument['furniture'] {
  const found: SourceDocument['furniture'] = {}
  for (const name of entries.keys()) {
    if (!/^word\/(header|footer)\d*\.xml$/.test(name)) continue
    const root = xml(name)?.documentElement
    if (!root) continue
    for (const paragraph of root.getElementsByTagName('w:p')) {
      for (const part of (paragraph.textContent ?? '').split(/\t/)) {
        const item = furniture(part.trim())
        if (item?.kind === 'running-head') found.symbol ??= item.symbol
        if (item?.kind === 'job-number') found.jobNumber ??= item.jobNumber
      }
    }
  }
  return found
}
