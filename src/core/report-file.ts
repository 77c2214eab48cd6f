import { Fragment, Mark, type AttributeSpec, type Attrs, type Node } from 'prosemirror-model'
import { z } from 'zod'
import { CONTAINER_TYPES, ID_NODE_TYPES, schema } from './schema'
import { docWithMeta, META_ATTRS, metaOfDoc, metaSchema, type ReportMeta } from './meta'
import { migrate } from './migrations'
import { newId } from './ids'
import { hasLoneSurrogate } from './safe-url'
import { jsonTextParts, SelfWrittenJson } from './json-parts'
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

/**
 * Validates (and migrates) a parsed `.rapporteur` JSON value. Throws `ReportFileError`.
 *
 * With `saved` (the document of an earlier save), a content list of the current
 * format version may name a node of it by its place instead of holding it: the
 * list of child indexes leading to it from `saved`'s top (see `reportChanges`).
 * Such a node was checked when it was saved, so it is taken as it is, and its
 * ids are its own unless the same place is named twice (or within another) or
 * a node sent holds one of them: then every id is claimed in document order,
 * as in a whole report, where a repeated id gets a fresh one.
 */
export function reportFromJSON(json: unknown, saved?: Node): Report {
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
  // The metadata goes into the document's attributes as it is built: one pass, no copy.
  const docAttrs = meta.data as unknown as Attrs
  const reusable = version === CURRENT_VERSION ? saved : undefined
  if (reusable) {
    // Most saves name each node of the last one at most once, and send no node with an id
    // those hold: then no id needs claiming one by one. Otherwise, built again claiming them all.
    const trusting = new DocumentBuilder(reusable, true)
    const doc = trusting.build(current.doc, docAttrs)
    if (trusting.takenIdsAreOwn()) return { meta: meta.data, doc }
  }
  return { meta: meta.data, doc: new DocumentBuilder(reusable).build(current.doc, docAttrs) }
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
  return reportJSONWith(report, () => undefined)
}

/**
 * The types that make up a report's structure: the document, its annexes,
 * chapters, sections and subsections. The file is written, and a save names
 * unchanged nodes, down to the nodes these hold (paragraphs, recommendations,
 * tables, headings...), not below.
 */
const STRUCTURE_TYPES: ReadonlySet<string> = new Set(['doc', 'annex', ...CONTAINER_TYPES])

/** Whether `node` is part of the report's structure (see `STRUCTURE_TYPES`). */
function isStructure(node: Node): boolean {
  return STRUCTURE_TYPES.has(node.type.name)
}

/**
 * The JSON value of a report in which each node held by the structure is
 * `valueOf(node)`, unless that is `undefined`: then the structure's own nodes
 * are written member by member, as `Node.toJSON` writes them, and the nodes
 * they hold by their `toJSON`.
 */
export function reportJSONWith(report: Report, valueOf: (node: Node) => unknown): ReportFileJson {
  const contentOf = (node: Node): unknown[] => {
    const content: unknown[] = []
    node.forEach((child) => {
      const given = valueOf(child)
      if (given !== undefined) content.push(given)
      else if (isStructure(child)) content.push(nodeJSONWith(child, contentOf(child)))
      else content.push(child.toJSON())
    })
    return content
  }
  const doc = nodeJSONWith(report.doc, contentOf(report.doc))
  const attrs = { ...(doc.attrs as Record<string, unknown>) }
  for (const name of META_ATTRS) delete attrs[name]
  doc.attrs = attrs
  return { format: FORMAT, version: CURRENT_VERSION, meta: report.meta, doc }
}

/** `node.toJSON()` with `content` for its content's JSON: the same members in the same order. */
function nodeJSONWith(node: Node, content: unknown[]): Record<string, unknown> {
  const json: Record<string, unknown> = { type: node.type.name }
  if (Object.keys(node.attrs).length > 0) json.attrs = node.attrs
  if (node.content.size) json.content = content
  if (node.marks.length) json.marks = node.marks.map((mark) => mark.toJSON())
  return json
}

/** The text of a `.rapporteur` file for a report. */
export function serializeReport(report: Report): string {
  return JSON.stringify(reportToJSON(report), null, FILE_INDENT) + '\n'
}

/** Indentation of the file's JSON: one space a level. */
const FILE_INDENT = ' '

/** Writes a node of the report's structure as it stands at `indent` (see `reportTextParts`). */
export type StructureWriter<P> = (node: Node, indent: string, gap: string) => P

