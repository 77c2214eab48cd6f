import type { Node } from 'prosemirror-model'

/**
 * A textblock's inline content as one string with a way back to document
 * positions, so regular expressions can run over it. Every non-text inline
 * node (footnote anchor, reference, line break) stands as one U+FFFC.
 */
export interface TextblockText {
  text: string
  /** Document position of the character at `index` (or just after the last one). */
  posAt(index: number): number
}

/** Object replacement character: one per inline atom. */
export const ATOM_CHAR = '\uFFFC'

/** The text of the textblock `block` whose content starts at document position `start`. */
export function textblockText(block: Node, start: number): TextblockText {
  let text = ''
  // Offsets where a run starts in `text` and the document position it maps to.
  const runs: Array<{ index: number; pos: number }> = []
  block.forEach((child, offset) => {
    runs.push({ index: text.length, pos: start + offset })
    if (child.isText) text += child.text
    else text += ATOM_CHAR
  })
  const end = start + block.content.size
  return {
    text,
    posAt(index: number) {
      if (index >= text.length) return end
      let low = 0
      let high = runs.length - 1
      while (low < high) {
        const middle = (low + high + 1) >> 1
        if (runs[middle].index <= index) low = middle
        else high = middle - 1
      }
      const run = runs[low]
      return run.pos + (index - run.index)
    }
  }
}
