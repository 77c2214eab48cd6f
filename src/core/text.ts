import type { Node } from 'prosemirror-model'

/**
 * Plain-text views of report content, for counting, searching and checks.
 */

/** What an inline atom contributes to a plain-text view. */
export interface PlainTextOptions {
  /** Text for a cross-reference node (default: empty). */
  reference?: (node: Node) => string
  /** Text for a footnote anchor (default: empty; its content is not inline text). */
  footnote?: (node: Node) => string
}

/**
 * The text of a textblock as a reader sees it in the line: footnote content
 * is left out (it sits at the foot of the page), references as `options` says.
 */
export function inlineText(textblock: Node, options: PlainTextOptions = {}): string {
  let text = ''
  textblock.forEach((child) => {
    if (child.isText) text += child.text
    else if (child.type.name === 'cross_reference') text += options.reference?.(child) ?? ''
    else if (child.type.name === 'footnote') text += options.footnote?.(child) ?? ''
    else if (child.type.name === 'hard_break') text += '\n'
  })
  return text
}

/**
 * Calls `visit` for every textblock of the report body in document order,
 * then for every textblock inside footnotes, in footnote order.
 */
export function forEachTextblock(
  doc: Node,
  visit: (textblock: Node, pos: number, inFootnote: boolean) => void
): void {
  const footnotes: Array<{ node: Node; pos: number }> = []
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      visit(node, pos, false)
      node.forEach((child, offset) => {
        if (child.type.name === 'footnote') footnotes.push({ node: child, pos: pos + 1 + offset })
      })
      return false
    }
    return true
  })
  for (const footnote of footnotes) {
    footnote.node.descendants((node, offset) => {
      if (node.isTextblock) visit(node, footnote.pos + 1 + offset, true)
      return !node.isTextblock
    })
  }
}

/** Square-bracketed spans (`[thirteenth]`, `[……]`) in a string: text not yet agreed. */
export function findBrackets(text: string): Array<{ text: string; from: number; to: number }> {
  return [...text.matchAll(/\[[^[\]]*\]/g)].map((match) => ({
    text: match[0],
    from: match.index,
    to: match.index + match[0].length
  }))
}

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g

/**
 * Words in a string as Word counts them: runs of non-space characters, with
 * each Chinese or Japanese character counted as a word of its own.
 */
export function countWords(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0
  const rest = text.replace(CJK, ' ').match(/\S+/g)?.length ?? 0
  return cjk + rest
}
