import { BuilderElement, TextRun, XmlComponent, type IRunOptions, type IXmlableObject } from 'docx'
import { sequenceSwitch, type LabelParts, type LabelSpec } from '../labels'

/**
 * Word fields written as complex fields (`fldChar` begin / `instrText` /
 * separate / cached result / end), so every reader shows the current result
 * without a field update: Word, LibreOffice and Word for the web all display
 * the cached result until fields are updated.
 */

/** A field's instruction text (`w:instrText`), spaces kept. */
class InstructionText extends XmlComponent {
  constructor(private readonly code: string) {
    super('w:instrText')
  }

  override prepForXml(): IXmlableObject {
    return { 'w:instrText': [{ _attr: { 'xml:space': 'preserve' } }, this.code] }
  }
}

function fieldChar(type: 'begin' | 'separate' | 'end'): BuilderElement {
  return new BuilderElement({
    name: 'w:fldChar',
    attributes: { type: { key: 'w:fldCharType', value: type } }
  })
}

/** The runs of a field whose instruction is `code` (runs, so fields can nest), `result` cached. */
function complexField(code: TextRun[], result: string, run: IRunOptions): TextRun[] {
  return [
    new TextRun({ ...run, children: [fieldChar('begin')] }),
    ...code,
    new TextRun({ ...run, children: [fieldChar('separate')] }),
    ...(result ? [new TextRun({ ...run, text: result })] : []),
    new TextRun({ ...run, children: [fieldChar('end')] })
  ]
}

function instruction(code: string, run: IRunOptions): TextRun {
  return new TextRun({ ...run, children: [new InstructionText(code)] })
}

/**
 * The runs of one field: `instruction` (e.g. `SEQ Recommendation \* ARABIC`)
 * with `result` cached as its displayed text, formatted with `run`.
 */
export function fieldRuns(code: string, result: string, run: IRunOptions = {}): TextRun[] {
  return complexField([instruction(` ${code} `, run)], result, run)
}

/** The SEQ identifier of the recommendation series (language-neutral: it never shows). */
export const RECOMMENDATION_SEQUENCE = 'Recommendation'

/**
 * A recommendation number: a SEQ field in the recommendation series, written
 * in the series' numeral system (`format`), the number as the editor shows it
 * cached.
 */
export function recommendationNumberField(
  format: LabelSpec,
  number: LabelParts,
  run: IRunOptions = {}
): TextRun[] {
  return fieldRuns(`SEQ ${RECOMMENDATION_SEQUENCE} ${sequenceSwitch(format)}`, number.text, run)
}

/**
 * Whether LibreOffice shows a paragraph-number reference to a paragraph
 * labelled by `format` as its bare number: it drops a lone "." after the
 * number and keeps every other affix ("9 -" stays "9 -").
 */
function libreOfficeReadsBareNumber(format: LabelSpec): boolean {
  return format.prefix === '' && (format.suffix === '' || format.suffix === '.')
}

/**
 * A cross-reference to a bookmark: `REF name \h` shows the bookmarked text;
 * with `paragraphNumber` (the label spec of the target's series) it shows
 * the number Word gave the bookmarked paragraph (`\r`, without its
 * punctuation: `\t`). Where LibreOffice would keep the label's affixes
 * (Arabic "9 -"), the REF is nested in a QUOTE field whose cached result is
 * the number: LibreOffice shows that result, Word recomputes the REF inside
 * on a field update, and the REF's own result is left empty so readers that
 * collect every text run do not read the number twice.
 */
export function referenceField(
  bookmark: string,
  cached: string,
  options: { paragraphNumber: LabelSpec | null },
  run: IRunOptions = {}
): TextRun[] {
  const format = options.paragraphNumber
  if (!format) return fieldRuns(`REF ${bookmark} \\h`, cached, run)
  const reference = `REF ${bookmark} \\r \\t \\h`
  if (libreOfficeReadsBareNumber(format)) return fieldRuns(reference, cached, run)
  const quoted = [
    instruction(' QUOTE "', run),
    ...complexField([instruction(` ${reference} `, run)], '', run),
    instruction('" ', run)
  ]
  return complexField(quoted, cached, run)
}

/**
 * Bookmark names for the targets of cross-references. Word hides bookmarks
 * whose name starts with `_Ref` (its own cross-reference targets) and allows
 * 40 characters of letters, digits and underscores.
 */
export class BookmarkNames {
  private readonly names = new Map<string, string>()

  /** The bookmark name for the node with `id` (the same name each time). */
  nameFor(id: string): string {
    let name = this.names.get(id)
    if (name === undefined) {
      name = `_Ref${String(900_000_000 + this.names.size + 1)}`
      this.names.set(id, name)
    }
    return name
  }

  /** Whether a bookmark was asked for the node with `id`. */
  has(id: string): boolean {
    return this.names.has(id)
  }
}
