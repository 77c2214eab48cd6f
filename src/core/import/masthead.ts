import type { ImportNote } from './note'
import { LANGUAGES, type Language } from '../languages'
import { mastheadWords } from '../masthead-words'
import { DISTRIBUTIONS, DOCUMENT_SYMBOL, emptyMasthead, type Masthead } from '../meta'
import { IMPORT_LANGUAGES } from './language'
import { joinWrapped } from './source'

/**
 * The lines above the first chapter heading, read into masthead fields: body,
 * meeting line, title and, when the source has them, symbol, distribution,
 * date, original language, session and agenda item.
 */

/** A line of the masthead zone. */
export interface MastheadLine {
  line: number
  text: string
  /** The source styles it as the document title. */
  title?: boolean
}

/** Masthead fields read, and the lines that fit no field. */
export interface MastheadReading {
  masthead: Masthead
  leftovers: MastheadLine[]
}

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  janvier: 1,
  février: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  août: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12
}

const ALL_LANGUAGES = Object.values(IMPORT_LANGUAGES)
const VERSION_LANGUAGE_LINES = new Set(LANGUAGES.map((l) => mastheadWords(l).versionLanguage))
const DISTRIBUTION =
  /^(?:Distr\.?\s*:?\s*)?(General|Limited|Restricted|générale|limitée|restreinte|limitada|reservada)$/i
/** The distribution a word of a French or Spanish masthead names. */
const DISTRIBUTION_WORDS: Record<string, (typeof DISTRIBUTIONS)[number]> = {
  générale: 'General',
  limitée: 'Limited',
  restreinte: 'Restricted',
  limitada: 'Limited',
  reservada: 'Restricted'
}
const SESSION = /(?:\bsession|período de sesiones|сессия|届会(?:议)?)$/i
const AGENDA_ITEM = /^(?:Item|Agenda item|Point|Tema|Пункт|议程项目|البند)\s*\S/i
const YEAR = /(?:19|20)\d{2}/
const NOT_TITLE =
  /^(?:Summary|Contents|Abstract|Project team|Résumé|Sommaire|Resumen|Índice|Резюме|Содержание|摘要|目录|موجز)$/i

/** An ISO date for a date-only line ("6 June 2024", "2024年6月6日"), or undefined. */
export function isoDate(text: string): string | undefined {
  const pad = (n: number) => String(n).padStart(2, '0')
  const latin = /^(\d{1,2})(?:er)?\s+(?:de\s+)?(\p{L}+)\s+(?:de\s+)?(\d{4})$/u.exec(text.trim())
  if (latin) {
    const month = MONTHS[latin[2].toLowerCase()]
    if (month) return `${latin[3]}-${pad(month)}-${pad(Number(latin[1]))}`
  }
  const chinese = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(text.trim())
  if (chinese) return `${chinese[1]}-${pad(Number(chinese[2]))}-${pad(Number(chinese[3]))}`
  return undefined
}

