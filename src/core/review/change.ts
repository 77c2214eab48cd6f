/**
 * The vocabulary of review: who suggested a change and when, as text marks
 * (`insertion`, `deletion`) and as a block attribute (`change`). Pure data and
 * validation, so the schema can use it without depending on the review
 * transforms.
 */

/** What a suggestion on a whole block does. */
export const BLOCK_CHANGE_TYPES = ['insert', 'delete', 'move-from', 'move-to'] as const
/** A block suggestion's kind. */
export type BlockChangeType = (typeof BLOCK_CHANGE_TYPES)[number]

/** Who made a suggestion or comment, and when. */
export interface Authorship {
  /** The author's name as set in Settings ("Ana Ruiz"). */
  author: string
  /** The author's initials ("AR"); may be empty. */
  initials: string
  /** When, as an ISO 8601 instant ("2026-03-04T10:15:00Z"). */
  date: string
}

/** The attributes of an `insertion` or `deletion` mark. */
export interface TextChangeAttrs extends Authorship {
  /** The change's id: the pieces of one suggestion share it. */
  id: string
}

/** The `change` attribute of a block that is a suggestion. */
export interface BlockChange extends TextChangeAttrs {
  type: BlockChangeType
  /** For moves: the id both ends of one move share (the `move-from` copy and the `move-to` block). */
  moveId?: string
}

/**
 * What a suggestion on a paragraph's end does (Word's paragraph-mark
 * revision): `split` — the paragraph was split here, the break after it is
 * new; `join` — the paragraph is to run on into the next textblock.
 */
export const PARAGRAPH_BREAK_TYPES = ['split', 'join'] as const
/** A paragraph-break suggestion's kind. */
export type ParagraphBreakType = (typeof PARAGRAPH_BREAK_TYPES)[number]

/** The `paragraphBreak` attribute of a paragraph whose end is a suggestion. */
export interface ParagraphBreakChange extends TextChangeAttrs {
  type: ParagraphBreakType
}

/**
 * A block's format before a suggested formatting change (Word's "Formatted"):
 * its old type (a numbered paragraph made a plain one, or the reverse) with
 * the id it had, or — for a list item moved in or out — its old nesting level.
 */
export interface FormerFormat {
  /** The block's old node type name ("paragraph", "numbered_paragraph", "list_item"). */
  type: string
  /** A numbered paragraph's old id, so rejecting gives references their target back. */
  id?: string
  /** A list item's old nesting level (0 = outermost). */
  level?: number
}

/** The `formatChange` attribute of a block whose format is a suggestion. */
export interface FormatChange extends TextChangeAttrs {
  was: FormerFormat
}

/** Block types a format suggestion may name as the old format. */
export const FORMAT_TYPES = ['paragraph', 'numbered_paragraph', 'list_item'] as const

/** Longest author name or initials a file may hold; real ones are a few words. */
const MAX_NAME = 200
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Throws a RangeError naming what is wrong with an author, initials and date. */
export function checkAuthorship(value: Record<string, unknown>): void {
  if (typeof value.author !== 'string' || value.author.length > MAX_NAME)
    throw new RangeError(`author must be a name of at most ${MAX_NAME} characters`)
  if (typeof value.initials !== 'string' || value.initials.length > MAX_NAME)
    throw new RangeError('initials must be text')
  if (typeof value.date !== 'string' || !ISO_INSTANT.test(value.date))
    throw new RangeError('date must be an ISO 8601 instant such as 2026-03-04T10:15:00Z')
}

/** Throws a RangeError unless `value` is a change id (non-empty text). */
export function checkChangeId(value: unknown, what = 'change id'): void {
  if (typeof value !== 'string' || value === '' || value.length > MAX_NAME)
    throw new RangeError(`${what} must be non-empty text`)
}

/** Validates a block's `change` attribute: null, or a well-formed suggestion. */
export function checkBlockChange(value: unknown): void {
  if (value === null) return
  if (!isRecord(value)) throw new RangeError('a block change must be null or an object')
  if (!BLOCK_CHANGE_TYPES.includes(value.type as BlockChangeType))
    throw new RangeError(`a block change type must be one of ${BLOCK_CHANGE_TYPES.join(', ')}`)
  checkChangeId(value.id)
  checkAuthorship(value)
  const isMove = value.type === 'move-from' || value.type === 'move-to'
  if (isMove) checkChangeId(value.moveId, 'a move id')
  else if (value.moveId !== undefined) throw new RangeError('only a move has a move id')
}

/** Validates a paragraph's `paragraphBreak` attribute: null, or a well-formed suggestion. */
export function checkParagraphBreak(value: unknown): void {
  if (value === null) return
  if (!isRecord(value)) throw new RangeError('a paragraph break change must be null or an object')
  if (!PARAGRAPH_BREAK_TYPES.includes(value.type as ParagraphBreakType))
    throw new RangeError(
      `a paragraph break change type must be one of ${PARAGRAPH_BREAK_TYPES.join(', ')}`
    )
  checkChangeId(value.id)
  checkAuthorship(value)
}

/** Validates a block's `formatChange` attribute: null, or a well-formed suggestion. */
export function checkFormatChange(value: unknown): void {
  if (value === null) return
  if (!isRecord(value)) throw new RangeError('a format change must be null or an object')
  checkChangeId(value.id)
  checkAuthorship(value)
  const was = value.was
  if (!isRecord(was) || !FORMAT_TYPES.includes(was.type as (typeof FORMAT_TYPES)[number]))
    throw new RangeError(`a format change's old type must be one of ${FORMAT_TYPES.join(', ')}`)
  if (was.id !== undefined) checkChangeId(was.id, "a format change's old id")
  if (was.level !== undefined && !(Number.isInteger(was.level) && (was.level as number) >= 0))
    throw new RangeError("a format change's old list level must be a whole number from 0")
}

/** The attributes `insertion` and `deletion` marks declare, with their checks. */
export const textChangeAttrSpecs = {
  id: { validate: (value: unknown) => checkChangeId(value) },
  author: { validate: 'string' },
  initials: { default: '', validate: 'string' },
  date: {
    validate: (value: unknown) => {
      if (typeof value !== 'string' || !ISO_INSTANT.test(value))
        throw new RangeError('date must be an ISO 8601 instant such as 2026-03-04T10:15:00Z')
    }
  }
}

/** The `change` attribute block nodes declare: null unless the block is a suggestion. */
export const blockChangeAttrSpec = {
  change: { default: null as BlockChange | null, validate: checkBlockChange }
}

/**
 * The `paragraphBreak` attribute paragraphs declare: null unless the break
 * after the paragraph (its end, Word's paragraph mark) is a suggestion.
 */
export const paragraphBreakAttrSpec = {
  paragraphBreak: { default: null as ParagraphBreakChange | null, validate: checkParagraphBreak }
}

/**
 * The `formatChange` attribute paragraphs and list items declare: null unless
 * the block's type or list level is a suggestion.
 */
export const formatChangeAttrSpec = {
  formatChange: { default: null as FormatChange | null, validate: checkFormatChange }
}

/** Whether a block's suggestion takes it out of the Final view (deleted, or the old place of a move). */
export function isRemovalChange(change: BlockChange | null | undefined): boolean {
  return change?.type === 'delete' || change?.type === 'move-from'
}

/** Whether a block's suggestion is new text in the Final view (inserted, or the new place of a move). */
export function isAdditionChange(change: BlockChange | null | undefined): boolean {
  return change?.type === 'insert' || change?.type === 'move-to'
}
