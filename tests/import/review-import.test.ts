import type { Node } from 'prosemirror-model'
import { reportToDocx } from '../../src/core/docx/index'
import { importDocx } from '../../src/core/import/index'
import { computeNumbering } from '../../src/core/numbering'
import { settledDocument, trackedChanges } from '../../src/core/review/changes'
import { anchoredThreads, commentThreads } from '../../src/core/review/comments'
import type { CommentThread } from '../../src/core/review/threads'
import type { Report } from '../../src/core/report-file'
import { inlineText } from '../../src/core/text'
import { REVIEWERS, reviewReport } from '../fixtures/review-report'
import {
  docx,
  documentXml,
  footnotesXml,
  NUMBERING_XML,
  para,
  run,
  STYLES_XML
} from './docx-builder'

/**
 * A Word file with tracked changes and comments opens with suggestions and
 * comment threads, not with the changes silently accepted: exported by us,
 * read back, then settled, it gives the document the original gives.
 */

/** Each numbered thing with its label and its text, in order. */
function numberedLines(report: Report, doc: Node): string[] {
  const numbering = computeNumbering(doc, {
    language: report.meta.language,
    recommendationStyle: report.meta.settings.recommendationStyle
  })
  return numbering.items.flatMap((item) => {
    const node = doc.nodeAt(item.pos)!
    if (item.kind === 'paragraph') return [`${item.label} ${inlineText(node)}`]
    if (item.kind === 'recommendation') return [`${item.label} ${inlineText(node.firstChild!)}`]
    if (item.kind === 'list_item') return [`${item.label} ${inlineText(node.firstChild!)}`]
    return []
  })
}

describe.each(['en', 'zh'] as const)('a reviewed Word file read back (%s)', (language) => {
  let original: Report
  let imported: Report
  beforeAll(async () => {
    original = reviewReport(language)
    imported = importDocx(await reportToDocx(original)).report
  }, 60_000)

  it('keeps the suggestions as suggestions, with their authors', () => {
    const changes = trackedChanges(imported.doc)
    expect(changes.length).toBeGreaterThanOrEqual(7)
    expect(new Set(changes.map((c) => c.author))).toEqual(
      new Set([REVIEWERS.ana.author, REVIEWERS.bo.author])
    )
    expect(changes.find((c) => c.author === REVIEWERS.ana.author)?.date).toBe(REVIEWERS.ana.date)
  })

  it('gives the original document once every suggestion is accepted, or rejected', () => {
    for (const decision of ['accept', 'reject'] as const)
      expect(numberedLines(imported, settledDocument(imported.doc, decision))).toEqual(
        numberedLines(original, settledDocument(original.doc, decision))
      )
  })

  it('numbers the document as the editor did before export (the Final view)', () => {
    expect(
      computeNumbering(imported.doc, { language, recommendationStyle: 'block' }).items.map(
        (i) => i.label
      )
    ).toEqual(
      computeNumbering(original.doc, { language, recommendationStyle: 'block' }).items.map(
        (i) => i.label
      )
    )
  })

  it('reads the comments as threads with their replies, resolved state and anchors', () => {
    const threads = anchoredThreads(imported.doc)
    const summary = (thread: CommentThread) => [
      thread.author,
      thread.text,
      thread.resolved,
      thread.replies.map((r) => `${r.author}: ${r.text}`)
    ]
    expect(threads.map((t) => summary(t.thread))).toEqual(commentThreads(original.doc).map(summary))
    for (const { range } of threads) expect(range).not.toBeNull()
  })
})

/** Imports a Word file with `body` as its document, the test styles and numbering, and `parts`. */
function importBody(body: string, parts: Record<string, string> = {}) {
  return importDocx(
    docx({
      'word/document.xml': documentXml(body),
      'word/styles.xml': STYLES_XML,
      'word/numbering.xml': NUMBERING_XML,
      ...parts
    })
  )
}

