import {
  BuilderElement,
  type IParagraphOptions,
  type ParagraphChild,
  type XmlComponent
} from 'docx'
import type { Mark, Node } from 'prosemirror-model'
import {
  computeNumbering,
  type NumberedItem,
  type Numbering,
  type NumberingOptions
} from '../numbering'
import {
  isRemovalChange,
  type BlockChange,
  type FormatChange,
  type ParagraphBreakChange,
  type TextChangeAttrs
} from '../review/change'
import { absentFromOriginal, blockChange, deletionMark, insertionMark } from '../review/final'

/**
 * Suggestions as Word revisions: suggested text becomes `w:ins` / `w:del`
 * runs, a suggested block gets a paragraph-mark revision on each of its
 * paragraphs and all its runs tracked, the two ends of a moved block become
 * `w:moveFrom` / `w:moveTo` with their range markers. Authors and dates are
 * kept. A removed block keeps the label it had in the Original view.
 */

/** Word revision element names. */
type RevisionKind = 'w:ins' | 'w:del' | 'w:moveFrom' | 'w:moveTo'

/** One suggestion as Word sees it: which revision element, by whom, when. */
interface Revision {
  kind: RevisionKind
  change: TextChangeAttrs
  /** For the ends of a move: the name both range markers carry. */
  moveName?: string
}

/** What the exporter keeps while writing the revisions of one report. */
export interface RevisionExport {
  /** The next free `w:id` for a revision or a move range marker. */
  nextId: number
  /** Suggestions of the blocks around the one being written, innermost last. */
  blocks: BlockChange[]
  /** Word ids given to each change id, so the runs of one suggestion share one id per paragraph. */
  moveNames: Map<string, string>
  /** Labels of the Original view (for removed blocks), computed when first needed. */
  original: Numbering | null
  doc: Node
  numberingOptions: NumberingOptions
}

/**
 * Revision ids start far above the comment and bookmark ids the `docx`
 * library hands out: Word wants every annotation id in a part to be distinct.
 */
const FIRST_REVISION_ID = 100_000

/** A fresh revision state for exporting `doc`. */
export function createRevisionExport(
  doc: Node,
  numberingOptions: NumberingOptions
): RevisionExport {
  return {
    nextId: FIRST_REVISION_ID,
    blocks: [],
    moveNames: new Map(),
    original: null,
    doc,
    numberingOptions
  }
}

/** The label of a block the Final numbering skips (a removed block): its Original label. */
export function originalItemAt(state: RevisionExport, pos: number): NumberedItem | undefined {
  state.original ??= computeNumbering(state.doc, {
    ...state.numberingOptions,
    skip: absentFromOriginal
  })
  return state.original.byPos.get(pos)
}

function moveName(state: RevisionExport, change: BlockChange): string {
  const key = change.moveId ?? change.id
  let name = state.moveNames.get(key)
  if (!name) {
    name = `move${state.moveNames.size + 1}`
    state.moveNames.set(key, name)
  }
  return name
}

/** The revision of the innermost block suggestion around: a removal wins over an addition. */
function blockRevision(state: RevisionExport): Revision | null {
  const removal = [...state.blocks].reverse().find((change) => isRemovalChange(change))
  const change = removal ?? state.blocks[state.blocks.length - 1]
  if (!change) return null
  switch (change.type) {
    case 'insert':
      return { kind: 'w:ins', change }
    case 'delete':
      return { kind: 'w:del', change }
    case 'move-from':
      return { kind: 'w:moveFrom', change, moveName: moveName(state, change) }
    case 'move-to':
      return { kind: 'w:moveTo', change, moveName: moveName(state, change) }
  }
}

/** The revision that applies to content with `marks` inside the current blocks, if any. */
function revisionFor(marks: readonly Mark[], state: RevisionExport): Revision | null {
  const deleted = deletionMark(marks)
  if (deleted) return { kind: 'w:del', change: deleted.attrs as TextChangeAttrs }
  const block = blockRevision(state)
  if (block && block.kind !== 'w:ins') return block
  const inserted = insertionMark(marks)
  if (inserted) return { kind: 'w:ins', change: inserted.attrs as TextChangeAttrs }
  return block
}

