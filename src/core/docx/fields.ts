import { BuilderElement, TextRun, XmlComponent, type IRunOptions, type IXmlableObject } from 'docx'

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

/**
 * The runs of one field: `instruction` (e.g. `SEQ Recommendation \* ARABIC`)
 * with `result` cached as its displayed text, formatted with `run`.
 */
export function fieldRuns(instruction: string, result: string, run: IRunOptions = {}): TextRun[] {
  return [
    new TextRun({ ...run, children: [fieldChar('begin')] }),
    new TextRun({ ...run, children: [new InstructionText(` ${instruction} `)] }),
    new TextRun({ ...run, children: [fieldChar('separate')] }),
    new TextRun({ ...run, text: result }),
    new TextRun({ ...run, children: [fieldChar('end')] })
  ]
}

/** The SEQ identifier of the recommendation series (language-neutral: it never shows). */
export const RECOMMENDATION_SEQUENCE = 'Recommendation'

/** A recommendation number: a SEQ field in the recommendation series, its number cached. */
export function recommendationNumberField(number: number, run: IRunOptions = {}): TextRun[] {
  return fieldRuns(`SEQ ${RECOMMENDATION_SEQUENCE} \\* ARABIC`, String(number), run)
}

/**
 * A cross-reference to a bookmark: `REF name \h` shows the bookmarked text;
 * with `paragraphNumber` it shows the number Word gave the bookmarked
 * paragraph (`\r`, without its trailing punctuation: `\t`).
 */
export function referenceField(
  bookmark: string,
  cached: string,
  options: { paragraphNumber: boolean },
  run: IRunOptions = {}
): TextRun[] {
  const switches = options.paragraphNumber ? ' \\r \\t \\h' : ' \\h'
  return fieldRuns(`REF ${bookmark}${switches}`, cached, run)
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