/** A node of the structure, written by a `StructureWriter` where `jsonTextParts` meets it. */
class WrittenNode<P> extends SelfWrittenJson<P> {
  constructor(
    readonly node: Node,
    readonly write: StructureWriter<P>
  ) {
    super()
  }

  writeAt(indent: string, gap: string): P {
    return this.write(this.node, indent, gap)
  }
}

/**
 * The text of a node of the report's structure standing at `indent`, in parts
 * that join to what `JSON.stringify` writes for it there: its own members here,
 * each node of the structure within it (a chapter's sections, say) as `write`
 * gives it, and each other node it holds (a heading, a paragraph) as
 * `writeHeld` gives it, or else all of those together by one `JSON.stringify`.
 */
export function structureTextParts<P>(
  node: Node,
  indent: string,
  gap: string,
  write: StructureWriter<P>,
  writeHeld?: StructureWriter<string>
): Array<string | P> {
  const content: unknown[] = []
  let holdsStructure = false
  node.forEach((child) => {
    if (isStructure(child)) {
      holdsStructure = true
      content.push(new WrittenNode(child, write))
    } else content.push(writeHeld ? new WrittenNode(child, writeHeld) : child.toJSON())
  })
  // Down to its content's elements, each one part; or, with no writer for what it holds and
  // no node of the structure within it, all of it in one part: one call to JSON.stringify.
  const depth = holdsStructure || writeHeld ? 2 : 0
  return jsonTextParts<P>(nodeJSONWith(node, content), gap, depth, indent)
}

/**
 * `serializeReport(report)` as parts that join to exactly that text (see
 * `jsonTextParts`): the host encodes them one by one instead of joining
 * megabytes into one string first. Each chapter and annex is `write`'s part,
 * which writes it with `structureTextParts`: the host's keeps the bytes of
 * each node of the structure while that node lives, so a save after an edit
 * encodes the section that changed and the chapter around it, not the rest.
 */
export function reportTextParts<P>(report: Report, write: StructureWriter<P>): Array<string | P> {
  const json = reportJSONWith(report, (node) =>
    isStructure(node) ? new WrittenNode(node, write) : undefined
  )
  return [...jsonTextParts<P>(json, FILE_INDENT, Infinity), '\n']
}

/**
 * The earlier save a later one may name nodes of: the host's name for it
 * (`revision`) and the document it wrote. A node of the current document that
 * is the very node it had (ProseMirror shares unchanged nodes between states)
 * is sent by its place in it, not again.
 */
export class SavedRevision {
  private places: Map<Node, number[]> | null = null

  constructor(
    readonly revision: string,
    readonly doc: Node
  ) {}

  /** Where `node` stood in the saved document, if it is one of its structure's or held by it. */
  placeOf(node: Node): number[] | undefined {
    this.places ??= structurePlaces(this.doc)
    return this.places.get(node)
  }
}

/** Every node of the structure, and every node it holds, by its child indexes from the top. */
function structurePlaces(doc: Node): Map<Node, number[]> {
  const places = new Map<Node, number[]>()
  const visit = (node: Node, place: number[]): void =>
    node.forEach((child, _offset, index) => {
      const childPlace = [...place, index]
      places.set(child, childPlace)
      if (isStructure(child)) visit(child, childPlace)
    })
  visit(doc, [])
  return places
}

/**
 * What a save sends when the host holds `saved`: the report's JSON in which
 * every node unchanged since then (in the structure or held by it) is its
 * place in `saved.doc`, and `base` names that revision. A host that no longer
 * holds it asks for the whole report instead.
 */
export function reportChanges(report: Report, saved: SavedRevision): ReportChangesJson {
  return { ...reportJSONWith(report, (node) => saved.placeOf(node)), base: saved.revision }
}

/** A report as a save sends it against an earlier revision (see `reportChanges`). */
export interface ReportChangesJson extends ReportFileJson {
  base: string
}

/**
 * Builds and checks a document from JSON in one pass, naming the first invalid
 * place: each node's shape, attributes and marks are checked as it is built,
 * its content against the schema once its children are built (so the deepest
 * problem is named first), and every missing or repeated id is replaced on the
 * way (the first holder keeps it, in document order). `docAttrs` replaces some
 * of the top node's attributes (the metadata read from the envelope).
 */
export function documentFromJSON(json: unknown, docAttrs?: Record<string, unknown>): Node {
  const builder = new DocumentBuilder()
  return builder.build(json, docAttrs)
}

/**
 * One document's build: the ids seen so far and where in the tree it is (for
 * messages), and the saved document whose nodes a content list may name.
 */
