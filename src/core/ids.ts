import { Fragment, type Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import { ID_NODE_TYPES } from './schema'

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

const ID_LENGTH = 10
/** Random bytes drawn in bulk: one system call per id made repairing 20,000 blocks mostly waiting on the kernel. */
const pool = new Uint8Array(ID_LENGTH * 512)
let poolOffset = pool.length

/** A fresh random id (`k3f9x0qa2b`), unique for all practical purposes within a report. */
export function newId(): string {
  if (poolOffset + ID_LENGTH > pool.length) {
    globalThis.crypto.getRandomValues(pool)
    poolOffset = 0
  }
  let id = ''
  for (let i = 0; i < ID_LENGTH; i++) id += ALPHABET[pool[poolOffset + i] % ALPHABET.length]
  poolOffset += ID_LENGTH
  return id
}

/** Whether nodes of this type carry an `id`. */
export function carriesId(node: Node): boolean {
  return ID_NODE_TYPES.has(node.type.name)
}

/**
 * Positions of nodes whose `id` is missing or repeats an earlier one, in
 * document order (footnote content included). The first holder of an id keeps it, so a
 * pasted copy is what gets renamed and references keep pointing at the original.
 */
export function idsToRepair(doc: Node): number[] {
  const seen = new Set<string>()
  const repair: number[] = []
  doc.descendants((node, pos) => {
    if (!carriesId(node)) return true
    const id = node.attrs.id as string | null
    if (!id || seen.has(id)) repair.push(pos)
    else seen.add(id)
    return true
  })
  return repair
}

/**
 * Above this many repairs an editor transaction replaces the document in one
 * step instead of one attribute step per node: each attribute step copies every
 * ancestor's child list, so thousands of them cost time and memory quadratic in
 * the report's size.
 */
const MAX_ATTRIBUTE_STEPS = 16

/**
 * Gives every id-carrying node without a unique id a fresh one. Returns the
 * transform it added steps to, or null when every id was already sound; an
 * editor calls it from `appendTransaction`, so a paste that copies ids is mended
 * in the same undo step.
 */
export function repairIds<T extends Transform>(tr: T): T | null {
  const positions = idsToRepair(tr.doc)
  if (positions.length === 0) return null
  if (positions.length > MAX_ATTRIBUTE_STEPS) {
    tr.replaceWith(0, tr.doc.content.size, withRepairedIds(tr.doc).content)
    return tr
  }
  // Attribute steps never move positions, so the positions found up front stay valid.
  for (const pos of positions) tr.setNodeAttribute(pos, 'id', newId())
  return tr
}

/**
 * The same document with every missing or duplicate id replaced (for loading
 * and import), rebuilt in one pass: time and memory linear in its size.
 */
export function withRepairedIds(doc: Node): Node {
  return idsToRepair(doc).length === 0 ? doc : rebuildWithIds(doc, new Set<string>())
}

/** The node with its own and its descendants' ids made unique, in document order. */
function rebuildWithIds(node: Node, seen: Set<string>): Node {
  let attrs = node.attrs
  if (carriesId(node)) {
    const id = attrs.id as string | null
    if (!id || seen.has(id)) {
      let fresh = newId()
      while (seen.has(fresh)) fresh = newId()
      attrs = { ...attrs, id: fresh }
      seen.add(fresh)
    } else seen.add(id)
  }
  if (node.isLeaf) return attrs === node.attrs ? node : node.type.create(attrs, null, node.marks)
  const children: Node[] = []
  let changed = attrs !== node.attrs
  node.forEach((child) => {
    const rebuilt = rebuildWithIds(child, seen)
    if (rebuilt !== child) changed = true
    children.push(rebuilt)
  })
  return changed ? node.type.create(attrs, Fragment.fromArray(children), node.marks) : node
}
