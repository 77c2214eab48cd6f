import { checkLoad, expectLoaded, expectRefused, MAX_MESSAGE_LENGTH } from './support/oracle'
import { seedFiles, WRONG_TYPE_VALUES, type JsonObject } from './support/arbitraries'
import { defineKey, jsonPaths, type JsonPath } from './support/mutate'
import { MAX_NODE_DEPTH, reportToJSON } from '../../src/core/report-file'
import { newReport } from '../../src/core/template'

/**
 * The edges the random suites rarely reach, tried exhaustively: a wrong
 * type, a deletion and a `__proto__` key at every place of real files;
 * nesting at, just past and far past the limit; strings of many megabytes;
 * prototype pollution; and the loader bugs fuzzing found, kept as regressions.
 */

function template(): JsonObject {
  return reportToJSON(newReport('en')) as unknown as JsonObject
}

function text(json: unknown): string {
  return JSON.stringify(json)
}

/** A template file with `blocks` appended to the first chapter. */
function withBlocks(...blocks: unknown[]): string {
  const json = template()
  const chapter = (json.doc as { content: { content: unknown[] }[] }).content[0]
  chapter.content.push(...blocks)
  return text(json)
}

function parentOf(root: unknown, path: JsonPath): Record<string | number, unknown> {
  let value = root
  for (const key of path.slice(0, -1)) value = (value as Record<string | number, unknown>)[key]
  return value as Record<string | number, unknown>
}

/** Loads copies of `seed` with `damage` applied at each place; returns how many cases ran. */
function atEveryPlace(
  seed: JsonObject,
  damage: (parent: Record<string | number, unknown>, key: string | number) => void
): number {
  const seedText = text(seed)
  const paths = jsonPaths(seed).slice(1)
  for (const path of paths) {
    const copy = JSON.parse(seedText) as JsonObject
    damage(parentOf(copy, path), path[path.length - 1])
    checkLoad(text(copy))
  }
  return paths.length
}

const SEEDS = seedFiles()
// The English template, the generated report and the rich one: every node type and mark.
const EXHAUSTIVE_SEEDS = [SEEDS[0], ...SEEDS.slice(-2)]

describe('loader edges: damage at every place of real files', () => {
  it('loads soundly or refuses clearly with a wrong type at any place', () => {
    let cases = 0
    for (const seed of EXHAUSTIVE_SEEDS)
      for (const value of WRONG_TYPE_VALUES)
        cases += atEveryPlace(seed, (parent, key) => defineKey(parent, key, value))
    expect(cases).toBeGreaterThan(1000)
  }, 180_000)

  it('loads soundly or refuses clearly with any one value removed', () => {
    for (const seed of EXHAUSTIVE_SEEDS)
      atEveryPlace(seed, (parent, key) => {
        if (Array.isArray(parent)) parent.splice(key as number, 1)
        else delete parent[key]
      })
  }, 180_000)

  it('ignores "__proto__", "constructor" and "prototype" keys at any place, polluting nothing', () => {
    for (const poison of ['__proto__', 'constructor', 'prototype'])
      atEveryPlace(SEEDS[0], (parent, key) => {
        const target =
          parent[key] !== null && typeof parent[key] === 'object' ? parent[key] : parent
        defineKey(target as object, poison, { polluted: true, type: 'doc', language: 'zh' })
      })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  }, 180_000)
})

describe('loader edges: prototype pollution', () => {
  it('reads only the known fields of a file full of "__proto__" keys', () => {
    const json = template()
    const poison = { polluted: true, language: 'zh', symbol: 'X/1' }
    defineKey(json, '__proto__', poison)
    defineKey(json.meta as object, '__proto__', poison)
    defineKey((json.meta as JsonObject).masthead as object, '__proto__', poison)
    defineKey(json.doc as JsonObject, '__proto__', poison)
    const report = expectLoaded(text(json))
    expect(Object.keys(report.meta).sort()).toEqual(['language', 'masthead', 'settings'])
    expect(report.meta.language).toBe('en')
    expect(Object.getPrototypeOf(report.meta)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses node and mark types named after Object.prototype members', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expectRefused(withBlocks({ type: name }), 'invalid-content')
      const marked = {
        type: 'paragraph',
        content: [{ type: 'text', text: 'x', marks: [{ type: name }] }]
      }
      expect(expectRefused(withBlocks(marked), 'invalid-content').message).toMatch(
        /unknown mark type/
      )
    }
  })
})

