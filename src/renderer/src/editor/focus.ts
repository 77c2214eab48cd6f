import { Plugin, PluginKey, type Command, type EditorState } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { findContainer } from './commands/helpers'
import { isStructureNeutral } from './steps'

/**
 * Focus mode: one chapter, section or subsection shown at a time. The focused
 * container and its ancestors get classes (`focus-target`,
 * `focus-ancestor`) and the editor gets `focus-mode`; editor.css hides the rest.
 */

interface FocusState {
  id: string | null
  decorations: DecorationSet
}

/** The plugin key of focus mode. */
export const focusKey = new PluginKey<FocusState>('rapporteur-focus')

function decorate(state: EditorState, id: string | null): DecorationSet {
  if (!id) return DecorationSet.empty
  const target = findContainer(state.doc, id)
  if (!target) return DecorationSet.empty
  const $pos = state.doc.resolve(target.pos)
  const decorations = [
    Decoration.node(target.pos, target.pos + target.node.nodeSize, { class: 'focus-target' })
  ]
  for (let depth = $pos.depth; depth > 0; depth--) {
    const from = $pos.before(depth)
    decorations.push(
      Decoration.node(from, from + $pos.node(depth).nodeSize, { class: 'focus-ancestor' })
    )
  }
  return DecorationSet.create(state.doc, decorations)
}

/** The focus-mode plugin. */
export function focusPlugin(): Plugin<FocusState> {
  return new Plugin<FocusState>({
    key: focusKey,
    state: {
      init: () => ({ id: null, decorations: DecorationSet.empty }),
      apply(tr, previous, _old, newState) {
        const requested = tr.getMeta(focusKey) as { id: string | null } | undefined
        if (requested) return { id: requested.id, decorations: decorate(newState, requested.id) }
        if (!previous.id || !tr.docChanged) return previous
        if (isStructureNeutral(tr))
          return { id: previous.id, decorations: previous.decorations.map(tr.mapping, tr.doc) }
        // The focused container may have moved, or been deleted (then focus mode ends).
        const decorations = decorate(newState, previous.id)
        return { id: decorations === DecorationSet.empty ? null : previous.id, decorations }
      }
    },
    props: {
      decorations: (state) => focusKey.getState(state)?.decorations,
      attributes: (state): Record<string, string> =>
        focusKey.getState(state)?.id ? { class: 'focus-mode' } : {}
    }
  })
}

/** The id of the container focus mode shows, or null when the whole report shows. */
export function focusedSection(state: EditorState): string | null {
  return focusKey.getState(state)?.id ?? null
}

/** Command: show only container `id` (focus mode), or the whole report again with null. */
export function setFocusSection(id: string | null): Command {
  return (state, dispatch) => {
    if (id !== null && !findContainer(state.doc, id)) return false
    if (focusedSection(state) === id) return false
    dispatch?.(state.tr.setMeta(focusKey, { id }).setMeta('addToHistory', false))
    return true
  }
}
