import { Fragment, Slice, type Mark, type Node, type Schema } from 'prosemirror-model'
import { ReplaceStep } from 'prosemirror-transform'
import { ChangeSet, simplifyChanges, type Change, type TokenEncoder } from 'prosemirror-changeset'
import { carriesId, newId } from '../ids'
import type { Authorship, BlockChange, BlockChangeType } from './change'
import { settledDocument } from './changes'

/**
 * Compare two reports: the newer one with what changed since the older one
 * written into it as suggestions, so a reviewer sees (and can accept or
 * reject) exactly what changed. Blocks are aligned by their ids where the two
 * reports share them (a report and one of its kept versions), else by type and
 * text (two imports of Word files, whose ids are fresh each time); the text of
 * aligned blocks is diffed with prosemirror-changeset, word by word. Accepting
 * every suggestion gives the newer report, rejecting every one the older.
 */

/** Who the comparison's suggestions are attributed to, and when. */
export type CompareAuthor = Authorship

/** The author a comparison's suggestions carry unless told otherwise. */
export const COMPARISON_AUTHOR = 'Comparison'

/** Above this many alignment cells between two child lists, the middle is paired by position. */
const MAX_ALIGN_CELLS = 4_000_000

/** Share of words two blocks without shared ids must have in common to be shown as one block edited. */
const MIN_SIMILARITY = 0.4
/** How many blocks ahead a block without a shared id looks for its edited self. */
const MAX_CANDIDATES = 50

/** A word, or one Chinese character (Chinese text has no spaces between words). */
const WORD = /\p{Script=Han}|[\p{L}\p{N}]+/gu

/** The share of words two texts have in common (1 for the same words, 0 for none). */
function similarity(a: string, b: string): number {
  const wordsA = a.match(WORD) ?? []
  const wordsB = b.match(WORD) ?? []
  if (wordsA.length === 0 && wordsB.length === 0) return 1
  const counts = new Map<string, number>()
  for (const word of wordsA) counts.set(word, (counts.get(word) ?? 0) + 1)
  let common = 0
  for (const word of wordsB) {
    const left = counts.get(word) ?? 0
    if (left > 0) {
      common += 1
      counts.set(word, left - 1)
    }
  }
  return common / Math.max(wordsA.length, wordsB.length)
}

/** Leaf node standing in for a footnote while a paragraph is diffed (its content is merged apart). */
const FOOTNOTE_KEY = '\u0001footnote\u0001'

interface Side {
  /** Every id-carrying node by its id. */
  ids: Map<string, Node>
}

function collectIds(doc: Node): Side {
  const ids = new Map<string, Node>()
  doc.descendants((node) => {
    const id = node.attrs.id as string | null | undefined
    if (id) ids.set(id, node)
    return true
  })
  return { ids }
}

/** Whether the two sides share at least half the ids of the one with fewer (and any at all). */
function shareIds(oldSide: Side, newSide: Side): boolean {
  let shared = 0
  for (const id of newSide.ids.keys()) if (oldSide.ids.has(id)) shared += 1
  return shared > 0 && shared * 2 >= Math.min(oldSide.ids.size, newSide.ids.size)
}

/**
 * Whether two reports share their block ids (one descends from the other):
 * then `compareReports` aligns their blocks by id, and rejecting every
 * suggestion gives back the older report ids and all; otherwise it aligns
 * them by text, and a block paired by its words keeps the newer report's id.
 */
export function sharesBlockIds(oldDoc: Node, newDoc: Node): boolean {
  return shareIds(collectIds(oldDoc), collectIds(newDoc))
}

function carriesChange(node: Node): boolean {
  return 'change' in node.type.spec.attrs!
}

function markKey(marks: readonly Mark[]): string {
  const kept = marks.filter((mark) => mark.type.name !== 'comment')
  return kept.map((mark) => `${mark.type.name}${JSON.stringify(mark.attrs)}`).join('|')
}

