import type { Document, Element } from '@xmldom/xmldom'
import type { Mark, Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import { schema } from '../../schema'
import { paragraphBreakChange } from '../../review/final'
import type { BlockChange, ParagraphBreakChange, TextChangeAttrs } from '../../review/change'
import type { CommentEntry, CommentThread } from '../../review/threads'
import type { SourceFormerFormat } from '../source'
import { child, children, elementChildren, wAttr } from './xml'

/**
 * Word revisions and comments read as suggestions and comment threads, so a
 * draft that comes back from Word opens with its changes still to settle:
 * `w:ins` / `w:moveTo` runs become suggested insertions, `w:del` /
 * `w:moveFrom` runs suggested deletions, each comment a thread (replies and
 * the resolved state from commentsExtended) anchored on its range.
 */

/** What a run of imported text carries from review: its suggestion and the threads over it. */
export interface SegmentReview {
  insertion?: TextChangeAttrs
  deletion?: TextChangeAttrs
  /** Ids of the comment threads whose range covers the run. */
  comments?: string[]
}

const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml'
const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml'
/** When a revision or comment has no date, Word's epoch stands in (the schema needs one). */
const NO_DATE = '1970-01-01T00:00:00Z'

function isoDate(value: string | undefined): string {
  if (!value) return NO_DATE
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? NO_DATE : date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function initialsOf(author: string): string {
  return author
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0])
    .join('')
    .toUpperCase()
}

/**
 * The revision of a paragraph's mark (`w:pPr/w:rPr/w:ins` or `w:del`) as a
 * suggested break after the paragraph: an inserted mark split it from the
 * next, a deleted one joins them.
 */
export function paragraphMarkBreak(properties: Element | undefined): ParagraphBreakChange | null {
  const markProperties = child(properties, 'rPr')
  const inserted = child(markProperties, 'ins')
  const revision = inserted ?? child(markProperties, 'del')
  if (!revision) return null
  const author = wAttr(revision, 'author') ?? ''
  return {
    type: inserted ? 'split' : 'join',
    id: `wp${wAttr(revision, 'id') ?? ''}`,
    author,
    initials: initialsOf(author),
    date: isoDate(wAttr(revision, 'date'))
  }
}

/**
 * A paragraph's "Formatted" revision (`w:pPr/w:pPrChange`) as its old
 * format: numbered or not, and at which list level. `numberedStyles` are the
 * style ids whose paragraphs are numbered without a `w:numPr` of their own.
 */
export function paragraphFormerFormat(
  properties: Element | undefined,
  numberedStyles: (styleId: string) => boolean
): SourceFormerFormat | null {
  const revision = child(properties, 'pPrChange')
  if (!revision) return null
  const old = child(revision, 'pPr')
  const numPr = child(old, 'numPr')
  const style = wAttr(child(old, 'pStyle'))
  const level = wAttr(child(numPr, 'ilvl'))
  const author = wAttr(revision, 'author') ?? ''
  const numberedId = wAttr(child(numPr, 'numId'))
  return {
    change: {
      id: `wf${wAttr(revision, 'id') ?? ''}`,
      author,
      initials: initialsOf(author),
      date: isoDate(wAttr(revision, 'date'))
    },
    // numId 0 is Word's "no numbering".
    numbered:
      (numberedId !== undefined && numberedId !== '0') || (!!style && numberedStyles(style)),
    ...(level !== undefined ? { level: Number(level) } : {})
  }
}

/** The revisions and comment ranges around the runs being read, as the reader walks a paragraph. */
export class ReviewTracker {
  private readonly revisions: Array<{ kind: 'insertion' | 'deletion'; attrs: TextChangeAttrs }> = []
  private readonly open = new Set<string>()
  /** Whether any revision was met (for the import notes). */
  revisionsSeen = 0
  movesSeen = 0

  constructor(private readonly threadOf: ReadonlyMap<string, string>) {}

  /** Reads `element`'s content with the revision it is (`w:ins`, `w:del`, `w:moveFrom`, `w:moveTo`) in force. */
  within(element: Element, read: () => void): void {
    const name = element.localName
    const kind = name === 'ins' || name === 'moveTo' ? 'insertion' : 'deletion'
    if (name === 'moveFrom' || name === 'moveTo') this.movesSeen += 1
    this.revisionsSeen += 1
    const author = wAttr(element, 'author') ?? ''
    this.revisions.push({
      kind,
      attrs: {
        id: `w${kind[0]}${wAttr(element, 'id') ?? this.revisionsSeen}`,
        author,
        initials: initialsOf(author),
        date: isoDate(wAttr(element, 'date'))
      }
    })
    try {
      read()
    } finally {
      this.revisions.pop()
    }
  }

