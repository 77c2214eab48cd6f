import type { Node } from 'prosemirror-model'
import type { ImportNote } from './note'
import type { Language } from '../languages'
import type { FormatChange, ParagraphBreakChange } from '../review/change'
import { schema } from '../schema'
import { buildHeadingInline, buildInline, type InlineContext } from './inline'
import type { PhraseKind } from './language'
import type { BodyDraft, ContainerDraft, ListDraft, ReportDraft } from './recognize'
import type { Segment } from './segments'
import type { FootnoteSeries, SourceFootnote, SourceFormerFormat } from './source'

/**
 * The recognized draft into ProseMirror nodes: every container, paragraph,
 * recommendation, list item and footnote gets a fresh id, and reference
 * phrases are resolved against the finished outline (a reference may point
 * below itself).
 */

/**
 * Builds the document of a recognized draft; notes say what could not be
 * placed. `paragraphBreaks` are the suggested breaks after source lines
 * (Word paragraph-mark revisions): each goes to the paragraph built from its line.
 * `formerFormats` are the old formats of source lines (Word "Formatted"
 * revisions): one that made a paragraph numbered or plain, or changed a list
 * item's level, is a format suggestion; any other gets a note.
 */
export function buildDocument(
  draft: ReportDraft,
  language: Language,
  footnotes: ReadonlyMap<number, SourceFootnote>,
  notes: ImportNote[],
  laterFootnotes: readonly FootnoteSeries[] = [],
  paragraphBreaks: ReadonlyMap<number, ParagraphBreakChange> = new Map(),
  formerFormats: ReadonlyMap<number, SourceFormerFormat> = new Map()
): Node {
  /** The format suggestion of the block built from line `where` (of `type`, at list `level`), if any. */
  const formatChangeOf = (
    where: number,
    type: 'numbered_paragraph' | 'paragraph' | 'list_item',
    level?: number
  ): FormatChange | null => {
    const former = unsettledFormats.get(where)
    if (!former) return null
    unsettledFormats.delete(where)
    if (type === 'list_item' && former.level !== undefined && former.level !== level)
      return { ...former.change, was: { type, level: former.level } }
    if (type !== 'list_item' && former.numbered !== (type === 'numbered_paragraph'))
      return {
        ...former.change,
        was: { type: former.numbered ? 'numbered_paragraph' : 'paragraph' }
      }
    unsettledFormats.set(where, former)
    return null
  }
  const unplacedBreaks = new Map(paragraphBreaks)
  const unsettledFormats = new Map(formerFormats)
  /** The break after the source line `where`, once: a line read as several blocks ends with one. */
  const breakAfter = (where: number) => {
    const found = unplacedBreaks.get(where) ?? null
    unplacedBreaks.delete(where)
    return found
  }
  const targets = collectTargets(draft.chapters)
  const series = [
    { from: -Infinity, waiting: new Map(footnotes) },
    ...laterFootnotes.map((later) => ({ from: later.from, waiting: new Map(later.footnotes) }))
  ]
  /** The footnote texts still waiting in the series the block being built belongs to. */
  const waitingHere = () => series.filter((entry) => entry.from <= line).at(-1)!.waiting
  /** Numbers glued to words where no footnote text matched, with the line of the first. */
  const unmatched = new Map<number, number>()
  let line = 0
  let targetId: string | undefined
  const context: InlineContext = {
    language,
    resolve: (kind, key) => targets.get(kind)?.get(key),
    hasFootnote: (n) => waitingHere().has(n),
    nextFootnote: () => {
      const waiting = waitingHere()
      return waiting.size ? Math.min(...waiting.keys()) : undefined
    },
    unmatchedMark: (n) => {
      if (!unmatched.has(n)) unmatched.set(n, line)
    },
    takeFootnote: (n) => {
      const waiting = waitingHere()
      const found = waiting.get(n)
      waiting.delete(n)
      return found?.segments
    },
    note: (message) => notes.push(targetId ? { line, message, targetId } : { line, message })
  }
  const at = (where: number, id?: string) => {
    line = where
    targetId = id
  }
  const inline = (segments: Segment[]) => buildInline(segments, context)

  const body = (draft: BodyDraft): Node => {
    switch (draft.type) {
      case 'numbered':
        at(draft.line, draft.id)
        return schema.nodes.numbered_paragraph.create(
          {
            id: draft.id,
            paragraphBreak: breakAfter(draft.line),
            formatChange: formatChangeOf(draft.line, 'numbered_paragraph')
          },
          inline(draft.segments)
        )
      case 'paragraph':
        at(draft.line)
        return schema.nodes.paragraph.create(
          {
            paragraphBreak: breakAfter(draft.line),
            formatChange: formatChangeOf(draft.line, 'paragraph')
          },
          inline(draft.segments)
        )
      case 'recommendation': {
        at(draft.line, draft.id)
        const content = draft.body.map(body)
        if (content.length === 0) {
          notes.push({
            line: draft.line,
            message: `recommendation ${draft.sourceNumber} has no text`,
            targetId: draft.id
          })
          content.push(schema.nodes.paragraph.create())
        }
        return schema.nodes.recommendation.create({ id: draft.id }, content)
      }
      case 'list':
        return list(draft)
    }
  }

  const list = (draft: ListDraft, level = 0): Node =>
    schema.nodes.ordered_list.create(
      { kind: draft.kind },
      draft.items.map((item) => {
        at(item.line, item.id)
        const content = [
          schema.nodes.paragraph.create(
            { paragraphBreak: breakAfter(item.line) },
            inline(item.segments)
          )
        ]
        if (item.sublist) content.push(list(item.sublist, level + 1))
        return schema.nodes.list_item.create(
          { id: item.id, formatChange: formatChangeOf(item.line, 'list_item', level) },
          content
        )
      })
    )

  const container = (draft: ContainerDraft): Node => {
    at(draft.line, draft.id)
    const heading = schema.nodes.heading.create(null, buildHeadingInline(draft.title))
    return schema.nodes[draft.type].create({ id: draft.id }, [
      heading,
      ...draft.body.map(body),
      ...draft.children.map(container)
    ])
  }

  const doc = schema.nodes.doc.create(null, [
    ...draft.chapters.map(container),
    ...draft.annexes.map(container)
  ])
  for (const footnote of series.flatMap((entry) => [...entry.waiting.values()]))
    notes.push({
      line: footnote.line,
      message: `footnote ${footnote.number} has no mark in the text — its text was left out; add it back where it belongs`
    })
  noteLostFootnotes(unmatched, footnotes, notes)
  for (const where of unsettledFormats.keys())
    notes.push({
      line: where,
      message:
        'a Word formatting change here was accepted: only a paragraph made numbered or plain, or a list item moved a level, stays a suggestion'
    })
  doc.check()
  return doc
}