/** Reads masthead lines into fields; lines that fit none are returned for the body. */
export function readMasthead(
  lines: readonly MastheadLine[],
  language: Language,
  notes: ImportNote[]
): MastheadReading {
  const patterns = IMPORT_LANGUAGES[language]
  const masthead = emptyMasthead()
  const bodies: MastheadLine[] = []
  const afterMeeting: MastheadLine[] = []
  let meetingSeen = false
  let agendaAt: number | undefined
  let titleAt: number | undefined
  const leftovers: MastheadLine[] = []
  for (const line of joinFixedWording(splitSymbols(lines))) {
    // Word joiners (U+2060) keep a Chinese parent body's last two characters together; they are not text.
    const entry = { ...line, text: line.text.replace(/\u2060/g, '') }
    const text = entry.text.trim()
    // UN mastheads mix languages ("Original: English" on a Chinese report): any language's wording counts.
    if (ALL_LANGUAGES.some((other) => other.fixedMastheadLines.test(text))) continue
    // A translated version's language line ("Chinese" above "Original: English").
    if (VERSION_LANGUAGE_LINES.has(text)) continue
    if (entry.title) {
      masthead.title = text
      titleAt = entry.line
      continue
    }
    if (DOCUMENT_SYMBOL.test(text) && /\d/.test(text)) {
      masthead.symbol ||= text
      continue
    }
    const distribution = DISTRIBUTION.exec(text)
    if (distribution) {
      const word = distribution[1].toLowerCase()
      masthead.distribution =
        DISTRIBUTIONS.find((d) => d.toLowerCase() === word) ?? DISTRIBUTION_WORDS[word] ?? 'Limited'
      continue
    }
    const original = [patterns, ...ALL_LANGUAGES]
      .map((other) => other.originalLanguage.exec(text))
      .find(Boolean)
    if (original) {
      masthead.originalLanguage = original[1].trim()
      continue
    }
    const date = isoDate(text)
    if (date) {
      masthead.date = date
      continue
    }
    if (AGENDA_ITEM.test(text)) {
      agendaAt = entry.line
      // "Item 5 of the provisional agenda*": the asterisk points at the agenda's symbol.
      masthead.agendaItem = text.replace(/\s*\*$/, '')
      meetingSeen = true
      continue
    }
    if (SESSION.test(text) && !meetingSeen) {
      masthead.session = text
      continue
    }
    if (YEAR.test(text.replace(/\S*\/\S*/g, '')) && !meetingSeen) {
      masthead.meeting = text
      meetingSeen = true
      continue
    }
    ;(meetingSeen ? afterMeeting : bodies).push(entry)
  }
  if (!meetingSeen && !masthead.title && bodies.length >= 2) afterMeeting.push(bodies.pop()!)
  if (bodies.length) {
    masthead.subsidiaryBody = bodies.pop()!.text.trim()
    masthead.parentBody = bodies.map((entry) => entry.text.trim()).reduce(joinWrapped, '')
  }
  if (agendaAt !== undefined && titleAt !== undefined) {
    // The source told the title apart: the lines right below the agenda item, above it, are the item's title.
    let last = agendaAt
    for (const entry of afterMeeting.filter((e) => e.line > agendaAt! && e.line < titleAt!)) {
      if (entry.line > last + 1) break
      masthead.agendaItem = `${masthead.agendaItem} ${entry.text.trim()}`
      afterMeeting.splice(afterMeeting.indexOf(entry), 1)
      last = entry.line
    }
  }
  // "Summary", "Contents", "Project team" open parts of the text, never the title.
  const notTitle = (entry: MastheadLine) => !NOT_TITLE.test(entry.text.trim())
  const agendaLine = agendaAt ?? -1
  const gap = afterMeeting.findIndex(
    (entry, index) =>
      index > 0 &&
      entry.line > afterMeeting[index - 1].line + 1 &&
      afterMeeting[0].line > agendaLine
  )
  if (masthead.agendaItem && !masthead.title && gap > 0 && notTitle(afterMeeting[gap])) {
    // The agenda item's title runs on in the lines right below it; after a blank line comes the title.
    masthead.title = afterMeeting[gap].text.trim()
    masthead.agendaItem = [
      masthead.agendaItem,
      ...afterMeeting.slice(0, gap).map((e) => e.text.trim())
    ].join(' ')
    afterMeeting.splice(0, gap + 1)
  }
  while (afterMeeting.length && !notTitle(afterMeeting[afterMeeting.length - 1]) && !masthead.title)
    leftovers.push(afterMeeting.pop()!)
  if (masthead.agendaItem && !masthead.title && afterMeeting.length) {
    // "Item 5 of the provisional agenda" / "Adoption of the report" / "Draft report": the title is last.
    masthead.title = afterMeeting.pop()!.text.trim()
    masthead.agendaItem = [
      masthead.agendaItem,
      ...afterMeeting.splice(0).map((e) => e.text.trim())
    ].join(' ')
  }
  if (!masthead.title && afterMeeting.length) masthead.title = afterMeeting.shift()!.text.trim()
  for (const entry of afterMeeting) {
    leftovers.push(entry)
    notes.push({
      line: entry.line,
      message: `a line above the first chapter fits no masthead field ("${clip(entry.text)}") — kept as an unnumbered paragraph of the first chapter`
    })
  }
  return { masthead, leftovers }
}

/** Fixed wording wrapped over two lines ("UNITED" / "NATIONS") as one line, so it is known as such. */
function joinFixedWording(lines: readonly MastheadLine[]): MastheadLine[] {
  const out: MastheadLine[] = []
  for (let index = 0; index < lines.length; index++) {
    const next = lines[index + 1]
    const joined = next && `${lines[index].text.trim()} ${next.text.trim()}`
    if (
      joined &&
      !lines[index].title &&
      ALL_LANGUAGES.some((l) => l.fixedMastheadLines.test(joined))
    ) {
      out.push({ ...lines[index], text: joined })
      index++
    } else out.push(lines[index])
  }
  return out
}

/** Lines with the symbol set beside other text ("United Nations  CTOC/…") as two lines. */
function splitSymbols(lines: readonly MastheadLine[]): MastheadLine[] {
  return lines.flatMap((entry) => {
    const match = /^(.*\S)\s+(\S+)$/.exec(entry.text.trim())
    if (match && DOCUMENT_SYMBOL.test(match[2]) && /\d/.test(match[2]))
      return [
        { ...entry, text: match[1] },
        { ...entry, text: match[2] }
      ]
    return [entry]
  })
}

/** A string cut to a readable length for a note. */
export function clip(text: string, length = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat
}
