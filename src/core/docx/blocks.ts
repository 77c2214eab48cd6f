import { Paragraph, Tab, TextRun, type IParagraphOptions, type ParagraphChild } from 'docx'
import type { Node } from 'prosemirror-model'
import { isFrontMatter, type NumberedItem } from '../numbering'
import type { ListKind } from '../schema'
import type { FormatChange } from '../review/change'
import type { ExportContext } from './context'
import { recommendationNumberField } from './fields'
import { bookmarkedIfTarget, inlineToDocx } from './inline'
import { NUMBERING, STYLE } from './layout'
import { formatChange, paragraphBreakChange } from '../review/final'
import {
  formatRevision,
  originalItemAt,
  paragraphMarkRevision,
  trackedRuns,
  withBlockChange,
  type FormerParagraph
} from './revisions'

/**
 * Block content to Word paragraphs, one function per node type. Labels that
 * Word can keep alive are Word's (numbering definitions, SEQ fields); heading
 * labels are typed, as in UN documents, with the number bookmarked when a
 * cross-reference points at it.
 */

/** How a paragraph whose type is a suggestion was written before: numbered, or a body paragraph. */
function formerParagraph(textblock: Node): FormerParagraph | null {
  const was = formatChange(textblock)?.was
  if (!was || was.level !== undefined) return null
  return was.type === 'numbered_paragraph'
    ? { style: STYLE.numbered, level: 0, numbering: 'paragraphs' }
    : { style: STYLE.body }
}

/**
 * A Word paragraph; `textblock`, the paragraph it writes, may carry a
 * suggested break at its end and a suggested format (see `formerParagraph`),
 * or `former` gives its old format (a list item's old level).
 */
function paragraph(
  context: ExportContext,
  options: IParagraphOptions,
  textblock?: Node,
  former: { change: FormatChange; paragraph: FormerParagraph } | null = null
): Paragraph {
  const oldFormat = textblock ? formerParagraph(textblock) : null
  const change = textblock && oldFormat ? formatChange(textblock) : null
  const revision = change && oldFormat ? { change, paragraph: oldFormat } : former
  const children = revision
    ? [
        formatRevision(context.review.revisions, revision.change, revision.paragraph),
        ...(options.children ?? [])
      ]
    : options.children
  return new Paragraph({
    ...options,
    children,
    ...paragraphMarkRevision(
      context.review.revisions,
      textblock ? paragraphBreakChange(textblock) : null
    ),
    ...(context.typography.rightToLeft ? { bidirectional: true } : {})
  })
}

function itemAt(context: ExportContext, pos: number): NumberedItem {
  // A block a suggestion removes has no Final label: it shows the one it had.
  const item = context.numbering.byPos.get(pos) ?? originalItemAt(context.review.revisions, pos)
  if (!item) throw new Error(`no numbering for the node at ${pos}`)
  return item
}

/** `number` between the label's affixes, each affix its own run when there is one. */
function affixed(item: NumberedItem, number: ParagraphChild[], context: ExportContext) {
  const { prefix, suffix } = item.parts
  return [
    ...(prefix ? [new TextRun({ ...context.run, text: prefix })] : []),
    ...number,
    ...(suffix ? [new TextRun({ ...context.run, text: suffix })] : [])
  ]
}

/** A heading's label runs: "II." with "II" bookmarked when it is a reference target. */
function labelRuns(item: NumberedItem, context: ExportContext): ParagraphChild[] {
  const number = [new TextRun({ ...context.run, text: item.parts.text })]
  return trackedRuns(
    affixed(item, bookmarkedIfTarget(item.id, number, context), context),
    [],
    context.review.revisions
  )
}

const HEADING_STYLES = {
  chapter: STYLE.chapter,
  section: STYLE.section,
  subsection: STYLE.subsection
} as const

