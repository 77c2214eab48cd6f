import type { Node } from 'prosemirror-model'
import type { Language } from '../languages'
import { resolveReference, type Numbering } from '../numbering'
import type { Finding } from './finding'
import { placeName } from './place'

/**
 * Checks of the report's structure: empty or unfinished chapters and
 * sections, references that lead nowhere, recommendations out of place.
 */

type ContainerName = 'chapter' | 'section' | 'subsection'

function isContainer(node: Node): boolean {
  return (
    node.type.name === 'chapter' || node.type.name === 'section' || node.type.name === 'subsection'
  )
}

/** Whether a container holds any text or block beyond its heading (in it or its children). */
function hasContent(container: Node): boolean {
  let found = false
  container.forEach((child, _offset, index) => {
    if (found || (index === 0 && child.type.name === 'heading')) return
    found = isContainer(child) ? hasContent(child) : true
  })
  return found
}

/** Chapters, sections and subsections with a heading and nothing under it. */
export function checkEmptyContainers(doc: Node, numbering: Numbering): Finding[] {
  const findings: Finding[] = []
  doc.descendants((node, pos) => {
    if (!isContainer(node)) return false
    if (!hasContent(node))
      findings.push({
        kind: 'empty-container',
        severity: 'warning',
        pos: pos + 2,
        where: placeName(doc, pos + 1, numbering),
        detail: { kind: 'empty-container', container: node.type.name as ContainerName }
      })
    return true
  })
  return findings
}

/**
 * Containers whose drafting status is not yet "agreed". A chapter that is
 * itself agreed still has its unagreed sections listed; an unagreed chapter
 * is one row, not one per section.
 */
export function checkDraftingStatus(doc: Node, numbering: Numbering): Finding[] {
  const findings: Finding[] = []
  doc.descendants((node, pos) => {
    if (!isContainer(node)) return false
    if (node.attrs.status === 'agreed') return true
    findings.push({
      kind: 'not-agreed',
      severity: 'warning',
      pos: pos + 2,
      where: placeName(doc, pos + 1, numbering),
      detail: {
        kind: 'not-agreed',
        container: node.type.name as ContainerName,
        status: String(node.attrs.status)
      }
    })
    return false
  })
  return findings
}

/** Cross-references whose target is gone or cannot be referred to: they print as broken text. */
export function checkReferences(doc: Node, numbering: Numbering): Finding[] {
  const findings: Finding[] = []
  doc.descendants((node, pos) => {
    if (node.type.name !== 'cross_reference') return true
    const target = String(node.attrs.target)
    if (resolveReference(numbering, target).broken)
      findings.push({
        kind: 'broken-reference',
        severity: 'blocking',
        pos,
        where: placeName(doc, pos, numbering),
        detail: { kind: 'broken-reference', target }
      })
    return false
  })
  return findings
}

/** How each language titles the chapter that gathers a report's recommendations. */
const RECOMMENDATIONS_CHAPTER: Record<Language, RegExp> = {
  en: /\brecommendations\b/i,
  fr: /\brecommandations\b/i,
  es: /\brecomendaciones\b/i,
  ru: /рекомендации/i,
  zh: /建议/,
  ar: /التوصيات/
}

/**
 * When a report has a chapter titled for recommendations, recommendation
 * blocks elsewhere are probably misplaced (moved by mistake, or pasted).
 * Reports without such a chapter spread them by design and are not flagged.
 */
export function checkRecommendationPlacement(
  doc: Node,
  numbering: Numbering,
  language: Language
): Finding[] {
  const title = RECOMMENDATIONS_CHAPTER[language]
  const chapters: Array<{ node: Node; pos: number }> = []
  doc.forEach((chapter, pos) => chapters.push({ node: chapter, pos }))
  const home = chapters.filter(({ node }) => title.test(node.firstChild?.textContent ?? ''))
  if (home.length === 0) return []
  const findings: Finding[] = []
  for (const { node, pos } of chapters) {
    if (home.some((chapter) => chapter.node === node)) continue
    node.descendants((child, offset) => {
      if (child.type.name !== 'recommendation') return !child.isTextblock
      const at = pos + 1 + offset
      findings.push({
        kind: 'recommendation-placement',
        severity: 'warning',
        pos: at + 1,
        where: placeName(doc, at + 1, numbering),
        detail: {
          kind: 'recommendation-placement',
          chapter: numbering.byPos.get(pos)?.path ?? ''
        }
      })
      return false
    })
  }
  return findings
}
