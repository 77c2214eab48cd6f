import { execFile, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import { reportToDocx } from '../../src/core/docx/index'
import { importDocx } from '../../src/core/import'
import { settledDocument } from '../../src/core/review/changes'
import { addCommentThread, anchoredThreads, replyToThread } from '../../src/core/review/comments'
import { reviewSummary } from '../../src/core/review/summary'
import { inlineText } from '../../src/core/text'
import type { Report } from '../../src/core/report-file'
import { sampleReport } from '../fixtures/sample-report'
import { sampleReportZh } from '../fixtures/sample-report-zh'
import { fidelityToolsReady, TOOLS } from './render'

/**
 * The review round trip through LibreOffice: a report exported, edited in
 * LibreOffice with change tracking on (driven over the UNO bridge, as a
 * reviewer would edit), imported again; accepting every change in the app
 * gives the edited text, rejecting every one the text as exported. Comments
 * go through too: a thread with a reply written in the app, resolved in
 * LibreOffice, and a comment with a reply written in LibreOffice.
 */

const run = promisify(execFile)
const SLOW = 600_000
const REVIEWER = 'Lo Reviewer'
const OFFICER = { author: 'Ana Ruiz', initials: 'AR', date: '2026-03-04T10:15:00Z' }

/** python3-uno is needed on top of the fidelity tools; missing, it skips loudly (fails on CI). */
function unoReady(): boolean {
  if (spawnSync(TOOLS.python, ['-c', 'import uno']).status === 0) return true
  const message =
    '\n!!! LIBREOFFICE ROUND-TRIP TESTS NOT RUN: python3-uno is missing (apt install python3-uno).\n'
  if (process.env.CI === 'true') throw new Error(message)
  console.warn(message)
  return false
}

const ready = fidelityToolsReady() && unoReady()

/** Every textblock's text outside footnotes, in order: what a reader of the report sees. */
function lines(doc: Node): string[] {
  const found: string[] = []
  doc.descendants((node) => {
    if (node.type.name === 'footnote') return false
    if (node.isTextblock) found.push(inlineText(node))
    return !node.isTextblock
  })
  return found
}

/**
 * Numbered paragraphs holding only text (no footnote or reference), long
 * enough to edit inside, each with whether a numbered paragraph follows it.
 */
function plainParagraphs(doc: Node): Array<{ text: string; beforeNumbered: boolean }> {
  const found: Array<{ text: string; beforeNumbered: boolean }> = []
  doc.descendants((node, _pos, parent, index) => {
    if (node.type.name !== 'numbered_paragraph') return true
    let plain = node.textContent.length >= 40
    node.forEach((child) => (plain &&= child.isText))
    const next = index + 1 < parent!.childCount ? parent!.child(index + 1) : null
    if (plain)
      found.push({
        text: node.textContent,
        beforeNumbered: next?.type.name === 'numbered_paragraph'
      })
    return false
  })
  return found
}

/** A piece of `text` found nowhere else in the report, so LibreOffice's search lands on it. */
function uniquePiece(text: string, all: string[], length: number): string {
  for (let start = 0; start + length <= text.length; start++) {
    const piece = text.slice(start, start + length)
    if (piece.trim() !== piece) continue
    if (all.filter((line) => line.includes(piece)).length === 1) return piece
  }
  throw new Error(`no unique piece of ${JSON.stringify(text)}`)
}

/**
 * `report` with a comment thread and its reply on `piece` of the paragraph
 * whose text is `paragraph`, as the officer would have left them before circulating.
 */
function withOfficerComment(
  report: Report,
  paragraph: string,
  piece: string,
  words: { comment: string; reply: string }
): Report {
  let start = -1
  report.doc.descendants((node, pos) => {
    if (start < 0 && node.isTextblock && node.textContent === paragraph)
      start = pos + 1 + paragraph.indexOf(piece)
    return start < 0
  })
  const tr = new Transform(report.doc)
  const thread = {
    id: 'officer-note',
    text: words.comment,
    ...OFFICER,
    anchor: { kind: 'range' as const },
    resolved: false,
    replies: []
  }
  addCommentThread(tr, thread, { from: start, to: start + piece.length })
  replyToThread(tr, thread.id, { id: 'officer-reply', text: words.reply, ...OFFICER })
  return { ...report, doc: tr.doc }
}

/** Every comment and reply of a document: who wrote what, on which text, resolved or not. */
function commentsOf(doc: Node) {
  return anchoredThreads(doc).flatMap(({ thread, range }) => {
    const on = range ? doc.textBetween(range.from, range.to) : null
    return [thread, ...thread.replies].map((entry) => ({
      author: entry.author,
      text: entry.text,
      on,
      resolved: thread.resolved
    }))
  })
}

const CASES = [
  {
    language: 'en',
    report: sampleReport,
    replacement: 'AMENDED WORDS',
    added: 'A paragraph added in LibreOffice.',
    officer: { comment: 'Please confirm the wording.', reply: 'Confirmed by the Chair.' },
    reviewer: { comment: 'Is this agreed?', reply: 'Yes, see the minutes.' }
  },
  {
    language: 'zh',
    report: sampleReportZh,
    replacement: '修正后的文字',
    added: '在 LibreOffice 中添加的段落。',
    officer: { comment: '请确认措辞。', reply: '主席已确认。' },
    reviewer: { comment: '这一点是否已商定？', reply: '是的，见记录。' }
  }
] as const

let folder: string
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'rapporteur-lo-review-'))
})
afterAll(() => rmSync(folder, { recursive: true, force: true }))

