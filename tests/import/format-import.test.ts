import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import type { Node } from 'prosemirror-model'
import { reportToDocx } from '../../src/core/docx/index'
import { importDocx } from '../../src/core/import/index'
import type { FormatChange } from '../../src/core/review/change'
import { trackedChanges } from '../../src/core/review/changes'
import { FORMATTER, reformattedReport } from '../fixtures/review-report'

/**
 * Word "Formatted" revisions (`w:pPrChange`) read back: a paragraph made
 * plain or numbered, or a list item moved a level, comes back as a format
 * suggestion; any other formatting change is accepted with a note.
 */

function formatChanges(doc: Node): Array<{ type: string; text: string; change: FormatChange }> {
  const out: Array<{ type: string; text: string; change: FormatChange }> = []
  doc.descendants((node) => {
    const change = node.attrs.formatChange as FormatChange | null | undefined
    if (change) out.push({ type: node.type.name, text: node.textContent, change })
    return true
  })
  return out
}

describe('format suggestions from Word', () => {
  it('reads back the exported old type and list level as format suggestions', async () => {
    const original = reformattedReport()
    const expected = formatChanges(original.doc)
    const { report } = importDocx(await reportToDocx(original))
    const found = formatChanges(report.doc)
    expect(found.map(({ type, text, change }) => ({ type, text, was: change.was.type }))).toEqual(
      expected.map(({ type, text, change }) => ({ type, text, was: change.was.type }))
    )
    expect(found[1].change.was.level).toBe(1)
    for (const { change } of found)
      expect(change).toMatchObject({ author: FORMATTER.author, date: FORMATTER.date })
    expect(
      trackedChanges(report.doc).filter((change) => change.kind === 'formatting')
    ).toHaveLength(2)
  })

  it('accepts a formatting change it cannot keep, with a note', async () => {
    const bytes = await reportToDocx(reformattedReport())
    const files = unzipSync(bytes)
    // A change of the list item's indentation only: its old level is the one it has.
    const xml = strFromU8(files['word/document.xml']).replace(
      /(<w:pPrChange\b[^>]*><w:pPr><w:pStyle w:val="[^"]*"\/><w:numPr><w:ilvl w:val=")1(")/,
      '$10$2'
    )
    expect(xml).not.toBe(strFromU8(files['word/document.xml']))
    files['word/document.xml'] = strToU8(xml)
    const { report, notes } = importDocx(zipSync(files))
    expect(formatChanges(report.doc).map((found) => found.type)).toEqual(['paragraph'])
    expect(notes.map((note) => note.message)).toContainEqual(
      expect.stringContaining('a Word formatting change here was accepted')
    )
  })
})
