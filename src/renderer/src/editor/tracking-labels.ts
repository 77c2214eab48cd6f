import type { Node } from 'prosemirror-model'
import type { EditorState } from 'prosemirror-state'
import { computeNumbering } from '@core/numbering'
import { authorColour } from '@core/review/colour'
import { absentFromOriginal, blockChange } from '@core/review/final'
import { numberingOptionsOf } from './numbering-plugin'

/**
 * The numbers blocks had before the suggestions: a recommendation or
 * paragraph suggested for deletion takes no number in the Final view (which
 * labels follow), so it shows the number it has in the Original view, struck.
 */

const originalLabels = new WeakMap<Node, Map<string, string>>()

/** The label `id` has with every suggestion rejected (computed once per document). */
export function originalLabelOf(state: EditorState, id: string): string | null {
  let labels = originalLabels.get(state.doc)
  if (!labels) {
    const numbering = computeNumbering(state.doc, {
      ...numberingOptionsOf(state),
      skip: absentFromOriginal
    })
    labels = new Map(numbering.items.flatMap((item) => (item.id ? [[item.id, item.label]] : [])))
    originalLabels.set(state.doc, labels)
  }
  return labels.get(id) ?? null
}

/** Shows a block's suggestion on its DOM (for the markup styles, in its author's colour), or clears it. */
export function showBlockChange(dom: HTMLElement, node: Node): void {
  const change = blockChange(node)
  if (change) {
    dom.setAttribute('data-change', change.type)
    dom.setAttribute('data-change-author', change.author)
    dom.style.setProperty('--author-colour', authorColour(change.author))
  } else {
    dom.removeAttribute('data-change')
    dom.removeAttribute('data-change-author')
    dom.style.removeProperty('--author-colour')
  }
}