class DocumentBuilder {
  private readonly seenIds = new Set<string>()
  /** Child indexes from the top node to the node being built; the path is only spelled on error. */
  private readonly trail: number[] = []
  /** Nodes taken from the saved document by place without claiming their ids (see `trusting`). */
  private readonly taken = new Set<Node>()
  /** Every node of the saved document on the way to a node taken. */
  private readonly passed = new Set<Node>()
  /** A place was named twice, or inside (or around) another: ids must be claimed one by one. */
  private placesOverlap = false

  constructor(
    private readonly saved?: Node,
    /**
     * Take a node named by place without claiming its ids: the saved document's
     * ids were all different, so the document built has no id twice as long as
     * no place is named twice or within another and no node sent holds an id a
     * node taken holds, which `takenIdsAreOwn` tells afterwards.
     */
    private readonly trusting = false
  ) {}

  /**
   * Built trusting, whether every node taken by place keeps its ids: no place
   * overlapped another, and no node sent holds an id a node taken holds. Else
   * the document must be built again, claiming every id in document order.
   */
  takenIdsAreOwn(): boolean {
    if (this.placesOverlap) return false
    for (const node of this.taken) if (holdsAnyId(node, this.seenIds)) return false
    return true
  }

  build(json: unknown, docAttrs?: Record<string, unknown>): Node {
    if (isRecord(json) && json.type !== 'doc' && typeof json.type === 'string') {
      if (!Object.prototype.hasOwnProperty.call(schema.nodes, json.type))
        throw this.invalid(`unknown node type ${quoted(json.type)}`)
      throw this.invalid('the top node must be "doc"')
    }
    const doc = this.node(json, docAttrs)
    if (doc.marks.length > 0) throw this.invalid('the top node cannot carry marks')
    return doc
  }

  private path(suffix = ''): string {
    let path = 'doc'
    for (const index of this.trail) path += `.content[${index}]`
    return path + suffix
  }

  /** The error for a problem at the node being built (or at one of its marks, by `suffix`). */
  invalid(problem: unknown, suffix = ''): ReportFileError {
    return invalid(this.path(suffix), problem)
  }

  private node(json: unknown, override?: Record<string, unknown>): Node {
    if (this.trail.length > MAX_NODE_DEPTH)
      throw this.invalid(`nodes are nested more than ${MAX_NODE_DEPTH} deep`)
    if (!isRecord(json)) throw this.invalid('expected a node object')
    const typeName = json.type
    if (typeof typeName !== 'string') throw this.invalid('a node has no "type"')
    if (!Object.prototype.hasOwnProperty.call(schema.nodes, typeName))
      throw this.invalid(`unknown node type ${quoted(typeName)}`)
    const type = schema.nodes[typeName]
    if (json.attrs !== undefined && !isRecord(json.attrs))
      throw this.invalid('"attrs" must be an object')
    const marks = json.marks === undefined ? Mark.none : this.marks(json.marks)
    if (type.isText) {
      const text = json.text
      if (typeof text !== 'string' || text === '')
        throw this.invalid('a text node needs non-empty "text"')
      if (hasLoneSurrogate(text))
        throw this.invalid('the text holds half a character (a lone UTF-16 surrogate)')
      return schema.text(text, marks)
    }
    let attrs = (override ? { ...(json.attrs as Attrs | undefined), ...override } : json.attrs) as
      Record<string, unknown> | undefined
    if (attrs) this.checkStrings(type.spec.attrs, attrs, typeName)
    if (ID_NODE_TYPES.has(typeName)) attrs = this.claimId(attrs)
    const children = json.content === undefined ? [] : this.children(json.content)
    let node: Node
    try {
      // ProseMirror fills in defaults and applies each attribute's `validate` rule.
      node = type.create(attrs ?? null, Fragment.fromArray(children), marks)
    } catch (error) {
      throw this.refusedAttrs(type.spec.attrs, attrs, typeName, error)
    }
    this.checkContent(node)
    return node
  }

  /** The error for attributes ProseMirror refused, in this loader's words where it has them. */
  refusedAttrs(
    specs: Record<string, AttributeSpec> | undefined,
    given: Record<string, unknown> | undefined,
    owner: string,
    error: unknown,
    suffix = ''
  ): ReportFileError {
    const at = { invalid: (problem: string) => this.invalid(problem, suffix) }
    checkAttrValues(specs, withDefaults(specs, given), at, owner)
    return this.invalid(error, suffix)
  }

