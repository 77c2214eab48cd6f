import {
  AlignmentType,
  BorderStyle,
  BuilderElement,
  Header,
  ImageRun,
  LineRuleType,
  Tab,
  TabStopType,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
  type ParagraphChild
} from 'docx'
import type { Masthead, ReportSettings } from '../meta'
import { mastheadDate, mastheadWords, versionLanguageLine } from '../masthead-words'
import type { ExportContext } from './context'
import { pageFooters } from './footer'
import { STYLE, TEXT_INDENT, TEXT_WIDTH, cm } from './layout'

/**
 * The first page's masthead (the UN document header: "United Nations" and the
 * symbol, the parent body, distribution, date, original language, then the
 * meeting lines and the title) and the running headers and footers of the
 * other pages.
 */

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
/** The rule under "United Nations" and the symbol: thin (¾ pt). */
const TOP_RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000' }
/** Space between the parent body and the columns beside it. */
const PARENT_GAP = cm(0.4)
/** The rule under the parent body and the distribution block: heavier (2¼ pt). */
const BOTTOM_RULE = { style: BorderStyle.SINGLE, size: 18, color: '000000' }

/**
 * One masthead line. `leftToRight` lines stay left to right in an Arabic
 * report: the distribution block is in English in every language version.
 */
function line(
  text: string,
  context: ExportContext,
  run: IRunOptions = {},
  leftToRight = false,
  after: ParagraphChild[] = []
): Paragraph {
  const rightToLeft = context.typography.rightToLeft && !leftToRight
  return new Paragraph({
    style: STYLE.mastheadBody,
    bidirectional: rightToLeft || undefined,
    children: text
      ? [
          new TextRun({
            ...context.run,
            ...(context.typography.rightToLeft && !rightToLeft ? { rightToLeft: false } : {}),
            bold: false,
            ...run,
            text
          }),
          ...after
        ]
      : []
  })
}

function cell(children: Paragraph[], width: number, gap = 0): TableCell {
  // The gap goes on both sides, so it separates the columns in either reading direction.
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    margins: { top: 80, bottom: 80, left: gap, right: gap },
    borders: { top: NO_BORDER, left: NO_BORDER, right: NO_BORDER, bottom: NO_BORDER }
  })
}

/**
 * The asterisk after the agenda item and its footnote giving the provisional
 * agenda's symbol, as the Editorial Manual has it: a footnote whose mark is
 * "*" (`customMarkFollows`), so it takes no number from the footnotes of the text.
 */
function agendaFootnote(agendaSymbol: string, context: ExportContext): ParagraphChild[] {
  const id = ++context.footnoteCount
  context.customMarks.set(id, '*')
  context.footnotes[String(id)] = {
    children: [
      new Paragraph({
        style: STYLE.footnoteText,
        bidirectional: context.typography.rightToLeft || undefined,
        children: [new TextRun({ ...context.run, rightToLeft: false, text: ` ${agendaSymbol}.` })]
      })
    ]
  }
  const mark = { ...context.run, style: 'FootnoteReference' }
  return [
    new TextRun({
      ...mark,
      children: [
        new BuilderElement({
          name: 'w:footnoteReference',
          attributes: {
            customMarkFollows: { key: 'w:customMarkFollows', value: '1' },
            id: { key: 'w:id', value: id }
          }
        })
      ]
    }),
    new TextRun({ ...mark, text: '*' })
  ]
}

/**
 * The masthead: "United Nations" (14 pt, in line with the parent body) and
 * the symbol over a thin rule; the parent body beside the distribution block,
 * over a heavier rule; then the subsidiary body and session (bold), the
 * meeting and agenda item lines, and the title (14 pt bold). The rules are
 * paragraph borders, which every reader draws alike.
 */
