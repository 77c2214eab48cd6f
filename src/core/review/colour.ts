/**
 * The colour each author's suggestions take, in the editor and wherever a
 * suggestion is drawn (text marks, block bars, paragraph-break markers).
 */

/** Colours suggestions take, one per author (dark enough to read on white). */
const AUTHOR_COLOURS = ['#1f6f43', '#8a3ffc', '#0b5cad', '#a4262c', '#8e5b00', '#007c89', '#b0358f']

/** The colour of an author's suggestions: the same author, the same colour, in every session. */
export function authorColour(author: string): string {
  let hash = 0
  for (const ch of author) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0
  return AUTHOR_COLOURS[hash % AUTHOR_COLOURS.length]
}