  /** Whether text read now is deleted (Word writes it as `w:delText`). */
  get inDeletion(): boolean {
    return this.revisions.some((revision) => revision.kind === 'deletion')
  }

  /** Follows `w:commentRangeStart` / `w:commentRangeEnd`. */
  commentRange(element: Element): void {
    const thread = this.threadOf.get(wAttr(element, 'id') ?? '')
    if (!thread) return
    if (element.localName === 'commentRangeStart') this.open.add(thread)
    else this.open.delete(thread)
  }

  /** What a run read now carries, or nothing. */
  current(): SegmentReview | undefined {
    const insertion = [...this.revisions].reverse().find((r) => r.kind === 'insertion')
    const deletion = [...this.revisions].reverse().find((r) => r.kind === 'deletion')
    if (!insertion && !deletion && this.open.size === 0) return undefined
    const review: SegmentReview = {}
    if (insertion) review.insertion = insertion.attrs
    if (deletion) review.deletion = deletion.attrs
    if (this.open.size) review.comments = [...this.open]
    return review
  }
}

function commentText(comment: Element): string {
  return children(comment, 'p')
    .map((paragraph) => {
      let text = ''
      const walk = (element: Element) => {
        for (const node of elementChildren(element)) {
          if (node.localName === 't') text += node.textContent ?? ''
          else if (node.localName === 'tab') text += '\t'
          else walk(node)
        }
      }
      walk(paragraph)
      return text
    })
    .join('\n')
}

/** The paraId of a comment's last paragraph: what commentsExtended keys its thread data on. */
function lastParaId(comment: Element): string | undefined {
  const paragraphs = children(comment, 'p')
  const last = paragraphs[paragraphs.length - 1]
  return last?.getAttributeNS(W14, 'paraId') ?? last?.getAttribute('w14:paraId') ?? undefined
}

/**
 * The comment threads of a Word file: each comment without a parent opens a
 * thread (its id `word-<w:id>`), each reply joins its parent's. Returns the
 * threads and, for each Word comment id, the thread its range belongs to.
 */
export function readCommentThreads(
  comments: Document | undefined,
  extended: Document | undefined
): { threads: CommentThread[]; threadOf: Map<string, string> } {
  const threads: CommentThread[] = []
  const threadOf = new Map<string, string>()
  const root = comments?.documentElement
  if (!root) return { threads, threadOf }
  const exByPara = new Map<string, { parent?: string; done: boolean }>()
  const exRoot = extended?.documentElement
  if (exRoot)
    for (const entry of elementChildren(exRoot)) {
      const paraId = entry.getAttributeNS(W15, 'paraId') ?? entry.getAttribute('w15:paraId')
      if (!paraId) continue
      const parent =
        entry.getAttributeNS(W15, 'paraIdParent') ?? entry.getAttribute('w15:paraIdParent')
      const done = (entry.getAttributeNS(W15, 'done') ?? entry.getAttribute('w15:done')) === '1'
      exByPara.set(paraId, { parent: parent || undefined, done })
    }
  const threadByPara = new Map<string, CommentThread>()
  for (const comment of children(root, 'comment')) {
    const wordId = wAttr(comment, 'id') ?? String(threads.length)
    const author = wAttr(comment, 'author') ?? ''
    const entry: CommentEntry = {
      id: `word-${wordId}`,
      author,
      initials: wAttr(comment, 'initials') ?? initialsOf(author),
      date: isoDate(wAttr(comment, 'date')),
      text: commentText(comment)
    }
    const paraId = lastParaId(comment)
    const ex = paraId ? exByPara.get(paraId) : undefined
    const parent = ex?.parent ? threadByPara.get(ex.parent) : undefined
    if (parent) {
      parent.replies.push(entry)
      threadOf.set(wordId, parent.id)
      continue
    }
    const thread: CommentThread = {
      ...entry,
      anchor: { kind: 'range' },
      resolved: ex?.done ?? false,
      replies: []
    }
    threads.push(thread)
    threadOf.set(wordId, thread.id)
    if (paraId) threadByPara.set(paraId, thread)
  }
  return { threads, threadOf }
}

