import fc from 'fast-check'
import { LANGUAGES } from '../../../src/core/languages'
import { DISTRIBUTIONS, type ReportMeta } from '../../../src/core/meta'
import { DRAFTING_STATUSES, LIST_KINDS, schema } from '../../../src/core/schema'
import { CURRENT_VERSION, FORMAT, reportToJSON } from '../../../src/core/report-file'
import { newReport } from '../../../src/core/template'
import { generateReport } from '../../../bench/generate'

/**
 * Generators for the loader fuzz suites: valid report files of every shape
 * the schema allows (so mutations start from something real), the fixed seed
 * files, and hostile values (wrong types, prototype keys, huge strings).
 */

/** A JSON object as read from a file. */
export type JsonObject = { [key: string]: unknown }

/** Every node type and mark type name in the schema. */
export const NODE_NAMES = Object.keys(schema.nodes)
export const MARK_NAMES = Object.keys(schema.marks)

/** Names that are not node or mark types but look tempting to a loader that indexes objects. */
export const HOSTILE_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  'Doc',
  'PARAGRAPH',
  'text ',
  'paragraph\u0000'
]

/** Values of every JSON type (and a few edge values), for "wrong type here" cases. */
export const WRONG_TYPE_VALUES: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  '',
  'x',
  [],
  [null],
  {},
  { type: 'text' }
]

const shortText = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 })
const plainText = fc.string({ minLength: 0, maxLength: 30 })
const idAttr = fc.oneof(fc.constant(null), fc.string({ minLength: 1, maxLength: 10 }))
const symbol = fc.constantFrom('A/78/1', 'CTOC/COP/WG.4/2019/L.1', 'E/CN.15/2024/2')

/** A set of marks the schema allows together, in the schema's order, or no `marks` at all. */
const markSet = fc
  .record({
    bold: fc.boolean(),
    italic: fc.boolean(),
    linkLike: fc.constantFrom('none', 'link', 'symbol'),
    bracketed: fc.boolean(),
    href: fc.constantFrom('https://www.un.org', 'mailto:a@b.org', 'javascript:alert(1)', ''),
    symbol
  })
  .map((m) => {
    const marks: JsonObject[] = []
    if (m.bold) marks.push({ type: 'bold' })
    if (m.italic) marks.push({ type: 'italic' })
    if (m.linkLike === 'link') marks.push({ type: 'link', attrs: { href: m.href } })
    if (m.linkLike === 'symbol') marks.push({ type: 'doc_symbol', attrs: { symbol: m.symbol } })
    if (m.bracketed) marks.push({ type: 'bracketed' })
    return marks
  })

function withMarks(node: JsonObject, marks: JsonObject[]): JsonObject {
  return marks.length ? { ...node, marks } : node
}

const textNode = fc
  .tuple(shortText, markSet)
  .map(([text, marks]) => withMarks({ type: 'text', text }, marks))
const headingText = fc
  .tuple(shortText, fc.boolean())
  .map(([text, bracketed]) =>
    bracketed ? { type: 'text', text, marks: [{ type: 'bracketed' }] } : { type: 'text', text }
  )
const hardBreak = markSet.map((marks) => withMarks({ type: 'hard_break' }, marks))
const crossReference = fc
  .string({ minLength: 0, maxLength: 10 })
  .map((target) => ({ type: 'cross_reference', attrs: { target } }))

/** The tree generators: every node type, nested as the schema allows, kept small per case. */
const tree = fc.letrec((tie) => ({
  inline: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'inline' },
    textNode,
    textNode,
    hardBreak,
    crossReference,
    tie('footnote')
  ),
  footnote: fc.record({
    type: fc.constant('footnote'),
    attrs: fc.record({ id: idAttr }),
    content: fc.array(tie('paragraph'), { minLength: 1, maxLength: 2 })
  }),
  paragraph: fc.record({
    type: fc.constant('paragraph'),
    content: fc.array(tie('inline'), { maxLength: 4, depthIdentifier: 'inline' })
  }),
  numbered_paragraph: fc.record({
    type: fc.constant('numbered_paragraph'),
    attrs: fc.record({ id: idAttr }),
    content: fc.array(tie('inline'), { maxLength: 5, depthIdentifier: 'inline' })
  }),
  ordered_list: fc.record({
    type: fc.constant('ordered_list'),
    attrs: fc.record({ kind: fc.constantFrom(...LIST_KINDS) }),
    content: fc.array(tie('list_item'), { minLength: 1, maxLength: 3 })
  }),
  list_item: fc
    .tuple(
      idAttr,
      tie('paragraph'),
      fc.oneof({ maxDepth: 2, depthIdentifier: 'list' }, fc.constant(null), tie('ordered_list'))
    )
    .map(([id, paragraph, nested]) => ({
      type: 'list_item',
      attrs: { id },
      content: nested ? [paragraph, nested] : [paragraph]
    })),
  recommendation: fc.record({
    type: fc.constant('recommendation'),
    attrs: fc.record({ id: idAttr }),
    content: fc.array(fc.oneof(tie('paragraph'), tie('ordered_list')), {
      minLength: 1,
      maxLength: 3
    })
  }),
  body: fc.oneof(
    tie('numbered_paragraph'),
    tie('paragraph'),
    tie('recommendation'),
    tie('ordered_list')
  ),
  heading: fc.record({
    type: fc.constant('heading'),
    content: fc.array(headingText, { maxLength: 2 })
  })
}))

