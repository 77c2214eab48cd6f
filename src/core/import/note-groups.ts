import type { ImportNote } from './note'

/**
 * Import notes gathered for review: grouped by what they are about, each
 * group with its count, and a confidence summary for the top of the notes
 * panel, so that a long list reads as a few kinds of things to check.
 */

/** What a note is about. */
export type NoteKind =
  'footnotes' | 'headings' | 'paragraphs' | 'lists' | 'masthead' | 'text' | 'other'

/** Notes of one kind, in source order. */
export interface NoteGroup {
  kind: NoteKind
  notes: ImportNote[]
}

/** How much of the structure the importer settled on its own. */
export type ImportConfidence = 'high' | 'medium' | 'low'

const KINDS: Array<[NoteKind, RegExp]> = [
  ['footnotes', /footnote|raised "/i],
  ['masthead', /masthead|above the first chapter/i],
  ['headings', /\b(?:chapter|section|subsection|heading|annex|table of contents)\b/i],
  ['lists', /list item|\blist\b/i],
  ['paragraphs', /paragraph|recommendation/i],
  ['text', /hyphen|label|text/i]
]

/** The kind of one note, read from its message. */
export function noteKind(note: ImportNote): NoteKind {
  return KINDS.find(([, pattern]) => pattern.test(note.message))?.[0] ?? 'other'
}

/** The notes grouped by kind, the largest group first. */
export function groupNotes(notes: readonly ImportNote[]): NoteGroup[] {
  const groups = new Map<NoteKind, ImportNote[]>()
  for (const note of notes) {
    const kind = noteKind(note)
    if (!groups.has(kind)) groups.set(kind, [])
    groups.get(kind)!.push(note)
  }
  return [...groups]
    .map(([kind, grouped]) => ({ kind, notes: grouped }))
    .sort((a, b) => b.notes.length - a.notes.length)
}

/** A confidence level from the notes: few notes, few kinds of doubt, high confidence. */
export function importConfidence(notes: readonly ImportNote[]): ImportConfidence {
  const structural = notes.filter((note) => {
    const kind = noteKind(note)
    return kind === 'headings' || kind === 'paragraphs' || kind === 'footnotes'
  }).length
  if (notes.length <= 3 && structural <= 1) return 'high'
  if (structural <= 8) return 'medium'
  return 'low'
}