  /** Refuses half a character (a lone surrogate) in any string attribute the schema knows. */
  checkStrings(
    specs: Record<string, AttributeSpec> | undefined,
    given: Record<string, unknown>,
    owner: string,
    suffix = ''
  ): void {
    for (const name in given) {
      const value = given[name]
      if (typeof value === 'string' && specs?.[name] && hasLoneSurrogate(value))
        throw this.invalid(
          `${owner} attribute "${name}" holds half a character (a lone UTF-16 surrogate)`,
          suffix
        )
    }
  }

  private children(content: unknown): Node[] {
    if (!Array.isArray(content)) throw this.invalid('"content" must be a list')
    const built: Node[] = new Array<Node>(content.length)
    const depth = this.trail.length
    this.trail.push(0)
    for (let index = 0; index < content.length; index++) {
      this.trail[depth] = index
      const entry: unknown = content[index]
      built[index] =
        this.saved && Array.isArray(entry) ? this.reused(this.saved, entry) : this.node(entry)
    }
    this.trail.pop()
    return built
  }

  /** The node of the saved document at `place` (see `reportFromJSON`), its ids claimed unless trusting. */
  private reused(saved: Node, place: unknown[]): Node {
    let node = saved
    if (place.length === 0 || place.length > MAX_NODE_DEPTH)
      throw this.invalid('a place in the saved report must be a short list of child indexes')
    const passed: Node[] = []
    for (const index of place) {
      if (typeof index !== 'number' || !Number.isInteger(index) || index < 0)
        throw this.invalid('a place in the saved report must be a list of child indexes')
      if (index >= node.childCount)
        throw this.invalid(`the saved report has no node at [${place.join(', ')}]`)
      passed.push(node)
      node = node.child(index)
    }
    const facts = subtreeFacts(node)
    if (this.trail.length + facts.height - 1 > MAX_NODE_DEPTH)
      throw this.invalid(`nodes are nested more than ${MAX_NODE_DEPTH} deep`)
    if (this.trusting) {
      if (this.taken.has(node) || this.passed.has(node) || passed.some((n) => this.taken.has(n)))
        this.placesOverlap = true
      this.taken.add(node)
      for (const on of passed) this.passed.add(on)
      return node
    }
    // An id already taken earlier in this document (the same node sent twice, say): built
    // again, so it gets fresh ids exactly as the whole report's JSON would have.
    if (facts.ids.some((id) => this.seenIds.has(id))) return this.node(node.toJSON())
    for (const id of facts.ids) this.seenIds.add(id)
    return node
  }

  private marks(list: unknown): readonly Mark[] {
    if (!Array.isArray(list)) throw this.invalid('"marks" must be a list')
    const marks: Mark[] = []
    list.forEach((json: unknown, index) => {
      const suffix = `.marks[${index}]`
      if (!isRecord(json) || typeof json.type !== 'string')
        throw this.invalid('expected a mark', suffix)
      if (!Object.prototype.hasOwnProperty.call(schema.marks, json.type))
        throw this.invalid(`unknown mark type ${quoted(json.type)}`, suffix)
      if (json.attrs !== undefined && !isRecord(json.attrs))
        throw this.invalid('"attrs" must be an object', suffix)
      const type = schema.marks[json.type]
      const owner = `mark ${json.type}`
      if (json.attrs) this.checkStrings(type.spec.attrs, json.attrs, owner, suffix)
      try {
        marks.push(type.create(json.attrs ?? null))
      } catch (error) {
        throw this.refusedAttrs(type.spec.attrs, json.attrs, owner, error, suffix)
      }
    })
    const sorted = Mark.setFrom(marks)
    // A repeated mark, or two that exclude each other (a link on a document symbol), as Node.check.
    if (sorted.length > 1) {
      const normalized = sorted.reduce((set, mark) => mark.addToSet(set), Mark.none)
      if (!Mark.sameSet(sorted, normalized))
        throw this.invalid(
          `the marks [${sorted.map((m) => m.type.name).join(', ')}] cannot be combined`
        )
    }
    return sorted
  }

  /** The attributes with a fresh id when they have none or repeat an earlier one. */
  private claimId(attrs: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
    const id = attrs?.id
    if (typeof id === 'string' && id !== '' && !this.seenIds.has(id)) {
      this.seenIds.add(id)
      return attrs
    }
    // Not a string at all: ProseMirror refuses it when the node is built, naming the attribute.
    if (id !== undefined && id !== null && typeof id !== 'string') return attrs
    let fresh = newId()
    while (this.seenIds.has(fresh)) fresh = newId()
    this.seenIds.add(fresh)
    return { ...attrs, id: fresh }
  }