describe('loader edges: nesting', () => {
  /** A numbered paragraph holding `pairs` footnotes each inside the last one's paragraph. */
  function footnoteChain(pairs: number, innermostText: boolean): unknown {
    let inner: unknown = {
      type: 'paragraph',
      content: innermostText ? [{ type: 'text', text: 'deep' }] : []
    }
    for (let i = 1; i < pairs; i++)
      inner = {
        type: 'paragraph',
        content: [{ type: 'footnote', attrs: { id: null }, content: [inner] }]
      }
    return { type: 'numbered_paragraph', content: [{ type: 'footnote', content: [inner] }] }
  }

  it(`loads content nested exactly ${MAX_NODE_DEPTH} deep and refuses one level more`, () => {
    // doc 0, chapter 1, numbered paragraph 2, then footnote and paragraph pairs: the last paragraph is at 64.
    const pairs = (MAX_NODE_DEPTH - 2) / 2
    expectLoaded(withBlocks(footnoteChain(pairs, false)))
    const error = expectRefused(withBlocks(footnoteChain(pairs, true)), 'invalid-content')
    expect(error.message).toContain(`nested more than ${MAX_NODE_DEPTH} deep`)
  })

  it('refuses lists nested thousands deep, naming the limit', () => {
    // Built as text: JSON.stringify itself would overflow the stack on this.
    const levels = 5000
    const open =
      '{"type":"ordered_list","content":[{"type":"list_item","content":[{"type":"paragraph"},'
    const list = open.repeat(levels) + '{"type":"paragraph"}' + ']}]}'.repeat(levels)
    const file = text(template()).replace(
      '"content":[{"type":"heading"',
      `"content":[${list},{"type":"heading"`
    )
    const error = expectRefused(file, 'invalid-content')
    expect(error.message).toContain(`nested more than ${MAX_NODE_DEPTH} deep`)
  })

  it('never crashes on JSON nested a million deep, anywhere in the file', () => {
    const depth = 1_000_000
    const arrays = '['.repeat(depth) + ']'.repeat(depth)
    const objects = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
    const base = text(template())
    for (const deep of [arrays, objects]) {
      checkLoad(deep)
      checkLoad(base.replace('"meta":', `"meta":${deep},"x":`))
      checkLoad(base.replace('"doc":', `"doc":${deep},"x":`))
      checkLoad(base.replace('"attrs":', `"attrs":${deep},"x":`))
      // An unknown field is ignored, however deep: the report itself is sound.
      checkLoad(base.replace('{', `{"extra":${deep},`))
    }
  }, 120_000)
})

describe('loader edges: huge strings', () => {
  const HUGE = 'Lorem ipsum dolor sit amet, ünïcödé 中文 نص. '.repeat(500_000) // about 20 MB

  it('loads a paragraph of twenty megabytes and saves it back whole', () => {
    const report = expectLoaded(
      withBlocks({ type: 'numbered_paragraph', content: [{ type: 'text', text: HUGE }] })
    )
    let found = false
    report.doc.descendants((node) => {
      if (node.isText && node.text === HUGE) found = true
    })
    expect(found).toBe(true)
  }, 120_000)

  it('refuses a twenty-megabyte node type, mark type or title with a short message', () => {
    const cases = [
      withBlocks({ type: HUGE }),
      withBlocks({
        type: 'paragraph',
        content: [{ type: 'text', text: 'x', marks: [{ type: HUGE }] }]
      }),
      (() => {
        const json = template()
        ;((json.meta as JsonObject).masthead as JsonObject).title = HUGE
        return text(json)
      })()
    ]
    for (const file of cases) {
      const error = expectRefused(file)
      expect(error.message.length).toBeLessThan(MAX_MESSAGE_LENGTH)
    }
  }, 120_000)

  it('loads megabyte ids, link targets and reference targets', () => {
    const big = 'k'.repeat(1_000_000)
    expectLoaded(
      withBlocks({
        type: 'numbered_paragraph',
        attrs: { id: big },
        content: [
          { type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: big } }] },
          { type: 'cross_reference', attrs: { target: big } }
        ]
      })
    )
  }, 120_000)
})

describe('loader regressions found by fuzzing', () => {
  const para = (marks: unknown[]) => ({
    type: 'numbered_paragraph',
    content: [{ type: 'text', text: 'x', marks }]
  })

  it('refuses a repeated mark instead of loading a document ProseMirror rejects', () => {
    const error = expectRefused(
      withBlocks(para([{ type: 'bold' }, { type: 'bold' }])),
      'invalid-content'
    )
    expect(error.message).toMatch(/marks \[bold, bold\] cannot be combined/)
    expect(error.path).toBe('doc.content[0].content[1].content[0]')
  })

  it('refuses a link on a document symbol (the marks exclude each other)', () => {
    const marks = [
      { type: 'link', attrs: { href: 'https://un.org' } },
      { type: 'doc_symbol', attrs: { symbol: 'A/1' } }
    ]
    expect(expectRefused(withBlocks(para(marks)), 'invalid-content').message).toMatch(
      /cannot be combined/
    )
  })

  it('refuses marks on the document itself', () => {
    const json = template()
    ;(json.doc as JsonObject).marks = [{ type: 'bold' }]
    expect(expectRefused(text(json), 'invalid-content').message).toMatch(
      /top node cannot carry marks/
    )
  })

  it('blames a disallowed mark, not the content, when a heading is bold', () => {
    const json = template()
    const heading = (json.doc as { content: { content: { content: JsonObject[] }[] }[] }).content[0]
      .content[0]
    heading.content[0].marks = [{ type: 'bold' }]
    expect(expectRefused(text(json), 'invalid-content').message).toMatch(
      /mark "bold" is not allowed in heading/
    )
  })

  it('says an attribute is missing rather than "undefined"', () => {
    const error = expectRefused(
      withBlocks({ type: 'paragraph', content: [{ type: 'cross_reference' }] }),
      'invalid-content'
    )
    expect(error.message).toMatch(/needs the attribute "target"/)
  })

  it('says a masthead field is missing rather than "received undefined"', () => {
    const json = template()
    delete ((json.meta as JsonObject).masthead as JsonObject).title
    const error = expectRefused(text(json), 'invalid-meta')
    expect(error.message).toBe('Invalid report metadata at meta.masthead.title: it is missing.')
  })

  it('tells a damaged version number from a file that is not a report', () => {
    const json = template()
    json.version = 'one'
    expect(expectRefused(text(json), 'not-rapporteur').message).toMatch(
      /version is not a positive whole number/
    )
    expect(expectRefused(text({ hello: 'world' }), 'not-rapporteur').message).toMatch(
      /not a Rapporteur report/
    )
  })

  it('reads a file that starts with a byte-order mark', () => {
    expectLoaded('\uFEFF' + text(template()))
  })
})
