import type { Node, NodeType } from 'prosemirror-model'
import { TextSelection, type Command, type EditorState } from 'prosemirror-state'
import { schema, type ContainerType, type DraftingStatus, DRAFTING_STATUSES } from '@core/schema'
import { newId } from '@core/ids'
import {
  allContainers,
  bodyRange,
  containerDepth,
  cursorNear,
  findContainer,
  isContainer,
  moveRange,
  oneStep,
  type Located
} from './helpers'

/**
 * Commands on chapters, sections and subsections: add, rename, delete, set
 * drafting status, and move (up/down among siblings, or before/after/into
 * another container, as the outline's drag and drop does). Each is one
 * transaction, so one undo step, and numbering follows at once.
 */

/** Which way to move. */
export type Direction = 'up' | 'down'

const PARENT_TYPE: Record<ContainerType, string> = {
  chapter: 'doc',
  section: 'chapter',
  subsection: 'section'
}
const CHILD_TYPE: Partial<Record<ContainerType, ContainerType>> = {
  chapter: 'section',
  section: 'subsection'
}

/** The container an id names, or the innermost one around the cursor when no id is given. */
function targetContainer(state: EditorState, id?: string | null): Located | undefined {
  if (id) return findContainer(state.doc, id)
  const $from = state.selection.$from
  const depth = containerDepth($from)
  if (!depth) {
    // A node selection of a container itself.
    const node = state.doc.nodeAt(state.selection.from)
    return node && isContainer(node) ? { node, pos: state.selection.from } : undefined
  }
  return { node: $from.node(depth), pos: $from.before(depth) }
}

/** Position just after the body of `container` (where its first sub-container goes). */
function firstChildSlot(container: Located): number {
  return bodyRange(container.node, container.pos).end
}

/** Position just before the end of `container` (after its last child). */
function lastChildSlot(container: Located): number {
  return container.pos + container.node.nodeSize - 1
}

/**
 * Command: move a container one place up or down among its siblings. A
 * section already first (or last) in its chapter moves to the end (or start)
 * of the previous (or next) chapter; likewise a subsection across sections.
 */
export function moveContainer(id: string | null, direction: Direction): Command {
  return oneStep((state, dispatch) => {
    const source = targetContainer(state, id)
    if (!source) return false
    const type = source.node.type.name as ContainerType
    const $pos = state.doc.resolve(source.pos)
    const parent = $pos.parent
    const index = $pos.index()
    let target: number | null = null
    if (direction === 'up') {
      const previous = index > 0 ? parent.child(index - 1) : null
      if (previous && previous.type === source.node.type) target = source.pos - previous.nodeSize
      else if (type !== 'chapter') {
        const parents = allContainers(state.doc).filter(
          (c) => c.node.type.name === PARENT_TYPE[type]
        )
        const at = parents.findIndex((c) => c.pos === $pos.before())
        if (at > 0) target = lastChildSlot(parents[at - 1])
      }
    } else {
      const next = index + 1 < parent.childCount ? parent.child(index + 1) : null
      const end = source.pos + source.node.nodeSize
      if (next && next.type === source.node.type) target = end + next.nodeSize
      else if (type !== 'chapter') {
        const parents = allContainers(state.doc).filter(
          (c) => c.node.type.name === PARENT_TYPE[type]
        )
        const at = parents.findIndex((c) => c.pos === $pos.before())
        if (at >= 0 && at + 1 < parents.length) target = firstChildSlot(parents[at + 1])
      }
    }
    if (target === null) return false
    if (dispatch)
      dispatch(moveRange(state.tr, source.pos, source.pos + source.node.nodeSize, target))
    return true
  })
}

/** Where `moveContainerTo` puts a container relative to the target. */
export type Placement = 'before' | 'after' | 'inside'

/**
 * Command: move the container `sourceId` before or after the container
 * `targetId` of the same kind, or `inside` a container one level up (as its
 * last child). Refuses moves into itself and moves that would not change anything.
 */
export function moveContainerTo(sourceId: string, targetId: string, placement: Placement): Command {
  return oneStep((state, dispatch) => {
    const source = findContainer(state.doc, sourceId)
    const target = findContainer(state.doc, targetId)
    if (!source || !target || sourceId === targetId) return false
    const sourceEnd = source.pos + source.node.nodeSize
    if (target.pos > source.pos && target.pos < sourceEnd) return false
    const type = source.node.type.name as ContainerType
    let to: number
    if (placement === 'inside') {
      if (CHILD_TYPE[target.node.type.name as ContainerType] !== type) return false
      to = lastChildSlot(target)
    } else {
      if (target.node.type !== source.node.type) return false
      to = placement === 'before' ? target.pos : target.pos + target.node.nodeSize
    }
    if (to === source.pos || to === sourceEnd) return false
    if (dispatch) dispatch(moveRange(state.tr, source.pos, sourceEnd, to))
    return true
  })
}

