// @vitest-environment happy-dom
import type { Node } from 'prosemirror-model'
import {
  activeFootnoteEditor,
  bracketCount,
  countsOf,
  insertFootnote,
  setNumberingOptions,
  undo,
  wordCount
} from '@renderer/editor'
import { reportWordCount } from '@core/stats'
import { schema } from '@core/schema'
import { chapter, doc, h, np } from '../../builders'
import { sampleView, viewOf } from './setup'

/** Marked runs of a textblock as "mark:text" strings. */
function runs(block: Node, markName: string): string[] {
  const out: string[] = []
  block.forEach((child) => {
    const mark = child.marks.find((m) => m.type.name === markName)
    if (mark)
      out.push(markName === 'doc_symbol' ? `${mark.attrs.symbol}:${child.text}` : child.text!)
  })
  return out
}

function typeChars(view: ReturnType<typeof viewOf>, text: string): void {
  for (const ch of text) view.dispatch(view.state.tr.insertText(ch))
}

describe('document symbols', () => {
  test('typing a symbol turns it into a doc_symbol link, following the text as it grows', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('T'), np({ id: 'p1' }, 'See <a>'))))
    typeChars(view, 'CTOC/COP/WG.4/2019/2 for details.')
    const block = view.state.selection.$from.parent
    expect(runs(block, 'doc_symbol')).toEqual(['CTOC/COP/WG.4/2019/2:CTOC/COP/WG.4/2019/2'])
    const link = view.dom.querySelector('a.doc-symbol')!
    expect(link.getAttribute('href')).toBe('https://undocs.org/en/CTOC/COP/WG.4/2019/2')
    expect(link.textContent).toBe('CTOC/COP/WG.4/2019/2')
  })

  test('the link follows the report language', () => {
    const view = viewOf(
      doc(chapter({ id: 'c1' }, h('T'), np({ id: 'p1' }, '<a>'))),
      {},
      { language: 'fr', recommendationStyle: 'block' }
    )
    typeChars(view, 'A/RES/70/1 ')
    expect(view.dom.querySelector('a.doc-symbol')!.getAttribute('href')).toBe(
      'https://undocs.org/fr/A/RES/70/1'
    )
  })

  test('editing a symbol away removes the mark; text that is no symbol is left alone', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('T'), np({ id: 'p1' }, 'TCP/IP and/or <a>'))))
    typeChars(view, 'E/CN.15/2019/L.2')
    let block = view.state.selection.$from.parent
    expect(runs(block, 'doc_symbol')).toEqual(['E/CN.15/2019/L.2:E/CN.15/2019/L.2'])
    const end = view.state.selection.from
    view.dispatch(view.state.tr.delete(end - 16, end - 3))
    block = view.state.selection.$from.parent
    expect(block.textContent).toBe('TCP/IP and/or L.2')
    expect(runs(block, 'doc_symbol')).toEqual([])
  })

  test('a pasted-in link keeps its own target: no symbol mark over it', () => {
    const link = schema.marks.link.create({ href: 'https://example.org' })
    const view = viewOf(doc(chapter({ id: 'c1' }, h('T'), np({ id: 'p1' }, '<a>'))))
    view.dispatch(view.state.tr.replaceSelectionWith(schema.text('A/RES/70/1', [link]), false))
    expect(runs(view.state.selection.$from.parent, 'doc_symbol')).toEqual([])
  })

  test('undo removes the text and its mark together', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('T'), np({ id: 'p1' }, '<a>'))))
    view.dispatch(view.state.tr.insertText('A/RES/70/1'))
    undo(view.state, view.dispatch)
    expect(view.state.doc.textContent).toBe('T')
  })
})

describe('square brackets', () => {
  test('bracketed text is marked and highlighted as it is typed, and counted', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('T'), np({ id: 'p1' }, 'At its <a>'))))
    expect(bracketCount(view.state)).toBe(0)
    typeChars(view, '[3rd and 4th] meetings')
    expect(runs(view.state.selection.$from.parent, 'bracketed')).toEqual(['[3rd and 4th]'])
    expect(view.dom.querySelector('.bracketed')!.textContent).toBe('[3rd and 4th]')
    expect(bracketCount(view.state)).toBe(1)
    // Removing the closing bracket removes the mark and the count.
    const text = view.state.selection.$from.parent.textContent
    const close = view.state.selection.$from.start() + text.indexOf(']')
    view.dispatch(view.state.tr.delete(close, close + 1))
    expect(runs(view.state.selection.$from.parent, 'bracketed')).toEqual([])
    expect(bracketCount(view.state)).toBe(0)
  })

  test('brackets in headings count and are marked too', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('Title <a>'), np({ id: 'p1' }, 'x'))))
    typeChars(view, '[draft]')
    expect(runs(view.state.selection.$from.parent, 'bracketed')).toEqual(['[draft]'])
    expect(bracketCount(view.state)).toBe(1)
  })
})

describe('running counts', () => {
  test('words and brackets stay equal to a full count through typing and structural edits', () => {
    const view = sampleView()
    expect(wordCount(view.state)).toBe(reportWordCount(view.state.doc))
    expect(bracketCount(view.state)).toBe(3)
    const pos = view.state.doc.content.size - 3
    view.dispatch(view.state.tr.insertText(' more words [here]', pos))
    expect(wordCount(view.state)).toBe(reportWordCount(view.state.doc))
    expect(countsOf(view.state).brackets).toBe(4)
    view.dispatch(view.state.tr.delete(1, 60))
    expect(wordCount(view.state)).toBe(reportWordCount(view.state.doc))
  })
})

describe('symbol links and the report language', () => {
  test('changing the report language re-points the links', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('T'), np({ id: 'p1' }, '<a>'))))
    view.dispatch(view.state.tr.insertText('A/RES/70/1 '))
    setNumberingOptions({ language: 'es' })(view.state, view.dispatch)
    expect(view.dom.querySelector('a.doc-symbol')!.getAttribute('href')).toBe(
      'https://undocs.org/es/A/RES/70/1'
    )
    expect(view.dom.getAttribute('lang')).toBe('es')
  })
})

describe('brackets around a footnote', () => {
  test('the footnote’s own text is not marked; marking settles in one pass', () => {
    const view = viewOf(doc(chapter({ id: 'c1' }, h('T'), np({ id: 'p1' }, 'Text <a>'))))
    view.dispatch(view.state.tr.insertText('[agreed'))
    insertFootnote(view.state, view.dispatch)
    const inner = activeFootnoteEditor(view)!
    inner.dispatch(inner.state.tr.insertText('note', 1))
    const end =
      view.state.doc.child(0).child(1).nodeSize + view.state.doc.child(0).child(0).nodeSize
    view.dispatch(view.state.tr.insertText(' text]', end))
    const paragraph = view.state.doc.child(0).child(1)
    expect(runs(paragraph, 'bracketed')).toEqual(['[agreed', ' text]'])
    let footnote = paragraph.firstChild!
    paragraph.forEach((child) => {
      if (child.type.name === 'footnote') footnote = child
    })
    expect(footnote.type.name).toBe('footnote')
    expect(footnote.marks).toEqual([])
    expect(runs(footnote.firstChild!, 'bracketed')).toEqual([])
    expect(bracketCount(view.state)).toBe(1)
  })
})
