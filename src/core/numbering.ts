import type { Node } from 'prosemirror-model'
import { CONVENTIONS, bareLabel, type Language, type ReferenceKind } from './languages'
import type { ListKind } from './schema'

/**
 * Numbering is computed, never stored: this module maps a report document to
 * the label of every numbered thing. The editor shows these labels, the
 * exporter writes them and cross-references read them.
 */

/** How recommendations are numbered: as "Recommendation N" blocks or in the paragraph series. */
export type RecommendationStyle = 'block' | 'paragraph'

/** What numbering depends on besides the document. */
export interface NumberingOptions {
  language: Language
  recommendationStyle: RecommendationStyle
}

/** Kinds of numbered thing. */
export type NumberedKind =
  'chapter' | 'section' | 'subsection' | 'paragraph' | 'recommendation' | 'list_item' | 'footnote'

/** One numbered thing and its current label. */
export interface NumberedItem {
  kind: NumberedKind
  /** The node's stable id (null only in documents whose ids were never repaired). */
  id: string | null
  /** Position of the node in the document. */
  pos: number
  /** Ordinal within its series (paragraphs run through the report; sections restart per chapter). */
  number: number
  /** The label as printed: "II.", "B.", "12.", "Recommendation 3", "(a)", "1". */
  label: string
  /**
   * Bare dotted path: "II" for a chapter, "II.B" for a section, "II.B.1" for a
   * subsection, the bare number for everything else ("12", "3", "a").
   */
  path: string
  /** What a cross-reference to this thing reads ("paragraph 12"); empty where none may point. */
  reference: string
  /** List nesting depth (0 = outermost); 0 for everything that is not a list item. */
  depth: number
  /** For list items: the family of the outermost list. */
  listKind?: ListKind
}

/** The labels of a whole document. */
export interface Numbering {
  /** Every numbered thing, in document order (a footnote before the text after its anchor). */
  items: NumberedItem[]
  byId: Map<string, NumberedItem>
  byPos: Map<number, NumberedItem>
  options: NumberingOptions
}

