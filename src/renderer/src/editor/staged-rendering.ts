import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey, Selection, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView, type NodeView } from 'prosemirror-view'
import { isContainer } from './commands/helpers'

/**
 * Rendering a long report in stages. ProseMirror draws the whole document
 * when a view gets a state, and for a report of a thousand pages that DOM and
 * its first layout take most of a second before anything shows. So in a
 * report of more than `STAGED_FROM_BLOCKS` textblocks, every chapter, section
 * and subsection that begins after the first `FIRST_STAGE_BLOCKS` starts
 * dormant: its node view is an empty, non-editable placeholder of about its
 * height, while the state — numbering, counts, find, save, export — holds all
 * of it as ever. A dormant container wakes (gets its real node view) when the
 * selection enters it, when it comes near the viewport, and otherwise a few at
 * a time whenever the page is idle, until none is left.
 *
 * Dormancy is a node decoration (spec `dormant: true`) kept in this plugin's
 * state and mapped through every transaction like any decoration; waking
 * removes it, and the container's node view, told of the change, asks
 * ProseMirror to draw it anew.
 */

/** Reports with more textblocks than this render in stages. */
export const STAGED_FROM_BLOCKS = 1000

/** Textblocks drawn at once when a report opens, before any container is left dormant. */
export const FIRST_STAGE_BLOCKS = 250

/** Textblocks woken per idle turn: a few milliseconds of DOM building, so input never waits long. */
const BLOCKS_PER_IDLE_TURN = 120

/** Height a dormant textblock is given, as the editor's CSS gives a body block it skips. */
const PLACEHOLDER_EM_PER_BLOCK = 6

/** What a transaction may ask of the plugin: wake the containers at these positions, or all. */
type WakeRequest = { positions: readonly number[] } | 'all'

const stagedKey = new PluginKey<DecorationSet>('rapporteur-staged-rendering')

/** Whether a node view's decorations mark its container dormant. */
export function isDormant(decorations: readonly Decoration[]): boolean {
  return decorations.some((decoration) => (decoration.spec as { dormant?: boolean }).dormant)
}

/** Textblocks in `node`, its own and its descendants'. */
function textblocksIn(node: Node): number {
  let count = 0
  node.descendants((child) => {
    if (child.isTextblock) count++
    return !child.isTextblock
  })
  return count
}

/** Textblocks a container draws itself when woken: those not inside a container of its own. */
function ownTextblocks(container: Node): number {
  let count = 0
  container.forEach((child) => {
    if (!isContainer(child)) count += child.isTextblock ? 1 : textblocksIn(child)
  })
  return count
}

/**
 * The dormant containers of a report as it opens (none for a report short
 * enough to draw at once, nor any holding the selection it opens with).
 */
function dormantAtOpen(state: EditorState): DecorationSet {
  const { doc, selection } = state
  const dormant: Decoration[] = []
  let seen = 0
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      seen++
      return false
    }
    const end = pos + node.nodeSize
    const holdsSelection = pos <= selection.to && end >= selection.from
    if (seen >= FIRST_STAGE_BLOCKS && isContainer(node) && !holdsSelection)
      dormant.push(Decoration.node(pos, end, {}, { dormant: true }))
    return true
  })
  // Counted in the same walk: a report this short is drawn at once.
  return seen <= STAGED_FROM_BLOCKS ? DecorationSet.empty : DecorationSet.create(doc, dormant)
}

function applyTransaction(tr: Transaction, dormant: DecorationSet): DecorationSet {
  if (dormant === DecorationSet.empty) return dormant
  const request = tr.getMeta(stagedKey) as WakeRequest | undefined
  if (request === 'all') return DecorationSet.empty
  let next = dormant.map(tr.mapping, tr.doc)
  const woken: Decoration[] = []
  if (request)
    for (const position of request.positions) woken.push(...next.find(position, position))
  // The selection's ends must be drawn before ProseMirror puts the DOM selection there.
  const { from, to } = tr.selection
  woken.push(...next.find(from, from), ...next.find(to, to))
  if (woken.length > 0) next = next.remove(woken)
  return next.find().length === 0 ? DecorationSet.empty : next
}

