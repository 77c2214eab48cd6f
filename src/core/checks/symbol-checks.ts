import type { Node } from 'prosemirror-model'
import type { Numbering } from '../numbering'
import { findSymbols } from '../symbols'
import { forEachTextblock } from '../text'
import type { Finding } from './finding'
import { placeName } from './place'

/**
 * Checks of the document symbols cited in the text: each should be a linked
 * symbol mark whose link is the symbol its text shows, and a report does not
 * cite itself.
 */
export function checkDocumentSymbols(
  doc: Node,
  numbering: Numbering,
  ownSymbol: string
): Finding[] {
  const findings: Finding[] = []
  const add = (pos: number, symbol: string, problem: 'not-linked' | 'own-symbol' | 'mismatch') =>
    findings.push({
      kind: 'document-symbol',
      severity: 'warning',
      pos,
      where: placeName(doc, pos, numbering),
      detail: { kind: 'document-symbol', symbol, problem }
    })
  forEachTextblock(doc, (textblock, blockPos) => {
    // A marked symbol may span several text nodes (part of it bold, say): join the run first.
    let run: { symbol: string; text: string; pos: number } | null = null
    const closeRun = () => {
      if (run && run.symbol === ownSymbol) add(run.pos, run.symbol, 'own-symbol')
      else if (run && !run.text.includes(run.symbol)) add(run.pos, run.symbol, 'mismatch')
      run = null
    }
    textblock.forEach((child, offset) => {
      const pos = blockPos + 1 + offset
      const mark = child.isText ? child.marks.find((m) => m.type.name === 'doc_symbol') : undefined
      if (!mark) {
        closeRun()
        for (const match of findSymbols(child.text ?? ''))
          add(
            pos + match.from,
            match.symbol,
            match.symbol === ownSymbol ? 'own-symbol' : 'not-linked'
          )
        return
      }
      const symbol = String(mark.attrs.symbol)
      if (run?.symbol !== symbol) {
        closeRun()
        run = { symbol, text: '', pos }
      }
      run!.text += child.text ?? ''
    })
    closeRun()
  })
  return findings
}
