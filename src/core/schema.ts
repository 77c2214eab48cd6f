import { Schema, type DOMOutputSpec, type NodeSpec, type MarkSpec } from 'prosemirror-model'
import type { ZodType } from 'zod'
import {
  blockChangeAttrSpec,
  formatChangeAttrSpec,
  paragraphBreakAttrSpec,
  textChangeAttrSpecs,
  type BlockChange
} from './review/change'
import { threadsAttrSpec } from './review/threads'
import { authorColour } from './review/colour'
import { LANGUAGES } from './languages'
import { defaultSettings, emptyMasthead, mastheadSchema, settingsSchema } from './meta'

/**
 * The report schema: a UN meeting report as a tree of chapters, sections and
 * subsections (real containers, so moving a section moves its content), each
 * holding body blocks. Every numbered thing carries a stable `id`; numbers are
 * never stored (see `numbering.ts`).
 */

/** Drafting states a chapter, section or subsection can be in. */
export const DRAFTING_STATUSES = ['draft', 'review', 'agreed'] as const
/** A container's drafting state. */
export type DraftingStatus = (typeof DRAFTING_STATUSES)[number]

/** The two list families: sub-paragraph lists ((a), (i)) and agenda lists (1., (a)). */
export const LIST_KINDS = ['subparagraph', 'agenda'] as const
/** Which list family an `ordered_list` belongs to. */
export type ListKind = (typeof LIST_KINDS)[number]

const idAttr = { id: { default: null as string | null, validate: 'string|null' } }

/** DOM attributes that show a block suggestion (for styling and the clipboard). */
function changeDOMAttrs(change: BlockChange | null): Record<string, string> {
  if (!change) return {}
  return {
    'data-change': change.type,
    'data-change-author': change.author,
    style: `--author-colour: ${authorColour(change.author)}`
  }
}

function statusAttr() {
  return {
    status: {
      default: 'draft' as DraftingStatus,
      validate: (value: unknown) => {
        if (!DRAFTING_STATUSES.includes(value as DraftingStatus))
          throw new RangeError(`drafting status must be one of ${DRAFTING_STATUSES.join(', ')}`)
      }
    }
  }
}

function containerSpec(
  name: 'chapter' | 'section' | 'subsection' | 'annex',
  content: string
): NodeSpec {
  return {
    content,
    attrs: { ...idAttr, ...statusAttr(), ...blockChangeAttrSpec },
    defining: true,
    isolating: false,
    parseDOM: [
      {
        tag: `section[data-kind=${name}]`,
        getAttrs: (dom: HTMLElement) => ({
          id: dom.getAttribute('data-id'),
          status: dom.getAttribute('data-status') ?? 'draft'
        })
      }
    ],
    toDOM: (node) => [
      'section',
      {
        'data-kind': name,
        'data-id': node.attrs.id,
        'data-status': node.attrs.status,
        ...changeDOMAttrs(node.attrs.change as BlockChange | null)
      },
      0
    ]
  }
}

/** An attribute `validate` rule from a zod schema, naming the first problem. */
function zodRule(rule: ZodType, what: string): (value: unknown) => void {
  return (value) => {
    const result = rule.safeParse(value)
    if (!result.success) {
      const issue = result.error.issues[0]
      const at = issue.path.length ? ` (${issue.path.join('.')})` : ''
      throw new RangeError(`invalid ${what}${at}: ${issue.message}`)
    }
  }
}

const BODY = '(numbered_paragraph | paragraph | recommendation | ordered_list)*'

const headingDOM: DOMOutputSpec = ['h2', { class: 'heading' }, 0]
const paragraphDOM: DOMOutputSpec = ['p', 0]

