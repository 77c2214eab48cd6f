import { PAGE, TYPOGRAPHY } from '../docx/layout'
import type { ReportHtml } from './report-html'

/**
 * The page view's stylesheet: the Word export's page and styles
 * (`docx/layout.ts`, docs/HOUSE-STYLE.md) written as CSS paged media for a
 * pagination library (Paged.js) — A4, the same margins, the text block 4.0–17.0
 * cm, Times New Roman 10 pt on exact 12 pt lines, the headings, the masthead,
 * running heads and page numbers on the outside edge, footnotes at the foot
 * of their page. Spacing between paragraphs is CSS margins, which collapse
 * into the larger of a paragraph's space after and the next one's space
 * before, as LibreOffice lays out the Word file (measured: 18 pt from a body
 * line to a recommendation heading's baseline, 12 pt line + 6 pt). Marks of
 * footnotes are raised by position, not `vertical-align`, so they leave the
 * exact line heights alone as Word's do.
 */

/** Centimetres in a length in twips. */
const cmOf = (twips: number) => (twips * 2.54) / 1440
/** Centimetres in a length in points. */
const POINT = 2.54 / 72
/** A length in centimetres as CSS (Paged.js reads no calc() in its page rules). */
const css = (centimetres: number) => `${centimetres.toFixed(3)}cm`
/** A length in twips as CSS centimetres. */
const twipsToCm = (twips: number) => css(cmOf(twips))

/**
 * Where the body starts on pages after the first: the running head's top
 * (1.77 cm), its exact 10 pt line, the 4 pt between it and its ½ pt rule, and
 * the 9 pt after it — the header pushes the body below the 1.4 cm margin.
 */
const LATER_PAGES_TOP = css(cmOf(PAGE.margin.header) + (10 + 4.5 + 9) * POINT)
/** The first page has a one-point empty header: the masthead starts just under it. */
const FIRST_PAGE_TOP = css(cmOf(PAGE.margin.header) + POINT)

/** From the bottom margin's top to the footer line's: the footer stands 1.27 cm above the page's edge. */
const FOOTER_GAP = css(cmOf(PAGE.margin.bottom) - cmOf(PAGE.margin.footer) - 10 * POINT)

/** A string as a CSS string literal. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`
}

/** Font families of a report language, the export's first, then the metric-compatible ones installed here. */
function fontFamilies(language: ReportHtml['language']): string {
  const typography = TYPOGRAPHY[language]
  const families = [typography.latin, 'Liberation Serif']
  if (typography.eastAsian)
    families.push(typography.eastAsian, 'Noto Serif CJK SC', 'Noto Sans CJK SC')
  if (typography.rightToLeft) families.push(typography.complex, 'Noto Naskh Arabic', 'DejaVu Sans')
  return `${families.map(cssString).join(', ')}, serif`
}

/** A facing page's running head and footer, both on its outside edge. */
function facingPageRule(
  page: 'left' | 'right',
  outside: string,
  symbol: string,
  footer: string,
  fonts: string
): string {
  return `@page :${page} {
  @top-${outside} {
    content: ${symbol};
    font: bold 8pt/10pt ${fonts};
    vertical-align: top;
    padding-top: ${twipsToCm(PAGE.margin.header)};
    text-align: ${outside};
  }
  @bottom-${outside} {
    content: ${footer};
    font: bold 9pt/10pt ${fonts};
    vertical-align: top;
    text-align: ${outside};
    padding-top: ${FOOTER_GAP};
  }
}`
}

