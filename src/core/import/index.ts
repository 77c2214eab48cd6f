import type { ImportNote } from './note'
import type { Language } from '../languages'
import { defaultSettings, emptyMasthead, mastheadSchema, type Masthead } from '../meta'
import { schema } from '../schema'
import { reportWithMeta, type Report } from '../report-file'
import { attachTargets, buildDocument } from './build'
import { ImportError } from './errors'
import { decodeTextFile } from './decode'
import { readDocxSource } from './docx/read'
import { blockSuggestionsFromText } from './docx/review'
import { recognize } from './recognize'
import type { SourceDocument } from './source'
import { readTextSource } from './text-source'
import type { PdfLayout } from './pdf-layout'
import { readPdfSource } from './pdf-source'

/**
 * Import: existing drafts — plain text, text copied out of a PDF, Word files —
 * into structured reports whose numbering is live from then on. Pure (no DOM,
 * no Node-only APIs), so the renderer and the CLI share it.
 */

export { ImportError, type ImportErrorCode } from './errors'
export { decodeText, decodeTextFile, MAX_TEXT_BYTES } from './decode'
export type { PdfLayout, PdfPageLayout, PdfTextItem } from './pdf-layout'

/** What an import produced: the report and what the importer was unsure about, by source line. */
export interface ImportResult {
  report: Report
  notes: ImportNote[]
}

/** Choices the caller can make instead of the importer guessing. */
export interface ImportOptions {
  /** The report language; detected from the text when not given. */
  language?: Language
}

/** Largest text accepted (characters): far above any real report, low enough to stay responsive. */
export const MAX_TEXT_LENGTH = 20_000_000

/** Imports plain text (clean, or copied out of a PDF). Throws `ImportError` for text that cannot be a report. */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
  if (text.length > MAX_TEXT_LENGTH)
    throw new ImportError(
      'too-large',
      `The text is too long to import (${text.length.toLocaleString('en')} characters; at most ${MAX_TEXT_LENGTH.toLocaleString('en')}).`
    )
  if (text.slice(0, 4096).includes(String.fromCharCode(0)))
    throw new ImportError(
      'not-text',
      'This is not a plain-text file (it contains binary data). Import Word files as .docx.'
    )
  if (text.trim() === '')
    throw new ImportError('empty', 'There is no text to import: the file is empty.')
  return fromSource(readTextSource(text, options.language))
}

/**
 * Imports a plain-text file from its bytes: decoded (see `decodeTextFile`), then
 * as `importText`, with the lines whose bytes could not be read among the notes.
 */
export function importTextFile(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  const decoded = decodeTextFile(bytes)
  const result = importText(decoded.text, options)
  if (decoded.notes.length === 0) return result
  const notes = [...decoded.notes, ...result.notes].sort((a, b) => a.line - b.line)
  return { report: result.report, notes }
}

/** Imports a Word (.docx) file. Throws `ImportError` for a file that is not a readable .docx. */
export function importDocx(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  let source: SourceDocument
  try {
    source = readDocxSource(bytes, options.language)
  } catch (error) {
    if (error instanceof ImportError) throw error
    // A hostile file can still break the XML reader in ways no check foresees (nesting
    // thousands deep overflows the stack): the user gets a message, never a crash.
    const detail =
      error instanceof RangeError
        ? 'its content is nested too deeply to be read safely'
        : `it could not be read (${error instanceof Error ? error.message : String(error)})`
    throw new ImportError('unreadable', `This Word file cannot be imported: ${detail}.`)
  }
  return fromSource(source)
}

/**
 * Imports a PDF file from its text layout (read by the PDF reader service):
 * positions, sizes and fonts settle what a text copy leaves to guessing.
 */
export function importPdfLayout(layout: PdfLayout, options: ImportOptions = {}): ImportResult {
  if (!layout.pages.some((page) => page.items.some((item) => item.text.trim() !== '')))
    throw new ImportError(
      'empty',
      'This PDF file has no text to import (it may be scanned pages: run text recognition on it first).'
    )
  return fromSource(readPdfSource(layout, options.language))
}

function fromSource(source: SourceDocument): ImportResult {
  const notes = [...source.notes]
  const language = source.language.language
  if (source.language.doubt) notes.push({ line: 1, message: source.language.doubt })
  const draft = recognize(source.blocks, language, notes)
  const paragraphBreaks = new Map(
    source.blocks.flatMap((block) =>
      block.paragraphBreak ? [[block.line, block.paragraphBreak] as const] : []
    )
  )
  const formerFormats = new Map(
    source.blocks.flatMap((block) =>
      block.formerFormat ? [[block.line, block.formerFormat] as const] : []
    )
  )
  const doc = buildDocument(
    draft,
    language,
    source.footnotes,
    notes,
    source.laterFootnotes,
    paragraphBreaks,
    formerFormats
  )
  attachTargets([...draft.chapters, ...draft.annexes], notes)
  const masthead = { ...draft.masthead.masthead }
  masthead.symbol ||= source.furniture.symbol ?? ''
  masthead.jobNumber ||= source.furniture.jobNumber ?? ''
  notes.sort((a, b) => a.line - b.line)
  // Word comments ride in the document, as the editor keeps them.
  const reviewed = blockSuggestionsFromText(
    source.comments?.length
      ? schema.nodes.doc.create({ comments: source.comments }, doc.content)
      : doc
  )
  const meta = { language, masthead: fitMasthead(masthead, notes), settings: defaultSettings() }
  return { report: reportWithMeta(meta, reviewed), notes }
}

/**
 * The masthead as the report format accepts it: a field the source made too
 * long is cut to the format's limit, one that still does not fit (a symbol of
 * the wrong shape) is left empty, each with a note, so that an import never
 * produces a report its own loader refuses.
 */
function fitMasthead(masthead: Masthead, notes: ImportNote[]): Masthead {
  const fitted = { ...masthead }
  for (const key of Object.keys(mastheadSchema.shape) as Array<keyof Masthead>) {
    const field = mastheadSchema.shape[key]
    if (field.safeParse(fitted[key]).success) continue
    const limit =
      'maxLength' in field && typeof field.maxLength === 'number' ? field.maxLength : null
    const cut = limit !== null ? (fitted[key] ?? '').slice(0, limit).trimEnd() : ''
    if (limit !== null && field.safeParse(cut).success) {
      ;(fitted as Record<string, string>)[key] = cut
      notes.push({
        line: 1,
        message: `the masthead ${key} was longer than ${limit.toLocaleString('en')} characters and was cut — check it`
      })
    } else {
      ;(fitted as Record<string, string>)[key] = emptyMasthead()[key] ?? ''
      notes.push({
        line: 1,
        message: `the masthead ${key} read from the source is not valid and was left empty — fill it in`
      })
    }
  }
  return fitted
}
