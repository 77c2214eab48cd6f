import { Fragment, Slice, type Node } from 'prosemirror-model'
import type { EditorView } from 'prosemirror-view'
import { schema } from '@core/schema'
import { isContainer } from './commands/helpers'
import { labelOf } from './numbering-plugin'

/**
 * Paste from Word or a web page. The schema's parse rules already keep only
 * text, bold, italic, lists and links; here Word's own markup is cleaned
 * first (list bullets it writes as text, comments, `o:p` tags), pasted plain
 * paragraphs that land in the report body become numbered paragraphs, and
 * pasted copies of nodes still in the report lose their ids so the
 * originals keep theirs (and the references to them).
 */

/** Removes Word-only markup that would otherwise survive as text. */
export function cleanPastedHTML(html: string): string {
  return (
    html
      // Conditional comments and plain comments.
      .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      // Word writes list numbers as text in spans marked mso-list:Ignore.
      .replace(/<span[^>]*mso-list:\s*Ignore[^>]*>[\s\S]*?<\/span>/gi, '')
      .replace(/<\/?o:p[^>]*>/gi, '')
      .replace(/<style[\s\S]*?<\/style>/gi, '')
  )
}

/** Whether a position in the document is in the report body (directly in a container). */
function pastingIntoBody(view: EditorView): boolean {
  const $from = view.state.selection.$from
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth)
    if (isContainer(node))
      return depth === $from.depth - 1 && $from.parent.type !== schema.nodes.heading
    if (node.type.name !== 'paragraph' && node.type.name !== 'numbered_paragraph') return false
  }
  return false
}

function mapFragment(
  fragment: Fragment,
  f: (node: Node, depth: number) => Node,
  depth = 0
): Fragment {
  const children: Node[] = []
  fragment.forEach((child) => {
    const inner = child.isLeaf ? child : child.copy(mapFragment(child.content, f, depth + 1))
    children.push(f(inner, depth))
  })
  return Fragment.from(children)
}

/** Adjusts a pasted slice to the report: see the module comment. */
export function transformPasted(slice: Slice, view: EditorView): Slice {
  const intoBody = pastingIntoBody(view)
  const content = mapFragment(slice.content, (node, depth) => {
    let result = node
    const id = node.attrs.id as string | null | undefined
    // A copy of something still in the report: let the id repair give it a fresh id.
    if (id && labelOf(view.state, id))
      result = result.type.create({ ...result.attrs, id: null }, result.content, result.marks)
    if (intoBody && depth === 0 && result.type === schema.nodes.paragraph)
      result = schema.nodes.numbered_paragraph.create({ id: null }, result.content, result.marks)
    return result
  })
  return new Slice(content, slice.openStart, slice.openEnd)
}
