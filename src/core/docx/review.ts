import type { ICommentsOptions } from 'docx'
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import type { NumberingOptions } from '../numbering'
import type { Report } from '../report-file'
import { settledDocument } from '../review/changes'
import { commentThreads } from '../review/comments'
import type { Node } from 'prosemirror-model'
import { createCommentExport, type CommentExport } from './comments'
import {
  createRevisionExport,
  withDeletedText,
  withFormatRevisions,
  type RevisionExport
} from './revisions'
import { STYLE } from './layout'

/**
 * Review in the Word export: how suggestions are written (kept as revisions,
 * or settled first), the comments part, and the finishing touches the `docx`
 * library does not write itself (deleted text as `w:delText`, the people part
 * that lists the authors of revisions and comments).
 */

/** What an export does with suggestions: keep them as Word revisions, or accept or reject them all first. */
export type ReviewMode = 'keep' | 'accept' | 'reject'

/** Review state of one export: its revisions and its comments. */
export interface ReviewExport {
  revisions: RevisionExport
  comments: CommentExport
}

/** A fresh review state for exporting `report`. */
export function createReviewExport(report: Report, numbering: NumberingOptions): ReviewExport {
  return {
    revisions: createRevisionExport(report.doc, numbering),
    comments: createCommentExport(report.doc)
  }
}

/** The report as it is exported under `mode`: suggestions kept, or all accepted or rejected. */
export function reportForExport(report: Report, mode: ReviewMode = 'keep'): Report {
  if (mode === 'keep') return report
  return { ...report, doc: settledDocument(report.doc, mode) }
}

/** Whether `doc` holds any suggestion or comment thread to write. */
export function hasReviewData(doc: Node): boolean {
  if (commentThreads(doc).length > 0) return true
  let found = false
  doc.descendants((node) => {
    if (found) return false
    if (
      node.attrs.change ||
      node.marks.some((m) => m.type.name === 'insertion' || m.type.name === 'deletion')
    )
      found = true
    return !found
  })
  return found
}

/** The comments part, or nothing when the report has no comment to write. */
export function wordComments(review: ReviewExport): ICommentsOptions | undefined {
  return review.comments.entries.length ? { children: review.comments.entries } : undefined
}

const PEOPLE_PART = 'word/people.xml'
const PEOPLE_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml'
const PEOPLE_RELATIONSHIP = 'http://schemas.microsoft.com/office/2011/relationships/people'
const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml'

/** Authors named by revisions and comments in the parts, each once, in order of appearance. */
function authorsIn(parts: string[]): string[] {
  const authors = new Set<string>()
  for (const xml of parts)
    for (const match of xml.matchAll(/\bw:author="([^"]*)"/g)) authors.add(match[1])
  return [...authors]
}

/** The people part; `authors` are as the parts hold them (already escaped for an attribute). */
function peopleXml(authors: string[]): string {
  const people = authors
    .map(
      (author) =>
        `<w15:person w15:author="${author}"><w15:presenceInfo w15:providerId="None" w15:userId="${author}"/></w15:person>`
    )
    .join('')
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w15:people xmlns:w15="${W15}">${people}</w15:people>`
}

/**
 * The finished package: deleted runs' text as `w:delText` in the document,
 * footnotes and comments, and a people part naming every author, as Word
 * writes them. A package without revisions or comments is returned as it is.
 */
export function finishReviewPackage(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes)
  const textParts = ['word/document.xml', 'word/footnotes.xml', 'word/comments.xml'].filter(
    (name) => files[name]
  )
  const xml = new Map(textParts.map((name) => [name, strFromU8(files[name])]))
  const authors = authorsIn([...xml.values()])
  if (authors.length === 0) return bytes
  const out: Zippable = {}
  for (const [name, data] of Object.entries(files)) out[name] = data
  for (const [name, text] of xml)
    out[name] = strToU8(withFormatRevisions(withDeletedText(text), STYLE.numbered))
  if (!files[PEOPLE_PART]) {
    out[PEOPLE_PART] = strToU8(peopleXml(authors))
    const types = strFromU8(files['[Content_Types].xml'])
    out['[Content_Types].xml'] = strToU8(
      types.replace(
        '</Types>',
        `<Override PartName="/${PEOPLE_PART}" ContentType="${PEOPLE_TYPE}"/></Types>`
      )
    )
    const relsName = 'word/_rels/document.xml.rels'
    const rels = strFromU8(files[relsName])
    out[relsName] = strToU8(
      rels.replace(
        '</Relationships>',
        `<Relationship Id="rIdPeople" Type="${PEOPLE_RELATIONSHIP}" Target="people.xml"/></Relationships>`
      )
    )
  }
  return zipSync(out, { level: 6 })
}
