import { Mark, type AttributeSpec, type Attrs, type Node } from 'prosemirror-model'
import { z } from 'zod'
import { schema } from './schema'
import { docWithMeta, META_ATTRS, metaOfDoc, metaSchema, type ReportMeta } from './meta'
import { migrate } from './migrations'
import { withRepairedIds } from './ids'
import { hasLoneSurrogate } from './safe-url'
import {
  nodesOverBudget,
  REPORT_BUDGETS,
  textOverBudget,
  type ReportBudgets
} from './report-budgets'

/**
 * The `.rapporteur` file: UTF-8 JSON `{ format, version, meta, doc }`.
 * Loading is parse → check the envelope → migrate → validate meta and
 * document; every way a file can be wrong gets its own `ReportFileError`.
 *
 * In memory the metadata also lives in the document node's attributes (so
 * edits to it are undoable steps); on disk it stays in the envelope's `meta`
 * and `doc` carries only its other attributes (comment threads). Keeping the
 * envelope rather than bumping the format version means files stay readable both ways: this build reads
 * version-1 files as they are, and a file it writes opens unchanged in the
 * builds already deployed, with no migration to maintain.
 */

/** The value of the `format` field. */
export const FORMAT = 'rapporteur'
/** The file format version this build writes. */
export const CURRENT_VERSION = 1
/** The file name extension, without the dot. */
export const EXTENSION = 'rapporteur'
/** Deepest node nesting a file may have; real reports stay far below it. */
export const MAX_NODE_DEPTH = 64

/**
 * A report in memory: its metadata and its ProseMirror document. A report
 * read by `reportFromJSON` or built by `reportOfDoc` has `meta` equal to the
 * document's attributes; when they differ (a document built without them),
 * `meta` is what gets written.
 */
export interface Report {
  meta: ReportMeta
  doc: Node
}

/** The JSON shape of a `.rapporteur` file. */
export interface ReportFileJson {
  format: typeof FORMAT
  version: number
  meta: ReportMeta
  doc: unknown
}

/** Why a file could not be loaded. */
export type ReportFileErrorCode =
  | 'not-json'
  | 'not-rapporteur'
  | 'newer-version'
  | 'invalid-meta'
  | 'invalid-content'
  | 'over-budget'

/** A file that cannot be loaded, with a message that names the problem. */
export class ReportFileError extends Error {
  constructor(
    readonly code: ReportFileErrorCode,
    message: string,
    /** Where in the file the problem is (`doc.content[2].content[0]`), when known. */
    readonly path?: string
  ) {
    super(message)
    this.name = 'ReportFileError'
  }
}

const envelopeSchema = z.object({
  format: z.literal(FORMAT),
  version: z.number().int().positive()
})

/** Longest piece of the file's own text an error message quotes; a hostile file may hold megabytes. */
const MAX_QUOTED = 60

function quoted(text: string): string {
  return JSON.stringify(text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text)
}

/** Parses and validates the text of a `.rapporteur` file. Throws `ReportFileError`. */
export function parseReport(text: string, budgets: ReportBudgets = REPORT_BUDGETS): Report {
  overBudget(textOverBudget(text, budgets))
  let json: unknown
  try {
    // Some Windows editors put a byte-order mark before the JSON; it is not damage.
    json = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    const hint =
      text.trim() === ''
        ? 'the file is empty'
        : error instanceof RangeError
          ? 'its content is nested far too deeply'
          : `it is cut short or damaged (${detail})`
    throw new ReportFileError('not-json', `This is not a readable Rapporteur file: ${hint}.`)
  }
  overBudget(nodesOverBudget(json, budgets))
  return reportFromJSON(json)
}

function overBudget(problem: string | null): void {
  if (problem)
    throw new ReportFileError('over-budget', `This report is too large to open: ${problem}.`)
}

