import {
  Plugin,
  PluginKey,
  type EditorState,
  type Transaction,
  type Command
} from 'prosemirror-state'
import { Mapping } from 'prosemirror-transform'
import {
  isFrontMatter,
  resolveReference,
  type ResolvedReference,
  type NumberedItem,
  type Numbering,
  type NumberingOptions
} from '@core/numbering'
import type { Node } from 'prosemirror-model'
import type { ReportMeta } from '@core/meta'
import { isStructureNeutral } from './steps'
import { changedIds, idsAreUnique, renumber } from './block-numbering'

/**
 * Keeps the report's numbering as editor state, incrementally: a transaction
 * that only types inside paragraphs keeps the labels and defers positions
 * until someone asks for them; only transactions that insert, delete or move
 * numbered things (or change the numbering options) renumber, and then only
 * the blocks the edit replaced are looked into (`block-numbering.ts`). The
 * state records which ids' labels a renumbering changed, so the page
 * relabels those and nothing else.
 */

export interface NumberingPluginState {
  /** Labels of the current document; positions valid in the document `pending` maps from. */
  base: Numbering
  /** Position changes since `base` was computed or last mapped; null when positions are current. */
  pending: Mapping | null
  /** Increases whenever labels may have changed (not for mere position shifts). */
  version: number
  /** How many full recomputations this state's history has seen (for tests and benchmarks). */
  recomputations: number
  /** `base` with positions brought up to date for the current document, once somebody asked for it. */
  mapped: Numbering | null
  /** The current document. */
  doc: Node
  /** Ids whose label or reference words the last renumbering changed, against `changedSince`. */
  changed: ReadonlySet<string>
  /** The numbering `changed` was measured against (the previous state's `base`). */
  changedSince: Numbering | null
}

/** Beyond this many pending step maps (each single lookup maps through them all), positions are brought up to date eagerly. */
const MAX_PENDING_MAPS = 200

/** The plugin key of the numbering plugin. */
export const numberingKey = new PluginKey<NumberingPluginState>('rapporteur-numbering')

/** The numbering options a report document carries in its attributes (see `@core/meta`). */
export function numberingOptionsOfDoc(doc: Node): NumberingOptions {
  const { language, settings } = doc.attrs as ReportMeta
  return { language, recommendationStyle: settings.recommendationStyle }
}

function sameOptions(a: NumberingOptions, b: NumberingOptions): boolean {
  return a.language === b.language && a.recommendationStyle === b.recommendationStyle
}

function current(state: NumberingPluginState): Numbering {
  if (!state.pending) return state.base
  // Typing left every label as it was; renumbering reads positions afresh, and
  // costs little since only the edited blocks are looked into.
  if (!state.mapped) state.mapped = renumber(state.doc, state.base.options)
  return state.mapped
}

/** Whether typing turned the first chapter into front matter or out of it (its heading emptied or filled). */
function frontMatterChanged(tr: Transaction): boolean {
  const was = tr.before.firstChild
  const is = tr.doc.firstChild
  return !!was && !!is && isFrontMatter(was, 0) !== isFrontMatter(is, 0)
}

function applyTransaction(tr: Transaction, previous: NumberingPluginState): NumberingPluginState {
  // The options are document attributes: a step that changes them (undoable) relabels everything.
  const options =
    tr.docChanged && tr.doc.attrs !== tr.before.attrs ? numberingOptionsOfDoc(tr.doc) : undefined
  const optionsChanged = options !== undefined && !sameOptions(options, previous.base.options)
  if (optionsChanged || (tr.docChanged && (!isStructureNeutral(tr) || frontMatterChanged(tr)))) {
    const base = renumber(tr.doc, options ?? previous.base.options)
    return {
      base,
      pending: null,
      version: previous.version + 1,
      recomputations: previous.recomputations + 1,
      mapped: null,
      doc: tr.doc,
      changed: changedIds(previous.base, base),
      changedSince: previous.base
    }
  }
  if (!tr.docChanged) return previous
  // Plain typing: labels stay, positions shift.
  const start = previous.mapped ?? previous.base
  const pending = previous.mapped || !previous.pending ? new Mapping() : previous.pending.slice()
  pending.appendMapping(tr.mapping)
  const next: NumberingPluginState = {
    ...previous,
    base: start,
    pending,
    mapped: null,
    doc: tr.doc
  }
  if (pending.maps.length > MAX_PENDING_MAPS) return { ...next, base: current(next), pending: null }
  return next
}

