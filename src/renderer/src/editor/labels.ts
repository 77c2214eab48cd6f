import { Plugin, type EditorState } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { Language } from '@core/languages'
import type { NumberedItem } from '@core/numbering'
import { undocsUrl } from '@core/symbols'
import {
  labelChangesSince,
  numberingKey,
  numberingOptionsOf,
  numberingVersion
} from './numbering-plugin'

/**
 * Where node views' labels are kept current. Each labelled node view
 * registers under the id whose label it shows (its own, a reference's
 * target, a heading's container); when numbering changes, only the views of
 * ids whose label or reference text changed are refreshed — inserting a
 * recommendation at the top touches the recommendation headings and the
 * references to them, not the paragraph numbers.
 *
 * And of those, only the ones on screen are written at once. Body blocks off
 * screen are skipped by the browser (`content-visibility: auto`, editor.css),
 * which tells each block when it starts or stops being skipped
 * (`contentvisibilityautostatechange`). A label inside a skipped block is
 * written when the browser is next idle after drawing the edit, or as soon
 * as its block is about to be drawn, whichever comes first: the edit's own
 * frame pays for what is on screen, not for the report's 1,200
 * recommendations.
 */

/** A node view showing the label of the numbered thing `key`. */
export interface LabelledView {
  /** The id whose label this view shows (null: none yet). */
  key: string | null
  /** The view's outer element (to tell whether it is on screen). */
  dom: HTMLElement
  refresh(state: EditorState): void
}

/** One editor view's labelled node views and the label writes it put off. */
interface Registry {
  byKey: Map<string, Set<LabelledView>>
  /** Blocks the browser currently skips (off screen). */
  skipped: WeakSet<Element>
  /** Views whose label is to be written, by the skipped block they are in. */
  deferred: Map<Element, Set<LabelledView>>
  flushQueued: boolean
}

const registries = new WeakMap<EditorView, Registry>()

function registry(view: EditorView): Registry {
  let found = registries.get(view)
  if (!found) {
    const created: Registry = {
      byKey: new Map(),
      skipped: new WeakSet(),
      deferred: new Map(),
      flushQueued: false
    }
    registries.set(view, created)
    // The event does not bubble: listen while it travels down to the block.
    view.dom.addEventListener(
      'contentvisibilityautostatechange',
      (event) => {
        const block = event.target as Element
        if ((event as Event & { skipped?: boolean }).skipped) created.skipped.add(block)
        else {
          created.skipped.delete(block)
          writeDeferred(view, created, block)
        }
      },
      true
    )
    found = created
  }
  return found
}

function isRegistered(found: Registry, labelled: LabelledView): boolean {
  return labelled.key !== null && found.byKey.get(labelled.key)?.has(labelled) === true
}

/** Writes the put-off labels inside `block` (all of them without `block`). */
function writeDeferred(view: EditorView, found: Registry, block?: Element): void {
  const blocks = block ? [block] : [...found.deferred.keys()]
  for (const each of blocks) {
    const views = found.deferred.get(each)
    if (!views) continue
    found.deferred.delete(each)
    for (const labelled of views) if (isRegistered(found, labelled)) labelled.refresh(view.state)
  }
}

/** The skipped block `labelled` sits in, if any. */
function skippedBlockOf(view: EditorView, found: Registry, labelled: LabelledView): Element | null {
  for (let at: Element | null = labelled.dom; at && at !== view.dom; at = at.parentElement)
    if (found.skipped.has(at)) return at
  return null
}

/** Refreshes a label now if it can be seen, else puts it off until its block is drawn or the next task. */
function refreshOrDefer(view: EditorView, found: Registry, labelled: LabelledView): void {
  const block = skippedBlockOf(view, found, labelled)
  if (!block) return labelled.refresh(view.state)
  let views = found.deferred.get(block)
  if (!views) found.deferred.set(block, (views = new Set()))
  views.add(labelled)
  if (found.flushQueued) return
  found.flushQueued = true
  whenIdle(() => {
    found.flushQueued = false
    writeDeferred(view, found)
  })
}

/** Runs `task` once the browser is idle after drawing the edit's frame (soon, at the latest). */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 200 })
  else setTimeout(task, 0)
}

