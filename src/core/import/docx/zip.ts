import { unzipSync } from 'fflate'
import { ImportError } from '../errors'

/**
 * Reading the parts of a .docx (a zip archive) without trusting it: the
 * archive's own size claims are checked before anything is inflated, and
 * fflate inflates into a buffer of the claimed size, so an entry cannot grow
 * past its claim (a zip bomb gets refused, not expanded).
 */

/** Limits on what a .docx may hold. */
export const ZIP_LIMITS = {
  /** Largest .docx file accepted. */
  fileBytes: 200 * 1024 * 1024,
  /** Most entries in the archive (a long report has a few dozen). */
  entries: 10_000,
  /** Largest uncompressed size of one part that is read. */
  entryBytes: 128 * 1024 * 1024,
  /** Largest total uncompressed size of the parts read. */
  totalBytes: 256 * 1024 * 1024,
  /** Highest compression ratio of a part bigger than 1 MB (XML compresses ~10–30×). */
  ratio: 200
}

/** Reads the archive entries whose names `wanted` accepts, as bytes. Throws `ImportError`. */
export function readZipEntries(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits = ZIP_LIMITS
): Map<string, Uint8Array> {
  if (bytes.length > limits.fileBytes)
    throw new ImportError(
      'too-large',
      `The file is too large to import (${megabytes(bytes.length)} MB; at most ${megabytes(limits.fileBytes)} MB).`
    )
  let entries = 0
  let total = 0
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        entries += 1
        if (entries > limits.entries)
          throw new ImportError(
            'zip-bomb',
            `The file holds more than ${limits.entries} parts: it is not a Word document Rapporteur can read safely.`
          )
        if (!wanted(file.name)) return false
        if (file.originalSize > limits.entryBytes)
          throw new ImportError(
            'zip-bomb',
            `The part ${file.name} would unpack to ${megabytes(file.originalSize)} MB, more than the ${megabytes(limits.entryBytes)} MB allowed: the file was refused.`
          )
        if (
          file.originalSize > 1024 * 1024 &&
          file.originalSize > Math.max(file.size, 1) * limits.ratio
        )
          throw new ImportError(
            'zip-bomb',
            `The part ${file.name} is compressed more than ${limits.ratio} times, as zip bombs are: the file was refused.`
          )
        total += file.originalSize
        if (total > limits.totalBytes)
          throw new ImportError(
            'zip-bomb',
            `The document's parts would unpack to more than ${megabytes(limits.totalBytes)} MB: the file was refused.`
          )
        if (file.compression !== 0 && file.compression !== 8)
          throw new ImportError(
            'damaged-zip',
            `The part ${file.name} uses a compression method Word does not use (${file.compression}): the file is damaged or not a .docx.`
          )
        return true
      }
    })
  } catch (error) {
    if (error instanceof ImportError) throw error
    throw new ImportError(
      'damaged-zip',
      `The file is damaged: it is not a readable zip archive, as a .docx must be (${(error as Error).message}).`
    )
  }
  return new Map(Object.entries(files))
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)
}
