import { z } from 'zod'
import type { Attrs, Node } from 'prosemirror-model'
import { LANGUAGES } from './languages'

/**
 * The report's metadata: its masthead (what the first page shows above the
 * text), its language and its per-report settings. In memory they are the
 * attributes of the document node (`language`, `masthead`, `settings`), so
 * they change by steps and undo like text; on disk they are the file's
 * `meta` (see `report-file.ts`).
 */

/** Distribution levels of a UN document. */
export const DISTRIBUTIONS = ['General', 'Limited', 'Restricted'] as const

/**
 * A UN document symbol: slash-separated upper-case parts (letters, digits,
 * dots, hyphens, parentheses as in `ICCD/COP(8)/CST/8`), at least two, e.g. `CTOC/COP/WG.4/2019/L.1`, `A/78/123/Add.1`.
 * The same pattern finds symbols in running text (see `symbols.ts`).
 */
export const DOCUMENT_SYMBOL = /^[A-Z][A-Z0-9.-]*(\/[A-Za-z0-9.()-]+)+$/

/** What the masthead shows. Every field may be empty while drafting. */
export const mastheadSchema = z.object({
  /** Document symbol, e.g. "CTOC/COP/WG.7/2024/L.1". */
  symbol: z
    .string()
    .max(200)
    .refine((s) => s === '' || DOCUMENT_SYMBOL.test(s), {
      message: 'not a UN document symbol (expected e.g. CTOC/COP/WG.4/2019/L.1)'
    }),
  distribution: z.enum(DISTRIBUTIONS),
  /** Date of issue as ISO yyyy-mm-dd, or empty. */
  date: z.string().refine((s) => s === '' || /^\d{4}-\d{2}-\d{2}$/.test(s), {
    message: 'date must be yyyy-mm-dd'
  }),
  /** Original language, as printed after "Original:" (e.g. "English"). */
  originalLanguage: z.string().max(100),
  /** Parent body, e.g. "Conference of the Parties to the United Nations Convention against …". */
  parentBody: z.string().max(1000),
  /** Subsidiary body, e.g. "Working Group on the Smuggling of Migrants". */
  subsidiaryBody: z.string().max(1000),
  /** Session line, e.g. "Thirteenth session" (may be empty). */
  session: z.string().max(500),
  /** Meeting dates and place, e.g. "Vienna, 4–6 June 2024". */
  meeting: z.string().max(500),
  /** Agenda item line, e.g. "Item 5 of the provisional agenda". */
  agendaItem: z.string().max(1000),
  /** Symbol of the provisional agenda, which the agenda item's asterisk footnote gives (optional). */
  agendaSymbol: z
    .string()
    .max(200)
    .refine((s) => s === '' || DOCUMENT_SYMBOL.test(s), {
      message: 'not a UN document symbol (expected e.g. CTOC/COP/WG.4/2019/1)'
    })
    .optional(),
  /** Title, e.g. "Draft report". */
  title: z.string().max(1000),
  /** Job number for the first-page footer, e.g. "V.24-04321 (E)". */
  jobNumber: z.string().max(100)
})

/** The masthead fields. */
export type Masthead = z.infer<typeof mastheadSchema>

/** Per-report settings. */
export const settingsSchema = z.object({
  /** "block": "Recommendation N" blocks in their own series; "paragraph": numbered as paragraphs. */
  recommendationStyle: z.enum(['block', 'paragraph']),
  /** Word limit the word count is measured against (8,500 for Secretariat reports). */
  wordLimit: z.number().int().positive().max(1_000_000),
  /** First-page footer codes of the Word export: the job number's barcode, the undocs.org QR code (both shown when absent). */
  footerCodes: z.object({ barcode: z.boolean(), qrCode: z.boolean() }).optional()
})

/** The per-report settings. */
export type ReportSettings = z.infer<typeof settingsSchema>

/** Everything about a report that is not its text. */
export const metaSchema = z.object({
  language: z.enum(LANGUAGES),
  masthead: mastheadSchema,
  settings: settingsSchema
})

/** Report metadata. */
export type ReportMeta = z.infer<typeof metaSchema>

/** Word limit for reports prepared by the Secretariat. */
export const SECRETARIAT_WORD_LIMIT = 8500
/** Word limit for other reports. */
export const OTHER_WORD_LIMIT = 10700

/** An empty masthead, as a new report starts. */
export function emptyMasthead(): Masthead {
  return {
    symbol: '',
    distribution: 'Limited',
    date: '',
    originalLanguage: '',
    parentBody: '',
    subsidiaryBody: '',
    session: '',
    meeting: '',
    agendaItem: '',
    title: '',
    jobNumber: ''
  }
}

/** Default settings for a new report. */
export function defaultSettings(): ReportSettings {
  return { recommendationStyle: 'block', wordLimit: SECRETARIAT_WORD_LIMIT }
}

/** Problems with a masthead, by field, for a form to show (empty when it is sound). */
export function validateMasthead(masthead: Masthead): Partial<Record<keyof Masthead, string>> {
  const result = mastheadSchema.safeParse(masthead)
  const problems: Partial<Record<keyof Masthead, string>> = {}
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path[0] as keyof Masthead
      problems[field] ??= issue.message
    }
  }
  return problems
}

/** The names of the document attributes that hold the metadata. */
export const META_ATTRS = ['language', 'masthead', 'settings'] as const satisfies ReadonlyArray<
  keyof ReportMeta
>

// Keyed by the attrs object, which ProseMirror keeps when only the content changes,
// so asking on every keystroke returns the same object and wakes no watcher.
const metaByAttrs = new WeakMap<Attrs, ReportMeta>()

/** The metadata a document carries in its attributes (the same object until they change). */
export function metaOfDoc(doc: Node): ReportMeta {
  let meta = metaByAttrs.get(doc.attrs)
  if (!meta) {
    const { language, masthead, settings } = doc.attrs as ReportMeta
    meta = { language, masthead, settings }
    metaByAttrs.set(doc.attrs, meta)
  }
  return meta
}

/** `doc` carrying `meta` in its attributes (the same node when it already does). */
export function docWithMeta(doc: Node, meta: ReportMeta): Node {
  const current = metaOfDoc(doc)
  if (META_ATTRS.every((name) => current[name] === meta[name])) return doc
  return doc.type.create({ ...doc.attrs, ...meta }, doc.content, doc.marks)
}
