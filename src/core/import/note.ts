/** Something an importer was unsure about. */
export interface ImportNote {
  /** 1-based line (text import) or paragraph (Word import) of the source. */
  line: number
  message: string
  /** Id of the node the note is about, when there is one, so the editor can jump to it. */
  targetId?: string
}