/** Tokens for the text diff: characters with their formatting, leaves by what they show. */
const encoder: TokenEncoder<string | number> = {
  encodeCharacter(char, marks) {
    const key = markKey(marks)
    return key === '' ? char : `${char}:${key}`
  },
  encodeNodeStart(node) {
    const what = node.type.name === 'cross_reference' ? (node.attrs.target as string) : ''
    return `${node.type.name}:${what}:${markKey(node.marks)}`
  },
  encodeNodeEnd(node) {
    return `/${node.type.name}`
  },
  compareTokens(a, b) {
    return a === b
  }
}

/** Where a block's children go in the merge: kept on both sides, only in the old, or only in the new. */
type Aligned =
  { kind: 'both'; old: Node; new: Node } | { kind: 'old'; node: Node } | { kind: 'new'; node: Node }

/** How far into its parent's content a child sits: headings first, sections after body blocks, annexes last. */
function rank(node: Node): number {
  switch (node.type.name) {
    case 'heading':
      return 0
    case 'chapter':
    case 'section':
    case 'subsection':
      return 2
    case 'annex':
      return 3
    default:
      return 1
  }
}

class Comparer {
  private readonly oldSide: Side
  private readonly newSide: Side
  /** Whether the two reports share their block ids (one descends from the other). */
  private readonly byId: boolean
  private readonly moveIds = new Map<string, string>()
  private readonly schema: Schema

  constructor(
    oldDoc: Node,
    newDoc: Node,
    private readonly who: CompareAuthor,
    private readonly makeId: () => string
  ) {
    this.oldSide = collectIds(oldDoc)
    this.newSide = collectIds(newDoc)
    this.byId = shareIds(this.oldSide, this.newSide)
    this.schema = newDoc.type.schema
  }

  private textMark(kind: 'insertion' | 'deletion'): Mark {
    return this.schema.marks[kind].create({ id: this.makeId(), ...this.who })
  }

  private blockChange(type: BlockChangeType, moveId?: string): BlockChange {
    return { type, id: this.makeId(), ...this.who, ...(moveId ? { moveId } : {}) }
  }

  /** The id of the move a block with `id` makes, when the block is in both reports but not aligned. */
  private moveOf(node: Node, other: Side): string | undefined {
    const id = node.attrs.id as string | null | undefined
    if (!this.byId || !id || !carriesChange(node)) return undefined
    const there = other.ids.get(id)
    if (!there || there.type !== node.type) return undefined
    let moveId = this.moveIds.get(id)
    if (!moveId) {
      moveId = this.makeId()
      this.moveIds.set(id, moveId)
    }
    return moveId
  }

  /** The key two children must share to be aligned outright. */
  private key(node: Node): string {
    const id = node.attrs.id as string | null | undefined
    if (this.byId && id) return `${node.type.name}#${id}`
    return `${node.type.name}\u0000${node.textContent}`
  }

  /** Whether two unaligned children facing each other may still be merged (their text diffed). */
  private pairable(a: Node, b: Node): boolean {
    if (a.type !== b.type) return false
    if (!this.byId) return true
    return !a.attrs.id && !b.attrs.id
  }

  merge(oldNode: Node, newNode: Node): Node {
    if (newNode.isTextblock) return this.mergeInline(oldNode, newNode)
    const parts: Array<{ rank: number; nodes: Node[] }> = []
    for (const item of this.align(oldNode.content, newNode.content)) {
      if (item.kind === 'both')
        parts.push({ rank: rank(item.new), nodes: [this.merge(item.old, item.new)] })
      else if (item.kind === 'old')
        parts.push({ rank: rank(item.node), nodes: this.removed(item.node) })
      else parts.push({ rank: rank(item.node), nodes: this.added(item.node) })
    }
    // A stable sort keeps each side's order; it only keeps, say, a removed section after added paragraphs.
    parts.sort((a, b) => a.rank - b.rank)
    const content = Fragment.fromArray(parts.flatMap((part) => part.nodes))
    return newNode.type.createChecked(newNode.attrs, content, newNode.marks)
  }

