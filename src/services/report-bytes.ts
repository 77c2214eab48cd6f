import type { Node } from 'prosemirror-model'
import { jsonTextParts } from '@core/json-parts'
import {
  reportTextParts,
  structureTextParts,
  type Report,
  type StructureWriter
} from '@core/report-file'

/**
 * The UTF-8 bytes of a `.rapporteur` file for a report: the bytes of
 * `serializeReport(report)`, in pieces (see `byte-parts.ts`). Each node of the
 * report's structure (chapter, section, subsection, annex) is encoded once:
 * its pieces are kept while the node lives, and a later save of a document
 * that still has it (ProseMirror keeps unchanged nodes from state to state,
 * and the host keeps the nodes of the last save) reuses them. So a save after
 * an edit encodes the section that changed and what holds it.
 *
 * `edited`: the report was sent as changes to the last save, so a node of the
 * structure written anew is one being edited. The text of each node it holds
 * (a heading, a paragraph) is then kept too, and the next edit there writes
 * only the paragraph that changed. A whole report is written section by
 * section, one `JSON.stringify` each: written paragraph by paragraph, its
 * first save took a third longer.
 */
export function reportByteParts(report: Report, edited = false): Buffer[] {
  return utf8Pieces(reportTextParts(report, edited ? keptWithHeldText : keptStructureBytes))
}

/** The UTF-8 bytes of a `.rapporteur` file for a report, in one buffer. */
export function reportBytes(report: Report): Buffer {
  return Buffer.concat(reportByteParts(report))
}

/**
 * A node's pieces and the indentation they were written at (a node moved
 * deeper is written again). A node's own text is in its own pieces, among
 * those of the nodes of the structure it holds, so no byte is kept twice.
 */
interface KeptPieces {
  indent: string
  pieces: readonly Buffer[]
}

const piecesOfNode = new WeakMap<Node, KeptPieces>()

/** Writes a node of the structure from its kept pieces, or anew, its held nodes as `writeHeld` does. */
function keptBytesWriter(writeHeld?: StructureWriter<string>): StructureWriter<readonly Buffer[]> {
  const write: StructureWriter<readonly Buffer[]> = (node, indent, gap) => {
    const kept = piecesOfNode.get(node)
    if (kept?.indent === indent) return kept.pieces
    const pieces = utf8Pieces(structureTextParts(node, indent, gap, write, writeHeld))
    piecesOfNode.set(node, { indent, pieces })
    return pieces
  }
  return write
}

/** A held node's text and the indentation it was written at. */
interface KeptText {
  indent: string
  text: string
}

const textOfNode = new WeakMap<Node, KeptText>()

/**
 * A node the structure holds (a heading, a paragraph, a table), written once
 * while it lives: a section whose one paragraph changed is written again from
 * its other paragraphs' kept text, one `JSON.stringify` for the changed one.
 * Kept as text, not bytes: a section's are joined and encoded together, so a
 * save hands the file store a few hundred pieces, not one per paragraph.
 */
const keptHeldText: StructureWriter<string> = (node, indent, gap) => {
  const kept = textOfNode.get(node)
  if (kept?.indent === indent) return kept.text
  const text = jsonTextParts(node.toJSON(), gap, 0, indent).join('')
  textOfNode.set(node, { indent, text })
  return text
}

const keptStructureBytes = keptBytesWriter()
const keptWithHeldText = keptBytesWriter(keptHeldText)

/**
 * Characters joined into one string before encoding: each encode is a call
 * into Node that costs about a microsecond whatever its length, and a string
 * this short stays among the young objects V8 allocates cheaply.
 */
const BATCH_CHARACTERS = 16 * 1024

/**
 * `parts` (text, or bytes already encoded, alone or as lists) as UTF-8 pieces:
 * runs of text joined into strings of about `BATCH_CHARACTERS` and encoded,
 * bytes as they are.
 */
export function utf8Pieces(parts: ReadonlyArray<string | Buffer | readonly Buffer[]>): Buffer[] {
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
      if (Buffer.isBuffer(part)) pieces.push(part)
      else for (const piece of part) pieces.push(piece)
      continue
    }
    batch.push(part)
    length += part.length
    if (length >= BATCH_CHARACTERS) flush()
  }
  flush()
  return pieces
}
