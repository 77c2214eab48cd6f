/** Why a file could not be imported at all. */
export type ImportErrorCode =
  | 'empty'
  | 'not-text'
  | 'too-large'
  | 'not-docx'
  | 'old-word-format'
  | 'damaged-zip'
  | 'zip-bomb'
  | 'unsafe-xml'
  | 'damaged-xml'
  | 'unreadable'
  | 'protected'

/** A source that cannot be imported, with a message for the user that names the problem. */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'ImportError'
  }
}