/** The page view's CSS for one rendered report. */
export function pageViewCss(report: ReportHtml): string {
  const symbol = cssString(report.symbol)
  const job = cssString(report.jobNumber)
  const firstFooter = cssString(report.firstPageJobLine)
  const outsideLater = report.rightToLeft ? ['left', 'right'] : ['right', 'left']
  const margin = `${twipsToCm(PAGE.margin.left)}`
  const facingPage = (page: 'left' | 'right', outside: string, footer: string) =>
    facingPageRule(page, outside, symbol, footer, fontFamilies(report.language))
  return `
@page {
  size: A4;
  margin: ${LATER_PAGES_TOP} ${margin} ${twipsToCm(PAGE.margin.bottom)} ${margin};
  @footnote { float: bottom; }
}
@page :first {
  margin-top: ${FIRST_PAGE_TOP};
  @top-left { content: none; }
  @top-right { content: none; }
  @bottom-right { content: none; }
  @bottom-left {
    content: ${firstFooter};
    font: 8pt/10pt ${fontFamilies(report.language)};
    vertical-align: top;
    padding-top: ${FOOTER_GAP};
  }
}
${facingPage('right', outsideLater[0], `${job} " " counter(page)`)}
${facingPage('left', outsideLater[1], `counter(page) " " ${job}`)}
.rp-report {
  font: 10pt/12pt ${fontFamilies(report.language)};
  color: #000;
  font-kerning: none;
}
:where(.rp-report) :where(p, h1, h2, h3) { margin: 0; padding: 0; }
:where(.rp-report, .pagedjs_footnote_area) a { color: inherit; text-decoration: none; }
.rp-masthead { break-inside: avoid; }
.rp-mh-top {
  display: flex; align-items: baseline; justify-content: space-between;
  height: 20pt; line-height: 20pt; padding-left: ${margin}; padding-bottom: 3pt;
  border-bottom: 0.75pt solid #000; margin-bottom: 3pt;
}
.rp-mh-un { font-size: 14pt; }
.rp-mh-symbol { font-size: 17pt; }
.rp-mh-row { display: flex; padding: 4pt 0; }
.rp-mh-emblem { flex: 0 0 calc(${margin} - 0.2cm); }
.rp-mh-parent { flex: 1 1 auto; padding: 0 0.2cm; font-weight: bold; font-size: 14pt; line-height: 12pt; }
.rp-mh-distribution { flex: 0 0 5cm; }
.rp-mh-line { line-height: 12pt; min-height: 12pt; }
.rp-bold { font-weight: bold; }
.rp-mh-rule { margin-top: 3pt; border-top: 2.25pt solid #000; padding-top: 1pt; height: 12pt; }
.rp-mh-title {
  font-size: 14pt; line-height: 16pt; font-weight: bold;
  padding: 0 ${margin}; margin: 24pt 0 12pt;
  break-after: avoid;
}
.rp-body, .rp-numbered, .rp-text, .rp-item, .rp-recommendation-heading {
  padding: 0 ${margin}; margin-bottom: 6pt; text-align: justify;
}
.rp-label { display: inline-block; min-width: 1cm; text-indent: 0; white-space: pre; }
.rp-chapter, .rp-section, .rp-subsection, .rp-annex {
  font-weight: bold; padding-left: ${margin}; text-indent: -1cm; break-after: avoid; break-inside: avoid;
}
.rp-chapter, .rp-annex { font-size: 14pt; line-height: 17pt; margin: 18pt 0 12pt; }
.rp-section { font-size: 12pt; line-height: 15pt; margin: 12pt 0 6pt; }
.rp-subsection { font-size: 10pt; line-height: 13pt; margin: 12pt 0 6pt; }
.rp-annex { text-indent: 0; }
.rp-recommendation-heading { font-weight: bold; margin: 6pt 0 3pt; break-after: avoid; }
.rp-list-subparagraph .rp-item:not(.rp-continued) { text-indent: 1cm; }
.rp-list-subparagraph [data-depth="1"] .rp-item:not(.rp-continued) { text-indent: 2cm; }
.rp-list-agenda .rp-item { padding-left: calc(${margin} + 2cm); text-indent: -1cm; text-align: left; }
.rp-list-agenda [data-depth="1"] .rp-item { padding-left: calc(${margin} + 3cm); }
.rp-footnote { float: footnote; }
.rp-report [data-footnote-call]::after { content: counter(footnote); font-size: 6.5pt; line-height: 0; position: relative; top: -0.6em; }
.rp-report [data-footnote-call].rp-agenda-note { counter-increment: none; }
.rp-report [data-footnote-call].rp-agenda-note::after { content: "*"; }
.pagedjs_footnote_area { font: 9pt/10pt ${fontFamilies(report.language)}; }
/* Measured on LibreOffice's rendering of the exported file: its footnotes end on the body's last line and start about 4 pt under the separator. */
.pagedjs_footnote_content { padding-top: 4pt; }
[data-footnote-marker]:last-child { margin-bottom: 0; }
.pagedjs_footnote_content::before {
  content: ""; position: absolute; top: 1pt; width: 5cm; border-top: 0.5pt solid #000;
}
[data-footnote-marker] {
  display: block; padding: 0 ${margin}; text-indent: -0.3cm; font-size: 9pt; line-height: 10pt;
  margin-bottom: 2pt; list-style: none; text-align: justify;
}
[data-footnote-marker]::marker { content: none; }
[data-footnote-marker]:not(.rp-agenda-note)::before { content: counter(footnote-marker) " "; font-size: 6.5pt; line-height: 0; position: relative; top: -0.6em; }
[data-footnote-marker].rp-agenda-note { counter-increment: none; }
[data-footnote-marker].rp-agenda-note::before { content: "* "; }
.rp-closing-rule { width: 3.5cm; margin: 12pt auto 0; border-bottom: 0.75pt solid #000; height: 12pt; break-inside: avoid; }
`
}
