import { Plugin, TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'

/**
 * Scrolling the cursor into view, without measuring the page when nothing
 * needs to move. ProseMirror scrolls after every keystroke typed, and its
 * scrolling measures each ancestor of the cursor up to the page (box, size
 * and computed style of a dozen elements in the app) to find what to scroll.
 * Nearly always the cursor is where the writer is looking and nothing moves.
 * This plugin measures the cursor and the editor's scrolling ancestor only:
 * if the cursor lies inside what both it and the window show, the scroll is
 * done; otherwise ProseMirror scrolls as it always does.
 */

/** The nearest ancestor of each view's editable element that scrolls, or null for the window. */
const scrollers = new WeakMap<EditorView, Element | null>()

function scrolls(element: Element): boolean {
  const { overflowY, overflowX } = getComputedStyle(element)
  return /^(auto|scroll|overlay)$/.test(overflowY) || /^(auto|scroll|overlay)$/.test(overflowX)
}

/** The element that scrolls the editor, found once per view and again if the editor moved. */
function scrollerOf(view: EditorView): Element | null {
  const known = scrollers.get(view)
  if (known !== undefined && (known === null || (known.isConnected && known.contains(view.dom))))
    return known
  let found: Element | null = null
  for (let node = view.dom.parentElement; node && node !== document.body; node = node.parentElement)
    if (scrolls(node)) {
      found = node
      break
    }
  scrollers.set(view, found)
  return found
}

/**
 * Whether the cursor of a text selection lies inside what the editor's
 * scroller and the window show: where ProseMirror, which scrolls only a
 * cursor beyond an edge, would move nothing.
 */
function caretInSight(view: EditorView): boolean {
  const { selection } = view.state
  if (!(selection instanceof TextSelection) || !view.dom.isConnected) return false
  const caret = view.coordsAtPos(selection.head, 1)
  let top = 0
  let left = 0
  let bottom = window.innerHeight
  let right = window.innerWidth
  const scroller = scrollerOf(view)
  if (scroller) {
    // Inside its borders and scroll bars, as ProseMirror measures it.
    const box = scroller.getBoundingClientRect()
    top = Math.max(top, box.top + scroller.clientTop)
    left = Math.max(left, box.left + scroller.clientLeft)
    bottom = Math.min(bottom, box.top + scroller.clientTop + scroller.clientHeight)
    right = Math.min(right, box.left + scroller.clientLeft + scroller.clientWidth)
  }
  return caret.top >= top && caret.bottom <= bottom && caret.left >= left && caret.right <= right
}

/** The plugin that skips ProseMirror's scrolling when the cursor is already in sight. */
export function caretScrollPlugin(): Plugin {
  return new Plugin({
    props: {
      // True says the scroll is handled: here, that there is nothing to scroll.
      handleScrollToSelection: (view) => caretInSight(view)
    }
  })
}
