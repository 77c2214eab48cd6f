import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  LineRuleType,
  PageNumber,
  Tab,
  TabStopType,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions
} from 'docx'
import type { Masthead } from '../meta'
import { mastheadDate, mastheadWords } from '../masthead-words'
import type { ExportContext } from './context'
import { STYLE, TEXT_WIDTH, cm } from './layout'

/**
 * The first page's masthead (the UN document header: "United Nations" and the
 * symbol, the parent body, distribution, date, original language, then the
 * meeting lines and the title) and the running headers and footers of the
 * other pages.
 */

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const RULE = { style: BorderStyle.SINGLE, size: 12, color: '000000' }

/**
 * One masthead line. `leftToRight` lines stay left to right in an Arabic
 * report: the distribution block is in English in every language version.
 */
function line(
  text: string,
  context: ExportContext,
  run: IRunOptions = {},
  leftToRight = false
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
          })
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
 * The masthead: "United Nations" and the symbol over a rule; the parent body
 * beside the distribution block, over another rule; then the meeting lines and
 * the title. The rules are paragraph borders, which every reader draws alike.
 */
export function mastheadToDocx(
  masthead: Masthead,
  context: ExportContext
): Array<Paragraph | Table> {
  const words = mastheadWords(context.language)
  const topLine = new Paragraph({
    style: STYLE.mastheadBody,
    bidirectional: context.typography.rightToLeft || undefined,
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
    border: { bottom: { ...RULE, space: 3 } },
    spacing: { after: 60, line: 400, lineRule: LineRuleType.EXACT },
    children: [
      new TextRun({ ...context.run, bold: false, size: 26, text: words.unitedNations }),
      new TextRun({ ...context.run, bold: false, size: 34, children: [new Tab(), masthead.symbol] })
    ]
  })
  // Where an emblem would stand; Rapporteur ships none, so the column stays empty.
  const emblem = cm(1.6)
  const right = cm(5)
  const middle = TEXT_WIDTH - emblem - right
  const distributionBlock = [
    line(words.distribution(masthead.distribution), context, {}, true),
    line(mastheadDate(masthead.date, context.language), context, {}, true),
    line('', context, {}, true),
    line(
      masthead.originalLanguage ? words.original(masthead.originalLanguage) : '',
      context,
      {},
      true
    )
  ]
  const bodyRow = new TableRow({
    children: [
      cell([line('', context)], emblem),
      cell([line(masthead.parentBody, context, { bold: true, size: 28 })], middle, cm(0.4)),
      cell(distributionBlock, right)
    ]
  })
  const table = new Table({
    rows: [bodyRow],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    // An Arabic masthead reads from the right: the emblem column on the right, the distribution block on the left.
    visuallyRightToLeft: context.typography.rightToLeft || undefined,
    columnWidths: [emblem, middle, right],
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
    bidirectional: context.typography.rightToLeft || undefined,
    border: { top: { ...RULE, space: 1 } },
    spacing: { before: 60, after: 0, line: 240, lineRule: LineRuleType.EXACT },
    children: []
  })
  const meetingLines = [
    line(masthead.subsidiaryBody, context, { bold: true }),
    ...[masthead.session, masthead.meeting, masthead.agendaItem]
      .filter((text) => text.trim() !== '')
      .map((text) => line(text, context))
  ]
  const title = new Paragraph({
    style: STYLE.mastheadTitle,
    bidirectional: context.typography.rightToLeft || undefined,
    children: [new TextRun({ ...context.run, text: masthead.title })]
  })
  return [topLine, table, rule, ...meetingLines, title]
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

function pageNumberFooter(
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType],
  context: ExportContext
): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        bidirectional: context.typography.rightToLeft || undefined,
        alignment,
        children: [
          new TextRun({ ...context.run, bold: true, size: 18, children: [PageNumber.CURRENT] })
        ]
      })
    ]
  })
}

/**
 * Headers and footers for facing pages: the first page has none above the
 * masthead and the job number below; on odd pages the symbol and the page
 * number sit on the right (the outside edge), on even pages on the left.
 */
export function pageFurniture(masthead: Masthead, context: ExportContext) {
  return {
    headers: {
      first: new Header({ children: [new Paragraph({ children: [] })] }),
      default: runningHeader(masthead.symbol, AlignmentType.RIGHT, context),
      even: runningHeader(masthead.symbol, AlignmentType.LEFT, context)
    },
    footers: {
      first: new Footer({
        children: [
          new Paragraph({
            style: STYLE.footer,
            bidirectional: context.typography.rightToLeft || undefined,
            children: [new TextRun({ ...context.run, text: masthead.jobNumber })]
          })
        ]
      }),
      default: pageNumberFooter(AlignmentType.RIGHT, context),
      even: pageNumberFooter(AlignmentType.LEFT, context)
    }
  }
}
