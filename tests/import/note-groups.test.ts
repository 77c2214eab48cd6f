import { importText } from '../../src/core/import'
import { groupNotes, importConfidence, noteKind } from '../../src/core/import/note-groups'

/** Import notes are grouped by kind, with a count, and summed up as a confidence level. */
describe('import notes for review', () => {
  it('groups notes by what they are about, the largest group first, keeping source order', () => {
    const notes = [
      { line: 3, message: 'footnote 2 has no mark in the text — its text was left out' },
      {
        line: 5,
        message: 'chapter "III." does not follow the chapter before — numbered in sequence now'
      },
      { line: 7, message: 'footnote 4 has no mark in the text — its text was left out' },
      {
        line: 9,
        message: 'a list item whose label does not follow ("(c)") — started a new list here'
      }
    ]
    const groups = groupNotes(notes)
    expect(groups.map((g) => [g.kind, g.notes.map((n) => n.line)])).toEqual([
      ['footnotes', [3, 7]],
      ['headings', [5]],
      ['lists', [9]]
    ])
    expect(
      noteKind({ line: 1, message: 'a line above the first chapter fits no masthead field' })
    ).toBe('masthead')
  })

  it('sums a clean import up as high confidence and a guessed one as low', () => {
    expect(importConfidence([])).toBe('high')
    // Chapters and paragraphs out of sequence all through: every heading and number is a guess.
    const shuffled = ['V', 'II', 'IX', 'IV', 'VII', 'III', 'VIII', 'VI', 'X', 'I']
      .map((chapter, at) => `${chapter}. Chapter ${chapter}\n\n${((at * 7) % 10) + 1}. Text.\n`)
      .join('\n')
    const guessed = importText(shuffled).notes
    expect(guessed.length).toBeGreaterThan(10)
    expect(importConfidence(guessed)).toBe('low')
  })
})
