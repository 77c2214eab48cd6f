import type { ImportNote } from './note'
import type { Language } from '../languages'
import type { ListKind } from '../schema'
import { newId } from '../ids'
import { contentsBlocks } from './contents'
import { IMPORT_LANGUAGES, isAnnexHeading } from './language'
import { CHAPTER_WORD, parseMarker, romanValue, type Marker } from './markers'
import { clip, readMasthead, type MastheadLine, type MastheadReading } from './masthead'
import { segmentsText, sliceSegments, trimSegments, type Segment } from './segments'
import { displayWidth, type SourceBlock } from './source'

/**
 * Structure recognition: source paragraphs (from text or Word) into the
 * report's tree — masthead, chapters, sections, subsections, numbered
 * paragraphs, recommendations and lists — by reading their printed labels
 * and checking each against the sequence it should continue. Every guess the
 * labels do not settle becomes a note for the user.
 */

/** A numbered or unnumbered body block, or a recommendation or list, before it becomes a node. */
export type BodyDraft =
  | { type: 'numbered'; id: string; line: number; sourceNumber?: number; segments: Segment[] }
  | { type: 'paragraph'; line: number; segments: Segment[] }
  | { type: 'recommendation'; id: string; line: number; sourceNumber: number; body: BodyDraft[] }
  | ListDraft

/** A list before it becomes a node. */
export interface ListDraft {
  type: 'list'
  kind: ListKind
  items: ItemDraft[]
}

/** A list item before it becomes a node. */
export interface ItemDraft {
  id: string
  line: number
  segments: Segment[]
  /** How its source label counts: 'number' (1.), 'letter' ((a)) or 'roman' ((i)). */
  style: ItemStyle
  value: number
  sublist?: ListDraft
}

type ItemStyle = 'number' | 'letter' | 'roman'

/** A chapter, section, subsection or annex before it becomes a node. */
export interface ContainerDraft {
  type: 'chapter' | 'section' | 'subsection' | 'annex'
  id: string
  line: number
  title: string
  body: BodyDraft[]
  children: ContainerDraft[]
}

/** The recognized report before nodes are built. */
export interface ReportDraft {
  chapters: ContainerDraft[]
  /** Annexes after the body, each with its own chapters and paragraph series. */
  annexes: ContainerDraft[]
  masthead: MastheadReading
}