/** Adds a node view to the views `refreshLabels` updates, under its current key. */
export function registerLabelled(view: EditorView, labelled: LabelledView): void {
  if (labelled.key === null) return
  const map = registry(view).byKey
  let set = map.get(labelled.key)
  if (!set) map.set(labelled.key, (set = new Set()))
  set.add(labelled)
}

/** Removes a node view (on destroy, or before it changes key). */
export function unregisterLabelled(view: EditorView, labelled: LabelledView): void {
  if (labelled.key === null) return
  const map = registry(view).byKey
  const set = map.get(labelled.key)
  set?.delete(labelled)
  if (set?.size === 0) map.delete(labelled.key)
}

/** Moves a node view to a new key (its node's id or target changed) and refreshes it. */
export function rekeyLabelled(view: EditorView, labelled: LabelledView, key: string | null): void {
  if (key === labelled.key) return
  unregisterLabelled(view, labelled)
  labelled.key = key
  registerLabelled(view, labelled)
  labelled.refresh(view.state)
}

/**
 * Brings the labels of `ids` (all labels without `ids`) of `view` up to
 * date: those on screen now, those off screen before they are drawn.
 */
export function refreshLabels(view: EditorView, ids?: Iterable<string>): void {
  const found = registry(view)
  const map = found.byKey
  if (!ids) {
    for (const set of map.values())
      for (const labelled of set) refreshOrDefer(view, found, labelled)
    return
  }
  for (const id of ids) {
    const set = map.get(id)
    if (set) for (const labelled of set) refreshOrDefer(view, found, labelled)
  }
}

/** Writes every label put off for blocks off screen now (for tests, and before reading the page's labels). */
export function writeDeferredLabels(view: EditorView): void {
  writeDeferred(view, registry(view))
}

/** How many labelled node views `view` has alive (for tests). */
export function labelledViewCount(view: EditorView): number {
  let count = 0
  for (const set of registry(view).byKey.values()) count += set.size
  return count
}

function labelsById(state: EditorState): ReadonlyMap<string, NumberedItem> {
  const plugin = numberingKey.getState(state)
  return plugin ? (plugin.mapped ?? plugin.base).byId : new Map()
}

/** Ids whose label or reference text differs between two states (added and removed ids included). */
export function changedLabelIds(before: EditorState, after: EditorState): Set<string> {
  const old = labelsById(before)
  const now = labelsById(after)
  const changed = new Set<string>()
  for (const [id, item] of now) {
    const previous = old.get(id)
    if (!previous || previous.label !== item.label || previous.reference !== item.reference)
      changed.add(id)
  }
  for (const id of old.keys()) if (!now.has(id)) changed.add(id)
  return changed
}

/** Points a document-symbol link at the symbol's page in `language`. */
export function pointSymbolLink(link: HTMLElement, symbol: string, language: Language): void {
  const url = undocsUrl(symbol, language)
  link.setAttribute('href', url)
  link.title = `${url} (Ctrl+click to open)`
}

/**
 * The plugin that updates node-view labels in place when numbering changed
 * (never on plain typing, which leaves labels alone).
 */
export function labelRefreshPlugin(): Plugin {
  return new Plugin({
    view: (editorView) => {
      // A new state (another report loaded into the same view) may reuse node views: bring all up to date.
      refreshLabels(editorView)
      return labelUpdater()
    }
  })
}

function labelUpdater() {
  return {
    update(view: EditorView, previous: EditorState) {
      if (numberingVersion(view.state) === numberingVersion(previous)) return
      const options = numberingOptionsOf(view.state)
      const before = numberingOptionsOf(previous)
      if (
        options.language !== before.language ||
        options.recommendationStyle !== before.recommendationStyle
      ) {
        refreshLabels(view)
        // Document symbol links point at the report language's page.
        if (options.language !== before.language)
          for (const link of view.dom.querySelectorAll<HTMLElement>('a.doc-symbol[data-symbol]'))
            pointSymbolLink(link, link.getAttribute('data-symbol')!, options.language)
        return
      }
      // The numbering plugin knows what its last renumbering changed; states further apart are compared.
      refreshLabels(
        view,
        labelChangesSince(previous, view.state) ?? changedLabelIds(previous, view.state)
      )
    }
  }
}