  /** The children of two blocks lined up: aligned pairs, and what only one side holds, in order. */
  private align(oldContent: Fragment, newContent: Fragment): Aligned[] {
    const olds: Node[] = []
    const news: Node[] = []
    oldContent.forEach((node) => olds.push(node))
    newContent.forEach((node) => news.push(node))
    const oldKeys = olds.map((node) => this.key(node))
    const newKeys = news.map((node) => this.key(node))
    let start = 0
    while (start < olds.length && start < news.length && oldKeys[start] === newKeys[start]) start++
    let endOld = olds.length
    let endNew = news.length
    while (endOld > start && endNew > start && oldKeys[endOld - 1] === newKeys[endNew - 1]) {
      endOld--
      endNew--
    }
    const anchors = lcs(oldKeys, newKeys, start, endOld, start, endNew)
    const result: Aligned[] = []
    for (let i = 0; i < start; i++) result.push({ kind: 'both', old: olds[i], new: news[i] })
    let i = start
    let j = start
    for (const [ai, aj] of [...anchors, [endOld, endNew] as const]) {
      this.pairGap(olds.slice(i, ai), news.slice(j, aj), result)
      if (ai < endOld) result.push({ kind: 'both', old: olds[ai], new: news[aj] })
      i = ai + 1
      j = aj + 1
    }
    for (let k = 0; endOld + k < olds.length; k++)
      result.push({ kind: 'both', old: olds[endOld + k], new: news[endNew + k] })
    return result
  }

  /**
   * Lines up the children between two anchors. Blocks without an id (a list
   * item's text, a heading) facing one of their kind are merged; blocks with
   * one (when ids are not shared) only with a block of mostly the same words;
   * the rest are removed or added.
   */
  private pairGap(olds: Node[], news: Node[], out: Aligned[]): void {
    let j = 0
    for (const old of olds) {
      const match = this.partner(old, news, j)
      if (match < 0) {
        out.push({ kind: 'old', node: old })
        continue
      }
      for (; j < match; j++) out.push({ kind: 'new', node: news[j] })
      out.push({ kind: 'both', old, new: news[match] })
      j = match + 1
    }
    for (; j < news.length; j++) out.push({ kind: 'new', node: news[j] })
  }

  private partner(old: Node, news: Node[], from: number): number {
    if (!carriesId(old)) return news.findIndex((node, k) => k >= from && this.pairable(old, node))
    let best = -1
    let bestScore = MIN_SIMILARITY
    const last = Math.min(news.length, from + MAX_CANDIDATES)
    for (let k = from; k < last; k++) {
      if (!this.pairable(old, news[k])) continue
      const score = similarity(old.textContent, news[k].textContent)
      if (score >= bestScore) {
        best = k
        bestScore = score
      }
      if (score === 1) break
    }
    return best
  }

  /** An old block that is gone: suggested for deletion (or as the old place of a move). */
  private removed(node: Node): Node[] {
    if (!carriesChange(node)) {
      // A list carries no suggestion itself: its items do, and it goes with its last one.
      if (node.type.name === 'ordered_list')
        return [node.copy(Fragment.fromArray(this.childrenOf(node, (c) => this.removed(c))))]
      return [this.renamed(node)]
    }
    const moveId = this.moveOf(node, this.newSide)
    const change = this.blockChange(moveId ? 'move-from' : 'delete', moveId)
    const body = this.childrenOf(node, (child) => [this.removedInside(child)])
    const id = node.attrs.id as string | null | undefined
    const attrs = { ...node.attrs, change, ...(id ? { id: this.freshIfTaken(id) } : {}) }
    return [node.type.create(attrs, Fragment.fromArray(body), node.marks)]
  }

  /** A descendant of a removed block: unchanged, but a block moved elsewhere is marked as the old end of its move. */
  private removedInside(node: Node): Node {
    if (this.moveOf(node, this.newSide)) return this.removed(node)[0]
    return this.renamed(node)
  }

