import { builders, type NodeBuilder } from 'prosemirror-test-builder'
import type { Node } from 'prosemirror-model'
import { schema } from '../src/core/schema'

/**
 * Short document builders for tests, in prosemirror-test-builder style:
 * `doc(chapter(h('Introduction'), np({ id: 'p1' }, 'Text')))`.
 */
const b = builders(schema, {
  h: { nodeType: 'heading' },
  np: { nodeType: 'numbered_paragraph' },
  p: { nodeType: 'paragraph' },
  rec: { nodeType: 'recommendation' },
  ol: { nodeType: 'ordered_list', kind: 'subparagraph' },
  agenda: { nodeType: 'ordered_list', kind: 'agenda' },
  li: { nodeType: 'list_item' },
  fn: { nodeType: 'footnote' },
  br: { nodeType: 'hard_break' },
  em: { markType: 'italic' },
  strong: { markType: 'bold' },
  bracketed: { markType: 'bracketed' }
})

export const doc = b.doc as NodeBuilder
export const chapter = b.chapter as NodeBuilder
export const section = b.section as NodeBuilder
export const subsection = b.subsection as NodeBuilder
export const h = b.h as NodeBuilder
export const np = b.np as NodeBuilder
export const p = b.p as NodeBuilder
export const rec = b.rec as NodeBuilder
export const ol = b.ol as NodeBuilder
export const agenda = b.agenda as NodeBuilder
export const li = b.li as NodeBuilder
export const fn = b.fn as NodeBuilder
export const br = b.br as NodeBuilder
export const em = b.em
export const strong = b.strong
export const bracketed = b.bracketed

/** A cross-reference to `target`. */
export function xref(target: string): Node {
  return schema.nodes.cross_reference.create({ target })
}

/** Text marked as a document symbol. */
export function sym(symbol: string): Node {
  return schema.text(symbol, [schema.marks.doc_symbol.create({ symbol })])
}