export function mastheadToDocx(
  masthead: Masthead,
  context: ExportContext
): Array<Paragraph | Table> {
  const words = mastheadWords(context.language)
  const rightToLeft = context.typography.rightToLeft || undefined
  // Where an emblem would stand, as wide as the body's indent: "United Nations" and the parent body start where the text does.
  const emblem = TEXT_INDENT
  const topLine = new Paragraph({
    style: STYLE.mastheadBody,
    bidirectional: rightToLeft,
    // A tab, not an indent, moves "United Nations" past the emblem, so the rule under it spans the full width.
    tabStops: [
      { type: TabStopType.LEFT, position: emblem },
      { type: TabStopType.RIGHT, position: TEXT_WIDTH }
    ],
    border: { bottom: { ...TOP_RULE, space: 3 } },
    spacing: { after: 60, line: 400, lineRule: LineRuleType.EXACT },
    children: [
      new TextRun({
        ...context.run,
        bold: false,
        size: 28,
        children: [new Tab(), words.unitedNations]
      }),
      new TextRun({ ...context.run, bold: false, size: 34, children: [new Tab(), masthead.symbol] })
    ]
  })
  const right = cm(5)
  const middle = TEXT_WIDTH - emblem - right
  const distributionBlock = [
    line(words.distribution(masthead.distribution), context, {}, true),
    line(mastheadDate(masthead.date, context.language), context, {}, true),
    line(versionLanguageLine(context.language, masthead.originalLanguage), context, {}, true),
    line(
      masthead.originalLanguage ? words.original(masthead.originalLanguage) : '',
      context,
      {},
      true
    )
  ]
  const bodyRow = new TableRow({
    children: [
      // The emblem column gives up the parent body's gap, so the parent body starts where the body text does.
      cell([emblemPicture(context)], emblem - PARENT_GAP / 2),
      cell([parentBody(masthead.parentBody, context)], middle + PARENT_GAP / 2, PARENT_GAP / 2),
      cell(distributionBlock, right)
    ]
  })
  const table = new Table({
    rows: [bodyRow],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    // An Arabic masthead reads from the right: the emblem column on the right, the distribution block on the left.
    visuallyRightToLeft: rightToLeft,
    columnWidths: [emblem - PARENT_GAP / 2, middle + PARENT_GAP / 2, right],
    borders: {
      top: NO_BORDER,
      bottom: NO_BORDER,
      left: NO_BORDER,
      right: NO_BORDER,
      insideHorizontal: NO_BORDER,
      insideVertical: NO_BORDER
    }
  })
  const rule = new Paragraph({
    style: STYLE.mastheadBody,
    bidirectional: rightToLeft,
    border: { top: { ...BOTTOM_RULE, space: 1 } },
    spacing: { before: 60, after: 0, line: 240, lineRule: LineRuleType.EXACT },
    children: []
  })
  const agendaMark =
    masthead.agendaItem.trim() && masthead.agendaSymbol
      ? agendaFootnote(masthead.agendaSymbol, context)
      : []
  const optional = (text: string, run: IRunOptions = {}, after: ParagraphChild[] = []) =>
    text.trim() === '' ? [] : [line(text, context, run, false, after)]
  const meetingLines = [
    line(masthead.subsidiaryBody, context, { bold: true }),
    ...optional(masthead.session, { bold: true }),
    ...optional(masthead.meeting),
    ...optional(masthead.agendaItem, {}, agendaMark)
  ]
  const title = new Paragraph({
    style: STYLE.mastheadTitle,
    bidirectional: rightToLeft,
    children: [new TextRun({ ...context.run, text: masthead.title })]
  })
  return [topLine, table, rule, ...meetingLines, title]
}

/** The emblem column's content: the house template's emblem, at most 1.5 cm high and 1.7 cm wide, or nothing. */
function emblemPicture(context: ExportContext): Paragraph {
  const emblem = context.emblem
  if (!emblem) return line('', context)
  const scale = Math.min(57 / emblem.height, 64 / emblem.width, 1)
  return new Paragraph({
    style: STYLE.mastheadBody,
    spacing: { line: 240, lineRule: LineRuleType.AUTO },
    children: [
      new ImageRun({
        type: emblem.type,
        data: emblem.data,
        transformation: {
          width: Math.round(emblem.width * scale),
          height: Math.round(emblem.height * scale)
        },
        altText: { name: 'Emblem', title: 'Emblem', description: 'Emblem' }
      })
    ]
  })
}

/**
 * The parent body, 14 pt bold. Chinese has no spaces to break at, so the last
 * character is joined to the one before it (U+2060 WORD JOINER) and never
 * stands alone on the last line.
 */
function parentBody(text: string, context: ExportContext): Paragraph {
  const characters = [...text]
  const joined =
    context.typography.eastAsian && characters.length > 2
      ? `${characters.slice(0, -1).join('')}\u2060${characters.at(-1)}`
      : text
  return line(joined, context, { bold: true, size: 28 })
}

/** A short centred rule after the last line of the text, as circulated documents end. */
export function closingRule(context: ExportContext): Paragraph {
  const width = cm(3.5)
  const side = Math.round((TEXT_WIDTH - width) / 2)
  return new Paragraph({
    style: STYLE.body,
    bidirectional: context.typography.rightToLeft || undefined,
    keepLines: true,
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, space: 1, color: '000000' } },
    spacing: { before: 240, after: 0 },
    children: []
  })
}

function runningHeader(
  symbol: string,
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType],
  context: ExportContext
): Header {
  return new Header({
    children: [
      new Paragraph({
        style: STYLE.header,
        bidirectional: context.typography.rightToLeft || undefined,
        alignment,
        children: [new TextRun({ ...context.run, bold: true, text: symbol })]
      })
    ]
  })
}

/**
 * Headers for facing pages: the first page has none above the masthead; on
 * odd pages the symbol sits on the right (the outside edge), on even pages on
 * the left. The footers are `footer.ts`'s.
 */
export function pageFurniture(
  masthead: Masthead,
  settings: ReportSettings,
  context: ExportContext
) {
  return {
    headers: {
      // An empty, one-point first-page header, so the masthead starts at the top margin.
      first: new Header({
        children: [
          new Paragraph({
            spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }
          })
        ]
      }),
      default: runningHeader(masthead.symbol, AlignmentType.RIGHT, context),
      even: runningHeader(masthead.symbol, AlignmentType.LEFT, context)
    },
    footers: pageFooters(masthead, settings, context)
  }
}