  /** A new block: suggested for insertion (or as the new place of a move). */
  private added(node: Node): Node[] {
    if (!carriesChange(node)) {
      if (node.type.name === 'ordered_list')
        return [node.copy(Fragment.fromArray(this.childrenOf(node, (c) => this.added(c))))]
      return [node]
    }
    const moveId = this.moveOf(node, this.oldSide)
    const change = this.blockChange(moveId ? 'move-to' : 'insert', moveId)
    const body = this.childrenOf(node, (child) => [this.addedInside(child)])
    return [node.type.create({ ...node.attrs, change }, Fragment.fromArray(body), node.marks)]
  }

  private addedInside(node: Node): Node {
    if (this.moveOf(node, this.oldSide)) return this.added(node)[0]
    if (node.isLeaf || node.isInline) return node
    return node.copy(Fragment.fromArray(this.childrenOf(node, (c) => [this.addedInside(c)])))
  }

  private childrenOf(node: Node, map: (child: Node) => Node[]): Node[] {
    const out: Node[] = []
    node.forEach((child) => out.push(...map(child)))
    return out
  }

  /** `id`, or a fresh one when the new report uses it (an old copy must not take a live block's id). */
  private freshIfTaken(id: string): string {
    return this.newSide.ids.has(id) ? this.makeId() : id
  }

  /** An old node kept as it was, its ids made fresh where the new report holds them, comment anchors dropped. */
  private renamed(node: Node): Node {
    if (node.isText) return node.mark(node.marks.filter((mark) => mark.type.name !== 'comment'))
    const id = node.attrs.id as string | null | undefined
    const attrs = id ? { ...node.attrs, id: this.freshIfTaken(id) } : node.attrs
    const marks = node.marks.filter((mark) => mark.type.name !== 'comment')
    const content = Fragment.fromArray(this.childrenOf(node, (c) => [this.removedInside(c)]))
    return node.type.create(attrs, content, marks)
  }

  /** Merges two textblocks: their text diffed, deleted runs marked as deletions, new runs as insertions. */
  private mergeInline(oldBlock: Node, newBlock: Node): Node {
    const oldFlat = flattenFootnotes(oldBlock)
    const newFlat = flattenFootnotes(newBlock)
    const out: Node[] = []
    let posA = 0
    let posB = 0
    for (const change of diffInline(oldFlat.block, newFlat.block)) {
      this.unchanged(oldFlat, newFlat, posA, posB, change.fromB - posB, out)
      const deletion = this.textMark('deletion')
      oldFlat.block.content.cut(change.fromA, change.toA).forEach((node) => {
        const kept = this.renamed(oldFlat.restore(node))
        out.push(kept.mark(deletion.addToSet(kept.marks)))
      })
      const insertion = this.textMark('insertion')
      newFlat.block.content.cut(change.fromB, change.toB).forEach((node) => {
        const added = newFlat.restore(node)
        out.push(added.mark(insertion.addToSet(added.marks)))
      })
      posA = change.toA
      posB = change.toB
    }
    this.unchanged(oldFlat, newFlat, posA, posB, newFlat.block.content.size - posB, out)
    return newBlock.type.createChecked(newBlock.attrs, Fragment.fromArray(out), newBlock.marks)
  }

  /** Text both sides share: the new side's nodes, a shared footnote with its content merged in turn. */
  private unchanged(
    oldFlat: Flattened,
    newFlat: Flattened,
    posA: number,
    posB: number,
    length: number,
    out: Node[]
  ): void {
    if (length <= 0) return
    const olds: Node[] = []
    oldFlat.block.content.cut(posA, posA + length).forEach((node) => olds.push(node))
    let index = 0
    newFlat.block.content.cut(posB, posB + length).forEach((node) => {
      const old = olds[index++]
      const footnote = newFlat.restore(node)
      out.push(footnote === node ? node : this.merge(oldFlat.restore(old), footnote))
    })
  }
}

