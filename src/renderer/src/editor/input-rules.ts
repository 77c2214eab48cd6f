import { InputRule, inputRules } from 'prosemirror-inputrules'
import { TextSelection, type Plugin } from 'prosemirror-state'
import { schema } from '@core/schema'
import { newId } from '@core/ids'
import { isContainer } from './commands/helpers'
import { autoCorrectRules } from './autocorrect'

/**
 * Typing shortcuts. "(a) " at the start of a body paragraph starts a
 * sub-paragraph list there (the drafter typed the label; the report computes
 * it from now on). Backspace or Ctrl+Z right after undoes the conversion, as
 * it does the AutoCorrect rules (autocorrect.ts) that run in the same plugin.
 */

const { ordered_list, list_item, paragraph, heading } = schema.nodes

/** "(a) " at the start of a paragraph in the report body: a sub-paragraph list with that paragraph's text. */
export const subparagraphListRule = new InputRule(/^\(a\)\s$/, (state, _match, start, end) => {
  const $start = state.doc.resolve(start)
  const block = $start.parent
  if (block.type === heading || !isContainer($start.node(-1))) return null
  const blockPos = $start.before()
  const rest = block.content.cut(end - $start.start())
  const list = ordered_list.create(
    { kind: 'subparagraph' },
    list_item.create({ id: newId() }, paragraph.create(null, rest))
  )
  const tr = state.tr.replaceWith(blockPos, blockPos + block.nodeSize, list)
  return tr.setSelection(TextSelection.create(tr.doc, blockPos + 3))
})

/** The input-rules plugin of the report editor. */
export function buildInputRules(): Plugin {
  return inputRules({ rules: [subparagraphListRule, ...autoCorrectRules()] })
}
