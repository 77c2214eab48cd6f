import { reportTextParts, type Report } from '@core/report-file'

/**
 * The UTF-8 bytes of a `.rapporteur` file for a report: the bytes of
 * `serializeReport(report)`, encoded part by part (see `jsonTextParts`) so
 * that the whole text is never joined into one string first.
 */
export function reportBytes(report: Report): Buffer {
  return utf8OfParts(reportTextParts(report))
}

/**
 * Characters joined into one string before encoding: each encode is a call
 * into Node that costs about a microsecond whatever its length, and a string
 * this short stays among the young objects V8 allocates cheaply.
 */
const BATCH_CHARACTERS = 16 * 1024

/** The UTF-8 bytes of the concatenation of `parts`, in one buffer of exactly their size. */
export function utf8OfParts(parts: readonly string[]): Buffer {
  const batches: string[] = []
  let start = 0
  let length = 0
  for (let index = 0; index < parts.length; index++) {
    length += parts[index].length
    if (length >= BATCH_CHARACTERS || index === parts.length - 1) {
      batches.push(start === index ? parts[index] : parts.slice(start, index + 1).join(''))
      start = index + 1
      length = 0
    }
  }
  let size = 0
  for (const batch of batches) size += Buffer.byteLength(batch)
  const bytes = Buffer.allocUnsafeSlow(size)
  let offset = 0
  for (const batch of batches) offset += bytes.write(batch, offset)
  return bytes
}
