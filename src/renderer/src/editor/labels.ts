import { Plugin, type EditorState } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { Language } from '@core/languages'
import type { NumberedItem } from '@core/numbering'
import { undocsUrl } from '@core/symbols'
import { numberingKey, numberingOptionsOf, numberingVersion } from './numbering-plugin'

/**
 * Where node views' labels are kept current. Each labelled node view
 * registers under the id whose label it shows (its own, a reference's
 * target, a heading's container); when numbering changes, only the views of
 * ids whose label or reference text changed are refreshed — inserting a
 * recommendation at the top touches the 300 recommendation headings and the
 * references to them, not the 1,500 paragraph numbers.
 */

/** A node view showing the label of the numbered thing `key`. */
export interface LabelledView {
  /** The id whose label this view shows (null: none yet). */
  key: string | null
  refresh(state: EditorState): void
}

const registries = new WeakMap<EditorView, Map<string, Set<LabelledView>>>()

function registry(view: EditorView): Map<string, Set<LabelledView>> {
  let map = registries.get(view)
  if (!map) registries.set(view, (map = new Map()))
  return map
}

/** Adds a node view to the views `refreshLabels` updates, under its current key. */
export function registerLabelled(view: EditorView, labelled: LabelledView): void {
  if (labelled.key === null) return
  const map = registry(view)
  let set = map.get(labelled.key)
  if (!set) map.set(labelled.key, (set = new Set()))
  set.add(labelled)
}

/** Removes a node view (on destroy, or before it changes key). */
export function unregisterLabelled(view: EditorView, labelled: LabelledView): void {
  if (labelled.key === null) return
  const map = registry(view)
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

/** Brings the labels of `ids` (all labels without `ids`) of `view` up to date. */
export function refreshLabels(view: EditorView, ids?: Iterable<string>): void {
  const map = registry(view)
  if (!ids) {
    for (const set of map.values()) for (const labelled of set) labelled.refresh(view.state)
    return
  }
  for (const id of ids) {
    const set = map.get(id)
    if (set) for (const labelled of set) labelled.refresh(view.state)
  }
}

/** How many labelled node views `view` has alive (for tests). */
export function labelledViewCount(view: EditorView): number {
  let count = 0
  for (const set of registry(view).values()) count += set.size
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
      refreshLabels(view, changedLabelIds(previous, view.state))
    }
  }
}
