import { importPdfLayout, type ImportOptions, type ImportResult } from '../core/import/index'
import { readPdfLayout } from './pdf-reader'

/** Imports a PDF file: its text layout read with pdfjs, then structured by the core importer. */
export async function importPdf(
  bytes: Uint8Array,
  options: ImportOptions = {}
): Promise<ImportResult> {
  return importPdfLayout(await readPdfLayout(bytes), options)
}
