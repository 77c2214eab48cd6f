import type { Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import { ID_NODE_TYPES } from './schema'

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

/** A fresh random id (`k3f9x0qa2b`), unique for all practical purposes within a report. */
export function newId(): string {
  const bytes = new Uint8Array(10)
  globalThis.crypto.getRandomValues(bytes)
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length]
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
 * Gives every id-carrying node without a unique id a fresh one. Returns the
 * transform it added steps to, or null when every id was already sound; an
 * editor calls it from `appendTransaction`, so a paste that copies ids is mended
 * in the same undo step.
 */
export function repairIds<T extends Transform>(tr: T): T | null {
  const positions = idsToRepair(tr.doc)
  if (positions.length === 0) return null
  // Attribute steps never move positions, so the positions found up front stay valid.
  for (const pos of positions) tr.setNodeAttribute(pos, 'id', newId())
  return tr
}

/** The same document with every missing or duplicate id replaced (for loading and import). */
export function withRepairedIds(doc: Node): Node {
  const tr = new Transform(doc)
  return repairIds(tr)?.doc ?? doc
}