/** Whether some of the report in `state` is still waiting to be drawn. */
export function hasDormantContainers(state: EditorState): boolean {
  const dormant = stagedKey.getState(state)
  return dormant !== undefined && dormant !== DecorationSet.empty
}

/**
 * Up or Down arrow at the edge of a textblock whose neighbour waits in a
 * dormant container: the browser would move the caret past the placeholder
 * (it holds nothing to stop in), so the cursor goes to the neighbour through
 * the state, which draws it. Only while the page has not yet drawn what is
 * near the caret, i.e. on a machine too busy to keep up.
 */
function arrowIntoDormant(view: EditorView, event: KeyboardEvent): boolean {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return false
  if (event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return false
  const dormant = stagedKey.getState(view.state)
  const { selection } = view.state
  if (!dormant || dormant === DecorationSet.empty || !selection.empty) return false
  const { $head } = selection
  const down = event.key === 'ArrowDown'
  if (!$head.parent.inlineContent || !view.endOfTextblock(down ? 'down' : 'up')) return false
  const beside = view.state.doc.resolve(down ? $head.after() : $head.before())
  const next = Selection.findFrom(beside, down ? 1 : -1, true)
  if (!next || dormant.find(next.head, next.head).length === 0) return false
  view.dispatch(view.state.tr.setSelection(next).scrollIntoView())
  return true
}

/** Whether a transaction only draws dormant containers (the page idle, or one scrolled near). */
export function isStageWake(tr: Transaction): boolean {
  return tr.getMeta(stagedKey) !== undefined
}

/** Draws every container still dormant, at once (e.g. before measuring the whole DOM). */
export function renderAllStages(view: EditorView): void {
  if (hasDormantContainers(view.state))
    view.dispatch(view.state.tr.setMeta(stagedKey, 'all').setMeta('addToHistory', false))
}

/** Dispatches a request to wake the containers at `positions`. */
function wake(view: EditorView, positions: readonly number[]): void {
  if (positions.length === 0 || !hasDormantContainers(view.state)) return
  const request: WakeRequest = { positions }
  view.dispatch(view.state.tr.setMeta(stagedKey, request).setMeta('addToHistory', false))
}

type IdleHandle = { cancel(): void }

/** The next idle moment of the page (a timer where the browser has no idle callbacks). */
function whenIdle(callback: () => void): IdleHandle {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(callback, { timeout: 200 })
    return { cancel: () => cancelIdleCallback(id) }
  }
  const id = setTimeout(callback, 0)
  return { cancel: () => clearTimeout(id) }
}

/** Each view's dormant placeholders, with how to find where their container is. */
const placeholders = new WeakMap<EditorView, Map<Element, () => number | undefined>>()

/** Each view's waker (ProseMirror draws a view's first nodes before it creates plugin views). */
const wakers = new WeakMap<EditorView, StageWaker>()

/**
 * Per view: wakes dormant containers as they come near the viewport, and the
 * rest in document order when the page is idle.
 */
class StageWaker {
  private idle: IdleHandle | null = null
  private afterOpen: ReturnType<typeof setTimeout> | null
  private readonly observer: IntersectionObserver | null