describe('Word shapes written by hand', () => {
  const ins = (id: number, inner: string) =>
    `<w:ins w:id="${id}" w:author="Ana Ruiz" w:date="2026-03-04T10:15:00Z">${inner}</w:ins>`
  const deletedMark =
    '<w:rPr><w:del w:id="9" w:author="Bo Chen" w:date="2026-03-05T09:00:00Z"/></w:rPr>'
  const comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">
<w:comment w:id="0" w:author="Bo Chen" w:initials="BC" w:date="2026-03-05T09:00:00Z"><w:p w14:paraId="0A000001"><w:r><w:t>Which group?</w:t></w:r></w:p></w:comment>
<w:comment w:id="1" w:author="Ana Ruiz" w:date="2026-03-05T10:00:00Z"><w:p w14:paraId="0A000002"><w:r><w:t>This one.</w:t></w:r></w:p></w:comment>
</w:comments>`
  const extended = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">
<w15:commentEx w15:paraId="0A000001" w15:done="1"/><w15:commentEx w15:paraId="0A000002" w15:paraIdParent="0A000001" w15:done="1"/>
</w15:commentsEx>`
  const body = [
    para('berschrift1', run('Introduction')),
    para(
      'Paras',
      run('The ') +
        '<w:commentRangeStart w:id="0"/><w:commentRangeStart w:id="1"/>' +
        run('Working Group ') +
        // Word splits runs mid-word, each piece its own revision.
        ins(1, run('adop')) +
        ins(2, run('ted')) +
        run(' the report.') +
        '<w:r><w:footnoteReference w:id="1"/></w:r>'
    ),
    para(
      'Paras',
      run('It thanked the Chair.') +
        '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>' +
        '<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>'
    ),
    `<w:p><w:pPr><w:pStyle w:val="Paras"/>${deletedMark}</w:pPr><w:del w:id="8" w:author="Bo Chen" w:date="2026-03-05T09:00:00Z"><w:r><w:delText>This paragraph goes.</w:delText></w:r></w:del></w:p>`,
    para('Paras', run('The session closed.'))
  ].join('')
  const file = () =>
    importBody(body, {
      'word/footnotes.xml': footnotesXml({ 1: run('See ') + ins(3, run('the annex')) }),
      'word/comments.xml': comments,
      'word/commentsExtended.xml': extended
    })

  it('reads a word split across revisions as suggestions that settle to the word', () => {
    const { report } = file()
    const first = report.doc.firstChild!.child(1)
    expect(inlineText(first)).toBe('The Working Group adopted the report.')
    expect(trackedChanges(report.doc).filter((c) => c.kind === 'insertion')).toHaveLength(3)
    const rejected = settledDocument(report.doc, 'reject').firstChild!.child(1)
    expect(inlineText(rejected)).toBe('The Working Group  the report.')
  })

  it('keeps a revision inside a footnote', () => {
    const { report } = file()
    let footnoteInsertion = ''
    report.doc.descendants((node) => {
      if (node.type.name === 'footnote')
        node.descendants((text) => {
          if (text.marks.some((m) => m.type.name === 'insertion')) footnoteInsertion += text.text
          return true
        })
      return true
    })
    expect(footnoteInsertion).toBe('the annex')
  })

  it('reads a deleted paragraph (text and mark) as a deleted block that numbering skips', () => {
    const { report } = file()
    const labels = computeNumbering(report.doc, { language: 'en', recommendationStyle: 'block' })
      .items.filter((i) => i.kind === 'paragraph')
      .map((i) => `${i.label} ${inlineText(report.doc.nodeAt(i.pos)!)}`)
    expect(labels).toEqual([
      '1. The Working Group adopted the report.',
      '2. It thanked the Chair.',
      '3. The session closed.'
    ])
  })

  it('reads a comment spanning two paragraphs, its reply and its resolved state', () => {
    const { report } = file()
    const [thread] = anchoredThreads(report.doc)
    expect(anchoredThreads(report.doc)).toHaveLength(1)
    expect([thread.thread.author, thread.thread.text, thread.thread.resolved]).toEqual([
      'Bo Chen',
      'Which group?',
      true
    ])
    expect(thread.thread.replies.map((r) => [r.author, r.initials, r.text])).toEqual([
      ['Ana Ruiz', 'AR', 'This one.']
    ])
    // The range runs from the first paragraph (its footnote included) to the end of the second.
    const text = report.doc.textBetween(thread.range!.from, thread.range!.to, '|')
    expect(text.startsWith('Working Group adopted the report.')).toBe(true)
    expect(text.endsWith('|It thanked the Chair.')).toBe(true)
  })
})

describe('Word paragraph-mark revisions written by hand', () => {
  const who = {
    ana: 'w:author="Ana Ruiz" w:date="2026-03-04T10:15:00Z"',
    bo: 'w:author="Bo Chen" w:date="2026-03-05T09:00:00Z"'
  }
  /** A paragraph whose mark Word records as inserted or deleted. */
  const markedPara = (mark: 'ins' | 'del', id: number, author: string, inner: string) =>
    `<w:p><w:pPr><w:pStyle w:val="Paras"/><w:rPr><w:${mark} w:id="${id}" ${author}/></w:rPr></w:pPr>${inner}</w:p>`
  const body = [
    para('berschrift1', run('Introduction')),
    // Enter pressed inside "The meeting opened and closed." with tracking on.
    markedPara('ins', 1, who.ana, run('The meeting opened')),
    para('Paras', run('and closed.')),
    // Delete pressed at the end of "The Chair spoke".
    markedPara('del', 2, who.bo, run('The Chair spoke')),
    para('Paras', run('at length.')),
    // Enter at the end of a paragraph, then typing: Word marks the first mark inserted.
    markedPara('ins', 3, who.ana, run('The session went on.')),
    para('Paras', `<w:ins w:id="4" ${who.ana}>${run('A paragraph typed after it.')}</w:ins>`),
    para('Paras', run('The session closed.'))
  ].join('')
  const file = () => importBody(body).report.doc
  const lines = (doc: Node) => {
    const found: string[] = []
    doc.descendants((node) => {
      if (node.isTextblock && node.type.name !== 'heading') found.push(inlineText(node))
      return !node.isTextblock
    })
    return found
  }

  it('reads an inserted mark as a split and a deleted one as a join, with their authors', () => {
    const doc = file()
    const breaks: string[] = []
    doc.descendants((node) => {
      const change = node.attrs.paragraphBreak as { type: string; author: string } | null
      if (change) breaks.push(`${inlineText(node)}: ${change.type} by ${change.author}`)
    })
    expect(breaks).toEqual([
      'The meeting opened: split by Ana Ruiz',
      'The Chair spoke: join by Bo Chen'
    ])
  })

  it('reads a paragraph typed after another as an inserted block, not a split', () => {
    let inserted = ''
    file().descendants((node) => {
      if ((node.attrs.change as { type: string } | null)?.type === 'insert')
        inserted = inlineText(node)
    })
    expect(inserted).toBe('A paragraph typed after it.')
  })

  it('settles as Word does: accepting keeps the split and makes the join, rejecting the reverse', () => {
    const doc = file()
    expect(lines(settledDocument(doc, 'accept'))).toEqual([
      'The meeting opened',
      'and closed.',
      'The Chair spokeat length.',
      'The session went on.',
      'A paragraph typed after it.',
      'The session closed.'
    ])
    expect(lines(settledDocument(doc, 'reject'))).toEqual([
      'The meeting openedand closed.',
      'The Chair spoke',
      'at length.',
      'The session went on.',
      'The session closed.'
    ])
  })
})