describe.skipIf(!ready)('review round trip through LibreOffice', () => {
  it.each(CASES)(
    'keeps tracked edits and comments made in LibreOffice, the edits as suggestions that settle either way ($language)',
    async ({ language, report, replacement, added, officer, reviewer }) => {
      const original = report() as Report
      const originalLines = lines(original.doc)
      // Each edit finds its paragraph by a piece of its text: a paragraph repeated word for word has none.
      const candidates = plainParagraphs(original.doc).filter(
        (c) => originalLines.filter((line) => line === c.text).length === 1
      )
      // LibreOffice gives a paragraph joined by a deleted mark the deleted one's style:
      // the deleted paragraph is one followed by another numbered paragraph, as a reviewer's usually is.
      const second = candidates.find((c) => c.beforeNumbered)!.text
      const [first, third, fourth] = candidates.map((c) => c.text).filter((text) => text !== second)
      const officerPiece = uniquePiece(fourth, originalLines, 10)
      const exported = join(folder, `exported-${language}.docx`)
      writeFileSync(
        exported,
        await reportToDocx(withOfficerComment(original, fourth, officerPiece, officer))
      )
      const baseline = lines(importDocx(new Uint8Array(readFileSync(exported))).report.doc)

      const replaced = uniquePiece(first, baseline, 12)
      const reviewerPiece = uniquePiece(third, baseline, 10)
      const edits = [
        { op: 'replace', find: replaced, with: replacement },
        { op: 'delete-paragraph', find: uniquePiece(second, baseline, 20) },
        { op: 'insert-after', find: uniquePiece(third, baseline, 20), text: added },
        { op: 'comment', find: reviewerPiece, text: reviewer.comment, replies: [reviewer.reply] },
        { op: 'resolve', comment: officer.comment }
      ]
      const editsFile = join(folder, `edits-${language}.json`)
      writeFileSync(editsFile, JSON.stringify(edits))
      const edited = join(folder, `edited-${language}.docx`)
      await run(
        TOOLS.python,
        [join(__dirname, 'lo_track_edit.py'), exported, edited, editsFile, REVIEWER],
        { timeout: SLOW / 2 }
      )

      const imported = importDocx(new Uint8Array(readFileSync(edited))).report.doc
      const summary = reviewSummary(imported).trackedChanges
      expect(summary.authors).toEqual([REVIEWER])
      expect(summary.insertions).toBeGreaterThanOrEqual(2)
      expect(summary.deletions).toBeGreaterThanOrEqual(2)

      const expected = baseline.flatMap((line) => {
        if (line === second) return []
        if (line === third) return [line, added]
        if (line === first) return [line.replace(replaced, replacement)]
        return [line]
      })
      expect(lines(settledDocument(imported, 'accept'))).toEqual(expected)
      expect(lines(settledDocument(imported, 'reject'))).toEqual(baseline)

      // LibreOffice 7.4 keeps no reply threads (its Word files carry no parent for a
      // comment): each reply comes back as a comment of its own on the same text.
      const comments = commentsOf(imported)
      expect(comments).toHaveLength(4)
      expect(comments).toEqual(
        expect.arrayContaining([
          { author: OFFICER.author, text: officer.comment, on: officerPiece, resolved: true },
          { author: OFFICER.author, text: officer.reply, on: officerPiece, resolved: false },
          { author: REVIEWER, text: reviewer.comment, on: reviewerPiece, resolved: false },
          { author: REVIEWER, text: reviewer.reply, on: reviewerPiece, resolved: false }
        ])
      )
    },
    SLOW
  )
})