/**
 * Numbers glued to words that run in sequence (1, 2, 3…) without footnote
 * texts are footnote marks whose texts were not told apart from the
 * paragraphs (PDF text in a scrambled reading order): one note says so.
 */
function noteLostFootnotes(
  unmatched: ReadonlyMap<number, number>,
  footnotes: ReadonlyMap<number, SourceFootnote>,
  notes: ImportNote[]
): void {
  const inSequence = [...unmatched.keys()].filter(
    (n) => n === 1 || unmatched.has(n - 1) || footnotes.has(n - 1)
  )
  if (inSequence.length < 3) return
  const first = Math.min(...inSequence)
  notes.push({
    line: unmatched.get(first)!,
    message: `${inSequence.length} numbers glued to words look like footnote marks (${first}, …) but no footnote text was found for them — the footnotes may be mixed into the paragraphs; check them`
  })
}

/** Ids by what a reference phrase names (see `InlineContext.resolve` for the keys). */
function collectTargets(chapters: readonly ContainerDraft[]): Map<PhraseKind, Map<string, string>> {
  const targets = new Map<PhraseKind, Map<string, string>>([
    ['paragraph', new Map()],
    ['recommendation', new Map()],
    ['chapter', new Map()],
    ['section', new Map()]
  ])
  const add = (kind: PhraseKind, key: number | string | undefined, id: string) => {
    const map = targets.get(kind)!
    if (key !== undefined && !map.has(String(key))) map.set(String(key), id)
  }
  const walkBody = (blocks: readonly BodyDraft[]) => {
    for (const block of blocks) {
      if (block.type === 'numbered') add('paragraph', block.sourceNumber, block.id)
      if (block.type === 'recommendation') {
        add('recommendation', block.sourceNumber, block.id)
        walkBody(block.body)
      }
    }
  }
  const walk = (draft: ContainerDraft) => {
    walkBody(draft.body)
    draft.children.forEach(walk)
  }
  chapters.forEach((chapter, index) => {
    add('chapter', index + 1, chapter.id)
    chapter.children.forEach((section, at) => add('section', `${index + 1}.${at + 1}`, section.id))
    walk(chapter)
  })
  return targets
}

/**
 * Gives every note that names only a source line the id of the node that
 * line went into (or the nearest numbered thing before it), so the editor
 * can jump to it. Notes about the masthead and the file as a whole keep none.
 */
export function attachTargets(chapters: readonly ContainerDraft[], notes: ImportNote[]): void {
  const starts: Array<{ line: number; id: string }> = []
  const walkBody = (blocks: readonly BodyDraft[]) => {
    for (const block of blocks) {
      if (block.type === 'numbered') starts.push({ line: block.line, id: block.id })
      else if (block.type === 'recommendation') {
        starts.push({ line: block.line, id: block.id })
        walkBody(block.body)
      } else if (block.type === 'list') walkList(block)
    }
  }
  const walkList = (list: ListDraft) => {
    for (const item of list.items) {
      starts.push({ line: item.line, id: item.id })
      if (item.sublist) walkList(item.sublist)
    }
  }
  const walk = (container: ContainerDraft) => {
    starts.push({ line: container.line, id: container.id })
    walkBody(container.body)
    container.children.forEach(walk)
  }
  chapters.forEach(walk)
  starts.sort((a, b) => a.line - b.line)
  for (const note of notes) {
    if (note.targetId || starts.length === 0 || note.line < starts[0].line) continue
    // The last start at or before the note's line: a binary search over the sorted starts.
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      if (starts[middle].line <= note.line) low = middle
      else high = middle - 1
    }
    note.targetId = starts[low].id
  }
}