/** Node specs, one entry per node type. */
export const nodes: Record<string, NodeSpec> = {
  /**
   * The report. Its attributes are the report's metadata (see `meta.ts`), so a
   * masthead, language or settings change is a step like any edit: undoable,
   * and carried by every copy of the document (recovery, versions); and its
   * comment threads (see `review/threads.ts`).
   */
  doc: {
    content: 'chapter+ annex*',
    attrs: {
      language: {
        default: 'en',
        validate: (value: unknown) => {
          if (!LANGUAGES.includes(value as (typeof LANGUAGES)[number]))
            throw new RangeError(`report language must be one of ${LANGUAGES.join(', ')}`)
        }
      },
      masthead: { default: emptyMasthead(), validate: zodRule(mastheadSchema, 'masthead') },
      settings: { default: defaultSettings(), validate: zodRule(settingsSchema, 'settings') },
      ...threadsAttrSpec
    }
  },

  chapter: containerSpec('chapter', `heading ${BODY} section*`),
  section: containerSpec('section', `heading ${BODY} subsection*`),
  subsection: containerSpec('subsection', `heading ${BODY}`),
  /**
   * An annex after the report's chapters: its title, its own text and chapters,
   * its numbered paragraphs a series of their own.
   */
  annex: containerSpec('annex', `heading ${BODY} chapter*`),

  /** The title of the chapter, section or subsection it opens; its label is computed. */
  heading: {
    content: 'text*',
    marks: 'bracketed untranslated insertion deletion comment',
    defining: true,
    parseDOM: [{ tag: 'h1' }, { tag: 'h2' }, { tag: 'h3' }, { tag: 'h4' }],
    toDOM: () => headingDOM
  },

  /** A paragraph that takes the next number in the report's paragraph series. */
  numbered_paragraph: {
    group: 'body',
    content: 'inline*',
    attrs: {
      ...idAttr,
      ...blockChangeAttrSpec,
      ...paragraphBreakAttrSpec,
      ...formatChangeAttrSpec
    },
    parseDOM: [
      {
        tag: 'p[data-numbered]',
        getAttrs: (dom: HTMLElement) => ({ id: dom.getAttribute('data-id') })
      }
    ],
    toDOM: (node) => [
      'p',
      {
        'data-numbered': '',
        'data-id': node.attrs.id,
        ...changeDOMAttrs(node.attrs.change as BlockChange | null)
      },
      0
    ]
  },

  /** An unnumbered paragraph: front matter, a recommendation's text, a list item, a footnote. */
  paragraph: {
    group: 'body',
    content: 'inline*',
    attrs: { ...blockChangeAttrSpec, ...paragraphBreakAttrSpec, ...formatChangeAttrSpec },
    parseDOM: [{ tag: 'p' }],
    toDOM: (node) =>
      node.attrs.change ? ['p', changeDOMAttrs(node.attrs.change as BlockChange), 0] : paragraphDOM
  },

  /**
   * A recommendation: its heading line ("Recommendation 4") is computed from
   * its place in the recommendation series, so only its text is content.
   */
  recommendation: {
    group: 'body',
    content: '(paragraph | ordered_list)+',
    attrs: { ...idAttr, ...blockChangeAttrSpec },
    defining: true,
    parseDOM: [
      {
        tag: 'div[data-kind=recommendation]',
        getAttrs: (dom: HTMLElement) => ({ id: dom.getAttribute('data-id') })
      }
    ],
    toDOM: (node) => [
      'div',
      {
        'data-kind': 'recommendation',
        'data-id': node.attrs.id,
        ...changeDOMAttrs(node.attrs.change as BlockChange | null)
      },
      0
    ]
  },

  /**
   * A lettered or numbered list. Its labels depend on its family (`kind`), its
   * nesting depth and the report's language; a nested list takes its family
   * from the outermost list.
   */
  ordered_list: {
    group: 'body',
    content: 'list_item+',
    attrs: {
      kind: {
        default: 'subparagraph' as ListKind,
        validate: (value: unknown) => {
          if (!LIST_KINDS.includes(value as ListKind))
            throw new RangeError(`list kind must be one of ${LIST_KINDS.join(', ')}`)
        }
      }
    },
    parseDOM: [
      {
        tag: 'ol',
        getAttrs: (dom: HTMLElement) => ({
          kind: dom.getAttribute('data-kind') === 'agenda' ? 'agenda' : 'subparagraph'
        })
      }
    ],
    toDOM: (node) => ['ol', { 'data-kind': node.attrs.kind }, 0]
  },

  list_item: {
    content: 'paragraph ordered_list?',
    attrs: { ...idAttr, ...blockChangeAttrSpec, ...formatChangeAttrSpec },
    defining: true,
    parseDOM: [
      { tag: 'li', getAttrs: (dom: HTMLElement) => ({ id: dom.getAttribute('data-id') }) }
    ],
    toDOM: (node) => [
      'li',
      { 'data-id': node.attrs.id, ...changeDOMAttrs(node.attrs.change as BlockChange | null) },
      0
    ]
  },

  /** A footnote: an inline anchor whose own paragraphs are shown at the foot of the page. */
  footnote: {
    group: 'inline',
    inline: true,
    atom: true,
    content: 'paragraph+',
    attrs: idAttr,
    parseDOM: [
      {
        tag: 'span[data-kind=footnote]',
        getAttrs: (dom: HTMLElement) => ({ id: dom.getAttribute('data-id') })
      }
    ],
    toDOM: (node) => ['span', { 'data-kind': 'footnote', 'data-id': node.attrs.id }, 0]
  },

  /** A reference to another numbered thing by its `id`; it shows the target's current label. */
  cross_reference: {
    group: 'inline',
    inline: true,
    atom: true,
    attrs: { target: { validate: 'string' } },
    parseDOM: [
      {
        tag: 'span[data-kind=xref]',
        getAttrs: (dom: HTMLElement) => {
          const target = dom.getAttribute('data-target')
          return target ? { target } : false
        }
      }
    ],
    toDOM: (node) => ['span', { 'data-kind': 'xref', 'data-target': node.attrs.target }]
  },

  text: { group: 'inline' },

  hard_break: {
    group: 'inline',
    inline: true,
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br']
  }
}

