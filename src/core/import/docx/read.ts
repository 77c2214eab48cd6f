import type { Language } from '../../languages'
import type { SourceDocument } from '../source'
import { ImportError } from '../errors'

/** Reads a .docx file into source paragraphs. */
export function readDocxSource(bytes: Uint8Array, language?: Language): SourceDocument {
  void bytes
  void language
  throw new ImportError('not-docx', 'not yet')
}
