import type { Node, ResolvedPos } from 'prosemirror-model'
import {
  NodeSelection,
  Selection,
  TextSelection,
  type Command,
  type Transaction
} from 'prosemirror-state'
import { CONTAINER_TYPES, type ContainerType } from '@core/schema'
import { asOwnUndoStep } from '../undo-steps'

/**
 * Small queries over the report tree that commands share: where the
 * container and the body block around a position are, and how to move a
 * range of the document while keeping the cursor where the user had it.
 */

const CONTAINERS: ReadonlySet<string> = new Set(CONTAINER_TYPES)

/** Whether a node is a chapter, section or subsection. */
export function isContainer(node: Node): boolean {
  return CONTAINERS.has(node.type.name)
}

/** A node with its position. */
export interface Located {
  node: Node
  pos: number
}

/**
 * The depth of the block at `$pos` that sits directly in a container (a
 * heading or a body block), or null when `$pos` is not inside one.
 */
export function blockDepth($pos: ResolvedPos): number | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    if (isContainer($pos.node(depth - 1))) return depth
  }
  return null
}

/** The depth of the innermost container around `$pos` (0 when there is none). */
export function containerDepth($pos: ResolvedPos, type?: ContainerType): number {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth)
    if (type ? node.type.name === type : isContainer(node)) return depth
  }
  return 0
}

/** Every container of the document in reading order. */
export function allContainers(doc: Node): Located[] {
  const found: Located[] = []
  const walk = (node: Node, pos: number) => {
    found.push({ node, pos })
    node.forEach((child, offset) => {
      if (isContainer(child)) walk(child, pos + 1 + offset)
    })
  }
  doc.forEach((child, offset) => {
    if (isContainer(child)) walk(child, offset)
  })
  return found
}

/** The container with this id, or undefined. */
export function findContainer(doc: Node, id: string): Located | undefined {
  return allContainers(doc).find((located) => located.node.attrs.id === id)
}

/** Any node carrying this id (paragraph, recommendation, container, list item, footnote). */
export function findNodeById(doc: Node, id: string): Located | undefined {
  let found: Located | undefined
  doc.descendants((node, pos) => {
    if (found) return false
    if (node.attrs.id === id) {
      found = { node, pos }
      return false
    }
    // Ids sit on blocks and footnotes; text never carries one.
    return !node.isText
  })
  return found
}

/** The body region of a container: after its heading, before its first sub-container. */
export function bodyRange(container: Node, pos: number): { start: number; end: number } {
  let start = pos + 1
  let end = pos + 1
  container.forEach((child, offset) => {
    if (offset === 0) {
      start = pos + 1 + child.nodeSize
      end = start
    } else if (!isContainer(child) && end === pos + 1 + offset) end += child.nodeSize
  })
  return { start, end }
}

/**
 * Moves the content between `from` and `to` to `target` (a position in the
 * document before the move) in one transaction, keeping the selection where
 * it was relative to the moved content if it was inside it.
 */
export function moveRange(tr: Transaction, from: number, to: number, target: number): Transaction {
  const selection = tr.selection
  const inside = selection.from >= from && selection.to <= to
  const slice = tr.doc.slice(from, to)
  tr.delete(from, to)
  const insertAt = tr.mapping.map(target)
  tr.insert(insertAt, slice.content)
  if (inside) {
    const shift = insertAt - from
    if (selection instanceof NodeSelection)
      tr.setSelection(NodeSelection.create(tr.doc, selection.from + shift))
    else
      tr.setSelection(
        TextSelection.between(
          tr.doc.resolve(selection.anchor + shift),
          tr.doc.resolve(selection.head + shift)
        )
      )
  }
  return tr.scrollIntoView()
}

/** Puts the cursor at the start of the first textblock at or after `pos`. */
export function cursorNear(tr: Transaction, pos: number): Transaction {
  const clamped = Math.max(0, Math.min(pos, tr.doc.content.size))
  return tr.setSelection(Selection.near(tr.doc.resolve(clamped), 1))
}

/**
 * Makes a command its own undo step: its transaction never merges into the
 * history event of the typing before it, nor the typing after it into its
 * own (see undo-steps.ts). Every structural command goes through this.
 */
export function oneStep(command: Command): Command {
  return (state, dispatch, view) =>
    command(state, dispatch && ((tr) => dispatch(asOwnUndoStep(tr))), view)
}