/** A suggestion mark: shown as `<ins>` or `<del>` with its change id and author. */
function changeMarkSpec(tag: 'ins' | 'del', inclusive: boolean): MarkSpec {
  return {
    attrs: textChangeAttrSpecs,
    inclusive,
    parseDOM: [],
    toDOM: (mark) => [
      tag,
      { 'data-change': mark.attrs.id, 'data-author': mark.attrs.author, class: 'suggestion' },
      0
    ]
  }
}

/** Mark specs. */
export const marks: Record<string, MarkSpec> = {
  bold: {
    parseDOM: [
      { tag: 'strong' },
      {
        tag: 'b',
        getAttrs: (node: HTMLElement) => node.style.fontWeight !== 'normal' && null
      },
      {
        style: 'font-weight',
        getAttrs: (value: string) => /^(bold(er)?|[6-9]\d{2,})$/.test(value) && null
      }
    ],
    toDOM: () => ['strong', 0]
  },

  italic: {
    parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }],
    toDOM: () => ['em', 0]
  },

  /** An ordinary web link, as pasted from a page or a Word file. */
  link: {
    attrs: { href: { validate: 'string' } },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (dom: HTMLElement) => ({ href: dom.getAttribute('href') })
      }
    ],
    toDOM: (mark) => ['a', { href: mark.attrs.href, rel: 'noopener noreferrer' }, 0]
  },

  /**
   * A UN document symbol (`CTOC/COP/WG.4/2019/2`). Its link target is derived
   * from the symbol and the report's language when shown or exported.
   */
  doc_symbol: {
    attrs: { symbol: { validate: 'string' } },
    inclusive: false,
    excludes: 'link',
    parseDOM: [
      {
        tag: 'a[data-symbol]',
        priority: 60,
        getAttrs: (dom: HTMLElement) => ({ symbol: dom.getAttribute('data-symbol') })
      }
    ],
    toDOM: (mark) => ['a', { 'data-symbol': mark.attrs.symbol, class: 'doc-symbol' }, 0]
  },

  /**
   * Source-language text in a language version, still to be translated. Not
   * inclusive: what the translator types in its place is not marked.
   */
  untranslated: {
    inclusive: false,
    parseDOM: [{ tag: 'span.untranslated' }],
    toDOM: () => ['span', { class: 'untranslated' }, 0]
  },

  /** Text in square brackets: not yet agreed, and must be resolved before final circulation. */
  bracketed: {
    inclusive: false,
    parseDOM: [{ tag: 'span.bracketed' }],
    toDOM: () => ['span', { class: 'bracketed' }, 0]
  },

  /** Text suggested for insertion, by its author at its date (tracked changes). */
  insertion: changeMarkSpec('ins', true),

  /** Text suggested for deletion: still in the document until the deletion is accepted. */
  deletion: changeMarkSpec('del', false),

  /**
   * The anchor of a comment thread on a range of text: `id` names the thread
   * in the document's `comments`. Anchors of different threads may overlap.
   */
  comment: {
    attrs: { id: { validate: 'string' } },
    inclusive: false,
    excludes: '',
    parseDOM: [],
    toDOM: (mark) => ['span', { class: 'comment-anchor', 'data-comment': mark.attrs.id }, 0]
  }
}

/** The one schema every part of Rapporteur uses. */
export const schema = new Schema({ nodes, marks })

/** Node types whose instances carry a stable `id` that references and numbering key on. */
export const ID_NODE_TYPES: ReadonlySet<string> = new Set([
  'chapter',
  'section',
  'subsection',
  'numbered_paragraph',
  'recommendation',
  'list_item',
  'footnote'
])

/** The container node types, outermost first. */
export const CONTAINER_TYPES = ['chapter', 'section', 'subsection'] as const
/** A chapter, section or subsection. */
export type ContainerType = (typeof CONTAINER_TYPES)[number]
