import type { Mark, Node } from 'prosemirror-model'
import type { Language } from '../languages'
import { mastheadDate, mastheadWords, versionLanguageLine } from '../masthead-words'
import type { Masthead } from '../meta'
import { computeNumbering, resolveReference, type Numbering } from '../numbering'
import type { Report } from '../report-file'
import { isSafeLink } from '../safe-url'
import { undocsUrl } from '../symbols'
import { TYPOGRAPHY } from '../docx/layout'
import { firstPageJobLine, jobNumberBase } from '../docx/footer'
import { reportForExport } from '../docx/review'
import { ANNEX_WORD } from '../docx/blocks'

/**
 * A report as semantic HTML: the masthead, headings with their labels,
 * numbered paragraphs, recommendations, lists and footnotes, every label the
 * numbering's, as the Word export writes them. Pure (strings only), so the
 * page view paginates it in the renderer and tests read it in Node. Classes
 * name what a block is (`rp-chapter`, `rp-footnote` …); the page view's
 * stylesheet (`page-css.ts`) gives them the export's geometry.
 */

/** The HTML of a report and what its page furniture needs. */
export interface ReportHtml {
  /** The masthead and the text, one `<article>`. */
  html: string
  /** The report's language (`lang` and direction of the page view). */
  language: Language
  rightToLeft: boolean
  /** The symbol in the running heads. */
  symbol: string
  /** The job number beside the page number ("V.25-01234"). */
  jobNumber: string
  /** The first page's footer line ("V.25-01234 (E) 030725"). */
  firstPageJobLine: string
  /** How many chapters (and annexes): each heading carries `data-chapter` with its index. */
  chapters: number
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/** Text safe inside an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c])
}

/** What the converters share while one report is written. */
interface HtmlContext {
  language: Language
  numbering: Numbering
  /** Footnotes handed out so far (their marks run 1, 2, 3 through the report). */
  footnotes: number
  inFootnote: boolean
  inAnnex: boolean
  chapters: number
}

const WEB_LINK = /^(https?:|mailto:)/i

function wrapMarks(html: string, marks: readonly Mark[], context: HtmlContext): string {
  let out = html
  for (const mark of marks) {
    switch (mark.type.name) {
      case 'bold':
        out = `<strong>${out}</strong>`
        break
      case 'italic':
        out = `<em>${out}</em>`
        break
      case 'doc_symbol': {
        const href = undocsUrl(mark.attrs.symbol as string, context.language)
        out = `<a class="rp-symbol" href="${escapeHtml(href)}">${out}</a>`
        break
      }
      case 'link': {
        const href = mark.attrs.href as string
        if (WEB_LINK.test(href) && isSafeLink(href))
          out = `<a href="${escapeHtml(href)}">${out}</a>`
        break
      }
    }
  }
  return out
}

function footnoteHtml(node: Node, context: HtmlContext): string {
  // Word has no footnotes in footnotes: the export keeps an inner one as text in parentheses.
  if (context.inFootnote) {
    const text = node.textContent.trim()
    return text ? escapeHtml(` (${text})`) : ''
  }
  const number = ++context.footnotes
  context.inFootnote = true
  const paragraphs: string[] = []
  node.forEach((paragraph) => paragraphs.push(inlineHtml(paragraph, context)))
  context.inFootnote = false
  return `<span class="rp-footnote" data-note="${number}">${paragraphs.join('<br>')}</span>`
}

function crossReferenceHtml(node: Node, context: HtmlContext): string {
  const resolved = resolveReference(context.numbering, node.attrs.target as string)
  if (resolved.broken) return `<span class="rp-broken">${escapeHtml(resolved.text)}</span>`
  const id = resolved.target.id
  return id
    ? `<a class="rp-reference" href="#rp-${escapeHtml(id)}">${escapeHtml(resolved.text)}</a>`
    : escapeHtml(resolved.text)
}

/** The inline content of a textblock. */
function inlineHtml(textblock: Node, context: HtmlContext): string {
  let out = ''
  textblock.forEach((child) => {
    switch (child.type.name) {
      case 'text':
        out += wrapMarks(escapeHtml(child.text ?? ''), child.marks, context)
        break
      case 'footnote':
        out += footnoteHtml(child, context)
        break
      case 'cross_reference':
        out += crossReferenceHtml(child, context)
        break
      case 'hard_break':
        out += '<br>'
        break
    }
  })
  return out
}

const idAttr = (id: unknown) => (typeof id === 'string' ? ` id="rp-${escapeHtml(id)}"` : '')

// The label keeps a space after it inside its box (the box, not the space, sets Word's tab distance), so text read out of the page — the PDF's bookmarks, a screen reader — has it.
const label = (text: string) => `<span class="rp-label">${escapeHtml(text)} </span>`

function labelAt(context: HtmlContext, pos: number): string {
  return context.numbering.byPos.get(pos)?.label ?? ''
}

const HEADING_LEVEL = { chapter: 1, section: 2, subsection: 3 } as const

function containerHtml(node: Node, pos: number, context: HtmlContext): string {
  const kind = node.type.name as keyof typeof HEADING_LEVEL
  const level = HEADING_LEVEL[kind]
  let out = ''
  node.forEach((child, offset) => {
    if (child.type.name === 'heading') {
      const chapter =
        kind === 'chapter' && !context.inAnnex ? ` data-chapter="${context.chapters++}"` : ''
      out += `<h${level} class="rp-${kind}"${idAttr(node.attrs.id)}${chapter}>${label(labelAt(context, pos))}<span class="rp-title">${inlineHtml(child, context)}</span></h${level}>`
    } else out += blockHtml(child, pos + 1 + offset, context)
  })
  return out
}

function annexHtml(node: Node, pos: number, context: HtmlContext): string {
  let out = ''
  context.inAnnex = true
  node.forEach((child, offset) => {
    if (child.type.name === 'heading') {
      out += `<h1 class="rp-annex" data-chapter="${context.chapters++}">${escapeHtml(ANNEX_WORD[context.language])}</h1>`
      if (child.content.size) out += `<h1 class="rp-annex">${inlineHtml(child, context)}</h1>`
    } else out += blockHtml(child, pos + 1 + offset, context)
  })
  context.inAnnex = false
  return out
}

function numberedHtml(node: Node, pos: number, context: HtmlContext): string {
  return `<p class="rp-numbered"${idAttr(node.attrs.id)}>${label(labelAt(context, pos))}${inlineHtml(node, context)}</p>`
}

function recommendationHtml(node: Node, pos: number, context: HtmlContext): string {
  const asParagraph = context.numbering.options.recommendationStyle === 'paragraph'
  const number = labelAt(context, pos)
  let out = `<div class="rp-recommendation"${idAttr(node.attrs.id)}>`
  if (!asParagraph) out += `<p class="rp-recommendation-heading">${escapeHtml(number)}</p>`
  else if (node.firstChild?.type.name !== 'paragraph')
    out += `<p class="rp-numbered">${label(number)}</p>`
  node.forEach((child, offset) => {
    if (child.type.name === 'ordered_list') out += listHtml(child, pos + 1 + offset, context)
    else if (asParagraph && offset === 0)
      out += `<p class="rp-numbered">${label(number)}${inlineHtml(child, context)}</p>`
    else out += `<p class="rp-text">${inlineHtml(child, context)}</p>`
  })
  return `${out}</div>`
}

function listHtml(node: Node, pos: number, context: HtmlContext, depth = 0): string {
  const kind = node.attrs.kind as string
  let out = `<div class="rp-list rp-list-${escapeHtml(kind)}" data-depth="${depth}">`
  node.forEach((item, itemOffset) => {
    const itemPos = pos + 1 + itemOffset
    item.forEach((child, offset) => {
      const childPos = itemPos + 1 + offset
      if (child.type.name === 'ordered_list') out += listHtml(child, childPos, context, depth + 1)
      else if (offset === 0)
        out += `<p class="rp-item">${label(labelAt(context, itemPos))}${inlineHtml(child, context)}</p>`
      else out += `<p class="rp-item rp-continued">${inlineHtml(child, context)}</p>`
    })
  })
  return `${out}</div>`
}

function blockHtml(node: Node, pos: number, context: HtmlContext): string {
  switch (node.type.name) {
    case 'chapter':
    case 'section':
    case 'subsection':
      return containerHtml(node, pos, context)
    case 'annex':
      return annexHtml(node, pos, context)
    case 'numbered_paragraph':
      return numberedHtml(node, pos, context)
    case 'recommendation':
      return recommendationHtml(node, pos, context)
    case 'ordered_list':
      return listHtml(node, pos, context)
    default:
      return `<p class="rp-body">${inlineHtml(node, context)}</p>`
  }
}

/** The masthead as the export lays it out: the top line, the body and distribution row, the meeting lines, the title. */
function mastheadHtml(masthead: Masthead, language: Language): string {
  const words = mastheadWords(language)
  const line = (text: string, bold = false) =>
    `<p class="rp-mh-line${bold ? ' rp-bold' : ''}">${escapeHtml(text)}</p>`
  const optional = (text: string, bold = false, after = '') =>
    text.trim() === '' ? '' : line(text, bold).replace('</p>', `${after}</p>`)
  const agendaMark =
    masthead.agendaItem.trim() && masthead.agendaSymbol
      ? `<span class="rp-footnote rp-agenda-note" data-note="*">${escapeHtml(masthead.agendaSymbol)}.</span>`
      : ''
  const distribution = [
    words.distribution(masthead.distribution),
    mastheadDate(masthead.date, language),
    versionLanguageLine(language, masthead.originalLanguage),
    masthead.originalLanguage ? words.original(masthead.originalLanguage) : ''
  ]
  return [
    '<header class="rp-masthead">',
    `<div class="rp-mh-top"><span class="rp-mh-un">${escapeHtml(words.unitedNations)}</span><span class="rp-mh-symbol">${escapeHtml(masthead.symbol)}</span></div>`,
    `<div class="rp-mh-row"><div class="rp-mh-emblem"></div><div class="rp-mh-parent">${escapeHtml(masthead.parentBody)}</div>`,
    `<div class="rp-mh-distribution" dir="ltr">${distribution.map((text) => line(text)).join('')}</div></div>`,
    '<div class="rp-mh-rule"></div>',
    line(masthead.subsidiaryBody, true),
    optional(masthead.session, true),
    optional(masthead.meeting),
    optional(masthead.agendaItem, false, agendaMark),
    `<h1 class="rp-mh-title">${escapeHtml(masthead.title)}</h1>`,
    '</header>'
  ].join('')
}

/**
 * The report as HTML: the Final text (suggestions accepted, as the page view
 * shows what would circulate), labels from the numbering, footnotes where
 * their marks stand (the page view floats them to the foot of their page).
 */
export function reportToHtml(given: Report): ReportHtml {
  const report = reportForExport(given, 'accept')
  const { language, settings, masthead } = report.meta
  const context: HtmlContext = {
    language,
    numbering: computeNumbering(report.doc, {
      language,
      recommendationStyle: settings.recommendationStyle
    }),
    footnotes: 0,
    inFootnote: false,
    inAnnex: false,
    chapters: 0
  }
  let body = ''
  report.doc.forEach((chapter, offset) => (body += blockHtml(chapter, offset, context)))
  const rightToLeft = TYPOGRAPHY[language].rightToLeft
  const html =
    `<article class="rp-report" lang="${TYPOGRAPHY[language].tag}" dir="${rightToLeft ? 'rtl' : 'ltr'}">` +
    `${mastheadHtml(masthead, language)}${body}<div class="rp-closing-rule"></div></article>`
  return {
    html,
    language,
    rightToLeft,
    symbol: masthead.symbol,
    jobNumber: jobNumberBase(masthead.jobNumber),
    firstPageJobLine: firstPageJobLine(masthead.jobNumber, masthead.date, language),
    chapters: context.chapters
  }
}
