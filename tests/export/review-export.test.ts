import type { Element } from '@xmldom/xmldom'
import { reportToDocx } from '../../src/core/docx/index'
import { sampleReport } from '../fixtures/sample-report'
import { REVIEWERS, reviewReport } from '../fixtures/review-report'
import { elements, readDocx, type ReadDocx } from './docx-reader'

/**
 * Suggestions and comments in the Word export, read from the package's XML:
 * revisions with their authors and dates, paragraph-mark revisions, moves,
 * the comment parts with replies and resolved state, the people part.
 */

const exported = new Map<string, Promise<ReadDocx>>()
function exportOf(language: 'en' | 'zh', review?: 'accept' | 'reject'): Promise<ReadDocx> {
  const key = `${language}:${review ?? 'keep'}`
  if (!exported.has(key))
    exported.set(key, reportToDocx(reviewReport(language), { review }).then(readDocx))
  return exported.get(key)!
}

const attr = (element: Element, name: string) => element.getAttribute(name)
/** The text an element holds, kept or deleted. */
function textOf(element: Element): string {
  return [...elements(element, 'w:t'), ...elements(element, 'w:delText')]
    .sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1))
    .map((t) => t.textContent)
    .join('')
}
function revisions(docx: ReadDocx, tag: string, part = 'word/document.xml') {
  return elements(docx.xml(part), tag).map((element) => ({
    author: attr(element, 'w:author'),
    date: attr(element, 'w:date'),
    text: textOf(element),
    element
  }))
}

describe('suggestions as Word revisions', () => {
  it('writes suggested text as w:ins and w:del runs with author and date, deleted text as w:delText', async () => {
    const docx = await exportOf('en')
    const inserted = revisions(docx, 'w:ins').filter((r) => r.text !== '')
    const deleted = revisions(docx, 'w:del').filter((r) => r.text !== '')
    expect(inserted.map((r) => [r.text, r.author, r.date])).toContainEqual([
      'working ',
      REVIEWERS.ana.author,
      REVIEWERS.ana.date
    ])
    expect(deleted.map((r) => [r.text, r.author])).toContainEqual(['warmly ', REVIEWERS.bo.author])
    for (const deletion of deleted) expect(elements(deletion.element, 'w:t')).toHaveLength(0)
  })

  it('tracks revisions inside footnotes', async () => {
    const docx = await exportOf('en')
    const inFootnotes = revisions(docx, 'w:ins', 'word/footnotes.xml')
    expect(inFootnotes.map((r) => [r.text, r.author])).toEqual([['revised ', REVIEWERS.bo.author]])
  })

  it('gives an inserted or deleted block, a split and a join a paragraph-mark revision, so the paragraph comes or goes with it', async () => {
    const docx = await exportOf('en')
    const markRevision = (text: string) => {
      const paragraph = docx.paragraphs().find((p) => textOf(p.element).includes(text))!
      const rPr = elements(paragraph.element, 'w:pPr').flatMap((pPr) => elements(pPr, 'w:rPr'))
      return rPr
        .flatMap((r) => [...elements(r, 'w:ins'), ...elements(r, 'w:del')])
        .map((e) => [e.tagName, attr(e, 'w:author')])
    }
    expect(markRevision('A new paragraph suggested by Bo.')).toEqual([['w:ins', 'Bo Chen']])
    expect(markRevision('States should ratify the Protocol.')).toEqual([['w:del', 'Ana Ruiz']])
    expect(markRevision('second item')).toEqual([['w:del', 'Bo Chen']])
    expect(markRevision('States should share information.')).toEqual([])
    // A split paragraph's first part ends with an inserted mark, a paragraph to join with the next a deleted one.
    expect(markRevision('The delegations met in Vienna.')).toEqual([['w:ins', 'Ana Ruiz']])
    expect(markRevision('They met in two rounds.')).toEqual([])
    expect(markRevision('Informal consultations were held.')).toEqual([['w:del', 'Bo Chen']])
    expect(markRevision('They ended on time.')).toEqual([])
  })

  it('keeps the old number of a deleted recommendation, struck, as a field Word no longer counts once accepted', async () => {
    const docx = await exportOf('en')
    const headings = docx
      .paragraphs()
      .filter((p) => p.style === 'RecommendationHeading')
      .map((p) => ({
        text: textOf(p.element),
        deleted: elements(p.element, 'w:delInstrText').length
      }))
    expect(headings).toEqual([
      { text: 'Recommendation 1', deleted: 1 },
      { text: 'Recommendation 1', deleted: 0 },
      { text: 'Recommendation 2', deleted: 0 }
    ])
  })

  it('writes a moved paragraph as w:moveFrom and w:moveTo paired by name', async () => {
    const docx = await exportOf('en')
    const from = revisions(docx, 'w:moveFrom')
    const to = revisions(docx, 'w:moveTo')
    expect(from.map((r) => r.text)).toEqual(['This paragraph moves to the end.'])
    expect(to.map((r) => r.text)).toEqual(['This paragraph moves to the end.'])
    const name = (tag: string) =>
      elements(docx.xml('word/document.xml'), tag).map((e) => attr(e, 'w:name'))
    expect(name('w:moveFromRangeStart')).toEqual(['move1'])
    expect(name('w:moveToRangeStart')).toEqual(['move1'])
  })

  it('settles suggestions before writing when asked: accept all or reject all', async () => {
    const accepted = await exportOf('en', 'accept')
    const rejected = await exportOf('en', 'reject')
    for (const docx of [accepted, rejected])
      for (const tag of ['w:ins', 'w:del', 'w:moveFrom', 'w:moveTo'])
        expect(elements(docx.xml('word/document.xml'), tag)).toHaveLength(0)
    const body = (docx: ReadDocx) =>
      docx
        .paragraphs()
        .map((p) => p.text)
        .join('\n')
    expect(body(accepted)).toContain('The working group met in Vienna.')
    expect(body(accepted)).not.toContain('States should ratify the Protocol.')
    expect(body(rejected)).toContain('The group warmly met in Vienna.')
    expect(body(rejected)).not.toContain('A new paragraph suggested by Bo.')
  })
})