/** A chapter, section or subsection: its labelled heading, its body, its nested containers. */
export function containerToDocx(node: Node, pos: number, context: ExportContext): Paragraph[] {
  // Front matter has neither a number nor a title: its text alone is written.
  const frontMatter = pos === 0 && isFrontMatter(node, 0)
  const style = HEADING_STYLES[node.type.name as keyof typeof HEADING_STYLES]
  const out: Paragraph[] = []
  node.forEach((child, offset) => {
    const childPos = pos + 1 + offset
    if (child.type.name === 'heading') {
      if (frontMatter) return
      const item = itemAt(context, pos)
      out.push(
        paragraph(context, {
          style,
          children: [
            ...labelRuns(item, context),
            ...trackedRuns(
              [new TextRun({ ...context.run, children: [new Tab()] })],
              [],
              context.review.revisions
            ),
            ...inlineToDocx(child, context)
          ]
        })
      )
    } else out.push(...blockToDocx(child, childPos, context))
  })
  return out
}

/** A numbered paragraph: Word numbers it in the one paragraph list of the report. */
export function numberedParagraphToDocx(node: Node, context: ExportContext): Paragraph {
  return paragraph(
    context,
    {
      style: STYLE.numbered,
      numbering: { reference: NUMBERING.paragraphs, level: 0 },
      children: bookmarkedIfTarget(
        node.attrs.id as string | null,
        inlineToDocx(node, context),
        context
      )
    },
    node
  )
}

/** An unnumbered body paragraph. */
export function paragraphToDocx(
  node: Node,
  context: ExportContext,
  style: string = STYLE.body
): Paragraph {
  return paragraph(context, { style, children: inlineToDocx(node, context) }, node)
}

/**
 * A recommendation. Block style: a "Recommendation N" line whose N is a SEQ
 * field (bookmarked for references), then its text. Paragraph style: its
 * first paragraph is numbered in the paragraph list instead.
 */
export function recommendationToDocx(node: Node, pos: number, context: ExportContext): Paragraph[] {
  const item = itemAt(context, pos)
  const id = node.attrs.id as string | null
  const out: Paragraph[] = []
  const asParagraph = context.numbering.options.recommendationStyle === 'paragraph'
  if (!asParagraph) {
    const number = recommendationNumberField(
      context.conventions.labels.recommendation,
      item.parts,
      context.run
    )
    out.push(
      paragraph(context, {
        style: STYLE.recommendationHeading,
        children: trackedRuns(
          affixed(item, bookmarkedIfTarget(id, number, context), context),
          [],
          context.review.revisions
        )
      })
    )
  }
  if (asParagraph && node.firstChild?.type.name !== 'paragraph') {
    // Its number needs a paragraph to stand on when the recommendation opens with a list.
    out.push(
      paragraph(context, {
        style: STYLE.numbered,
        numbering: { reference: NUMBERING.paragraphs, level: 0 },
        children: bookmarkedIfTarget(id, [], context)
      })
    )
  }
  node.forEach((child, offset) =>
    withBlockChange(child, context.review.revisions, () => {
      recommendationChildToDocx(child, offset)
    })
  )
  function recommendationChildToDocx(child: Node, offset: number) {
    if (child.type.name === 'ordered_list') {
      out.push(...listToDocx(child, context))
    } else if (asParagraph && offset === 0) {
      out.push(
        paragraph(
          context,
          {
            style: STYLE.numbered,
            numbering: { reference: NUMBERING.paragraphs, level: 0 },
            children: bookmarkedIfTarget(id, inlineToDocx(child, context), context)
          },
          child
        )
      )
    } else out.push(paragraphToDocx(child, context, STYLE.recommendationText))
  }
  return out
}

/** A list item's old level, when moving it in or out is a suggestion. */
function formerLevel(
  item: Node,
  style: string
): { change: FormatChange; paragraph: FormerParagraph } | null {
  const change = formatChange(item)
  if (change?.was.level === undefined) return null
  const level = Math.min(change.was.level, 8)
  return { change, paragraph: { style, level, numbering: 'own' } }
}

