import fc from 'fast-check'
import {
  HOSTILE_NAMES,
  MARK_NAMES,
  NODE_NAMES,
  WRONG_TYPE_VALUES,
  type JsonObject
} from './arbitraries'

/**
 * Structure-aware damage to a report's JSON: pick a place in the tree and
 * replace, delete, duplicate, deepen, retype or poison it. Each mutation is a
 * plain value that fast-check generates and shrinks, applied to a deep copy.
 */

/** A place in a JSON tree: the keys and indexes from the root. */
export type JsonPath = Array<string | number>

/** Every place in a JSON value, root first. */
export function jsonPaths(value: unknown, prefix: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  out.push(prefix)
  if (Array.isArray(value)) value.forEach((child, i) => jsonPaths(child, [...prefix, i], out))
  else if (value !== null && typeof value === 'object')
    for (const key of Object.keys(value))
      jsonPaths((value as JsonObject)[key], [...prefix, key], out)
  return out
}

function getAt(root: unknown, path: JsonPath): unknown {
  let value = root
  for (const key of path) value = (value as Record<string | number, unknown>)[key]
  return value
}

/**
 * Sets an own, enumerable property, even for `__proto__` (plain assignment
 * would change the object's prototype instead of adding a key, which is not
 * what a file on disk can do).
 */
export function defineKey(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true
  })
}

/** Kinds of damage. */
export const MUTATION_KINDS = [
  'replace',
  'wrong-type',
  'delete',
  'duplicate',
  'prototype-key',
  'huge-string',
  'rename-type',
  'deepen',
  'bad-attrs',
  'bad-marks'
] as const

/** One piece of damage: what, where (an index into the tree's places, wrapped) and with what. */
export interface Mutation {
  kind: (typeof MUTATION_KINDS)[number]
  where: number
  value: unknown
  name: string
  depth: number
}

const names = fc.constantFrom(...NODE_NAMES, ...MARK_NAMES, ...HOSTILE_NAMES)
const attrKeys = fc.constantFrom(
  'id',
  'status',
  'kind',
  'target',
  'href',
  'symbol',
  '__proto__',
  'constructor'
)
const attrValue = fc.oneof(fc.constantFrom(...WRONG_TYPE_VALUES), fc.jsonValue({ maxDepth: 2 }))

/** Attribute objects with hostile keys and values. */
const badAttrs = fc.array(fc.tuple(attrKeys, attrValue), { maxLength: 4 }).map((entries) => {
  const attrs = {}
  for (const [key, value] of entries) defineKey(attrs, key, value)
  return attrs
})

/** Mark lists with unknown types, missing or hostile attributes, repeats and exclusive pairs. */
const badMarks = fc.array(
  fc.record(
    { type: names, attrs: fc.option(badAttrs, { nil: undefined }) },
    { requiredKeys: ['type'] }
  ),
  { minLength: 1, maxLength: 4 }
)

/** A generator of one mutation. */
export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...MUTATION_KINDS),
  where: fc.nat(),
  value: fc.oneof(
    fc.constantFrom(...WRONG_TYPE_VALUES),
    fc.jsonValue({ maxDepth: 3 }),
    badAttrs,
    badMarks
  ),
  name: names,
  depth: fc.integer({ min: 1, max: 200 })
})

/** Huge strings: long runs of ASCII, of astral characters, of quotes and backslashes. */
function hugeString(seed: number): string {
  const pieces = ['x', '\u{1F600}', '"\\', 'نص', '\u0000']
  return pieces[seed % pieces.length].repeat(100_000 + (seed % 1000))
}

/** A fresh copy of a generated value: fast-check reuses values, and a later mutation must not edit them. */
function copy(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value))
}

/** Applies one mutation to `root` in place (the root itself is never replaced). */
export function applyMutation(root: JsonObject, original: Mutation): void {
  const m = { ...original, value: copy(original.value) }
  const paths = jsonPaths(root).slice(1)
  if (paths.length === 0) return
  const path = paths[m.where % paths.length]
  const key = path[path.length - 1]
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>
  const current = parent[key]
  switch (m.kind) {
    case 'replace':
      defineKey(parent, key, m.value)
      break
    case 'wrong-type':
      // A copy: the table's objects are shared, and a later mutation must not edit (or nest) them.
      defineKey(parent, key, copy(WRONG_TYPE_VALUES[m.where % WRONG_TYPE_VALUES.length]))
      break
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1)
      else delete parent[key]
      break
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(key as number, 0, copy(current))
      else defineKey(parent, key, [current, copy(current)])
      break
    case 'prototype-key': {
      // Poison the nearest object: the file says `"__proto__": {...}` (or constructor/prototype).
      const target = current !== null && typeof current === 'object' ? current : parent
      const poison = ['__proto__', 'constructor', 'prototype'][m.where % 3]
      defineKey(target, poison, { polluted: true, type: m.name, toString: m.value })
      break
    }
    case 'huge-string':
      defineKey(parent, key, hugeString(m.where))
      break
    case 'rename-type':
      if (current !== null && typeof current === 'object' && !Array.isArray(current))
        defineKey(current, 'type', m.name)
      else defineKey(parent, key, m.name)
      break
    case 'deepen': {
      let nested: unknown = current
      const wrapper = m.where % 2 === 0 ? m.name : null
      for (let i = 0; i < m.depth; i++)
        nested = wrapper === null ? [nested] : { type: wrapper, content: [nested] }
      defineKey(parent, key, nested)
      break
    }
    case 'bad-attrs':
    case 'bad-marks': {
      const target =
        current !== null && typeof current === 'object' && !Array.isArray(current)
          ? current
          : parent
      if (Array.isArray(target)) defineKey(parent, key, m.value)
      else defineKey(target, m.kind === 'bad-attrs' ? 'attrs' : 'marks', m.value)
      break
    }
  }
}
