import type { Node } from 'prosemirror-model'
import type { Numbering } from '../numbering'
import { findBrackets, forEachTextblock, inlineText } from '../text'
import type { Finding } from './finding'
import { placeName } from './place'

/**
 * Checks of the running text: square brackets still open, paragraphs left
 * empty, footnote marks in headings.
 */

/** Square-bracketed text (`[thirteenth]`): not yet agreed, so it blocks circulation. */
export function checkSquareBrackets(doc: Node, numbering: Numbering): Finding[] {
  const findings: Finding[] = []
  forEachTextblock(doc, (textblock, pos) => {
    const text = inlineText(textblock, { reference: () => '\u200b', footnote: () => '\u200b' })
    for (const bracket of findBrackets(text))
      findings.push({
        kind: 'square-brackets',
        severity: 'blocking',
        pos: pos + 1 + bracket.from,
        where: placeName(doc, pos + 1, numbering),
        detail: { kind: 'square-brackets', text: bracket.text }
      })
  })
  return findings
}

/** Body paragraphs with nothing in them: exported, they are stray blank lines or empty numbers. */
export function checkEmptyParagraphs(doc: Node, numbering: Numbering): Finding[] {
  const findings: Finding[] = []
  doc.descendants((node, pos) => {
    if (node.type.name === 'footnote') return false
    if (node.type.name !== 'numbered_paragraph' && node.type.name !== 'paragraph') return true
    if (node.content.size === 0)
      findings.push({
        kind: 'empty-paragraph',
        severity: 'warning',
        pos: pos + 1,
        where: placeName(doc, pos + 1, numbering),
        detail: { kind: 'empty-paragraph' }
      })
    return false
  })
  return findings
}

/** Text of a language version still in the source language (marked untranslated), one row a block. */
export function checkUntranslated(doc: Node, numbering: Numbering): Finding[] {
  const findings: Finding[] = []
  forEachTextblock(doc, (textblock, pos) => {
    let text = ''
    textblock.forEach((child) => {
      if (child.marks.some((mark) => mark.type.name === 'untranslated')) text += child.text ?? ''
    })
    if (text)
      findings.push({
        kind: 'untranslated',
        severity: 'warning',
        pos: pos + 1,
        where: placeName(doc, pos + 1, numbering),
        detail: { kind: 'untranslated', text: text.length > 60 ? `${text.slice(0, 60)}…` : text }
      })
  })
  return findings
}

/** A footnote mark in a chapter or section heading: the Editorial Manual puts notes in the text. */
export function checkFootnotesInHeadings(doc: Node, numbering: Numbering): Finding[] {
  const findings: Finding[] = []
  doc.descendants((node, pos) => {
    if (node.type.name !== 'heading') return !node.isTextblock
    node.forEach((child, offset) => {
      if (child.type.name === 'footnote')
        findings.push({
          kind: 'footnote-in-heading',
          severity: 'warning',
          pos: pos + 1 + offset,
          where: placeName(doc, pos, numbering),
          detail: { kind: 'footnote-in-heading' }
        })
    })
    return false
  })
  return findings
}
