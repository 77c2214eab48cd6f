/**
 * The budgets every importer works within, so that no file, however built,
 * can make an import run without end or take the machine's memory. Each is
 * far above what a real report needs; a file over one is refused with a
 * message that names the budget.
 */
export const IMPORT_BUDGETS = {
  /**
   * Memory the XML parts of a .docx may cost once parsed (bytes, estimated from
   * their size and their count of elements and attributes before parsing: a
   * parsed element costs far more than its text).
   */
  xmlMemoryBytes: 1024 * 1024 * 1024,
  /** Largest start value of a Word list; Word's own dialog stops at 32,767. */
  listStart: 32_767,
  /** Word fields open inside one another at once; Word itself nests a few. */
  openFields: 256
} as const

/** What a parsed XML element costs at most, in bytes (measured with the XML reader in use). */
const BYTES_PER_ELEMENT = 900
/** What a parsed attribute costs at most, in bytes. */
const BYTES_PER_ATTRIBUTE = 260

/**
 * The memory parsing these XML bytes will cost, estimated without parsing:
 * the text twice over (UTF-16 strings), plus each element (`<`) and each
 * attribute (`=`). Linear and cheap; it overestimates, as a budget should.
 */
export function estimatedXmlMemory(bytes: Uint8Array): number {
  let elements = 0
  let attributes = 0
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]
    if (byte === 0x3c) elements++
    else if (byte === 0x3d) attributes++
  }
  return bytes.length * 2 + elements * BYTES_PER_ELEMENT + attributes * BYTES_PER_ATTRIBUTE
}

/** Megabytes for a message: `1,024 MB`. */
export function megabytesText(bytes: number): string {
  return `${Math.ceil(bytes / 1024 / 1024).toLocaleString('en')} MB`
}