function revisionAttributes(id: number, change: TextChangeAttrs) {
  return {
    id: { key: 'w:id', value: id },
    author: { key: 'w:author', value: change.author },
    date: { key: 'w:date', value: change.date }
  }
}

/**
 * `runs` as tracked content: wrapped in the revision their marks or their
 * block call for, or as they are. Deleted runs get their `w:t` turned into
 * `w:delText` when the package is finished (see `finishRevisions`).
 */
export function trackedRuns(
  runs: ParagraphChild[],
  marks: readonly Mark[],
  state: RevisionExport
): ParagraphChild[] {
  const revision = revisionFor(marks, state)
  if (!revision || runs.length === 0) return runs
  const wrapper = new BuilderElement({
    name: revision.kind,
    attributes: revisionAttributes(state.nextId++, revision.change),
    children: runs as unknown as XmlComponent[]
  })
  if (!revision.moveName) return [wrapper as unknown as ParagraphChild]
  // Word pairs the two ends of a move by the name on their range markers.
  const range = revision.kind === 'w:moveFrom' ? 'w:moveFromRange' : 'w:moveToRange'
  const rangeId = state.nextId++
  const start = new BuilderElement({
    name: `${range}Start`,
    attributes: {
      ...revisionAttributes(rangeId, revision.change),
      name: { key: 'w:name', value: revision.moveName }
    }
  })
  const end = new BuilderElement({
    name: `${range}End`,
    attributes: { id: { key: 'w:id', value: rangeId } }
  })
  return [start, wrapper, end] as unknown as ParagraphChild[]
}

/**
 * Paragraph options for the mark of a paragraph in a suggested block: Word
 * keeps or drops the paragraph itself (not only its text) with the change.
 * Outside one, a suggested break at the paragraph's end is its mark's
 * revision: a split an inserted mark, a join a deleted one.
 */
export function paragraphMarkRevision(
  state: RevisionExport,
  paragraphBreak: ParagraphBreakChange | null = null
): Pick<IParagraphOptions, 'run'> {
  const revision =
    blockRevision(state) ??
    (paragraphBreak
      ? { kind: paragraphBreak.type === 'split' ? 'w:ins' : 'w:del', change: paragraphBreak }
      : null)
  if (!revision) return {}
  const attrs = { id: state.nextId++, author: revision.change.author, date: revision.change.date }
  const removes = revision.kind === 'w:del' || revision.kind === 'w:moveFrom'
  return { run: removes ? { deletion: attrs } : { insertion: attrs } }
}

/** Builds the output of `node` with its block suggestion (if any) in force. */
export function withBlockChange<T>(node: Node, state: RevisionExport, build: () => T): T {
  const change = blockChange(node)
  if (!change) return build()
  state.blocks.push(change)
  try {
    return build()
  } finally {
    state.blocks.pop()
  }
}

/** Whether content with `marks` is written as a revision (a field then stays plain text). */
export function isTracked(marks: readonly Mark[], state: RevisionExport): boolean {
  return revisionFor(marks, state) !== null
}

const DELETED_CONTENT = /(<w:del\b[^>]*[^/>]>|<w:del>)([\s\S]*?)(<\/w:del>)/g

/**
 * A part's XML with the text of deleted runs as Word writes it: `w:delText`
 * and `w:delInstrText` inside `w:del` (the `docx` library writes `w:t`).
 */
export function withDeletedText(xml: string): string {
  if (!xml.includes('<w:del')) return xml
  return xml.replace(
    DELETED_CONTENT,
    (_all, open: string, inner: string, close: string) =>
      open +
      inner
        .replace(/<w:t(\s[^>]*)?>/g, '<w:delText$1>')
        .replace(/<\/w:t>/g, '</w:delText>')
        .replace(/<w:instrText(\s[^>]*)?>/g, '<w:delInstrText$1>')
        .replace(/<\/w:instrText>/g, '</w:delInstrText>') +
      close
  )
}

