import type { Node } from 'prosemirror-model'
import type { Numbering } from '../numbering'

/**
 * Names the place of a document position the way a reader finds it: the
 * innermost numbered thing around it ("paragraph 12", "Recommendation 3",
 * "footnote 4"), else its section or chapter ("II.B"), else "".
 */
export function placeName(doc: Node, pos: number, numbering: Numbering): string {
  const $pos = doc.resolve(Math.min(pos, doc.content.size))
  let footnote = ''
  for (let depth = $pos.depth; depth > 0; depth--) {
    const item = numbering.byPos.get($pos.before(depth))
    if (!item) continue
    if (item.kind === 'footnote') {
      footnote = `footnote ${item.label}`
      continue
    }
    if (item.kind === 'list_item') continue
    const name =
      item.kind === 'paragraph' || item.kind === 'recommendation'
        ? item.reference || item.label
        : item.path
    return footnote ? `${footnote} (${name})` : name
  }
  return footnote
}