describe('comments as Word comments', () => {
  it('writes each thread and reply with its author, initials, date and text', async () => {
    const docx = await exportOf('en')
    const comments = elements(docx.xml('word/comments.xml'), 'w:comment').map((c) => [
      attr(c, 'w:author'),
      attr(c, 'w:initials'),
      attr(c, 'w:date')?.slice(0, 16),
      c.textContent
    ])
    expect(comments).toEqual([
      ['Bo Chen', 'BC', '2026-03-05T09:00', 'Which group?'],
      ['Ana Ruiz', 'AR', '2026-03-04T10:15', 'The working group.'],
      ['Ana Ruiz', 'AR', '2026-03-04T10:15', 'Agreed.'],
      ['Bo Chen', 'BC', '2026-03-05T09:00', 'Check this recommendation.']
    ])
  })

  it('threads replies and marks resolved threads done (commentsExtended), with durable ids (commentsIds)', async () => {
    const docx = await exportOf('en')
    const extended = elements(docx.xml('word/commentsExtended.xml'), 'w15:commentEx').map((c) => ({
      paraId: attr(c, 'w15:paraId'),
      parent: attr(c, 'w15:paraIdParent') || null,
      done: attr(c, 'w15:done')
    }))
    expect(extended.map((c) => [c.parent === extended[0].paraId, c.done])).toEqual([
      [false, '0'],
      [true, '0'],
      [false, '1'],
      [false, '0']
    ])
    const ids = elements(docx.xml('word/commentsIds.xml'), 'w16cid:commentId')
    expect(ids).toHaveLength(4)
    expect(new Set(ids.map((c) => attr(c, 'w16cid:durableId'))).size).toBe(4)
  })

  it('spans a comment over two paragraphs and anchors a block comment on its block', async () => {
    const docx = await exportOf('en')
    const paragraphs = docx.paragraphs()
    const holding = (tag: string, id: string) =>
      paragraphs
        .filter((p) => elements(p.element, tag).some((e) => attr(e, 'w:id') === id))
        .map((p) => textOf(p.element))
    expect(holding('w:commentRangeStart', '0')[0]).toContain('The working group')
    expect(holding('w:commentRangeEnd', '0')).toEqual(['The meeting was opened by the Chair.'])
    expect(holding('w:commentRangeStart', '1')).toEqual(holding('w:commentRangeStart', '0'))
    expect(holding('w:commentRangeStart', '3')).toEqual(['States should share information.'])
    expect(holding('w:commentReference', '3')).toEqual(['States should share information.'])
  })

  it('names every author once in the people part', async () => {
    const docx = await exportOf('zh')
    const people = elements(docx.xml('word/people.xml'), 'w15:person').map((p) =>
      attr(p, 'w15:author')
    )
    expect(people.sort()).toEqual(['Ana Ruiz', 'Bo Chen'])
    expect(docx.parts['[Content_Types].xml']).toContain('/word/people.xml')
    expect(docx.parts['word/_rels/document.xml.rels']).toContain('people.xml')
  })

  it('leaves a report without review data as before: no comments or people parts', async () => {
    const docx = readDocx(await reportToDocx(sampleReport()))
    expect(Object.keys(docx.parts).filter((name) => /comments|people/.test(name))).toEqual([])
  })
})
