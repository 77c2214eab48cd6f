import type { Language } from '../languages'
import { parseMarker } from './markers'

/**
 * The title of a UN masthead in a text copy of its PDF. The copy keeps no
 * bold, so the title is told by where it stands: the agenda item line, the
 * agenda item's own title in the lines right below it, then the document's
 * title, set apart by an empty line (or, in `-layout` copies, by its
 * indentation), before its subtitle ("Report of the Secretary-General",
 * "Note by the secretariat") or the summary.
 */

/** A line of the first page as the text copy has it. */
export interface CopiedLine {
  /** Trimmed, runs of spaces collapsed; empty for an empty line. */
  text: string
  /** Columns of space before the text (pdftotext -layout keeps the page's indentation). */
  indent: number
  /** The line starts a new page. */
  page: boolean
}

/** Where the masthead's title stands among the lines: `start` up to `end` (exclusive). */
export interface CopiedTitle {
  start: number
  end: number
}

/** "Item 3 (b) of the provisional agenda", "Agenda items 3 and 4", "Point 4 de l'ordre du jour". */
const AGENDA_ITEM_LINE =
  /^(?:(?:Provisional\s+)?Agenda\s+items?|Items?|Points?|Temas?|Puntos?|Пункты?|البند)\s+\d{1,3}\b|^(?:临时)?议程项目/i
/**
 * The wording a document's title starts with when it names the document's kind: no agenda
 * item's title starts so, and pdftotext may set it right below the agenda item's title.
 */
const DOCUMENT_KIND =
  /^(?:(?:Revised\s+|Annotated\s+)?(?:draft\s+(?:resolution|decision|conclusions|report|recommendations?)|provisional\s+agenda|note\s+by|letter\s+dated)|projet\s+de\s+(?:r[ée]solution|d[ée]cision|rapport|conclusions)|ordre\s+du\s+jour\s+provisoire|note\s+(?:du|de\s+la|par)|lettre\s+dat[ée]e|proyecto\s+de\s+(?:resoluci[óo]n|decisi[óo]n|informe|conclusiones)|programa\s+provisional|nota\s+(?:del|de\s+la)|carta\s+de\s+fecha|проект\s+(?:резолюции|решения|доклада)|предварительная\s+повестка|записка|письмо\s+от)/iu
/** A subtitle below the title: who reports or transmits it. */
const SUBTITLE =
  /^(?:(?:\p{L}+[\s-]+)?(?:report|note|letter|memorandum|statement|rapport|informe|nota|доклад|записка)\s+(?:of|by|from|dated|du|de|des|par|del|на)\b|summary\b|addendum\b|corrigendum\b|résumé\b|resumen\b|резюме\b)/iu
/** Opening words of the parts that follow a title, never part of it. */
const NOT_TITLE =
  /^(?:Summary|Contents|Abstract|Project team|Résumé|Sommaire|Resumen|Índice|Резюме|Содержание)$/i
/** A classification tag beside the masthead ("[SHIPPING]"). */
const TAG = /^\[[^\]]*\]$/
const SENTENCE_END = /[.;!?]["”’)]?$/
/** The end of a line that leaves its phrase open: a comma, a dash, or a short word ("of", "the"). */
const OPEN_END = /(?:[,:;(/–—-]|(?:^|\s)\p{Ll}{1,4})$/u

/** The masthead title's lines among the first page's, or undefined where the text does not tell. */
export function copiedTitle(
  lines: readonly CopiedLine[],
  language: Language
): CopiedTitle | undefined {
  let pageEnd = lines.findIndex((line, index) => index > 0 && line.page)
  if (pageEnd < 0) pageEnd = lines.length
  const agenda = lines.findIndex(
    (line, index) => index < pageEnd && AGENDA_ITEM_LINE.test(line.text) && line.text.length < 90
  )
  if (agenda < 0) return undefined
  // The agenda item's title runs on right below it, at its left edge, up to an empty line.
  let index = agenda + 1
  while (
    index < pageEnd &&
    lines[index].text !== '' &&
    Math.abs(lines[index].indent - lines[agenda].indent) <= 3 &&
    !DOCUMENT_KIND.test(lines[index].text)
  )
    index++
  while (index < pageEnd && (lines[index].text === '' || TAG.test(lines[index].text))) index++
  if (index >= pageEnd || !titleLike(lines[index].text, language)) return undefined
  const start = index
  for (index = start + 1; index < pageEnd; index++) {
    const line = lines[index]
    const before = lines[index - 1]
    if (!titleLike(line.text, language) || SUBTITLE.test(line.text)) break
    if (!aligned(lines[start], line)) break
    const goesOn =
      /^\p{Ll}/u.test(line.text) ||
      OPEN_END.test(before.text) ||
      (upperCase(before.text) && upperCase(line.text))
    if (!goesOn) break
  }
  return { start, end: index }
}

/** A line that can be (part of) a title: not a label, a sentence or the start of a summary. */
function titleLike(text: string, language: Language): boolean {
  return (
    text !== '' &&
    text.length <= 200 &&
    !SENTENCE_END.test(text) &&
    !NOT_TITLE.test(text) &&
    !TAG.test(text) &&
    parseMarker(text, language) === undefined
  )
}

/** Two lines of one title share their left edge or, centred, their middle. */
function aligned(first: CopiedLine, line: CopiedLine): boolean {
  if (Math.abs(first.indent - line.indent) <= 2) return true
  const middle = (entry: CopiedLine) => entry.indent + entry.text.length / 2
  return Math.abs(middle(first) - middle(line)) <= 4
}

function upperCase(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text)
}
