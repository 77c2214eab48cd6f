import { Schema, type Node } from 'prosemirror-model'
import { EditorState, Plugin, TextSelection, type Command } from 'prosemirror-state'
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view'
import { history } from 'prosemirror-history'
import { keymap } from 'prosemirror-keymap'
import { baseKeymap } from 'prosemirror-commands'
import { reportFromJSON } from '@core/report-file'
import { inlineText } from '@core/text'
import { createReportState, createReportView, insertRecommendation } from '../editor'
import { writeDeferredLabels } from '../editor/labels'
import { renderAllStages } from '../editor/staged-rendering'
import '../editor/editor.css'
import '../styles/app.css'

/**
 * The page `bench/editor.bench.ts` drives in Chromium: our editor and a bare
 * ProseMirror (a schema-basic-like schema, history and the base keymap) on
 * the same text, measured in the page so no browser round trip is counted.
 * Not part of the app: only the benchmark's own build reaches this module.
 */

/** A schema like prosemirror-schema-basic's: paragraphs and headings of marked text. */
const basic = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'inline*', toDOM: () => ['p', 0] },
    heading: {
      group: 'block',
      content: 'inline*',
      attrs: { level: { default: 2 } },
      toDOM: (node) => [`h${node.attrs.level as number}`, 0]
    },
    text: { group: 'inline' }
  },
  marks: {
    strong: { toDOM: () => ['strong', 0] },
    em: { toDOM: () => ['em', 0] },
    link: { attrs: { href: {} }, toDOM: (mark) => ['a', { href: mark.attrs.href as string }, 0] }
  }
})

/** The same text as a flat list of paragraphs and headings. */
function bareDocument(report: Node): Node {
  const blocks: Node[] = []
  report.descendants((node) => {
    if (!node.isTextblock) return true
    const text = inlineText(node)
    const content = text ? basic.text(text) : null
    blocks.push(
      node.type.name === 'heading'
        ? basic.nodes.heading.create(null, content)
        : basic.nodes.paragraph.create(null, content)
    )
    return false
  })
  return basic.nodes.doc.create(null, blocks)
}

/**
 * Bare ProseMirror's share of what `caret-block.ts` does for ours: the block
 * holding the cursor is laid out even off screen. Any editor typing into a
 * block must lay it out; without this, bare ProseMirror's keystroke in a
 * paragraph off screen would skip layout that ours cannot.
 */
function caretBlockLaidOut(): Plugin {
  return new Plugin({
    props: {
      decorations(state) {
        const { $head } = state.selection
        if ($head.depth < 1) return null
        const from = $head.before(1)
        return DecorationSet.create(state.doc, [
          Decoration.node(from, from + $head.node(1).nodeSize, { class: 'has-caret' })
        ])
      }
    }
  })
}

const mount = document.getElementById('mount') as HTMLElement
let view: EditorView | null = null
let reportText = ''

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

/** Forces the browser to lay out what the dispatch changed, as a real keystroke's frame would. */
function settle(): void {
  void mount.getBoundingClientRect().height
  void document.body.offsetHeight
}

function nextPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve()))
  )
}

/** Position inside the textblock at `fraction` of the document's textblocks (near its end). */
function caretInMiddle(state: EditorState, fraction = 0.5): number {
  const blocks: Array<{ pos: number; node: Node }> = []
  state.doc.descendants((node, pos) => {
    if (node.isTextblock && node.type.name !== 'heading' && node.content.size > 20)
      blocks.push({ pos, node })
    return !node.isTextblock
  })
  const { pos, node } = blocks[Math.floor(blocks.length * fraction)]
  return pos + 1 + Math.floor(node.content.size / 2)
}

/** p50 and p95 of a list of times (ms). */
export interface Spread {
  p50: number
  p95: number
}

function spread(times: number[]): Spread {
  const sorted = [...times].sort((a, b) => a - b)
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) }
}

/**
 * Keystrokes in the middle of the document. `dispatch` is the editor's own
 * work (transaction, plugins, DOM update); `frame` adds the browser's layout
 * of the change, which depends on the page's CSS as much as on the editor.
 */
function typeAndTime(count: number): { dispatch: Spread; frame: Spread } {
  if (!view) throw new Error('no editor')
  const at = caretInMiddle(view.state)
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at)))
  return timeKeystrokes(count)
}

/**
 * The same keystrokes with the paragraph scrolled into view first and a frame
 * let by, as when someone types where they look: the browser then lays out
 * the paragraph in both editors (off screen, bare ProseMirror's paragraph is
 * skipped by `content-visibility` while ours keeps the caret's block laid out).
 */
async function typeOnScreenAndTime(count: number): Promise<{ dispatch: Spread; frame: Spread }> {
  if (!view) throw new Error('no editor')
  const at = caretInMiddle(view.state)
  // ProseMirror scrolls to the selection only while it holds the page's focus.
  view.focus()
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at)))
  // Blocks drawn for the first time near the scrolled-to place take their real height and
  // move it: scroll again until the caret stays on screen.
  for (let tries = 0; ; tries++) {
    view.dispatch(view.state.tr.scrollIntoView())
    await nextPaint()
    const caret = view.coordsAtPos(at)
    if (caret.top >= 0 && caret.bottom <= innerHeight) break
    if (tries === 20)
      throw new Error(
        `the caret is not on screen (${caret.top}–${caret.bottom} px of ${innerHeight})`
      )
  }
  return timeKeystrokes(count)
}

