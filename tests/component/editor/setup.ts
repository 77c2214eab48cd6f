import type { Node } from 'prosemirror-model'
import { TextSelection, type EditorState } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { computeNumbering, type NumberingOptions } from '@core/numbering'
import {
  createReportState,
  createReportView,
  numberingOf,
  type ReportViewHooks
} from '@renderer/editor'
import { setTracking } from '@renderer/editor/tracking'
import { sampleReport } from '../../fixtures/sample-report'

/**
 * Shared set-up for the editor's component tests: states and mounted views
 * of test documents or the sample report, key presses, and label readers.
 */

/** English, block-style recommendations: the options most tests use. */
export const EN: NumberingOptions = { language: 'en', recommendationStyle: 'block' }

/** A state for `doc`; if the doc has an `<a>` tag (test builder), the cursor goes there. */
export function stateOf(doc: Node, options: NumberingOptions = EN): EditorState {
  const state = createReportState({ doc, ...options })
  const tags = (doc as Node & { tag?: Record<string, number> }).tag
  if (tags?.a === undefined) return state
  const selection = TextSelection.create(state.doc, tags.a, tags.b ?? tags.a)
  return state.apply(state.tr.setSelection(selection))
}

/** A view mounted in the document body. */
export function viewOf(
  doc: Node,
  hooks: ReportViewHooks = {},
  options: NumberingOptions = EN
): EditorView {
  const mount = document.createElement('div')
  document.body.append(mount)
  return createReportView(mount, stateOf(doc, options), hooks)
}

/** A view of the English sample report. */
export function sampleView(
  hooks: ReportViewHooks = {},
  options: NumberingOptions = EN
): EditorView {
  return viewOf(sampleReport().doc, hooks, options)
}

/** Presses a key (ProseMirror key names: 'Enter', 'Mod-z', 'Shift-Tab') through the view's keymaps. */
export function press(view: EditorView, key: string): boolean {
  const parts = key.split('-')
  const name = parts.pop()!
  const mods = new Set(parts)
  const event = new KeyboardEvent('keydown', {
    key: name,
    ctrlKey: mods.has('Mod') || mods.has('Ctrl'),
    shiftKey: mods.has('Shift'),
    altKey: mods.has('Alt'),
    bubbles: true,
    cancelable: true
  })
  return view.someProp('handleKeyDown', (f) => f(view, event)) ?? false
}

/** Puts the cursor at `pos`. */
export function cursorAt(view: EditorView, pos: number): void {
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)))
}

/** Position just inside the node with `id` (its content start). */
export function insideNode(state: EditorState, id: string): number {
  const item = numberingOf(state).byId.get(id)
  if (!item) throw new Error(`no node ${id}`)
  return item.pos + 1
}

/** The text a node view shows as its label, by the node's id. */
export function shownLabel(view: EditorView, id: string): string | null {
  const dom = view.dom.querySelector(`[data-id="${id}"]`)
  const label = dom?.querySelector(
    ':scope > .paragraph-number, :scope > .recommendation-heading, :scope > .list-label, :scope > .heading > .heading-label'
  )
  return label?.textContent ?? null
}

/** Labels from a fresh, full computation, by id (the reference the incremental state must match). */
export function freshLabels(
  state: EditorState,
  options: NumberingOptions = EN
): Map<string, string> {
  const numbering = computeNumbering(state.doc, options)
  return new Map(numbering.items.filter((i) => i.id).map((i) => [i.id!, i.label]))
}

/** What the incremental numbering says: [kind, id, label, pos] per item. */
export function numberingRows(state: EditorState): Array<[string, string | null, string, number]> {
  return numberingOf(state).items.map((i) => [i.kind, i.id, i.label, i.pos])
}

/** The same rows from a full recomputation. */
export function freshRows(
  state: EditorState,
  options: NumberingOptions = EN
): Array<[string, string | null, string, number]> {
  return computeNumbering(state.doc, options).items.map((i) => [i.kind, i.id, i.label, i.pos])
}

/**
 * The document as a list of "# heading" and "type:id|text" lines (body
 * blocks only, not their insides): short, exact comparisons of structure.
 */
export function shape(node: Node): string[] {
  const out: string[] = []
  node.descendants((child) => {
    if (child.type.name === 'heading') out.push(`# ${child.textContent}`)
    else if (
      ['numbered_paragraph', 'paragraph', 'recommendation', 'ordered_list'].includes(
        child.type.name
      )
    ) {
      out.push(
        `${child.type.name}${child.attrs.id ? `:${child.attrs.id}` : ''}|${child.textContent}`
      )
      return false
    }
    return true
  })
  return out
}

/** Types `text` as the keyboard would: each character through the view's text-input handlers (input rules). */
export function typeText(view: EditorView, text: string): void {
  for (const ch of text) {
    const { from, to } = view.state.selection
    const insert = () => view.state.tr.insertText(ch, from, to)
    const handled = view.someProp('handleTextInput', (f) => f(view, from, to, ch, insert))
    if (!handled) view.dispatch(insert())
  }
}

/** Two reviewers, as Settings would name them. */
export const REVIEWERS = {
  ana: { author: 'Ana Ruiz', initials: 'AR' },
  ben: { author: 'Ben Osei', initials: 'BO' }
}

/** `view` with tracking turned on for `who`. */
export function trackedBy(view: EditorView, who = REVIEWERS.ana): EditorView {
  setTracking({ enabled: true, ...who })(view.state, view.dispatch)
  return view
}
