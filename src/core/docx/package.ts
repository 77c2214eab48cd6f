import { Packer, type Document } from 'docx'
import { strToU8, zipSync } from 'fflate'

/**
 * The .docx package as a map of parts between building and zipping, so the
 * export can finish parts the `docx` library writes differently from Word
 * (see `word-parts.ts`), merge a house template's parts and add parts of its
 * own before the one zip pass.
 */

/** The parts of a .docx package by path (`word/styles.xml`): XML as text, media as bytes. */
export type PackageParts = Map<string, string | Uint8Array>

/** The part of `docx` that turns a document into its parts (its `Packer` keeps one). */
interface PartCompiler {
  compile(document: Document, prettify: undefined, overrides: []): PackageParts
}

/** The parts of a built document, unzipped: the `docx` library's own compiler, without its zip pass. */
export function compileParts(document: Document): PackageParts {
  const compiler = (Packer as unknown as { compiler?: PartCompiler }).compiler
  if (typeof compiler?.compile !== 'function')
    throw new Error('this version of the docx library has no part compiler (Packer.compiler)')
  return compiler.compile(document, undefined, [])
}

/** The XML text of part `path`, or null when the package has no such part. */
export function partText(parts: PackageParts, path: string): string | null {
  const part = parts.get(path)
  if (part === undefined) return null
  if (typeof part !== 'string') throw new Error(`${path} is not an XML part`)
  return part
}

/** Rewrites the XML of part `path` with `edit`, when the package has it. */
export function editPart(parts: PackageParts, path: string, edit: (xml: string) => string): void {
  const xml = partText(parts, path)
  if (xml !== null) parts.set(path, edit(xml))
}

/** The .docx file of the parts: one zip, `[Content_Types].xml` first as Word writes it. */
export function zipParts(parts: PackageParts): Uint8Array {
  const files: Record<string, Uint8Array> = {}
  const ordered = [...parts.keys()].sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0
  )
  for (const path of ordered) {
    const data = parts.get(path)!
    files[path] = typeof data === 'string' ? strToU8(data) : data
  }
  return zipSync(files)
}