  constructor(private readonly view: EditorView) {
    this.observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => this.onVisible(entries), {
            // A screen ahead, so a container is drawn before it scrolls in.
            rootMargin: '100% 0px'
          })
        : null
    for (const placeholder of placeholders.get(view)?.keys() ?? []) this.observe(placeholder)
    wakers.set(view, this)
    // Not before the first paint: an idle callback's deadline runs out while the open
    // still holds the page, and the callback would then go ahead of the paint.
    this.afterOpen = setTimeout(() => {
      this.afterOpen = null
      this.schedule()
    }, 0)
  }

  observe(placeholder: Element): void {
    this.observer?.observe(placeholder)
  }

  unobserve(placeholder: Element): void {
    this.observer?.unobserve(placeholder)
  }

  update(): void {
    this.schedule()
  }

  destroy(): void {
    if (this.afterOpen !== null) clearTimeout(this.afterOpen)
    this.idle?.cancel()
    this.idle = null
    this.observer?.disconnect()
    if (wakers.get(this.view) === this) wakers.delete(this.view)
  }

  private onVisible(entries: IntersectionObserverEntry[]): void {
    const positions: number[] = []
    const ofView = placeholders.get(this.view)
    for (const entry of entries) {
      const pos = entry.isIntersecting ? ofView?.get(entry.target)?.() : undefined
      if (pos !== undefined) positions.push(pos)
    }
    wake(this.view, positions)
  }

  private schedule(): void {
    if (this.afterOpen !== null || this.idle || !hasDormantContainers(this.view.state)) return
    this.idle = whenIdle(() => {
      this.idle = null
      this.wakeNext()
    })
  }

  /** Wakes the next containers in document order, about `BLOCKS_PER_IDLE_TURN` textblocks' worth. */
  private wakeNext(): void {
    const dormant = stagedKey.getState(this.view.state)
    if (!dormant || dormant === DecorationSet.empty) return
    const positions: number[] = []
    let blocks = 0
    for (const decoration of dormant.find()) {
      const container = this.view.state.doc.nodeAt(decoration.from)
      if (!container) continue
      positions.push(decoration.from)
      blocks += ownTextblocks(container)
      if (blocks >= BLOCKS_PER_IDLE_TURN) break
    }
    wake(this.view, positions)
  }
}

/** The plugin that keeps which containers are still dormant; part of every report state. */
export function stagedRenderingPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: stagedKey,
    state: {
      init: (_config, state) => dormantAtOpen(state),
      apply: applyTransaction
    },
    props: {
      decorations: (state) => stagedKey.getState(state),
      handleKeyDown: arrowIntoDormant,
      // Assistive technology is told the report is still being drawn.
      attributes: (state): Record<string, string> =>
        hasDormantContainers(state) ? { 'aria-busy': 'true' } : {}
    },
    view: (view) => new StageWaker(view)
  })
}

/**
 * A dormant container: an empty placeholder about as tall as the container
 * will be, outside ProseMirror's editing (it has no content DOM). When its
 * dormant decoration goes, `update` refuses the node, and ProseMirror draws
 * the container with its real node view.
 */
export class DormantContainerView implements NodeView {
  dom: HTMLElement
  private node: Node

  constructor(
    node: Node,
    private readonly view: EditorView,
    getPos: () => number | undefined
  ) {
    this.node = node
    this.dom = document.createElement('section')
    this.dom.className = `container ${node.type.name} dormant`
    this.dom.setAttribute('data-kind', node.type.name)
    const id = node.attrs.id as string | null
    if (id) this.dom.setAttribute('data-id', id)
    this.size()
    let ofView = placeholders.get(view)
    if (!ofView) placeholders.set(view, (ofView = new Map()))
    ofView.set(this.dom, getPos)
    wakers.get(view)?.observe(this.dom)
  }

  private size(): void {
    this.dom.style.blockSize = `${textblocksIn(this.node) * PLACEHOLDER_EM_PER_BLOCK}em`
  }

  update(node: Node, decorations: readonly Decoration[]): boolean {
    if (node.type !== this.node.type || !isDormant(decorations)) return false
    if (node !== this.node) {
      this.node = node
      this.size()
    }
    return true
  }

  ignoreMutation(): boolean {
    return true
  }

  destroy(): void {
    placeholders.get(this.view)?.delete(this.dom)
    wakers.get(this.view)?.unobserve(this.dom)
  }
}