/** Keystrokes at the cursor, each timed to the end of its dispatch and to the end of layout. */
function timeKeystrokes(count: number): { dispatch: Spread; frame: Spread } {
  if (!view) throw new Error('no editor')
  const dispatchTimes: number[] = []
  const frameTimes: number[] = []
  for (let i = 0; i < count + 20; i++) {
    const start = performance.now()
    view.dispatch(view.state.tr.insertText(i % 6 === 5 ? ' ' : 'e'))
    const dispatched = performance.now()
    settle()
    if (i >= 20) {
      dispatchTimes.push(dispatched - start)
      frameTimes.push(performance.now() - start)
    }
  }
  return { dispatch: spread(dispatchTimes), frame: spread(frameTimes) }
}

/**
 * Keystrokes through the browser's own text input (`insertText` into the
 * focused editor, which ProseMirror reads back from the DOM), as typing is.
 */
async function typeThroughInput(count: number): Promise<Spread> {
  if (!view) throw new Error('no editor')
  const at = caretInMiddle(view.state)
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at)))
  view.focus()
  const times: number[] = []
  for (let i = 0; i < count + 20; i++) {
    const start = performance.now()
    document.execCommand('insertText', false, i % 6 === 5 ? ' ' : 'e')
    await Promise.resolve()
    await Promise.resolve()
    settle()
    if (i >= 20) times.push(performance.now() - start)
  }
  return spread(times)
}

function destroy(): void {
  view?.destroy()
  view = null
  mount.replaceChildren()
}

const api = {
  /** Loads our editor from the file text: parse, validate, state, view, first paint (ms). */
  async openOurs(text: string): Promise<number> {
    destroy()
    reportText = text
    const start = performance.now()
    const report = reportFromJSON(JSON.parse(text))
    const state = createReportState({
      doc: report.doc,
      language: report.meta.language,
      recommendationStyle: report.meta.settings.recommendationStyle
    })
    view = createReportView(mount, state)
    settle()
    await nextPaint()
    const openMs = performance.now() - start
    // A long report's later containers are drawn in stages after the first paint: the
    // keystroke and insert figures are for the whole report drawn, as bare ProseMirror's are.
    renderAllStages(view)
    settle()
    return openMs
  },

  /** Loads bare ProseMirror with the same text (ms to first paint). */
  async openBare(): Promise<number> {
    destroy()
    const report = reportFromJSON(JSON.parse(reportText))
    const start = performance.now()
    const state = EditorState.create({
      doc: bareDocument(report.doc),
      plugins: [history(), keymap(baseKeymap), caretBlockLaidOut()]
    })
    // The same rendering shortcut our editor.css gives body blocks, so the
    // comparison measures editor work, not a difference in CSS.
    view = new EditorView(mount, { state, attributes: { class: 'bare-editor' } })
    settle()
    await nextPaint()
    return performance.now() - start
  },

  /** Keystrokes in the middle of the document: p50 and p95 (ms), each including layout. */
  type: typeAndTime,

  /** The same keystrokes with their paragraph on screen. */
  typeOnScreen: typeOnScreenAndTime,

  /** Keystrokes typed through the browser's input path. */
  typeThroughInput,

  /** Inserting a recommendation at the top of the report (all after it renumber), ms per insert. */
  insertRecommendationAtTop(times: number): {
    dispatch: Spread
    frame: Spread
    later: Spread
    labelsAfter: string[]
  } {
    if (!view) throw new Error('no editor')
    const dispatchTimes: number[] = []
    const frameTimes: number[] = []
    const laterTimes: number[] = []
    for (let i = 0; i < times; i++) {
      // The first numbered paragraph of chapter I: the new block goes right after it.
      let first = -1
      view.state.doc.descendants((node, pos) => {
        if (first < 0 && node.type.name === 'numbered_paragraph') first = pos + 1
        return first < 0
      })
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, first)))
      const command: Command = insertRecommendation
      const start = performance.now()
      command(view.state, view.dispatch, view)
      dispatchTimes.push(performance.now() - start)
      settle()
      frameTimes.push(performance.now() - start)
      // Labels in blocks off screen are written after the frame, when the page is idle: do it now, and time it.
      const later = performance.now()
      writeDeferredLabels(view)
      laterTimes.push(performance.now() - later)
    }
    const labels = [...mount.querySelectorAll('.recommendation-heading')]
      .slice(-2)
      .map((e) => e.textContent ?? '')
    return {
      dispatch: spread(dispatchTimes),
      frame: spread(frameTimes),
      later: spread(laterTimes),
      labelsAfter: labels
    }
  },

  destroy
}

declare global {
  interface Window {
    /** The benchmark's handle on this page. */
    editorBench: typeof api
  }
}

window.editorBench = api
