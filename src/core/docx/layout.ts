import {
  AlignmentType,
  LineRuleType,
  type IParagraphStyleOptions,
  type IRunOptions,
  type IStylesOptions,
  type ICharacterStyleOptions
} from 'docx'
import type { Language } from '../languages'

/**
 * The page layout and the Word styles of an exported report, in one place: A4
 * portrait, the UN text block (body text 4.0–17.0 cm from the page's left
 * edge, headings' labels hanging 1.0 cm before it, paragraph numbers 1.0 cm
 * before their text), Times New Roman 10 pt on exact 12 pt lines. Where each
 * figure comes from: docs/HOUSE-STYLE.md.
 */

/** Twips (1/20 pt, Word's unit of length) for a length in centimetres. */
export function cm(value: number): number {
  return Math.round((value * 1440) / 2.54)
}

/** Half-points (Word's unit of font size) for a size in points. */
function pt(size: number): number {
  return size * 2
}

/**
 * A4 portrait and its margins, in twips. The running head sits 1.77 cm from
 * the top edge and the first body line's baseline about 3.0 cm, as measured
 * in circulated documents. Equal inside and outside margins, so facing pages
 * need no mirroring.
 */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: {
    // The first page's masthead starts near the top; on later pages the running head pushes the body down.
    top: cm(1.4),
    bottom: cm(2.5),
    left: cm(2.0),
    right: cm(2.0),
    header: cm(1.77),
    footer: cm(1.27)
  }
} as const

/** Width of the text between the margins, in twips. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right

/** The text block's indent from the margins: body text starts after it (4.0 cm from the page edge). */
export const TEXT_INDENT = cm(2.0)
/** The step of the indent grid: from a paragraph's number (or a list's label) to its text. */
export const LABEL_STEP = cm(1.0)

/** Style ids the exporter uses; Word shows the names given in `reportStyles`. */
export const STYLE = {
  body: 'BodyText',
  numbered: 'NumberedParagraph',
  chapter: 'Heading1',
  section: 'Heading2',
  subsection: 'Heading3',
  recommendationHeading: 'RecommendationHeading',
  recommendationText: 'RecommendationText',
  subparagraph: 'SubparagraphList',
  agenda: 'AgendaList',
  footnoteText: 'FootnoteText',
  header: 'Header',
  footer: 'Footer',
  mastheadBody: 'MastheadBody',
  mastheadTitle: 'MastheadTitle',
  documentSymbol: 'DocumentSymbol'
} as const

/** Numbering references (`numbering.reference`) used by the exporter. */
export const NUMBERING = {
  /** Numbered paragraphs: one list through the whole report. */
  paragraphs: 'rapporteur-paragraphs',
  /** Sub-paragraph lists ((a), (i)): a new instance for each list. */
  subparagraphs: 'rapporteur-subparagraphs',
  /** Agenda lists (1., (a)): a new instance for each list. */
  agenda: 'rapporteur-agenda'
} as const

/** Fonts and language tags of one report language. */
export interface LanguageTypography {
  /** Latin and Cyrillic text. */
  latin: string
  /** Chinese, Japanese and Korean text (`w:eastAsia`), where the language needs one. */
  eastAsian?: string
  /** Complex-script (Arabic) text (`w:cs`). */
  complex: string
  /** BCP 47 tag for `w:lang`. */
  tag: string
  rightToLeft: boolean
}

/** Typography per report language. */
export const TYPOGRAPHY: Record<Language, LanguageTypography> = {
  en: { latin: 'Times New Roman', complex: 'Times New Roman', tag: 'en-GB', rightToLeft: false },
  fr: { latin: 'Times New Roman', complex: 'Times New Roman', tag: 'fr-FR', rightToLeft: false },
  es: { latin: 'Times New Roman', complex: 'Times New Roman', tag: 'es-ES', rightToLeft: false },
  ru: { latin: 'Times New Roman', complex: 'Times New Roman', tag: 'ru-RU', rightToLeft: false },
  zh: {
    latin: 'Times New Roman',
    eastAsian: 'SimSun',
    complex: 'Times New Roman',
    tag: 'zh-CN',
    rightToLeft: false
  },
  ar: {
    latin: 'Times New Roman',
    complex: 'Simplified Arabic',
    tag: 'ar-SA',
    rightToLeft: true
  }
}

/**
 * Run properties every run of the report carries for its language: the fonts
 * (so Chinese runs are set in SimSun even where a style is overridden), the
 * language tag and, for Arabic, right-to-left.
 */
export function languageRun(typography: LanguageTypography): IRunOptions {
  return {
    font: {
      ascii: typography.latin,
      hAnsi: typography.latin,
      cs: typography.complex,
      ...(typography.eastAsian ? { eastAsia: typography.eastAsian } : {})
    },
    language: {
      value: typography.rightToLeft ? 'en-GB' : typography.tag,
      eastAsia: typography.eastAsian ? typography.tag : 'zh-CN',
      bidirectional: typography.rightToLeft ? typography.tag : 'ar-SA'
    },
    ...(typography.rightToLeft ? { rightToLeft: true } : {})
  }
}

