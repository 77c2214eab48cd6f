import {
  CURRENT_VERSION,
  parseReport,
  reportOfDoc,
  reportToJSON,
  serializeReport,
  ReportFileError,
  type ReportFileErrorCode
} from '../../src/core/report-file'
import { migrate } from '../../src/core/migrations'
import { newReport } from '../../src/core/template'
import { metaOfDoc } from '../../src/core/meta'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary places of the JSON
function fileText(mutate?: (json: any) => void): string {
  const json = JSON.parse(serializeReport(newReport('en')))
  mutate?.(json)
  return JSON.stringify(json)
}

function failure(text: string): { code: ReportFileErrorCode; message: string; path?: string } {
  try {
    parseReport(text)
  } catch (error) {
    expect(error).toBeInstanceOf(ReportFileError)
    const { code, message, path } = error as ReportFileError
    return { code, message, path }
  }
  throw new Error('the file loaded')
}

describe('the .rapporteur file', () => {
  it('round-trips a report: same meta, same document, same ids', () => {
    const report = newReport('zh')
    const loaded = parseReport(serializeReport(report))
    expect(loaded.meta).toEqual(report.meta)
    expect(loaded.doc.eq(report.doc)).toBe(true)
    expect(reportToJSON(loaded).version).toBe(CURRENT_VERSION)
  })

  it('keeps the metadata in the document in memory and in the envelope on disk', () => {
    const report = newReport('fr')
    expect(metaOfDoc(report.doc)).toEqual(report.meta)
    const title = 'Projet de rapport révisé'
    const edited = report.doc.type.create(
      { ...report.doc.attrs, masthead: { ...report.meta.masthead, title } },
      report.doc.content
    )
    const json = reportToJSON(reportOfDoc(edited))
    // What the document says is what gets written, in the envelope only.
    expect(json.meta.masthead.title).toBe(title)
    expect(json.meta.language).toBe('fr')
    expect(Object.keys((json.doc as { attrs: object }).attrs)).toEqual(['comments'])
    const loaded = parseReport(JSON.stringify(json))
    expect(metaOfDoc(loaded.doc).masthead.title).toBe(title)
    expect(loaded.meta).toEqual(json.meta)
  })

  it('refuses a truncated file, naming the damage', () => {
    const text = fileText()
    const error = failure(text.slice(0, text.length / 2))
    expect(error.code).toBe('not-json')
    expect(error.message).toMatch(/cut short or damaged/)
  })

  it('refuses an empty file', () => {
    expect(failure('').message).toMatch(/empty/)
  })

  it('refuses a file from a newer version of the app', () => {
    const error = failure(fileText((json) => (json.version = 999)))
    expect(error.code).toBe('newer-version')
    expect(error.message).toMatch(/file format 999; this app reads up to 1/)
  })

  it('refuses JSON that is not a Rapporteur file', () => {
    expect(failure('{"hello": "world"}').code).toBe('not-rapporteur')
    expect(failure('[1, 2, 3]').code).toBe('not-rapporteur')
    expect(failure(fileText((json) => (json.version = 0))).code).toBe('not-rapporteur')
  })

  it('names the place of an unknown node type', () => {
    const error = failure(fileText((json) => (json.doc.content[1].content[0].type = 'headline')))
    expect(error.code).toBe('invalid-content')
    expect(error.path).toBe('doc.content[1].content[0]')
    expect(error.message).toMatch(/unknown node type "headline"/)
  })

  it('names the place of content the schema does not allow', () => {
    const error = failure(
      fileText((json) => {
        // A section may not hold a chapter.
        json.doc.content[3].content[1].content.push(json.doc.content[0])
      })
    )
    expect(error.code).toBe('invalid-content')
    expect(error.path).toBe('doc.content[3].content[1]')
    expect(error.message).toMatch(/section cannot hold \[heading, chapter\]/)
  })

  it('names an invalid attribute value', () => {
    const error = failure(fileText((json) => (json.doc.content[0].attrs.status = 'final')))
    expect(error.path).toBe('doc.content[0]')
    expect(error.message).toMatch(/drafting status must be one of draft, review, agreed/)
  })

  it('names a mark that is not allowed where it is', () => {
    const error = failure(
      fileText((json) => {
        json.doc.content[0].content[0].content[0].marks = [{ type: 'bold' }]
      })
    )
    expect(error.path).toBe('doc.content[0].content[0].content[0]')
    expect(error.message).toMatch(/mark "bold" is not allowed in heading/)
  })

  it('names invalid metadata', () => {
    const error = failure(fileText((json) => (json.meta.masthead.symbol = 'not a symbol')))
    expect(error.code).toBe('invalid-meta')
    expect(error.path).toBe('meta.masthead.symbol')
    expect(error.message).toMatch(/not a UN document symbol/)
  })

  it('refuses absurd nesting without overflowing the stack', () => {
    let deep: Record<string, unknown> = { type: 'paragraph' }
    for (let i = 0; i < 1000; i++) deep = { type: 'ordered_list', content: [deep] }
    const error = failure(fileText((json) => json.doc.content[0].content.push(deep)))
    expect(error.message).toMatch(/nested more than 64 deep/)
    // Far deeper than any recursion could follow: still a message, not a crash.
    const depth = 200_000
    const tooDeep = fileText().replace(
      '"content":[{"type":"heading"',
      '"content":[' +
        '{"type":"ordered_list","content":['.repeat(depth) +
        ']}'.repeat(depth) +
        ',{"type":"heading"'
    )
    expect(failure(tooDeep).message).toMatch(/nested more than 64 deep/)
  })

  it('repairs missing and duplicate ids on load', () => {
    const text = fileText((json) => {
      json.doc.content[1].attrs.id = json.doc.content[0].attrs.id
      delete json.doc.content[2].attrs.id
    })
    const ids: string[] = []
    parseReport(text).doc.forEach((chapter) => ids.push(chapter.attrs.id as string))
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true)
    expect(ids[0]).toBe(JSON.parse(text).doc.content[0].attrs.id)
  })
})

describe('migrate', () => {
  it('chains one step per version and stamps the version', () => {
    const steps = {
      1: (json: Record<string, unknown>) => ({ ...json, a: 1 }),
      2: (json: Record<string, unknown>) => ({ ...json, b: (json.a as number) + 1 })
    }
    expect(migrate({ version: 1 }, 1, 3, steps)).toEqual({ version: 3, a: 1, b: 2 })
  })

  it('refuses a gap in the chain', () => {
    expect(() => migrate({ version: 1 }, 1, 2, {})).toThrow(/No migration from file format 1 to 2/)
  })
})