/**
 * A sub-paragraph or agenda list: each list is a new instance of its
 * numbering, so it starts again at (a) or 1.; nested lists are the next level.
 */
export function listToDocx(
  node: Node,
  context: ExportContext,
  depth = 0,
  kind: ListKind = node.attrs.kind as ListKind,
  instance = ++context.listInstances
): Paragraph[] {
  const reference = kind === 'agenda' ? NUMBERING.agenda : NUMBERING.subparagraphs
  const style = kind === 'agenda' ? STYLE.agenda : STYLE.subparagraph
  const out: Paragraph[] = []
  node.forEach((item) =>
    withBlockChange(item, context.review.revisions, () =>
      item.forEach((child, offset) => {
        if (child.type.name === 'ordered_list') {
          out.push(...listToDocx(child, context, depth + 1, kind, instance))
        } else if (offset === 0) {
          out.push(
            paragraph(
              context,
              {
                style,
                numbering: { reference, level: Math.min(depth, 8), instance },
                children: inlineToDocx(child, context)
              },
              child,
              formerLevel(item, style)
            )
          )
        } else out.push(paragraphToDocx(child, context, style))
      })
    )
  )
  return out
}

/** Any body block. */
export function blockToDocx(node: Node, pos: number, context: ExportContext): Paragraph[] {
  return withBlockChange(node, context.review.revisions, () =>
    untrackedBlockToDocx(node, pos, context)
  )
}

function untrackedBlockToDocx(node: Node, pos: number, context: ExportContext): Paragraph[] {
  switch (node.type.name) {
    case 'chapter':
    case 'section':
    case 'subsection':
      return containerToDocx(node, pos, context)
    case 'annex':
      return annexToDocx(node, pos, context)
    case 'numbered_paragraph':
      return [
        inAnnex.has(context)
          ? annexParagraphToDocx(node, pos, context)
          : numberedParagraphToDocx(node, context)
      ]
    case 'recommendation':
      return recommendationToDocx(node, pos, context)
    case 'ordered_list':
      return listToDocx(node, context)
    default:
      return [paragraphToDocx(node, context)]
  }
}

/** The word over an annex's title, per report language. */
export const ANNEX_WORD = {
  en: 'Annex',
  fr: 'Annexe',
  es: 'Anexo',
  ru: 'Приложение',
  zh: '附件',
  ar: 'المرفق'
}

/**
 * An annex: its word and title as a chapter-level heading, then its content.
 * Its numbered paragraphs have a series of their own, which the report's one
 * Word paragraph list cannot carry: they get their number as text.
 */
function annexToDocx(node: Node, pos: number, context: ExportContext): Paragraph[] {
  const out: Paragraph[] = []
  inAnnex.add(context)
  node.forEach((child, offset) => {
    const childPos = pos + 1 + offset
    if (child.type.name === 'heading') {
      const word = new TextRun({ ...context.run, text: ANNEX_WORD[context.language] })
      out.push(paragraph(context, { style: STYLE.chapter, children: [word] }))
      if (child.content.size)
        out.push(
          paragraph(context, { style: STYLE.chapter, children: inlineToDocx(child, context) })
        )
    } else out.push(...blockToDocx(child, childPos, context))
  })
  inAnnex.delete(context)
  return out
}

/** Exports being written inside an annex. */
const inAnnex = new WeakSet<ExportContext>()

/** A numbered paragraph of an annex: its number of the annex's own series, as text. */
function annexParagraphToDocx(node: Node, pos: number, context: ExportContext): Paragraph {
  const label = context.numbering.byPos.get(pos)?.label ?? ''
  return paragraph(context, {
    style: STYLE.numbered,
    children: [
      new TextRun({ ...context.run, text: label }),
      new TextRun({ ...context.run, children: [new Tab()] }),
      ...inlineToDocx(node, context)
    ]
  })
}