/** Validates (and migrates) a parsed `.rapporteur` JSON value. Throws `ReportFileError`. */
export function reportFromJSON(json: unknown): Report {
  const envelope = envelopeSchema.safeParse(json)
  if (!envelope.success) {
    if (isRecord(json) && json.format === FORMAT)
      throw new ReportFileError(
        'not-rapporteur',
        'This Rapporteur report is damaged: its file format version is not a positive whole number.'
      )
    throw new ReportFileError(
      'not-rapporteur',
      'This is not a Rapporteur report: it lacks the "format": "rapporteur" header and a version number.'
    )
  }
  const { version } = envelope.data
  if (version > CURRENT_VERSION) {
    throw new ReportFileError(
      'newer-version',
      `This report was saved by a newer version of Rapporteur (file format ${version}; this app reads up to ${CURRENT_VERSION}). Update Rapporteur to open it.`
    )
  }
  const current = migrate(json as Record<string, unknown>, version, CURRENT_VERSION)

  const meta = metaSchema.safeParse(current.meta)
  if (!meta.success) {
    const issue = meta.error.issues[0]
    const path = ['meta', ...issue.path.map(String)].join('.')
    // zod says "expected string, received undefined" for an absent field; say it plainly.
    const problem = /received undefined$/.test(issue.message) ? 'it is missing' : issue.message
    throw new ReportFileError(
      'invalid-meta',
      `Invalid report metadata at ${path}: ${problem}.`,
      path
    )
  }
  const doc = docWithMeta(documentFromJSON(current.doc), meta.data)
  return { meta: meta.data, doc: withRepairedIds(doc) }
}

/** A report whose document carries `meta` in its attributes, as the editor reads it. */
export function reportWithMeta(meta: ReportMeta, doc: Node): Report {
  return { meta, doc: docWithMeta(doc, meta) }
}

/** The report a document is: its metadata read from its attributes. */
export function reportOfDoc(doc: Node): Report {
  return { meta: metaOfDoc(doc), doc }
}

/** The JSON value of a report, as written to disk (metadata in `meta`, not in `doc`). */
export function reportToJSON(report: Report): ReportFileJson {
  const doc = report.doc.toJSON() as Record<string, unknown>
  const attrs = { ...(doc.attrs as Record<string, unknown>) }
  for (const name of META_ATTRS) delete attrs[name]
  doc.attrs = attrs
  return { format: FORMAT, version: CURRENT_VERSION, meta: report.meta, doc }
}

/** The text of a `.rapporteur` file for a report. */
export function serializeReport(report: Report): string {
  return JSON.stringify(reportToJSON(report), null, 1) + '\n'
}

/** Builds and checks a document from JSON, naming the first invalid place. */
export function documentFromJSON(json: unknown): Node {
  checkShape(json, 'doc', 0)
  let doc: Node
  try {
    doc = schema.nodeFromJSON(json)
  } catch (error) {
    throw invalid('doc', error)
  }
  if (doc.type !== schema.topNodeType) throw invalid('doc', 'the top node must be "doc"')
  if (doc.marks.length > 0) throw invalid('doc', 'the top node cannot carry marks')
  checkNode(doc, 'doc')
  return doc
}