/**
 * What a paragraph's old properties are written from: its old style and, for
 * a numbered one, its old list level. The numbering instance is the one the
 * paragraph (or, for a paragraph that was numbered, the report's numbered
 * paragraphs) has in the package, filled in when the package is finished.
 */
export interface FormerParagraph {
  style: string
  /** The old list level; none for a paragraph that was not numbered. */
  level?: number
  /** Whose numbering the old level belongs to: the paragraph's own, or the report's paragraph series. */
  numbering?: 'own' | 'paragraphs'
}

/** Marks the numbering instance `finishRevisions` takes from the paragraph itself. */
const OWN_NUMBERING = 'rapporteur-own-numbering'
/** Marks the numbering instance `finishRevisions` takes from the report's numbered paragraphs. */
const PARAGRAPH_NUMBERING = 'rapporteur-paragraph-numbering'

/**
 * A paragraph's Word "Formatted" revision: a `w:pPrChange` holding its old
 * properties. The `docx` library cannot write one, so it goes out as the
 * paragraph's first child and `withFormatRevisions` moves it into the `w:pPr`.
 */
export function formatRevision(
  state: RevisionExport,
  change: FormatChange,
  former: FormerParagraph
): ParagraphChild {
  const numbering =
    former.level === undefined
      ? []
      : [
          new BuilderElement({
            name: 'w:numPr',
            children: [
              new BuilderElement({
                name: 'w:ilvl',
                attributes: { val: { key: 'w:val', value: former.level } }
              }),
              new BuilderElement({
                name: 'w:numId',
                attributes: {
                  val: {
                    key: 'w:val',
                    value: former.numbering === 'own' ? OWN_NUMBERING : PARAGRAPH_NUMBERING
                  }
                }
              })
            ]
          })
        ]
  const oldProperties = new BuilderElement({
    name: 'w:pPr',
    children: [
      new BuilderElement({
        name: 'w:pStyle',
        attributes: { val: { key: 'w:val', value: former.style } }
      }),
      ...numbering
    ]
  })
  return new BuilderElement({
    name: 'w:pPrChange',
    attributes: revisionAttributes(state.nextId++, change),
    children: [oldProperties]
  }) as unknown as ParagraphChild
}

const FORMAT_REVISION =
  /<w:pPr>((?:(?!<w:pPr>)[\s\S])*?)<\/w:pPr>(<w:pPrChange\b[^>]*>[\s\S]*?<\/w:pPrChange>)/g
const NUMBERING_ID = /<w:numId w:val="(\d+)"\/>/

/**
 * A part's XML with each format revision inside its paragraph's properties
 * (last, where Word wants it), its numbering instance filled in: the
 * paragraph's own, or the one the report's numbered paragraphs use (found on
 * the first paragraph of their style); without one the old level is left out.
 */
export function withFormatRevisions(xml: string, numberedStyle: string): string {
  if (!xml.includes('<w:pPrChange')) return xml
  const numbered = new RegExp(
    `<w:pStyle w:val="${numberedStyle}"\\/>(?:(?!<\\/w:pPr>)[\\s\\S])*?<w:numId w:val="(\\d+)"\\/>`
  ).exec(xml)?.[1]
  return xml.replace(FORMAT_REVISION, (_all, properties: string, revision: string) => {
    const own = NUMBERING_ID.exec(properties)?.[1]
    const filled = revision
      .replace(OWN_NUMBERING, own ?? '')
      .replace(PARAGRAPH_NUMBERING, numbered ?? '')
      .replace(/<w:numPr><w:ilvl w:val="\d+"\/><w:numId w:val=""\/><\/w:numPr>/, '')
    return `<w:pPr>${properties}${filled}</w:pPr>`
  })
}
