import type { Node } from 'prosemirror-model'
import { reportTextParts, type NodeWriter, type Report } from '@core/report-file'
import { indentedJson } from '@core/json-parts'

/**
 * The UTF-8 bytes of a `.rapporteur` file for a report: the bytes of
 * `serializeReport(report)`, encoded part by part (see `reportTextParts`) so
 * that the whole text is never joined into one string first. A node the
 * report's structure holds (a paragraph, a recommendation, a table...) is
 * encoded once: its bytes are kept while the node lives, and a later save of
 * a document that still has it (ProseMirror keeps unchanged nodes from state
 * to state, and the host keeps the nodes of the last save) copies them.
 */
export function reportBytes(report: Report): Buffer {
  return utf8OfParts(reportTextParts(report, keptNodeBytes))
}

/** A node's bytes and the indentation they were written at (a node moved deeper is written again). */
interface KeptBytes {
  indent: string
  bytes: Buffer
}

const bytesOfNode = new WeakMap<Node, KeptBytes>()

const keptNodeBytes: NodeWriter<Buffer> = (node, indent, gap) => {
  const kept = bytesOfNode.get(node)
  if (kept?.indent === indent) return kept.bytes
  const bytes = Buffer.from(indentedJson(node.toJSON(), indent, gap) as string)
  bytesOfNode.set(node, { indent, bytes })
  return bytes
}

/**
 * Characters joined into one string before encoding: each encode is a call
 * into Node that costs about a microsecond whatever its length, and a string
 * this short stays among the young objects V8 allocates cheaply.
 */
const BATCH_CHARACTERS = 16 * 1024

/**
 * The UTF-8 bytes of the concatenation of `parts` (text, or bytes already
 * encoded), in one buffer of exactly their size.
 */
export function utf8OfParts(parts: ReadonlyArray<string | Uint8Array>): Buffer {
  const pieces: Array<string | Uint8Array> = []
  let batch: string[] = []
  let length = 0
  const flush = (): void => {
    if (batch.length > 0) pieces.push(batch.length === 1 ? batch[0] : batch.join(''))
    batch = []
    length = 0
  }
  for (const part of parts) {
    if (typeof part !== 'string') {
      flush()
      pieces.push(part)
      continue
    }
    batch.push(part)
    length += part.length
    if (length >= BATCH_CHARACTERS) flush()
  }
  flush()
  let size = 0
  for (const piece of pieces)
    size += typeof piece === 'string' ? Buffer.byteLength(piece) : piece.byteLength
  const bytes = Buffer.allocUnsafeSlow(size)
  let offset = 0
  for (const piece of pieces)
    if (typeof piece === 'string') offset += bytes.write(piece, offset)
    else {
      bytes.set(piece, offset)
      offset += piece.byteLength
    }
  return bytes
}