/** The numbering plugin; the language and recommendation style come from the document's attributes. */
export function numberingPlugin(): Plugin<NumberingPluginState> {
  return new Plugin<NumberingPluginState>({
    key: numberingKey,
    state: {
      init: (_config, state) => {
        const base = renumber(state.doc, numberingOptionsOfDoc(state.doc))
        // Known now, while the report opens, so the first edit finds what it changed from the runs.
        idsAreUnique(base)
        return {
          base,
          pending: null,
          version: 0,
          recomputations: 1,
          mapped: null,
          doc: state.doc,
          changed: new Set<string>(),
          changedSince: null
        }
      },
      apply: applyTransaction
    }
  })
}

function pluginState(state: EditorState): NumberingPluginState {
  const value = numberingKey.getState(state)
  if (!value) throw new Error('The report editor state has no numbering plugin')
  return value
}

/** The labels and positions of every numbered thing in the current document. */
export function numberingOf(state: EditorState): Numbering {
  return current(pluginState(state))
}

/**
 * The numbered item with this id, its label current and its position mapped
 * to the current document; cheaper than `numberingOf` while typing.
 */
export function numberedItem(state: EditorState, id: string): NumberedItem | undefined {
  const plugin = pluginState(state)
  const item = (plugin.mapped ?? plugin.base).byId.get(id)
  if (!item || !plugin.pending || plugin.mapped) return item
  return { ...item, pos: plugin.pending.map(item.pos, 1) }
}

/** The label of the numbered item with this id (position-free, so O(1) while typing). */
export function labelOf(state: EditorState, id: string | null): NumberedItem | undefined {
  if (!id) return undefined
  const plugin = pluginState(state)
  return (plugin.mapped ?? plugin.base).byId.get(id)
}

/** What a cross-reference to `targetId` shows and whether it is broken (position-free, O(1)). */
export function referenceOf(state: EditorState, targetId: string): ResolvedReference {
  const plugin = pluginState(state)
  return resolveReference(plugin.mapped ?? plugin.base, targetId)
}

/** The numbering options (language, recommendation style) in force. */
export function numberingOptionsOf(state: EditorState): NumberingOptions {
  return pluginState(state).base.options
}

/** A counter that increases whenever labels may have changed; node views compare it. */
export function numberingVersion(state: EditorState): number {
  return pluginState(state).version
}

/**
 * The ids whose labels changed between `before` and `after`, when `after`
 * follows from `before` by one renumbering; null when they are further apart
 * (the caller compares the two numberings itself).
 */
export function labelChangesSince(
  before: EditorState,
  after: EditorState
): ReadonlySet<string> | null {
  const previous = numberingKey.getState(before)
  const next = numberingKey.getState(after)
  if (!previous || !next) return null
  if (next.version === previous.version) return new Set()
  return next.version === previous.version + 1 && next.changedSince === previous.base
    ? next.changed
    : null
}

/** How many times numbering was recomputed (renumbered) (for tests and benchmarks). */
export function numberingRecomputations(state: EditorState): number {
  return pluginState(state).recomputations
}

/**
 * Command: change the report language or recommendation style (document
 * attributes, so undoable); every label follows.
 */
export function setNumberingOptions(options: Partial<NumberingOptions>): Command {
  return (state, dispatch) => {
    const previous = numberingOptionsOf(state)
    const next = { ...previous, ...options }
    if (sameOptions(next, previous)) return false
    if (dispatch) {
      const tr = state.tr
      if (next.language !== previous.language) tr.setDocAttribute('language', next.language)
      if (next.recommendationStyle !== previous.recommendationStyle) {
        const settings = (state.doc.attrs as ReportMeta).settings
        tr.setDocAttribute('settings', {
          ...settings,
          recommendationStyle: next.recommendationStyle
        })
      }
      dispatch(tr)
    }
    return true
  }
}

/**
 * Whether every id-carrying node has an id of its own (every such node is
 * numbered, so the numbering sees them all); cheap, so id repair can skip
 * its document walk when nothing needs mending.
 */
export function idsAreSound(state: EditorState): boolean {
  return idsAreUnique(pluginState(state).base)
}