/** Computes the label of every numbered thing in `doc`. Pure: same input, same labels. */
export function computeNumbering(doc: Node, options: NumberingOptions): Numbering {
  const conventions = CONVENTIONS[options.language]
  const items: NumberedItem[] = []
  const counters = { chapter: 0, paragraph: 0, recommendation: 0, footnote: 0 }
  let section = 0
  let subsection = 0
  let chapterPath = ''
  let sectionPath = ''

  const add = (
    kind: NumberedKind,
    node: Node,
    pos: number,
    number: number,
    label: string,
    path: string,
    referenceKind: ReferenceKind | null,
    depth = 0,
    listKind?: ListKind
  ) => {
    // References name the bare number ("12", "II"), never the printed label ("Recommendation 3").
    const bare = kind === 'recommendation' ? String(number) : bareLabel(label)
    const reference = referenceKind ? conventions.reference(referenceKind, bare, path) : ''
    items.push({
      kind,
      id: (node.attrs.id as string | null) ?? null,
      pos,
      number,
      label,
      path,
      reference,
      depth,
      listKind
    })
  }

  const numberFootnotes = (node: Node, pos: number) => {
    // Inline content only: footnote anchors sit in paragraphs and headings.
    node.descendants((child, offset) => {
      if (child.type.name === 'footnote') {
        counters.footnote += 1
        const n = counters.footnote
        add('footnote', child, pos + 1 + offset, n, conventions.footnote(n), String(n), null)
        return false
      }
      return true
    })
  }

  const walkList = (list: Node, pos: number, depth: number, kind: ListKind) => {
    const labels = kind === 'agenda' ? conventions.agendaList : conventions.subparagraphList
    const labelOf = labels[Math.min(depth, labels.length - 1)]
    list.forEach((item, offset, index) => {
      const itemPos = pos + 1 + offset
      const n = index + 1
      const label = labelOf(n)
      add('list_item', item, itemPos, n, label, bareLabel(label), null, depth, kind)
      item.forEach((child, childOffset) => {
        const childPos = itemPos + 1 + childOffset
        if (child.type.name === 'ordered_list') walkList(child, childPos, depth + 1, kind)
        else numberFootnotes(child, childPos)
      })
    })
  }

  const walkBody = (node: Node, pos: number) => {
    switch (node.type.name) {
      case 'numbered_paragraph': {
        const n = ++counters.paragraph
        add('paragraph', node, pos, n, conventions.paragraph(n), String(n), 'paragraph')
        numberFootnotes(node, pos)
        return
      }
      case 'recommendation': {
        if (options.recommendationStyle === 'paragraph') {
          const n = ++counters.paragraph
          add('recommendation', node, pos, n, conventions.paragraph(n), String(n), 'paragraph')
        } else {
          const n = ++counters.recommendation
          add(
            'recommendation',
            node,
            pos,
            n,
            conventions.recommendation(n),
            String(n),
            'recommendation'
          )
        }
        node.forEach((child, offset) => walkBody(child, pos + 1 + offset))
        return
      }
      case 'ordered_list':
        walkList(node, pos, 0, node.attrs.kind as ListKind)
        return
      default:
        numberFootnotes(node, pos)
    }
  }

  const walkContainer = (node: Node, pos: number) => {
    const type = node.type.name
    if (type === 'chapter') {
      const n = ++counters.chapter
      section = 0
      const label = conventions.chapter(n)
      chapterPath = bareLabel(label)
      add('chapter', node, pos, n, label, chapterPath, 'chapter')
    } else if (type === 'section') {
      const n = ++section
      subsection = 0
      const label = conventions.section(n)
      sectionPath = `${chapterPath}.${bareLabel(label)}`
      add('section', node, pos, n, label, sectionPath, 'section')
    } else {
      const n = ++subsection
      const label = conventions.subsection(n)
      add('subsection', node, pos, n, label, `${sectionPath}.${bareLabel(label)}`, 'subsection')
    }
    node.forEach((child, offset) => {
      const childPos = pos + 1 + offset
      const childType = child.type.name
      if (childType === 'section' || childType === 'subsection') walkContainer(child, childPos)
      else if (childType === 'heading') numberFootnotes(child, childPos)
      else walkBody(child, childPos)
    })
  }

  // An annex numbers its chapters, paragraphs and recommendations in series of its own.
  const walkAnnex = (annex: Node, pos: number) => {
    const body = { ...counters }
    counters.chapter = counters.paragraph = counters.recommendation = 0
    annex.forEach((child, offset) => {
      const childPos = pos + 1 + offset
      if (child.type.name === 'chapter') walkContainer(child, childPos)
      else if (child.type.name === 'heading') numberFootnotes(child, childPos)
      else walkBody(child, childPos)
    })
    Object.assign(counters, { ...body, footnote: counters.footnote })
  }

  doc.forEach((child, offset) => {
    if (child.type.name === 'chapter') walkContainer(child, offset)
    else if (child.type.name === 'annex') walkAnnex(child, offset)
  })

  const byId = new Map<string, NumberedItem>()
  const byPos = new Map<number, NumberedItem>()
  for (const item of items) {
    if (item.id && !byId.has(item.id)) byId.set(item.id, item)
    byPos.set(item.pos, item)
  }
  return { items, byId, byPos, options }
}

/** What a cross-reference to `targetId` reads now, or the language's broken-reference text. */
export function referenceText(
  numbering: Numbering,
  targetId: string
): { text: string; broken: boolean } {
  const target = numbering.byId.get(targetId)
  if (target && target.reference) return { text: target.reference, broken: false }
  return { text: CONVENTIONS[numbering.options.language].brokenReference, broken: true }
}

/** Kinds a cross-reference may point at. */
export const REFERENCEABLE_KINDS: ReadonlySet<NumberedKind> = new Set([
  'chapter',
  'section',
  'subsection',
  'paragraph',
  'recommendation'
])