function createContainer(type: ContainerType, title: string): Node {
  const nodeType: NodeType = schema.nodes[type]
  return nodeType.create(
    { id: newId() },
    schema.nodes.heading.create(null, title ? schema.text(title) : null)
  )
}

/**
 * Where a new container of `type` goes: after the container of that type
 * the anchor is in, else (the anchor being its parent) as the parent's first
 * child when `asFirst`, or last child otherwise.
 */
function insertionPoint(
  state: EditorState,
  type: ContainerType,
  anchorId: string | null
): number | null {
  let $pos
  let asFirst = true
  if (anchorId) {
    const anchor = findContainer(state.doc, anchorId)
    if (!anchor) return null
    if (anchor.node.type.name === PARENT_TYPE[type]) return lastChildSlot(anchor)
    $pos = state.doc.resolve(anchor.pos + 1)
    asFirst = false
  } else $pos = state.selection.$from
  const own = containerDepth($pos, type)
  if (own) return $pos.after(own)
  if (type === 'chapter') return state.doc.content.size
  const parentDepth = containerDepth($pos, PARENT_TYPE[type] as ContainerType)
  if (!parentDepth) return null
  const parent = { node: $pos.node(parentDepth), pos: $pos.before(parentDepth) }
  return asFirst ? firstChildSlot(parent) : lastChildSlot(parent)
}

function addContainer(type: ContainerType, anchorId: string | null, title: string): Command {
  return oneStep((state, dispatch) => {
    const at = insertionPoint(state, type, anchorId)
    if (at === null) return false
    if (dispatch) {
      const tr = state.tr.insert(at, createContainer(type, title))
      // The title is selected, so typing replaces a placeholder such as "New section".
      tr.setSelection(TextSelection.create(tr.doc, at + 2, at + 2 + title.length))
      dispatch(tr.scrollIntoView())
    }
    return true
  })
}

/**
 * Command: add a chapter titled `title` after the chapter holding the cursor,
 * or after the chapter holding container `anchorId`; the cursor goes into its heading.
 */
export function addChapter(anchorId: string | null = null, title = ''): Command {
  return addContainer('chapter', anchorId, title)
}

/**
 * Command: add a section after the section holding the cursor; in a
 * chapter's own text, as its first section. With `anchorId` naming a section
 * (or something in one), after that section; naming a chapter, as its last section.
 */
export function addSection(anchorId: string | null = null, title = ''): Command {
  return addContainer('section', anchorId, title)
}

/** Command: add a subsection, like `addSection` one level down. */
export function addSubsection(anchorId: string | null = null, title = ''): Command {
  return addContainer('subsection', anchorId, title)
}

/** Command: replace the title of container `id`. */
export function renameContainer(id: string, title: string): Command {
  return oneStep((state, dispatch) => {
    const container = findContainer(state.doc, id)
    if (!container) return false
    const heading = container.node.firstChild!
    if (heading.textContent === title) return false
    if (dispatch) {
      const from = container.pos + 2
      const tr = state.tr
      if (title) tr.replaceWith(from, from + heading.content.size, schema.text(title))
      else tr.delete(from, from + heading.content.size)
      dispatch(tr)
    }
    return true
  })
}

/** Command: delete container `id` (or the one at the cursor) with all it holds; never the last chapter. */
export function deleteContainer(id: string | null = null): Command {
  return oneStep((state, dispatch) => {
    const container = targetContainer(state, id)
    if (!container) return false
    if (container.node.type.name === 'chapter' && state.doc.childCount === 1) return false
    if (dispatch) {
      const tr = state.tr.delete(container.pos, container.pos + container.node.nodeSize)
      dispatch(cursorNear(tr, container.pos).scrollIntoView())
    }
    return true
  })
}

/** Command: set the drafting status of container `id` (or the one at the cursor). */
export function setContainerStatus(id: string | null, status: DraftingStatus): Command {
  return oneStep((state, dispatch) => {
    if (!DRAFTING_STATUSES.includes(status)) return false
    const container = targetContainer(state, id)
    if (!container || container.node.attrs.status === status) return false
    dispatch?.(state.tr.setNodeAttribute(container.pos, 'status', status))
    return true
  })
}
