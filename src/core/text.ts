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

/** Whether a UTF-16 code unit is a Chinese or Japanese character (each counts as a word). */
function isCjk(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff)
  )
}

/** Whether a UTF-16 code unit is white space as JavaScript's `\s` has it. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  if (code < 0xa0) return false
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/**
 * Words in a string as Word counts them: runs of non-space characters, with
 * each Chinese or Japanese character counted as a word of its own. One pass
 * over the characters, allocating nothing: opening a report counts every
 * paragraph, and a regular expression's array of matches made that a tenth
 * of the time to first paint.
 */
export function countWords(text: string): number {
  let words = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (isCjk(code)) {
      words++
      inWord = false
    } else if (isSpace(code)) {
      inWord = false
    } else if (!inWord) {
      words++
      inWord = true
    }
  }
  return words
}
