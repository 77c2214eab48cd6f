import { reportToDocx } from '../../src/core/docx/index'
import { schema } from '../../src/core/schema'
import { newReport } from '../../src/core/template'
import { readDocx } from './docx-reader'

/**
 * What AutoCorrect types — typographic quotes, narrow and ordinary no-break
 * spaces, en dashes — is exported to Word as the very same characters.
 */
describe('AutoCorrect characters in the Word export', () => {
  test.each([
    ['fr', 'Il a dit «\u202foui\u202f» au paragraphe\u00a012 (2019–2020).'],
    ['en', 'The “draft” of paragraphs\u00a03–5 isn’t final.'],
    ['ru', 'Он сказал «да» в пункте\u00a04.']
  ] as const)('%s: %s', async (language, text) => {
    const report = newReport(language)
    const { chapter, heading, numbered_paragraph } = schema.nodes
    const doc = schema.nodes.doc.create(
      null,
      chapter.create({ id: 'c1' }, [
        heading.create(null, schema.text('Title')),
        numbered_paragraph.create({ id: 'p1' }, schema.text(text))
      ])
    )
    const docx = readDocx(await reportToDocx({ ...report, doc }))
    expect(docx.paragraphs().map((p) => p.text)).toContain(text)
  })
})
