import { Fragment, type Node } from 'prosemirror-model'
import { alignVersions, describeDifference } from '../../src/core/align'
import { checkReport } from '../../src/core/checks/index'
import { createLanguageVersion } from '../../src/core/language-version'
import { metaOfDoc } from '../../src/core/meta'
import { reportStats } from '../../src/core/stats'
import { sampleReport } from '../fixtures/sample-report'

describe('language versions', () => {
  it('a French version of the English sample keeps every number and reference', () => {
    const english = sampleReport()
    const french = createLanguageVersion(english, 'fr')
    const en = reportStats(english)
    const fr = reportStats(french)
    expect(fr.language).toBe('fr')
    expect(fr.numberedParagraphs).toBe(en.numberedParagraphs)
    expect(fr.footnotes).toBe(en.footnotes)
    expect(fr.recommendations).toEqual(
      en.recommendations.map((r) => r.replace('Recommendation', 'Recommandation'))
    )
    expect(fr.chapters.map((c) => c.label)).toEqual(en.chapters.map((c) => c.label))
    // References read the same numbers in the other language's words.
    expect(fr.crossReferences.map((r) => r.to.replace(/^\S+ /, ''))).toEqual(
      en.crossReferences.map((r) => r.to.replace(/^\S+ /, ''))
    )
    expect(french.meta.masthead.originalLanguage).toBe('anglais')
    // The editor reads the metadata from the document: the version's document carries its own.
    expect(metaOfDoc(french.doc)).toEqual(french.meta)
    expect(alignVersions(english, french).differences).toEqual([])
  })

  it('marks every text for translation, and the check lists what is left', () => {
    const french = createLanguageVersion(sampleReport(), 'fr')
    let unmarked = 0
    french.doc.descendants((node) => {
      if (node.isText && !node.marks.some((m) => m.type.name === 'untranslated')) unmarked++
    })
    expect(unmarked).toBe(0)
    const untranslated = checkReport({ doc: french.doc, meta: french.meta }).findings.filter(
      (f) => f.kind === 'untranslated'
    )
    expect(untranslated.length).toBeGreaterThan(20)
  })

  it('align reports a paragraph one version lacks, and one numbered differently', () => {
    const english = sampleReport()
    const french = createLanguageVersion(english, 'fr')
    // Drop the first chapter's first numbered paragraph from the French version.
    const chapter = french.doc.firstChild!
    let index = -1
    chapter.forEach((child, _offset, i) => {
      if (index < 0 && child.type.name === 'numbered_paragraph') index = i
    })
    const dropped = chapter.child(index)
    const children: Node[] = []
    chapter.forEach((child, _offset, i) => {
      if (i !== index) children.push(child)
    })
    const doc = french.doc.copy(
      french.doc.content.replaceChild(0, chapter.copy(Fragment.from(children)))
    )
    const { differences } = alignVersions(english, { ...french, doc })
    expect(differences[0]).toMatchObject({
      kind: 'missing',
      in: 'second',
      item: { kind: 'paragraph', path: '1', id: dropped.attrs.id }
    })
    // Every later paragraph is now numbered one lower in the French version.
    expect(differences.slice(1).every((d) => d.kind === 'numbered-differently')).toBe(true)
    expect(describeDifference(differences[0])).toMatch(
      /^paragraph 1 \(“.+”\) is missing from the second version$/
    )
  })
})
