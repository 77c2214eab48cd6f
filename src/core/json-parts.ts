/**
 * `JSON.stringify(value, null, gap)` as a list of strings whose concatenation
 * is that text, character for character. The containers nearest the top are
 * written here and everything below `splitDepth` by `JSON.stringify` itself,
 * one part each.
 *
 * Why: V8 builds a long `JSON.stringify` result out of many pieces and joins
 * them into one flat string the first time it is read whole (to encode it as
 * UTF-8, say). For a report of megabytes that join is a fresh allocation of
 * twice the text's length (a report with any non-Latin-1 character is held
 * two bytes a character), which costs as much as the stringify itself. Each
 * part is a small fraction of the whole, so they can be encoded one by one.
 *
 * One difference from a single `JSON.stringify`: a `toJSON` below the top is
 * handed the key "0" rather than its member's name (dates and ProseMirror
 * nodes ignore it; the report's JSON has none).
 *
 * A `SelfWrittenJson` down to the split depth gives its own part (of type `P`),
 * written for the indentation it stands at: a caller keeps there the text, or
 * the bytes, of what has not changed since it last wrote the same value.
 */
export function jsonTextParts<P = never>(
  value: unknown,
  gap: string,
  splitDepth: number,
  /** Where `value` stands: its lines after the first indented by this many gaps. */
  indent = ''
): Array<string | P> {
  const parts: Array<string | P> = []
  // JSON.stringify uses at most ten characters of gap, and writes no line breaks without one.
  const indentation = gap.slice(0, 10)
  const whole = appendParts(value, indent, indentation, indentation ? splitDepth : 0, parts)
  // Like JSON.stringify, nothing to write for a value JSON has no text for (undefined, a function).
  return whole ? parts : []
}

/** Appends `value`'s text (indented as if it stood at `indent`); false when JSON would omit it. */
function appendParts<P>(
  value: unknown,
  indent: string,
  gap: string,
  depth: number,
  parts: Array<string | P>
): boolean {
  if (value instanceof SelfWrittenJson) {
    parts.push((value as SelfWrittenJson<P>).writeAt(indent, gap))
    return true
  }
  if (depth <= 0 || !isPlainContainer(value)) {
    const text = indentedJson(value, indent, gap)
    if (text === undefined) return false
    parts.push(text)
    return true
  }
  const inner = indent + gap
  if (Array.isArray(value)) {
    if (value.length === 0) {
      parts.push('[]')
      return true
    }
    parts.push(`[\n${inner}`)
    for (let index = 0; index < value.length; index++) {
      if (index > 0) parts.push(`,\n${inner}`)
      // An element JSON has no text for (or a hole) is written as null, as JSON.stringify does.
      if (!appendParts(value[index], inner, gap, depth - 1, parts)) parts.push('null')
    }
    parts.push(`\n${indent}]`)
    return true
  }
  const opening = parts.length
  parts.push(`{\n${inner}`)
  let members = 0
  for (const [key, member] of Object.entries(value)) {
    const before = parts.length
    parts.push(`${members > 0 ? `,\n${inner}` : ''}${JSON.stringify(key)}: `)
    if (appendParts(member, inner, gap, depth - 1, parts)) members++
    else parts.length = before
  }
  if (members === 0) {
    parts.length = opening
    parts.push('{}')
  } else parts.push(`\n${indent}}`)
  return true
}

/**
 * A value that writes its own JSON text in `jsonTextParts`, as one part: the
 * text `JSON.stringify` would write for it at that indentation (see
 * `indentedJson`), or something that stands for that text, such as its bytes.
 */
export abstract class SelfWrittenJson<P> {
  /** The part standing for this value's text, its lines after the first indented by `indent`. */
  abstract writeAt(indent: string, gap: string): P

  /** Inside a value written whole, `JSON.stringify` would meet it: a caller's mistake, said at once. */
  toJSON(): never {
    throw new Error('A self-written JSON value stands inside a value JSON.stringify writes whole.')
  }
}

/**
 * `JSON.stringify(value, null, gap)` with every line after the first indented
 * by `indent` (a whole number of gaps), as it stands inside its container:
 * written by JSON.stringify nested in as many one-element lists, whose own
 * lines are then cut off (one pass in V8, no copy to re-indent).
 */
function indentedJson(value: unknown, indent: string, gap: string): string | undefined {
  if (indent === '') return JSON.stringify(value, null, gap) as string | undefined
  const levels = indent.length / gap.length
  let wrapped: unknown = value
  for (let level = 0; level < levels; level++) wrapped = [wrapped]
  const text = JSON.stringify(wrapped, null, gap)
  // Each level adds "[\n" and its indent before, "\n", its indent and "]" after.
  let before = 0
  for (let level = 1; level <= levels; level++) before += 2 + level * gap.length
  const after = before - indent.length
  const inner = text.slice(before, text.length - after)
  // A value JSON has no text for comes out as null in a list; alone it has none.
  return inner === 'null' && JSON.stringify(value) === undefined ? undefined : inner
}

/** An array or a plain object without `toJSON`: the only values written here rather than by JSON. */
function isPlainContainer(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false
  if (Array.isArray(value)) return true
  const prototype = Object.getPrototypeOf(value) as unknown
  return prototype === Object.prototype || prototype === null
}