/** The review marks of an imported run. */
export function reviewMarks(review: SegmentReview | undefined): Mark[] {
  if (!review) return []
  const marks: Mark[] = []
  if (review.insertion) marks.push(schema.marks.insertion.create(review.insertion))
  if (review.deletion) marks.push(schema.marks.deletion.create(review.deletion))
  for (const id of review.comments ?? []) marks.push(schema.marks.comment.create({ id }))
  return marks
}

/** The one suggestion every inline node of `textblock` carries, if they all carry the same kind. */
function wholeSuggestion(
  textblock: Node
): { type: 'insert' | 'delete'; attrs: TextChangeAttrs } | null {
  if (textblock.childCount === 0) return null
  let found: { type: 'insert' | 'delete'; attrs: TextChangeAttrs } | null = null
  let whole = true
  textblock.forEach((child) => {
    const insertion = child.marks.find((m) => m.type.name === 'insertion')
    const deletion = child.marks.find((m) => m.type.name === 'deletion')
    const type = deletion ? 'delete' : insertion ? 'insert' : null
    if (!type || (found && found.type !== type)) whole = false
    else found ??= { type, attrs: (deletion ?? insertion)!.attrs as TextChangeAttrs }
  })
  return whole ? found : null
}

/**
 * Word keeps an inserted or deleted paragraph as a revision of its text and
 * of its paragraph mark; the importer reads both as text. A paragraph (list
 * item, recommendation) whose whole text is one kind of suggestion is made a
 * suggested block, so rejecting an inserted paragraph removes it instead of
 * leaving it empty, and numbering skips a deleted one.
 */
export function blockSuggestionsFromText(doc: Node): Node {
  const tr = new Transform(doc)
  const lifted: Array<{ pos: number; change: BlockChange }> = []
  doc.descendants((node, pos, parent) => {
    if (!node.isTextblock || node.type.name === 'heading') return !node.isTextblock
    const whole = wholeSuggestion(node)
    if (!whole || !parent) return false
    const { id, author, initials, date } = whole.attrs
    lifted.push({ pos, change: { type: whole.type, id, author, initials, date } })
    return false
  })
  const done = new Set<number>()
  const liftedAt = new Map(lifted.map(({ pos, change }) => [pos, change.type]))
  // A whole paragraph inserted or deleted carries its mark's revision as a block: its own
  // break, or the one before it (Word marks the mark before a paragraph typed after another).
  let previous: { pos: number; node: Node } | null = null
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    const paragraphBreak = paragraphBreakChange(node)
    const own = liftedAt.get(pos)
    if (paragraphBreak && own) tr.setNodeAttribute(pos, 'paragraphBreak', null)
    const before = previous && paragraphBreakChange(previous.node)
    const belongs = before && (before.type === 'split' ? 'insert' : 'delete') === own
    if (previous && belongs && !liftedAt.has(previous.pos))
      tr.setNodeAttribute(previous.pos, 'paragraphBreak', null)
    previous = { pos, node }
    return false
  })
  for (const { pos, change } of lifted) {
    const $pos = doc.resolve(pos)
    // The block that goes or comes with the paragraph: a list item or recommendation it fills alone.
    let target = pos
    for (let depth = $pos.depth; depth > 0; depth--) {
      const ancestor = $pos.node(depth)
      const filled = ancestor.type.name === 'list_item' || ancestor.type.name === 'recommendation'
      const all =
        filled && textblocksOf(ancestor).every((t) => wholeSuggestion(t)?.type === change.type)
      if (!all) break
      target = $pos.before(depth)
    }
    if (done.has(target)) continue
    done.add(target)
    tr.setNodeAttribute(target, 'change', change)
    const mark = change.type === 'insert' ? schema.marks.insertion : schema.marks.deletion
    const end = target + doc.nodeAt(target)!.nodeSize
    tr.removeMark(target, end, mark)
  }
  return tr.doc
}

function textblocksOf(node: Node): Node[] {
  const found: Node[] = []
  node.descendants((child) => {
    if (child.isTextblock) found.push(child)
    return !child.isTextblock
  })
  return found
}