const TERMINAL = /[.;:!?。；：！？]["”’)]?$/
const ENDS_WITH_COLON = /[:：]["”’]?$/

/** Recognizes the structure of a source's paragraphs. */
export function recognize(
  blocks: readonly SourceBlock[],
  language: Language,
  notes: ImportNote[]
): ReportDraft {
  const patterns = IMPORT_LANGUAGES[language]
  const chapters: ContainerDraft[] = []
  const annexes: ContainerDraft[] = []
  const mastheadLines: MastheadLine[] = []
  /** The annex being read (its chapters go into it), or null in the body. */
  let annex: ContainerDraft | null = null
  /** The untitled chapter holding text before the first chapter heading, which has no number of its own. */
  let implicitChapter: ContainerDraft | null = null
  /** A heading that stood alone ("Annex I", "Chapter II") and takes the next heading-like block as its title. */
  let awaitingTitle: ContainerDraft | null = null
  let chapter: ContainerDraft | null = null
  let section: ContainerDraft | null = null
  let subsection: ContainerDraft | null = null
  let recommendation: Extract<BodyDraft, { type: 'recommendation' }> | null = null
  /** Open lists, outermost first, each with the item new nested lists hang from. */
  let lists: ListDraft[] = []
  let lastParagraphNumber = 0
  let lastRecommendationNumber = 0
  /** Word lists that number paragraphs of the report. */
  const paragraphLists = new Set<string>()
  /** The number Word printed on the last paragraph of such a list. */
  let lastWordNumber = 0
  let afterColon = false

  const note = (line: number, message: string, targetId?: string) =>
    notes.push(targetId ? { line, message, targetId } : { line, message })

  const container = (): ContainerDraft =>
    subsection ?? section ?? chapter ?? annex ?? ensureChapter()
  /** The chapters of the body or of the annex being read. */
  const scope = () => annex?.children ?? chapters
  /** The number the next chapter heading should carry. */
  const expectedChapterNumber = () =>
    scope().length + 1 - (implicitChapter && scope().includes(implicitChapter) ? 1 : 0)
  const bodyTarget = (): BodyDraft[] => recommendation?.body ?? container().body

  function ensureChapter(line = 0): ContainerDraft {
    if (chapter) return chapter
    chapter = { type: 'chapter', id: newId(), line, title: '', body: [], children: [] }
    chapters.push(chapter)
    implicitChapter = chapter
    note(
      line,
      'text before any chapter heading — kept as front matter (an untitled first chapter, without a number)',
      chapter.id
    )
    return chapter
  }

  function closeBody() {
    recommendation = null
    lists = []
    afterColon = false
  }

  function openContainer(
    type: ContainerDraft['type'],
    line: number,
    title: string
  ): ContainerDraft {
    closeBody()
    const draft: ContainerDraft = { type, id: newId(), line, title, body: [], children: [] }
    if (type === 'chapter') {
      scope().push(draft)
      chapter = draft
      section = subsection = null
    } else if (type === 'section') {
      ensureChapter(line).children.push(draft)
      section = draft
      subsection = null
    } else {
      section!.children.push(draft)
      subsection = draft
    }
    return draft
  }

  /** Headings hold text only: a footnote anchored in one cannot come along. */
  const noteHeadingFootnotes = (block: SourceBlock, draft: ContainerDraft) => {
    if (block.segments.some((segment) => segment.footnote))
      note(
        block.line,
        'a footnote in this heading was left out: headings cannot hold footnotes',
        draft.id
      )
  }

  const headingLike = (text: string) =>
    text !== '' && !TERMINAL.test(text) && displayWidth(text) <= 200

  function addParagraph(block: SourceBlock, segments: Segment[], number?: number) {
    if (number !== undefined) {
      recommendation = null
      lists = []
      const id = newId()
      container().body.push({
        type: 'numbered',
        id,
        line: block.line,
        sourceNumber: number,
        segments
      })
      lastParagraphNumber = number
      if (block.numberList) {
        paragraphLists.add(block.numberList)
        lastWordNumber = number
      }
    } else {
      lists = []
      bodyTarget().push({ type: 'paragraph', line: block.line, segments })
    }
    afterColon = ENDS_WITH_COLON.test(segmentsText(segments))
  }

  /** Adds a list item at the level its label continues, or opens a new (nested) list. */
  function addItem(
    block: SourceBlock,
    segments: Segment[],
    candidates: Array<[ItemStyle, number]>,
    wordLevel?: number
  ) {
    const item = (style: ItemStyle, value: number): ItemDraft => ({
      id: newId(),
      line: block.line,
      segments,
      style,
      value
    })
    // Continue the innermost open list whose sequence the label carries on.
    for (let depth = lists.length - 1; depth >= 0; depth--) {
      if (wordLevel !== undefined && wordLevel !== depth) continue
      const list = lists[depth]
      const last = list.items[list.items.length - 1]
      const match = candidates.find(
        ([style, value]) => style === last.style && value === last.value + 1
      )
      if (match) {
        const draft = item(match[0], match[1])
        list.items.push(draft)
        lists = lists.slice(0, depth + 1)
        afterColon = ENDS_WITH_COLON.test(segmentsText(segments))
        return draft
      }
    }
    const first =
      candidates.find(
        ([style, value]) =>
          value === 1 && (style !== 'letter' || !candidates.some(([s]) => s === 'roman'))
      ) ?? candidates.find(([, value]) => value === 1)
    const [style, value] = first ?? candidates[0]
    const draft = item(style, value)
    const parent = lists[lists.length - 1]?.items.at(-1)
    const nest = parent && (wordLevel === undefined || wordLevel > lists.length - 1) && value === 1
    const list: ListDraft = {
      type: 'list',
      kind: style === 'number' ? 'agenda' : 'subparagraph',
      items: [draft]
    }
    if (nest && parent && !parent.sublist) {
      list.kind = lists[0].kind
      parent.sublist = list
      lists.push(list)
    } else {
      if (value === 1 && bodyTarget().length === 0 && !block.numberLabel)
        note(
          block.line,
          'a list right after a heading, with no paragraph introducing it — check where it belongs',
          draft.id
        )
      if (value !== 1)
        note(
          block.line,
          `a list item whose label does not follow ("${labelOf(style, value)}") — started a new list here`,
          draft.id
        )
      bodyTarget().push(list)
      lists = [list]
    }
    afterColon = ENDS_WITH_COLON.test(segmentsText(segments))
    return draft
  }

  function openAnnex(line: number) {
    closeBody()
    // "Annexes" over the annexes, then "Annex I": one annex, not an empty one before it.
    const empty = annex && !annex.title && annex.body.length === 0 && annex.children.length === 0
    if (!empty) {
      annex = { type: 'annex', id: newId(), line, title: '', body: [], children: [] }
      annexes.push(annex)
    }
    chapter = section = subsection = null
    lastParagraphNumber = 0
    lastRecommendationNumber = 0
    awaitingTitle = annex
  }

  function process(block: SourceBlock) {
    const segments = trimSegments(block.segments)
    const text = segmentsText(segments)
    if (text.trim() === '' && !segments.some((s) => s.footnote) && !block.numberLabel) return
    const inMasthead = chapters.length === 0 && !annex

    const annexHeading = isAnnexHeading(text)
    if (awaitingTitle) {
      const waiting = awaitingTitle
      awaitingTitle = null
      const marker = parseMarker(text, language)
      if (
        headingLike(text) &&
        (!marker || marker.type === 'item') &&
        !block.title &&
        !annexHeading
      ) {
        waiting.title = text
        noteHeadingFootnotes(block, waiting)
        return
      }
    }

    {
      if (annexHeading) {
        openAnnex(block.line)
        noteHeadingFootnotes(block, annex!)
        return
      }
      const chapterWord = CHAPTER_WORD.exec(text)
      if (chapterWord) {
        const number = /^\d/.test(chapterWord[1])
          ? Number(chapterWord[1])
          : romanValue(chapterWord[1].toLowerCase())
        const title = chapterWord[2]?.trim() ?? ''
        const expected = expectedChapterNumber()
        const draft = openContainer('chapter', block.line, title)
        if (number !== expected)
          note(
            block.line,
            `chapter "${chapterWord[1]}" does not follow the chapter before — numbered in sequence now`,
            draft.id
          )
        if (!title) awaitingTitle = draft
        return
      }
    }

    if (block.title && inMasthead) {
      mastheadLines.push({ line: block.line, text, title: true })
      return
    }
    if (block.zone === 'masthead' && inMasthead) {
      for (const part of text.split('\t'))
        if (part.trim()) mastheadLines.push({ line: block.line, text: part.trim() })
      return
    }

    if (block.headingLevel) {
      const marker = parseMarker(text, language)
      const title = marker && marker.type !== 'item' ? text.slice(marker.length).trim() : text
      const type =
        block.headingLevel === 1 || !chapter
          ? 'chapter'
          : block.headingLevel === 2 || !section
            ? 'section'
            : 'subsection'
      noteHeadingFootnotes(block, openContainer(type, block.line, title))
      return
    }

    const recommendationHeading = patterns.recommendationHeading.exec(text)
    if (recommendationHeading) {
      lists = []
      const number = Number(recommendationHeading[1])
      const id = newId()
      if (number !== lastRecommendationNumber + 1)
        note(
          block.line,
          `recommendation ${number} follows recommendation ${lastRecommendationNumber} — numbered in sequence now`,
          id
        )
      lastRecommendationNumber = number
      recommendation = {
        type: 'recommendation',
        id,
        line: block.line,
        sourceNumber: number,
        body: []
      }
      container().body.push(recommendation)
      const rest = recommendationHeading[2]?.trim()
      if (rest)
        recommendation.body.push({
          type: 'paragraph',
          line: block.line,
          segments: sliceSegments(segments, text.indexOf(rest))
        })
      afterColon = false
      return
    }

    const marker: Marker | undefined = block.numberLabel
      ? parseMarker(`${block.numberLabel.trim()} `, language)
      : parseMarker(text, language)
    const rest =
      marker && !block.numberLabel ? trimSegments(sliceSegments(segments, marker.length)) : segments
    const restText = segmentsText(rest)

    if (marker?.type === 'heading' && headingLike(restText)) {
      const expectedSection =
        chapter && chapter !== implicitChapter ? chapter.children.length + 1 : 0
      const expectedChapter = expectedChapterNumber()
      if (chapter && marker.section === expectedSection && marker.chapter !== expectedChapter) {
        noteHeadingFootnotes(block, openContainer('section', block.line, restText))
        return
      }
      if (marker.chapter === expectedChapter) {
        noteHeadingFootnotes(block, openContainer('chapter', block.line, restText))
        return
      }
      // A label out of sequence: still a heading, numbered in sequence now.
      const type =
        marker.chapter !== undefined &&
        (marker.section === undefined || !chapter || chapter === implicitChapter)
          ? 'chapter'
          : marker.section !== undefined && chapter
            ? 'section'
            : null
      if (type) {
        const draft = openContainer(type, block.line, restText)
        noteHeadingFootnotes(block, draft)
        note(
          block.line,
          `${type} "${marker.label}." does not follow the ${type} before — numbered in sequence now`,
          draft.id
        )
        return
      }
    }

    // Masthead lines are short and are not sentences; text that is goes into the body.
    const mastheadLike = displayWidth(text) <= 250 && !/[.。]$/.test(text)
    if (
      inMasthead &&
      block.zone !== 'body' &&
      mastheadLike &&
      (!marker || marker.type === 'heading')
    ) {
      // Word mastheads set fields side by side with tabs ("United Nations⇥CTOC/…").
      for (const part of text.split('\t'))
        if (part.trim()) mastheadLines.push({ line: block.line, text: part.trim() })
      return
    }

    if (marker?.type === 'number') {
      const value = marker.value
      if (
        block.numberList &&
        paragraphLists.has(block.numberList) &&
        !block.numberLevel &&
        !afterColon &&
        lists.length === 0
      ) {
        // The Word list that numbers the report's paragraphs: a paragraph, whatever its number.
        const number = lastParagraphNumber + 1
        const wordBefore = lastWordNumber
        addParagraph(block, rest, number)
        // Said once where Word starts again, not for every paragraph after it.
        if (value !== number && value !== wordBefore + 1)
          note(
            block.line,
            `Word numbers this paragraph ${value} (its numbering starts again) — it is paragraph ${number} now`,
            (container().body.at(-1) as { id: string }).id
          )
        lastWordNumber = value
        return
      }
      const numberList = lists.findIndex((list) => list.items.at(-1)?.style === 'number')
      const continuesList =
        numberList >= 0 &&
        lists[numberList].items.at(-1)!.value + 1 === value &&
        (block.numberLevel ?? numberList) === numberList
      if (continuesList || (block.numberLevel !== undefined && block.numberLevel > 0)) {
        addItem(block, rest, [['number', value]], block.numberLevel)
        return
      }
      if (
        section &&
        headingLike(restText) &&
        !afterColon &&
        lists.length === 0 &&
        value === section.children.length + 1 &&
        !block.numberLabel
      ) {
        noteHeadingFootnotes(block, openContainer('subsection', block.line, restText))
        return
      }
      if (
        value === lastParagraphNumber + 1 &&
        !(afterColon && value === 1 && lastParagraphNumber > 0)
      ) {
        addParagraph(block, rest, value)
        return
      }
      if (value <= lastParagraphNumber || afterColon || lists.length > 0) {
        const draft = addItem(block, rest, [['number', value]], block.numberLevel)
        const quiet = (afterColon && value === 1) || continuesList
        if (!quiet)
          note(
            block.line,
            `a numbered line whose number (${value}) does not follow paragraph ${lastParagraphNumber} — imported as a list item`,
            draft.id
          )
        return
      }
      const before = lastParagraphNumber
      addParagraph(block, rest, value)
      const id = (container().body.at(-1) as { id: string }).id
      note(
        block.line,
        before === 0
          ? `the first numbered paragraph is numbered ${value} in the source — it is paragraph 1 now`
          : `paragraph ${value} follows paragraph ${before} — numbered in sequence now`,
        id
      )
      return
    }

    if (marker?.type === 'item') {
      const candidates: Array<[ItemStyle, number]> = []
      if (marker.letter !== undefined) candidates.push(['letter', marker.letter])
      if (marker.roman !== undefined) candidates.push(['roman', marker.roman])
      addItem(block, rest, candidates, block.numberLevel)
      return
    }

    if (block.numberLabel) {
      // A Word-numbered paragraph whose label reads as nothing known (a bullet): a list item.
      const draft = addItem(
        block,
        segments,
        [['letter', (lists.at(-1)?.items.at(-1)?.value ?? 0) + 1]],
        block.numberLevel
      )
      note(
        block.line,
        `a Word list item labelled "${clip(block.numberLabel, 10)}" — imported as a lettered list item`,
        draft.id
      )
      return
    }

    addParagraph(block, segments)
  }

  const contents = contentsBlocks(blocks)
  blocks.forEach((block, index) => {
    if (!contents.has(index)) process(block)
  })
  if (contents.size)
    note(
      blocks[Math.min(...contents)].line,
      `a table of contents (${contents.size} lines) was left out: the report's contents come from its headings`
    )

  const masthead = readMasthead(mastheadLines, language, notes)
  if (chapters.length === 0) ensureChapter(blocks[0]?.line ?? 1)
  const first = chapters[0]
  first.body.unshift(
    ...masthead.leftovers.map((entry): BodyDraft => ({
      type: 'paragraph',
      line: entry.line,
      segments: [{ text: entry.text }]
    }))
  )
  return { chapters, annexes, masthead }
}

function labelOf(style: ItemStyle, value: number): string {
  if (style === 'number') return `${value}.`
  if (style === 'letter') return `(${String.fromCharCode(96 + Math.min(value, 26))})`
  return `(${value})`
}