/** A textblock whose footnotes are replaced by leaves (so the diff aligns them by id, not by their text). */
interface Flattened {
  block: Node
  /** The node a flattened leaf stands for (the node itself when it stands for nothing). */
  restore(node: Node): Node
}

function flattenFootnotes(block: Node): Flattened {
  const footnotes = new Map<string, Node>()
  let any = false
  const children: Node[] = []
  block.forEach((child) => {
    if (child.type.name !== 'footnote') {
      children.push(child)
      return
    }
    any = true
    const target = `${FOOTNOTE_KEY}${(child.attrs.id as string | null) ?? `#${footnotes.size}`}`
    footnotes.set(target, child)
    children.push(child.type.schema.nodes.cross_reference.create({ target }, null, child.marks))
  })
  return {
    block: any ? block.copy(Fragment.fromArray(children)) : block,
    restore(node) {
      if (node.type.name !== 'cross_reference') return node
      const footnote = footnotes.get(node.attrs.target as string)
      return footnote ? footnote.mark(node.marks) : node
    }
  }
}

/** The replaced ranges between two textblocks' content, widened to whole words. */
function diffInline(oldBlock: Node, newBlock: Node): readonly Change[] {
  if (oldBlock.content.eq(newBlock.content)) return []
  const step = new ReplaceStep(0, oldBlock.content.size, new Slice(newBlock.content, 0, 0))
  const set = ChangeSet.create(oldBlock, undefined, encoder)
  const after = step.apply(oldBlock).doc
  if (!after) return []
  return simplifyChanges(set.addSteps(after, [step.getMap()], null).changes, after)
}

/**
 * Pairs of indices (old, new) of a longest common subsequence of keys within
 * the given ranges. Past `MAX_ALIGN_CELLS` it returns none, and the middle is
 * paired by position (a coarser but bounded comparison).
 */
function lcs(
  a: string[],
  b: string[],
  fromA: number,
  toA: number,
  fromB: number,
  toB: number
): Array<readonly [number, number]> {
  const n = toA - fromA
  const m = toB - fromB
  if (n === 0 || m === 0 || n * m > MAX_ALIGN_CELLS) return []
  const table = new Uint32Array((n + 1) * (m + 1))
  const at = (i: number, j: number) => i * (m + 1) + j
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[at(i, j)] =
        a[fromA + i] === b[fromB + j]
          ? table[at(i + 1, j + 1)] + 1
          : Math.max(table[at(i + 1, j)], table[at(i, j + 1)])
  const pairs: Array<readonly [number, number]> = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[fromA + i] === b[fromB + j]) {
      pairs.push([fromA + i, fromB + j])
      i++
      j++
    } else if (table[at(i + 1, j)] >= table[at(i, j + 1)]) i++
    else j++
  }
  return pairs
}

/** Options of a comparison. */
export interface CompareOptions {
  /** Who the suggestions are attributed to (default "Comparison", now). */
  who?: Partial<CompareAuthor>
  /** Makes change ids and fresh block ids (default: random ids). */
  makeId?: () => string
}

/**
 * The newer report with what changed since the older one as suggestions:
 * text and blocks only in the older one suggested for deletion, only in the
 * newer one for insertion, blocks that changed place as moves. Each report is
 * read as it stands with its own pending suggestions accepted. The newer
 * report's comments are kept; the attributes of a block both reports share
 * (a section's drafting status, a list's kind) are the newer report's.
 */
export function compareReports(oldDoc: Node, newDoc: Node, options: CompareOptions = {}): Node {
  const who: CompareAuthor = {
    author: options.who?.author ?? COMPARISON_AUTHOR,
    initials: options.who?.initials ?? '',
    date: options.who?.date ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  }
  const older = settledDocument(oldDoc, 'accept')
  const newer = settledDocument(newDoc, 'accept')
  return new Comparer(older, newer, who, options.makeId ?? newId).merge(older, newer)
}