function invalid(path: string, problem: unknown): ReportFileError {
  const text = problem instanceof Error ? problem.message : String(problem)
  return new ReportFileError('invalid-content', `Invalid content at ${path}: ${text}.`, path)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Checks the JSON tree's shape (known types and marks, arrays where arrays belong) before building. */
function checkShape(json: unknown, path: string, depth: number): void {
  if (depth > MAX_NODE_DEPTH)
    throw invalid(path, `nodes are nested more than ${MAX_NODE_DEPTH} deep`)
  if (!isRecord(json)) throw invalid(path, 'expected a node object')
  const type = json.type
  if (typeof type !== 'string') throw invalid(path, 'a node has no "type"')
  if (!Object.prototype.hasOwnProperty.call(schema.nodes, type))
    throw invalid(path, `unknown node type ${quoted(type)}`)
  if (json.attrs !== undefined && !isRecord(json.attrs))
    throw invalid(path, '"attrs" must be an object')
  // Attribute values are checked here, where the path is known: building the node checks them too,
  // but its error would name only the whole document.
  const nodeSpec = schema.nodes[type].spec
  checkAttrValues(nodeSpec.attrs, withDefaults(nodeSpec.attrs, json.attrs), path, type)
  if (type === 'text' && (typeof json.text !== 'string' || json.text === ''))
    throw invalid(path, 'a text node needs non-empty "text"')
  if (type === 'text' && hasLoneSurrogate(json.text as string))
    throw invalid(path, 'the text holds half a character (a lone UTF-16 surrogate)')
  if (json.marks !== undefined) {
    if (!Array.isArray(json.marks)) throw invalid(path, '"marks" must be a list')
    json.marks.forEach((mark, index) => {
      const markPath = `${path}.marks[${index}]`
      if (!isRecord(mark) || typeof mark.type !== 'string')
        throw invalid(markPath, 'expected a mark')
      if (!Object.prototype.hasOwnProperty.call(schema.marks, mark.type))
        throw invalid(markPath, `unknown mark type ${quoted(mark.type)}`)
      if (mark.attrs !== undefined && !isRecord(mark.attrs))
        throw invalid(markPath, '"attrs" must be an object')
      const markSpec = schema.marks[mark.type].spec
      checkAttrValues(
        markSpec.attrs,
        withDefaults(markSpec.attrs, mark.attrs),
        markPath,
        `mark ${mark.type}`
      )
    })
  }
  if (json.content !== undefined) {
    if (!Array.isArray(json.content)) throw invalid(path, '"content" must be a list')
    json.content.forEach((child, index) =>
      checkShape(child, `${path}.content[${index}]`, depth + 1)
    )
  }
}

/** Checks each node's content, attributes and marks against the schema, deepest problem first. */
function checkNode(node: Node, path: string): void {
  node.forEach((child, _offset, index) => checkNode(child, `${path}.content[${index}]`))
  // Marks first: `validContent` also refuses a disallowed mark, but would blame the content.
  node.forEach((child, _offset, index) => {
    const childPath = `${path}.content[${index}]`
    for (const mark of child.marks) {
      if (!node.type.allowsMarkType(mark.type))
        throw invalid(childPath, `mark "${mark.type.name}" is not allowed in ${node.type.name}`)
      checkAttrValues(mark.type.spec.attrs, mark.attrs, childPath, `mark ${mark.type.name}`)
    }
    // A repeated mark, or two that exclude each other (a link on a document symbol), as Node.check.
    const normalized = child.marks.reduce((set, mark) => mark.addToSet(set), Mark.none)
    if (!Mark.sameSet(child.marks, normalized))
      throw invalid(
        childPath,
        `the marks [${child.marks.map((m) => m.type.name).join(', ')}] cannot be combined`
      )
  })
  if (!node.type.validContent(node.content))
    throw invalid(path, `${node.type.name} cannot hold ${describeContent(node)}`)
  checkAttrValues(node.type.spec.attrs, node.attrs, path, node.type.name)
}

function describeContent(node: Node): string {
  const names: string[] = []
  node.forEach((child) => names.push(child.type.name))
  return names.length ? `[${names.join(', ')}]` : 'nothing'
}

/** Attribute values as the node or mark will get them: given ones, else the spec's defaults. */
function withDefaults(
  specs: Record<string, AttributeSpec> | undefined,
  given: Record<string, unknown> | undefined
): Attrs {
  const values: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(specs ?? {}))
    values[name] =
      given && Object.prototype.hasOwnProperty.call(given, name) ? given[name] : spec.default
  return values
}

/** Applies the schema's attribute `validate` rules, as `Node.check` does, but names the place. */
function checkAttrValues(
  specs: Record<string, AttributeSpec> | undefined,
  values: Attrs,
  path: string,
  owner: string
): void {
  for (const [name, spec] of Object.entries(specs ?? {})) {
    const value = values[name]
    if (typeof value === 'string' && hasLoneSurrogate(value))
      throw invalid(
        path,
        `${owner} attribute "${name}" holds half a character (a lone UTF-16 surrogate)`
      )
    if (typeof spec.validate === 'function') {
      try {
        spec.validate(value)
      } catch (error) {
        throw invalid(path, `${owner} attribute "${name}": ${(error as Error).message}`)
      }
    } else if (typeof spec.validate === 'string') {
      if (value === undefined) throw invalid(path, `${owner} needs the attribute "${name}"`)
      const actual = value === null ? 'null' : typeof value
      if (!spec.validate.split('|').includes(actual))
        throw invalid(path, `${owner} attribute "${name}" must be ${spec.validate}, not ${actual}`)
    }
  }
}