  /** The node's children's marks, then its content, against the schema. */
  private checkContent(node: Node): void {
    const content = node.content
    for (let index = 0; index < content.childCount; index++) {
      const child = content.child(index)
      for (const mark of child.marks)
        if (!node.type.allowsMarkType(mark.type)) {
          this.trail.push(index)
          const error = this.invalid(`mark "${mark.type.name}" is not allowed in ${node.type.name}`)
          this.trail.pop()
          throw error
        }
    }
    if (!node.type.validContent(content))
      throw this.invalid(`${node.type.name} cannot hold ${describeContent(node)}`)
  }
}

/** What a save must know of a node it takes from the saved document: its ids, and its height. */
interface SubtreeFacts {
  ids: readonly string[]
  /** Levels of nodes from it down to its deepest descendant, itself included. */
  height: number
}

/** Kept for the structure and the nodes it holds, which later saves name again and again. */
const factsOfNode = new WeakMap<Node, SubtreeFacts>()

function subtreeFacts(node: Node): SubtreeFacts {
  let facts = factsOfNode.get(node)
  if (facts) return facts
  const ids: string[] = []
  if (ID_NODE_TYPES.has(node.type.name) && typeof node.attrs.id === 'string')
    ids.push(node.attrs.id)
  let height = 0
  if (isStructure(node))
    node.forEach((child) => {
      const childFacts = subtreeFacts(child)
      for (const id of childFacts.ids) ids.push(id)
      height = Math.max(height, childFacts.height)
    })
  else height = collectIds(node, ids) - 1
  facts = { ids, height: height + 1 }
  factsOfNode.set(node, facts)
  return facts
}

/** The ids of each section holding no section of its own, kept while it lives. */
const idSetOfNode = new WeakMap<Node, ReadonlySet<string>>()

/**
 * Whether `node` or a node within it has one of `ids`: a section holding no
 * section looks them up in a set of its own ids, made once while it lives, so
 * a save after an edit looks at each unchanged section, not at each id in it.
 */
function holdsAnyId(node: Node, ids: ReadonlySet<string>): boolean {
  if (ids.size === 0) return false
  if (!isStructure(node)) return subtreeFacts(node).ids.some((id) => ids.has(id))
  const children = node.content.content
  if (!children.some(isStructure)) {
    let own = idSetOfNode.get(node)
    if (!own) {
      own = new Set(subtreeFacts(node).ids)
      idSetOfNode.set(node, own)
    }
    for (const id of ids) if (own.has(id)) return true
    return false
  }
  const id: unknown = node.attrs.id
  if (ID_NODE_TYPES.has(node.type.name) && typeof id === 'string' && ids.has(id)) return true
  return children.some((child) => holdsAnyId(child, ids))
}

/** Adds the ids within `node` (itself excluded) to `ids` in document order; returns its height. */
function collectIds(node: Node, ids: string[]): number {
  let height = 0
  node.forEach((child) => {
    if (ID_NODE_TYPES.has(child.type.name) && typeof child.attrs.id === 'string')
      ids.push(child.attrs.id)
    height = Math.max(height, collectIds(child, ids))
  })
  return height + 1
}

function invalid(path: string, problem: unknown): ReportFileError {
  const text = problem instanceof Error ? problem.message : String(problem)
  return new ReportFileError('invalid-content', `Invalid content at ${path}: ${text}.`, path)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
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
): Record<string, unknown> {
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
  at: { invalid(problem: string): ReportFileError },
  owner: string
): void {
  for (const [name, spec] of Object.entries(specs ?? {})) {
    const value = values[name]
    if (typeof value === 'string' && hasLoneSurrogate(value))
      throw at.invalid(
        `${owner} attribute "${name}" holds half a character (a lone UTF-16 surrogate)`
      )
    if (typeof spec.validate === 'function') {
      try {
        spec.validate(value)
      } catch (error) {
        throw at.invalid(`${owner} attribute "${name}": ${(error as Error).message}`)
      }
    } else if (typeof spec.validate === 'string') {
      if (value === undefined) throw at.invalid(`${owner} needs the attribute "${name}"`)
      const actual = value === null ? 'null' : typeof value
      if (!spec.validate.split('|').includes(actual))
        throw at.invalid(`${owner} attribute "${name}" must be ${spec.validate}, not ${actual}`)
    }
  }
}