const exactLines = (points: number) => ({ line: points * 20, lineRule: LineRuleType.EXACT })

function headingStyle(
  id: string,
  name: string,
  size: number,
  outlineLevel: number,
  before: number,
  after: number
): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: 'Normal',
    next: STYLE.body,
    quickFormat: true,
    run: { bold: true, size: pt(size) },
    paragraph: {
      outlineLevel,
      keepNext: true,
      keepLines: true,
      // The label hangs one step before the text block; the title starts at it.
      indent: { left: TEXT_INDENT, hanging: LABEL_STEP },
      leftTabStop: TEXT_INDENT,
      spacing: { before: before * 20, after: after * 20, ...exactLines(size + 3) }
    }
  }
}

/** The Word styles of an exported report (document defaults, paragraph and character styles). */
export function reportStyles(language: Language): IStylesOptions {
  const typography = TYPOGRAPHY[language]
  const bodyParagraph = {
    alignment: AlignmentType.BOTH,
    indent: { left: TEXT_INDENT, right: TEXT_INDENT },
    spacing: { after: 120, ...exactLines(12) }
  }
  const paragraphStyles: IParagraphStyleOptions[] = [
    {
      id: STYLE.body,
      name: 'Body Text',
      basedOn: 'Normal',
      quickFormat: true,
      paragraph: bodyParagraph
    },
    {
      id: STYLE.numbered,
      name: 'Numbered Paragraph',
      basedOn: STYLE.body,
      next: STYLE.numbered,
      quickFormat: true,
      paragraph: {
        ...bodyParagraph,
        leftTabStop: TEXT_INDENT + LABEL_STEP,
        // A paragraph given this style in Word joins the report's paragraph list.
        numbering: { reference: NUMBERING.paragraphs, level: 0 }
      }
    },
    headingStyle(STYLE.chapter, 'heading 1', 14, 0, 18, 12),
    headingStyle(STYLE.section, 'heading 2', 12, 1, 12, 6),
    headingStyle(STYLE.subsection, 'heading 3', 10, 2, 12, 6),
    {
      id: STYLE.recommendationHeading,
      name: 'Recommendation Heading',
      basedOn: STYLE.body,
      next: STYLE.recommendationText,
      quickFormat: true,
      run: { bold: true },
      paragraph: {
        keepNext: true,
        keepLines: true,
        spacing: { before: 120, after: 60, ...exactLines(12) }
      }
    },
    {
      id: STYLE.recommendationText,
      name: 'Recommendation Text',
      basedOn: STYLE.body,
      quickFormat: true
    },
    {
      id: STYLE.subparagraph,
      name: 'Subparagraph List',
      basedOn: STYLE.body,
      next: STYLE.subparagraph,
      quickFormat: true
    },
    {
      id: STYLE.agenda,
      name: 'Agenda List',
      basedOn: STYLE.body,
      next: STYLE.agenda,
      quickFormat: true,
      paragraph: { alignment: AlignmentType.LEFT }
    },
    {
      id: STYLE.footnoteText,
      name: 'footnote text',
      basedOn: 'Normal',
      run: { size: pt(9) },
      paragraph: {
        indent: { left: TEXT_INDENT, right: TEXT_INDENT, hanging: cm(0.3) },
        spacing: { after: 40, ...exactLines(10) }
      }
    },
    {
      id: STYLE.header,
      name: 'header',
      basedOn: 'Normal',
      run: { bold: true, size: pt(8) },
      paragraph: {
        border: { bottom: { style: 'single', size: 4, space: 4, color: '000000' } },
        // Room under the running head: the first body line's baseline falls about 3.0 cm from the top edge.
        spacing: { after: 180, ...exactLines(10) }
      }
    },
    {
      id: STYLE.footer,
      name: 'footer',
      basedOn: 'Normal',
      run: { size: pt(8) },
      paragraph: { spacing: { after: 0, ...exactLines(10) } }
    },
    {
      id: STYLE.mastheadBody,
      name: 'Masthead Body',
      basedOn: 'Normal',
      run: { bold: true },
      paragraph: { spacing: { after: 0, ...exactLines(12) } }
    },
    {
      id: STYLE.mastheadTitle,
      name: 'Masthead Title',
      basedOn: 'Normal',
      next: STYLE.chapter,
      run: { bold: true, size: pt(14) },
      paragraph: {
        keepNext: true,
        indent: { left: TEXT_INDENT, right: TEXT_INDENT },
        spacing: { before: 480, after: 240, ...exactLines(16) }
      }
    }
  ]
  const characterStyles: ICharacterStyleOptions[] = [
    {
      // A symbol is a link to the Official Document System, set like the text around it, as UN documents do.
      id: STYLE.documentSymbol,
      name: 'Document Symbol',
      basedOn: 'DefaultParagraphFont',
      run: {}
    }
  ]
  return {
    default: {
      document: {
        // No <w:rtl/> here: Word's schema has no place for it in the defaults; Arabic runs carry their own.
        run: { ...languageRun(typography), rightToLeft: undefined, size: pt(10) },
        paragraph: { spacing: { after: 0, ...exactLines(12) } }
      }
    },
    paragraphStyles,
    characterStyles
  }
}
