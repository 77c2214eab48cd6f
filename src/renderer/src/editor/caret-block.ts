import { NodeSelection, Plugin, PluginKey, type EditorState } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { blockDepth, isContainer } from './commands/helpers'

/**
 * Keeps the body block holding the cursor laid out. Off-screen body blocks
 * skip layout (`content-visibility: auto`, editor.css), and Chromium treats
 * a block added since the last frame as off screen until the next frame has
 * run. On a busy machine keys typed right after Enter, or after the toolbar
 * inserted a recommendation, arrive before that frame: the browser then
 * finds no place for the caret inside the new (skipped) block and types into
 * the next block it does lay out — the next section's heading. The block with
 * the cursor gets the class `has-caret`, which editor.css renders visible,
 * in the same update that creates the block.
 */

/** The class the body block holding the cursor carries. */
export const CARET_BLOCK_CLASS = 'has-caret'

const caretBlockKey = new PluginKey<DecorationSet>('rapporteur-caret-block')

/** The range of the body block (a direct child of a container) holding the cursor, if any. */
function caretBlock(state: EditorState): { from: number; to: number } | null {
  const { selection } = state
  if (selection instanceof NodeSelection && isContainer(selection.$from.parent))
    return { from: selection.from, to: selection.to }
  const $head = selection.$head
  const depth = blockDepth($head)
  // Headings are always laid out.
  if (depth === null || $head.node(depth).type.name === 'heading') return null
  const from = $head.before(depth)
  return { from, to: from + $head.node(depth).nodeSize }
}

function decorate(state: EditorState, previous: DecorationSet | null): DecorationSet {
  const block = caretBlock(state)
  if (!block) return DecorationSet.empty
  const [current] = previous?.find(block.from, block.to) ?? []
  if (current && current.from === block.from && current.to === block.to) return previous!
  return DecorationSet.create(state.doc, [
    Decoration.node(block.from, block.to, { class: CARET_BLOCK_CLASS })
  ])
}

/** The plugin marking the body block that holds the cursor (see the module comment). */
export function caretBlockPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: caretBlockKey,
    state: {
      init: (_config, state) => decorate(state, null),
      apply(tr, previous, _old, state) {
        if (!tr.docChanged && !tr.selectionSet) return previous
        return decorate(state, tr.docChanged ? previous.map(tr.mapping, tr.doc) : previous)
      }
    },
    props: {
      decorations: (state) => caretBlockKey.getState(state)
    }
  })
}
