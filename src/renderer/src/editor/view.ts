import type { EditorState, Transaction } from 'prosemirror-state'
import { EditorView, type NodeViewConstructor } from 'prosemirror-view'
import './editor.css'
// Tracked changes are drawn with the editor; the tracking plugin itself stays free of styles (Node runs it).
import './tracking.css'
import { CONVENTIONS } from '@core/languages'
import { undocsUrl } from '@core/symbols'
import { numberingOptionsOf, numberedItem } from './numbering-plugin'
import {
  ContainerView,
  CrossReferenceView,
  HeadingView,
  ListItemView,
  NumberedParagraphView,
  RecommendationView
} from './node-views'
import { pointSymbolLink } from './labels'
import { FootnoteView } from './footnote-view'
import { cleanPastedHTML, clipboardParser, transformPasted } from './paste'
import { followReference } from './commands/inline'
import { focusedSection, setFocusSection } from './focus'
import { isContainer } from './commands/helpers'
import { DormantContainerView, isDormant } from './staged-rendering'

/**
 * Mounting a report editor state in the page: node views, link and
 * reference clicks, paste handling, and label refresh after renumbering.
 */

/** What the app wants to hear from the editor. */
export interface ReportViewHooks {
  /** Called after every transaction with the new state. */
  onChange?(state: EditorState, transaction: Transaction): void
  /** A document symbol or link was Ctrl/Cmd-clicked: open `url` outside the app window. */
  onOpenLink?(url: string): void
  /**
   * A cross-reference was clicked. Without this hook the editor moves the
   * cursor to the target itself.
   */
  onFollowReference?(targetId: string): void
}

/** A chapter, section or subsection: a placeholder while it waits to be drawn (see `staged-rendering.ts`). */
function containerView(...[node, view, getPos, decorations]: Parameters<NodeViewConstructor>) {
  return isDormant(decorations)
    ? new DormantContainerView(node, view, getPos)
    : new ContainerView(node)
}

/** The report's node views, for `EditorView`'s `nodeViews` prop. */
export const REPORT_NODE_VIEWS: Record<string, NodeViewConstructor> = {
  chapter: containerView,
  section: containerView,
  subsection: containerView,
  heading: (node, view, getPos) => new HeadingView(node, view, getPos),
  numbered_paragraph: (node, view) => new NumberedParagraphView(node, view),
  recommendation: (node, view) => new RecommendationView(node, view),
  list_item: (node, view) => new ListItemView(node, view),
  cross_reference: (node, view) => new CrossReferenceView(node, view),
  footnote: (node, view, getPos) => new FootnoteView(node, view, getPos)
}

/** Shows focus mode on the target's container when a reference leads outside it. */
function revealForFocus(view: EditorView, targetId: string): void {
  if (!focusedSection(view.state)) return
  const item = numberedItem(view.state, targetId)
  if (!item) return
  const $pos = view.state.doc.resolve(item.pos)
  const own = view.state.doc.nodeAt(item.pos)
  let id = own && isContainer(own) ? (own.attrs.id as string) : null
  for (let depth = $pos.depth; depth > 0 && !id; depth--)
    if (isContainer($pos.node(depth))) id = $pos.node(depth).attrs.id as string
  if (id) setFocusSection(id)(view.state, view.dispatch)
}

/** Mounts the editor for `state` in `mount` and returns its view. */
export function createReportView(
  mount: HTMLElement,
  state: EditorState,
  hooks: ReportViewHooks = {}
): EditorView {
  const view: EditorView = new EditorView(mount, {
    state,
    nodeViews: REPORT_NODE_VIEWS,
    attributes: (current) => {
      const { language } = numberingOptionsOf(current)
      return {
        class: 'report-editor',
        lang: language,
        dir: CONVENTIONS[language].direction,
        spellcheck: 'true'
      }
    },
    markViews: {
      doc_symbol: (mark, markView) => {
        const dom = document.createElement('a')
        const symbol = mark.attrs.symbol as string
        dom.className = 'doc-symbol'
        dom.setAttribute('data-symbol', symbol)
        pointSymbolLink(dom, symbol, numberingOptionsOf(markView.state).language)
        return { dom }
      }
    },
    dispatchTransaction(transaction) {
      const next = view.state.apply(transaction)
      view.updateState(next)
      hooks.onChange?.(next, transaction)
    },
    transformPastedHTML: cleanPastedHTML,
    clipboardParser,
    transformPasted,
    handleClickOn(clickView, _pos, node) {
      if (node.type.name !== 'cross_reference') return false
      const target = node.attrs.target as string
      revealForFocus(clickView, target)
      if (hooks.onFollowReference) hooks.onFollowReference(target)
      else followReference(target)(clickView.state, clickView.dispatch)
      return true
    },
    handleDOMEvents: {
      click(clickView, event) {
        const anchor = (event.target as HTMLElement | null)?.closest?.('a')
        if (!anchor || !clickView.dom.contains(anchor)) return false
        // Never let a link navigate the app window.
        event.preventDefault()
        if (!(event.ctrlKey || event.metaKey)) return false
        const symbol = anchor.getAttribute('data-symbol')
        const url = symbol
          ? undocsUrl(symbol, numberingOptionsOf(clickView.state).language)
          : anchor.getAttribute('href')
        if (url) hooks.onOpenLink?.(url)
        return true
      },
      auxclick(_clickView, event) {
        if ((event.target as HTMLElement | null)?.closest?.('a')) event.preventDefault()
        return false
      }
    }
  })
  return view
}