function container(type: string, inner: fc.Arbitrary<unknown> | null, maxInner: number) {
  return fc
    .tuple(
      idAttr,
      fc.constantFrom(...DRAFTING_STATUSES),
      tree.heading,
      fc.array(tree.body, { maxLength: 4 }),
      inner ? fc.array(inner, { maxLength: maxInner }) : fc.constant([])
    )
    .map(([id, status, heading, body, children]) => ({
      type,
      attrs: { id, status },
      content: [heading, ...body, ...children]
    }))
}

const subsection = container('subsection', null, 0)
const section = container('section', subsection, 2)
const chapter = container('chapter', section, 2)

/** A valid document JSON: any mix of the schema's nodes, marks and attributes. */
export const validDocJson = fc
  .array(chapter, { minLength: 1, maxLength: 3 })
  .map((content) => ({ type: 'doc', content }))

/** Valid report metadata in any language and setting. */
export const validMeta: fc.Arbitrary<ReportMeta> = fc.record({
  language: fc.constantFrom(...LANGUAGES),
  masthead: fc.record({
    symbol: fc.oneof(fc.constant(''), symbol),
    distribution: fc.constantFrom(...DISTRIBUTIONS),
    date: fc.constantFrom('', '2024-06-04', '1999-12-31'),
    originalLanguage: plainText,
    parentBody: plainText,
    subsidiaryBody: plainText,
    session: plainText,
    meeting: plainText,
    agendaItem: plainText,
    title: plainText,
    jobNumber: plainText
  }),
  settings: fc.record({
    recommendationStyle: fc.constantFrom('block', 'paragraph'),
    wordLimit: fc.integer({ min: 1, max: 1_000_000 })
  })
})

/** A valid `.rapporteur` file's JSON. */
export const validReportJson = fc.record({
  format: fc.constant(FORMAT),
  version: fc.constant(CURRENT_VERSION),
  meta: validMeta,
  doc: validDocJson
})

/** A richer hand-built report than the template: every node type and mark at least once. */
function richReportJson(): JsonObject {
  const json = reportToJSON(newReport('fr')) as unknown as JsonObject
  const doc = json.doc as { content: JsonObject[] }
  const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
  const item = (id: string, text: string, nested?: JsonObject) => ({
    type: 'list_item',
    attrs: { id },
    content: nested ? [p(text), nested] : [p(text)]
  })
  doc.content[1].content = [
    ...(doc.content[1].content as JsonObject[]),
    {
      type: 'numbered_paragraph',
      attrs: { id: 'para-1' },
      content: [
        { type: 'text', text: 'Le Groupe de travail ', marks: [{ type: 'bold' }] },
        {
          type: 'text',
          text: 'CTOC/COP/WG.7/2024/2',
          marks: [{ type: 'doc_symbol', attrs: { symbol: 'CTOC/COP/WG.7/2024/2' } }]
        },
        { type: 'hard_break' },
        { type: 'text', text: '[à confirmer]', marks: [{ type: 'italic' }, { type: 'bracketed' }] },
        { type: 'footnote', attrs: { id: 'fn-1' }, content: [p('Voir https://www.unodc.org.')] },
        {
          type: 'text',
          text: ' site',
          marks: [{ type: 'link', attrs: { href: 'https://www.un.org' } }]
        }
      ]
    },
    {
      type: 'recommendation',
      attrs: { id: 'rec-1' },
      content: [
        p('Les États parties devraient :'),
        {
          type: 'ordered_list',
          attrs: { kind: 'subparagraph' },
          content: [
            item('li-1', 'renforcer', {
              type: 'ordered_list',
              attrs: { kind: 'subparagraph' },
              content: [item('li-2', 'la coopération')]
            }),
            item('li-3', 'former')
          ]
        }
      ]
    },
    {
      type: 'numbered_paragraph',
      attrs: { id: 'para-2' },
      content: [
        { type: 'text', text: 'Voir le paragraphe ' },
        { type: 'cross_reference', attrs: { target: 'para-1' } },
        { type: 'text', text: ' et la recommandation ' },
        { type: 'cross_reference', attrs: { target: 'rec-1' } }
      ]
    },
    {
      type: 'ordered_list',
      attrs: { kind: 'agenda' },
      content: [
        item('ag-1', 'Ouverture de la réunion'),
        item('ag-2', 'Adoption de l’ordre du jour')
      ]
    }
  ]
  const sections = doc.content[3].content as JsonObject[]
  sections[1].content = [
    ...(sections[1].content as JsonObject[]),
    {
      type: 'subsection',
      attrs: { id: 'sub-1', status: 'agreed' },
      content: [{ type: 'heading', content: [{ type: 'text', text: 'Déclarations' }] }, p('Texte.')]
    }
  ]
  return json
}

/** The real files mutations start from: the template in every language, a small generated report, a rich one. */
export function seedFiles(): JsonObject[] {
  const small = generateReport({
    sections: 4,
    paragraphs: 12,
    recommendations: 3,
    footnotes: 4,
    wordsPerParagraph: 16
  })
  return [
    ...LANGUAGES.map((language) => reportToJSON(newReport(language)) as unknown as JsonObject),
    reportToJSON(small) as unknown as JsonObject,
    richReportJson()
  ]
}
