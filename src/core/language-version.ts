import { Fragment, type Node } from 'prosemirror-model'
import type { Language } from './languages'
import type { ReportMeta } from './meta'
import { reportWithMeta, type Report } from './report-file'
import { schema } from './schema'

/**
 * A language version of a report: the same structure, ids and numbers, the
 * masthead's fixed words in the new language, and every text still in the
 * source language marked for translation.
 */

/** Each official language's name in each official language, as "Original:" prints it. */
const LANGUAGE_NAMES: Record<Language, Record<Language, string>> = {
  en: { en: 'English', fr: 'French', es: 'Spanish', ru: 'Russian', zh: 'Chinese', ar: 'Arabic' },
  fr: { en: 'anglais', fr: 'français', es: 'espagnol', ru: 'russe', zh: 'chinois', ar: 'arabe' },
  es: { en: 'inglés', fr: 'francés', es: 'español', ru: 'ruso', zh: 'chino', ar: 'árabe' },
  // Russian, Chinese and Arabic documents print the distribution block in English.
  ru: { en: 'English', fr: 'French', es: 'Spanish', ru: 'Russian', zh: 'Chinese', ar: 'Arabic' },
  zh: { en: 'English', fr: 'French', es: 'Spanish', ru: 'Russian', zh: 'Chinese', ar: 'Arabic' },
  ar: { en: 'English', fr: 'French', es: 'Spanish', ru: 'Russian', zh: 'Chinese', ar: 'Arabic' }
}

/** The language a masthead's "Original:" names, if it names one of the six in any of them. */
function originalLanguageOf(name: string): Language | null {
  const wanted = name.trim().toLowerCase()
  for (const names of Object.values(LANGUAGE_NAMES))
    for (const [language, spelled] of Object.entries(names))
      if (spelled.toLowerCase() === wanted) return language as Language
  return null
}

/** Marks every text of a document as source text to be translated. */
function markForTranslation(doc: Node): Node {
  const mark = schema.marks.untranslated.create()
  const walk = (node: Node): Node => {
    if (node.childCount === 0) return node
    const children: Node[] = []
    node.forEach((child) =>
      children.push(
        child.isText && node.type.allowsMarkType(mark.type)
          ? child.mark(mark.addToSet(child.marks))
          : walk(child)
      )
    )
    return node.copy(Fragment.from(children))
  }
  return walk(doc)
}

/**
 * Creates the `language` version of `report`: same nodes and ids (so the
 * same numbers and references), masthead fields the app knows put into the
 * new language, texts marked untranslated.
 */
export function createLanguageVersion(report: Report, language: Language): Report {
  const original = originalLanguageOf(report.meta.masthead.originalLanguage)
  const meta: ReportMeta = {
    ...report.meta,
    language,
    masthead: {
      ...report.meta.masthead,
      originalLanguage: original
        ? LANGUAGE_NAMES[language][original]
        : report.meta.masthead.originalLanguage
    }
  }
  return reportWithMeta(meta, markForTranslation(report.doc))
}
