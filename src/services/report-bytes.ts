import type { Node } from 'prosemirror-model'
import { reportTextParts, type NodeWriter, type Report } from '@core/report-file'
import { indentedJson } from '@core/json-parts'

/**
 * The UTF-8 bytes of a `.rapporteur` file for a report: the bytes of
 * `serializeReport(report)`, in pieces (see `byte-parts.ts`). A node the
 * report's structure holds (a paragraph, a recommendation, a table...) is
 * encoded once: its bytes are kept while the node lives, and a later save of
 * a document that still has it (ProseMirror keeps unchanged nodes from state
 * to state, and the host keeps the nodes of the last save) reuses them.
 */
export function reportByteParts(report: Report): Buffer[] {
  return utf8Pieces(reportTextParts(report, keptNodeBytes))
}

/** The UTF-8 bytes of a `.rapporteur` file for a report, in one buffer. */
export function reportBytes(report: Report): Buffer {
  return Buffer.concat(reportByteParts(report))
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
 * `parts` (text, or bytes already encoded) as UTF-8 pieces: runs of text
 * joined into strings of about `BATCH_CHARACTERS` and encoded, bytes as they are.
 */
export function utf8Pieces(parts: ReadonlyArray<string | Buffer>): Buffer[] {
  const pieces: Buffer[] = []
  let batch: string[] = []
  let length = 0
  const flush = (): void => {
    if (batch.length > 0) pieces.push(Buffer.from(batch.length === 1 ? batch[0] : batch.join('')))
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
  return pieces
}
