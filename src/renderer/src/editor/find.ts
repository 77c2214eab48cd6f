import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey, TextSelection, type Command, type EditorState } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { textblockText } from './text-segments'
import { changedRanges } from './steps'
import { textblocksIn } from './auto-marks'
import { oneStep } from './commands/helpers'

/**
 * Find and replace over the whole report, footnotes included. Matches stay
 * within one textblock. The search plugin highlights the matches of the
 * active query and keeps the highlights current as the user types, looking
 * again only at the textblocks that changed.
 */

/** How to search. */
export interface FindOptions {
  caseSensitive?: boolean
}

/** A match: document positions, end exclusive. */
export interface FindMatch {
  from: number
  to: number
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function matchesInBlock(block: Node, start: number, pattern: RegExp): FindMatch[] {
  const { text, posAt } = textblockText(block, start)
  const found: FindMatch[] = []
  for (const match of text.matchAll(pattern))
    found.push({ from: posAt(match.index), to: posAt(match.index + match[0].length) })
  return found
}

function patternOf(query: string, options: FindOptions): RegExp {
  return new RegExp(escapeRegExp(query), options.caseSensitive ? 'g' : 'gi')
}

/** Every match of `query` in the document, in document order (footnote text where its anchor is). */
export function findMatches(
  state: EditorState,
  query: string,
  options: FindOptions = {}
): FindMatch[] {
  if (!query) return []
  const pattern = patternOf(query, options)
  const found: FindMatch[] = []
  state.doc.descendants((node, pos) => {
    if (node.isTextblock) {
      found.push(...matchesInBlock(node, pos + 1, pattern))
      return true // footnote paragraphs inside
    }
    return true
  })
  return found.sort((a, b) => a.from - b.from)
}

/**
 * Command: find the next match at or after the selection (wrapping around),
 * select it and scroll to it.
 */
export function findNext(query: string, options: FindOptions = {}): Command {
  return (state, dispatch) => {
    const matches = findMatches(state, query, options)
    if (matches.length === 0) return false
    const after = state.selection.empty ? state.selection.from : state.selection.from + 1
    const match = matches.find((m) => m.from >= after) ?? matches[0]
    dispatch?.(
      state.tr.setSelection(TextSelection.create(state.doc, match.from, match.to)).scrollIntoView()
    )
    return true
  }
}

/**
 * Command: if the selection is a match, replace it and select the next
 * match; otherwise just select the next match.
 */
export function replaceNext(
  query: string,
  replacement: string,
  options: FindOptions = {}
): Command {
  return oneStep((state, dispatch, view) => {
    const matches = findMatches(state, query, options)
    if (matches.length === 0) return false
    const { from, to } = state.selection
    const current = matches.find((m) => m.from === from && m.to === to)
    if (!current) return findNext(query, options)(state, dispatch, view)
    if (dispatch) {
      const tr = state.tr
      const marks = state.doc.resolve(current.from + 1).marks()
      if (replacement)
        tr.replaceWith(current.from, current.to, state.schema.text(replacement, marks))
      else tr.delete(current.from, current.to)
      const next = matches.find((m) => m.from >= current.to)
      if (next) {
        tr.setSelection(
          TextSelection.create(tr.doc, tr.mapping.map(next.from), tr.mapping.map(next.to))
        )
      } else tr.setSelection(TextSelection.create(tr.doc, tr.mapping.map(current.to)))
      dispatch(tr.scrollIntoView())
    }
    return true
  })
}

/** Command: replace every match in one undo step. */
export function replaceAll(query: string, replacement: string, options: FindOptions = {}): Command {
  return oneStep((state, dispatch) => {
    const matches = findMatches(state, query, options)
    if (matches.length === 0) return false
    if (dispatch) {
      const tr = state.tr
      // From the end, so earlier positions stay valid.
      for (const match of [...matches].reverse()) {
        const marks = state.doc.resolve(match.from + 1).marks()
        if (replacement) tr.replaceWith(match.from, match.to, state.schema.text(replacement, marks))
        else tr.delete(match.from, match.to)
      }
      dispatch(tr)
    }
    return true
  })
}

interface SearchState {
  query: string
  options: FindOptions
  decorations: DecorationSet
}

/** The plugin key of search highlighting. */
export const searchKey = new PluginKey<SearchState>('rapporteur-search')

const MATCH = { class: 'search-match' }

function decorateAll(state: EditorState, query: string, options: FindOptions): DecorationSet {
  return DecorationSet.create(
    state.doc,
    findMatches(state, query, options).map((m) => Decoration.inline(m.from, m.to, MATCH))
  )
}

/** The search-highlight plugin. */
export function searchPlugin(): Plugin<SearchState> {
  return new Plugin<SearchState>({
    key: searchKey,
    state: {
      init: () => ({ query: '', options: {}, decorations: DecorationSet.empty }),
      apply(tr, previous, _old, newState) {
        const requested = tr.getMeta(searchKey) as
          { query: string; options: FindOptions } | undefined
        if (requested)
          return {
            ...requested,
            decorations: decorateAll(newState, requested.query, requested.options)
          }
        if (!previous.query || !tr.docChanged) return previous
        let decorations = previous.decorations.map(tr.mapping, tr.doc)
        const pattern = patternOf(previous.query, previous.options)
        for (const { block, start } of textblocksIn(tr.doc, changedRanges([tr]))) {
          const end = start + block.content.size
          decorations = decorations.remove(decorations.find(start, end))
          decorations = decorations.add(
            tr.doc,
            matchesInBlock(block, start, pattern).map((m) => Decoration.inline(m.from, m.to, MATCH))
          )
        }
        return { ...previous, decorations }
      }
    },
    props: { decorations: (state) => searchKey.getState(state)?.decorations }
  })
}

/** Command: highlight every match of `query` (empty clears the highlights). */
export function setSearch(query: string, options: FindOptions = {}): Command {
  return (state, dispatch) => {
    dispatch?.(state.tr.setMeta(searchKey, { query, options }).setMeta('addToHistory', false))
    return true
  }
}

/** How many matches the active search has (the find bar's count). */
export function searchMatchCount(state: EditorState): number {
  return searchKey.getState(state)?.decorations.find().length ?? 0
}
