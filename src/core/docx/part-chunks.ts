import { Packer, type Document, type Paragraph, type Table } from 'docx'

/**
 * The two parts that grow with the report — the body (`word/document.xml`)
 * and the footnotes (`word/footnotes.xml`) — written one block or one
 * footnote at a time. The `docx` library formats a part as one object tree
 * and then resolves a second tree from it before writing text: for a report
 * of 100,000 footnotes that is gigabytes held at once. Here each block is
 * formatted by the library's own formatter, written to text at once and
 * let go, so memory holds the text and one block's tree (and the exporter
 * builds one chapter's blocks at a time); the document is compiled as a
 * shell without them and the text is put in its place.
 */

/** What the library's formatter gives for a component: `{ "w:p": [ { _attr }, child, "text" … ] }`. */
type Formatted = { [name: string]: unknown }

/** The library's formatter, as its part compiler holds it. */
interface PartFormatter {
  format(
    component: unknown,
    context: { viewWrapper: unknown; file: Document; stack: unknown[] }
  ): Formatted
}

/** The formatter of `Packer`'s compiler (the one that writes every other part). */
function libraryFormatter(): PartFormatter {
  const formatter = (Packer as unknown as { compiler?: { formatter?: PartFormatter } }).compiler
    ?.formatter
  if (typeof formatter?.format !== 'function')
    throw new Error('this version of the docx library has no formatter (Packer.compiler.formatter)')
  return formatter
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;'
}

/** A value escaped as the library escapes it: markup characters as entities, C0 controls dropped. */
function escapeValue(value: unknown): string {
  return typeof value === 'string'
    ? // eslint-disable-next-line no-control-regex -- the library drops these characters; so must we
      value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (char) => ESCAPES[char] ?? '')
    : String(value)
}

function attributesText(attributes: Record<string, unknown>): string {
  let out = ''
  for (const [key, value] of Object.entries(attributes)) out += ` ${key}="${escapeValue(value)}"`
  return out
}

/**
 * The XML text of one formatted component, byte for byte as the library
 * writes it (unindented), quirks included: an element whose content is a
 * list is never self-closing, a list's text replaces the child before it.
 * Checked against the library's own output by tests/export/part-chunks.test.ts.
 */
export function formattedXml(data: Formatted): string {
  const name = Object.keys(data)[0]
  const values = name === undefined ? undefined : data[name]
  let attributes = ''
  // The content as the library lists it; undefined entries write nothing.
  const content: Array<string | undefined> = []
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as {
        _attr?: Record<string, unknown>
        _cdata?: string
      }
      if (attr) attributes += attributesText(attr)
      if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`)
      if (Array.isArray(values)) {
        let textContent = false
        content.push('')
        for (const value of values as unknown[]) {
          if (typeof value === 'object') {
            const child = value as Formatted
            if (Object.keys(child)[0] === '_attr')
              attributes += attributesText(child._attr as Record<string, unknown>)
            else content.push(formattedXml(child))
          } else {
            content.pop()
            textContent = true
            content.push(escapeValue(value))
          }
        }
        if (!textContent) content.push('')
      }
    }
  } else content.push(values === undefined ? undefined : escapeValue(values))
  const open = name ? `<${name}${attributes}` : attributes
  if (content.length === 0) return `${open}/>`
  return `${name ? `${open}>` : open}${content.join('')}${name ? `</${name}>` : ''}`
}

/**
 * The XML of the body's blocks, each formatted and written in turn. Each
 * slot of `blocks` is emptied once written, so the caller's list lets its
 * blocks go as the text grows.
 */
export function bodyXml(document: Document, blocks: Array<Paragraph | Table | undefined>): string {
  const formatter = libraryFormatter()
  const context = { viewWrapper: document.Document, file: document, stack: [] }
  const chunks: string[] = []
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]
    if (block === undefined) continue
    blocks[index] = undefined
    chunks.push(formattedXml(formatter.format(block, context)))
  }
  return chunks.join('')
}

/** The footnote list of the library, which makes a footnote component (with its reference mark) from paragraphs. */
interface FootnoteList {
  createFootNote(id: number, children: Paragraph[]): void
  root: unknown[]
}

/**
 * The XML of the footnotes (by Word id, as `Document`'s `footnotes` option
 * takes them), each made by the library's footnote list, formatted, written
 * and let go; entries are deleted from `footnotes` as they are written.
 */
export function footnotesXml(
  document: Document,
  footnotes: Record<string, { children: Paragraph[] }>
): string {
  const formatter = libraryFormatter()
  const wrapper = document.FootNotes
  const list = wrapper.View as unknown as FootnoteList
  const context = { viewWrapper: wrapper, file: document, stack: [] }
  const chunks: string[] = []
  // The order the library adds them in (`for … in`: integer keys ascending).
  for (const key of Object.keys(footnotes)) {
    list.createFootNote(parseFloat(key), footnotes[key].children)
    delete footnotes[key]
    // Taken out again at once: the list itself is written with the shell.
    const footnote = list.root.pop()
    chunks.push(formattedXml(formatter.format(footnote, context)))
  }
  return chunks.join('')
}

/** The numbering replacer of `Packer`'s compiler, which writes list instances' ids for their placeholders. */
interface NumberingReplacer {
  replace(xml: string, concreteNumberings: unknown): string
}

/**
 * `xml` (written by `bodyXml` or `footnotesXml`) with the placeholders the
 * library writes for list instances (`{reference-instance}`) replaced by
 * their numbers, as the compiler does for the parts it writes itself. Run
 * after every block is written: writing them creates the instances.
 */
export function withListNumbers(document: Document, xml: string): string {
  const replacer = (Packer as unknown as { compiler?: { numberingReplacer?: NumberingReplacer } })
    .compiler?.numberingReplacer
  if (typeof replacer?.replace !== 'function')
    throw new Error('this version of the docx library has no numbering replacer')
  const numbering = (document as unknown as { Numbering: { ConcreteNumbering: unknown } }).Numbering
  return replacer.replace(xml, numbering.ConcreteNumbering)
}

/**
 * The shell's document.xml with `body` after the blocks the shell holds,
 * before the section properties that end the body.
 */
export function documentWithBody(shell: string, body: string): string {
  // The body's own section properties, not a `<w:sectPrChange>` inside them.
  let at = shell.lastIndexOf('</w:body>')
  do at = shell.lastIndexOf('<w:sectPr', at - 1)
  while (
    at >= 0 &&
    shell[at + '<w:sectPr'.length] !== '>' &&
    shell[at + '<w:sectPr'.length] !== ' '
  )
  if (at < 0) throw new Error('the compiled document has no section properties')
  return shell.slice(0, at) + body + shell.slice(at)
}

/** The shell's footnotes.xml (the two separators) with the footnotes after them. */
export function footnotesWithNotes(shell: string, notes: string): string {
  const at = shell.lastIndexOf('</w:footnotes>')
  if (at < 0) throw new Error('the compiled footnotes part has no end')
  return shell.slice(0, at) + notes + shell.slice(at)
}
