import {
  AlignmentType,
  Footer,
  ImageRun,
  LineRuleType,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type ParagraphChild
} from 'docx'
import type { Language } from '../languages'
import type { Masthead, ReportSettings } from '../meta'
import { undocsUrl } from '../symbols'
import { barcodeDigits, code39Picture, qrPicture, type CodePicture } from './codes'
import type { ExportContext } from './context'
import { STYLE, TEXT_WIDTH } from './layout'

/**
 * The footers: on the first page the job number with the version's language
 * letter and the date ("V.25-01234 (E) 030725"); on the other pages the page
 * number with the job number beside it ("2 GE.19-13879"), on the outside edge.
 * Under the first page's job line, the job number's barcode and the QR code
 * of the document's undocs.org address, each switchable in the report settings.
 */

/** The letter each language version carries after the job number. */
const LANGUAGE_LETTER: Record<Language, string> = {
  en: 'E',
  fr: 'F',
  es: 'S',
  ru: 'R',
  zh: 'C',
  ar: 'A'
}

/** The job number itself ("V.25-01234"), without a language letter or date typed after it. */
export function jobNumberBase(jobNumber: string): string {
  return jobNumber.replace(/\s*\(.*$/, '').trim()
}

/** The first-page job line: "V.25-01234 (E) 030725" (the date of issue as ddmmyy, when there is one). */
export function firstPageJobLine(jobNumber: string, date: string, language: Language): string {
  const base = jobNumberBase(jobNumber)
  if (!base) return ''
  const day = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(date)
  const stamp = day ? ` ${day[3]}${day[2]}${day[1]}` : ''
  return `${base} (${LANGUAGE_LETTER[language]})${stamp}`
}

/** Space between the page number and the job number. */
const EN_SPACE = '\u2002'

function laterPageFooter(outsideIsLeft: boolean, job: string, context: ExportContext): Footer {
  const page = new TextRun({ ...context.run, bold: true, size: 18, children: [PageNumber.CURRENT] })
  const jobRun = job ? [new TextRun({ ...context.run, size: 16, text: job })] : []
  const space = job ? [new TextRun({ ...context.run, text: EN_SPACE })] : []
  const children: ParagraphChild[] = outsideIsLeft
    ? [page, ...space, ...jobRun]
    : [...jobRun, ...space, page]
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        bidirectional: context.typography.rightToLeft || undefined,
        alignment: outsideIsLeft ? AlignmentType.LEFT : AlignmentType.RIGHT,
        children
      })
    ]
  })
}

function picture(code: CodePicture, name: string): ImageRun {
  return new ImageRun({
    type: 'png',
    data: code.png,
    transformation: { width: code.width, height: code.height },
    altText: { name, title: name, description: name }
  })
}

/** The barcode (left) and QR code (right) under the first page's job line, as the settings ask. */
function firstPageCodes(
  masthead: Masthead,
  codes: NonNullable<ReportSettings['footerCodes']>,
  context: ExportContext
): Paragraph[] {
  const digits = barcodeDigits(masthead.jobNumber)
  const children: ParagraphChild[] = []
  if (codes.barcode && digits) children.push(picture(code39Picture(digits), `*${digits}*`))
  if (codes.qrCode && masthead.symbol) {
    const url = undocsUrl(masthead.symbol, context.language)
    children.push(new TextRun({ children: [new Tab()] }), picture(qrPicture(url), url))
  }
  if (children.length === 0) return []
  return [
    new Paragraph({
      style: STYLE.footer,
      // Lines as tall as the pictures: the footer style's exact lines would clip them.
      spacing: { before: 40, line: 240, lineRule: LineRuleType.AUTO },
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      children
    })
  ]
}

function firstPageFooter(
  masthead: Masthead,
  codes: NonNullable<ReportSettings['footerCodes']>,
  context: ExportContext
): Footer {
  const text = firstPageJobLine(masthead.jobNumber, masthead.date, context.language)
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        children: text ? [new TextRun({ ...context.run, rightToLeft: false, text })] : []
      }),
      ...firstPageCodes(masthead, codes, context)
    ]
  })
}

/** Both codes unless the report's settings turn one off. */
const ALL_CODES = { barcode: true, qrCode: true } as const

/** The three footers of the report's section: first page, odd pages (default), even pages. */
export function pageFooters(masthead: Masthead, settings: ReportSettings, context: ExportContext) {
  const job = jobNumberBase(masthead.jobNumber)
  return {
    first: firstPageFooter(masthead, settings.footerCodes ?? ALL_CODES, context),
    default: laterPageFooter(false, job, context),
    even: laterPageFooter(true, job, context)
  }
}
