import {
  Bookmark,
  ExternalHyperlink,
  FootnoteReferenceRun,
  Paragraph,
  Tab,
  TextRun,
  type IRunOptions,
  type ParagraphChild
} from 'docx'
import type { Node } from 'prosemirror-model'
import { resolveReference } from '../numbering'
import { isSafeLink } from '../safe-url'
import { undocsUrl } from '../symbols'
import type { ExportContext } from './context'
import { referenceField } from './fields'
import { STYLE } from './layout'
import { isTracked, trackedRuns } from './revisions'
import { commentEnds, commentStarts, withBlockComments } from './comments'

/**
 * Inline content to Word runs: text with its marks, document symbols as links
 * to the Official Document System, footnotes, cross-references as REF fields
 * and line breaks. Square-bracketed text is written as it stands.
 */

/** Link targets a Word document may open: web and mail addresses, nothing that runs a program. */
const SAFE_LINK = /^(https?:|mailto:)/i

/** Characters XML 1.0 forbids (a file holding one does not open in Word), and lone surrogates. */
const NOT_IN_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text as Word may hold it: forbidden characters dropped, line ends as spaces. */
export function wordText(text: string): string {
  return text.replace(NOT_IN_XML, '').replace(/\r\n?|\n/g, ' ')
}

/** The content of a run for `text`: tabs become Word tabs. */
function runContent(text: string): IRunOptions {
  const clean = wordText(text)
  if (!clean.includes('\t')) return { text: clean }
  return {
    children: clean
      .split('\t')
      .flatMap((part, index) => (index === 0 ? [part] : [new Tab(), part]))
      .filter((part) => part !== '')
  }
}

function textToDocx(node: Node, context: ExportContext): ParagraphChild[] {
  const revisions = context.review.revisions
  const run: IRunOptions = { ...context.run, ...runContent(node.text ?? '') }
  let symbol: string | null = null
  let href: string | null = null
  const marked: { bold?: boolean; italics?: boolean } = {}
  for (const mark of node.marks) {
    switch (mark.type.name) {
      case 'bold':
        marked.bold = true
        break
      case 'italic':
        marked.italics = true
        break
      case 'doc_symbol':
        symbol = mark.attrs.symbol as string
        break
      case 'link':
        href = mark.attrs.href as string
        break
    }
  }
  if (symbol !== null) {
    return [
      new ExternalHyperlink({
        link: undocsUrl(symbol, context.language),
        children: trackedRuns(
          [new TextRun({ ...run, ...marked, style: STYLE.documentSymbol })],
          node.marks,
          revisions
        )
      })
    ]
  }
  if (href !== null && SAFE_LINK.test(href) && isSafeLink(href)) {
    return [
      new ExternalHyperlink({
        link: href,
        children: trackedRuns(
          [new TextRun({ ...run, ...marked, style: 'Hyperlink' })],
          node.marks,
          revisions
        )
      })
    ]
  }
  return trackedRuns([new TextRun({ ...run, ...marked })], node.marks, revisions)
}

/**
 * A footnote anchor: the footnote's paragraphs go to the footnotes part under
 * the next number. Word has no footnotes inside footnotes, so one written
 * inside another is kept as its text in parentheses.
 */
function footnoteToDocx(node: Node, context: ExportContext): ParagraphChild[] {
  if (context.inFootnote) {
    const text = node.textContent.trim()
    return text ? [new TextRun({ ...context.run, ...runContent(` (${text})`) })] : []
  }
  const id = ++context.footnoteCount
  const paragraphs: Paragraph[] = []
  context.inFootnote = true
  node.forEach((paragraph, _offset, index) => {
    // Word writes a space after the footnote's own reference mark (which the library puts first).
    const mark = index === 0 ? [new TextRun({ ...context.run, text: ' ' })] : []
    paragraphs.push(
      new Paragraph({
        style: STYLE.footnoteText,
        bidirectional: context.typography.rightToLeft || undefined,
        children: [...mark, ...inlineToDocx(paragraph, context)]
      })
    )
  })
  context.inFootnote = false
  context.footnotes[String(id)] = { children: paragraphs }
  return trackedRuns([new FootnoteReferenceRun(id)], node.marks, context.review.revisions)
}

/** Private-use characters standing for the label of the n-th container on a reference's path. */
const placeholder = (index: number) => String.fromCharCode(0xe000 + index)
const PLACEHOLDERS = /([\ue000-\ue00f])/

/**
 * A cross-reference: the language's words ("paragraph", "第 … 段") as text,
 * each number in them a REF field to the target's bookmark with the number
 * it has now cached; a reference to deleted text reads as the language says.
 */
function crossReferenceToDocx(node: Node, context: ExportContext): ParagraphChild[] {
  const { numbering, conventions } = context
  const targetId = node.attrs.target as string
  const resolved = resolveReference(numbering, targetId)
  // A broken or suggested reference is written as the text it reads now: Word tracks runs, not live fields.
  if (resolved.broken || isTracked(node.marks, context.review.revisions))
    return trackedRuns(
      [new TextRun({ ...context.run, text: resolved.text })],
      node.marks,
      context.review.revisions
    )
  const { kind } = resolved
  const numberedAsParagraph = kind === 'paragraph'
  const path = context.containerPath.get(targetId) ?? [targetId]
  const own = placeholder(path.length - 1)
  const words = conventions.reference(kind, own, path.map((_, i) => placeholder(i)).join('.'))
  return words
    .split(PLACEHOLDERS)
    .filter((part) => part !== '')
    .flatMap((part) => {
      const index = part.charCodeAt(0) - 0xe000
      if (part.length !== 1 || index < 0 || index >= path.length)
        return [new TextRun({ ...context.run, text: part })]
      const id = path[index]
      return referenceField(
        context.bookmarks.nameFor(id),
        numbering.byId.get(id)!.parts.text,
        {
          paragraphNumber:
            id === targetId && numberedAsParagraph ? conventions.labels.paragraph : null
        },
        context.run
      )
    })
}

/** The runs of a textblock's inline content. */
export function inlineToDocx(textblock: Node, context: ExportContext): ParagraphChild[] {
  const children: ParagraphChild[] = []
  const comments = context.review.comments
  textblock.forEach((child) => {
    children.push(...commentStarts(comments, child))
    switch (child.type.name) {
      case 'text':
        children.push(...textToDocx(child, context))
        break
      case 'footnote':
        children.push(...footnoteToDocx(child, context))
        break
      case 'cross_reference':
        children.push(...crossReferenceToDocx(child, context))
        break
      case 'hard_break':
        children.push(
          ...trackedRuns(
            [new TextRun({ ...context.run, break: 1 })],
            child.marks,
            context.review.revisions
          )
        )
        break
    }
    children.push(...commentEnds(comments, child))
  })
  return withBlockComments(comments, textblock, children)
}

/** `children` inside a bookmark when the node with `id` is a reference target, else as they are. */
export function bookmarkedIfTarget(
  id: string | null,
  children: ParagraphChild[],
  context: ExportContext
): ParagraphChild[] {
  if (id === null || !context.targets.has(id)) return children
  return [new Bookmark({ id: context.bookmarks.nameFor(id), children })]
}
