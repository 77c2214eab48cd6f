import { reportToHtml, escapeHtml } from '../../src/core/html/report-html'
import { pageViewCss } from '../../src/core/html/page-css'
import { sampleReport } from '../fixtures/sample-report'
import { sampleReportZh } from '../fixtures/sample-report-zh'

/** The report's HTML rendering that the page view paginates. */

const texts = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1])

describe('reportToHtml', () => {
  it('writes the numbering’s labels in document order', () => {
    const { html, chapters } = reportToHtml(sampleReport())
    expect(texts(html, /<p class="rp-numbered"[^>]*><span class="rp-label">([^<]*?) ?</g)).toEqual(
      Array.from({ length: 18 }, (_, i) => `${i + 1}.`)
    )
    expect(texts(html, /<h1 class="rp-chapter"[^>]*><span class="rp-label">([^<]*?) ?</g)).toEqual([
      'I.',
      'II.',
      'III.',
      'IV.',
      'V.'
    ])
    expect(texts(html, /data-chapter="(\d+)"/g)).toEqual(['0', '1', '2', '3', '4'])
    expect(chapters).toBe(5)
    expect(texts(html, /class="rp-recommendation-heading">([^<]*?) ?</g)).toEqual(
      Array.from({ length: 5 }, (_, i) => `Recommendation ${i + 1}`)
    )
  })

  it('puts the masthead first, footnotes where their marks stand and references as links', () => {
    const { html, symbol, jobNumber } = reportToHtml(sampleReport())
    expect(html.indexOf('rp-masthead')).toBeLessThan(html.indexOf('rp-chapter'))
    expect(html).toContain('United Nations')
    expect(symbol).toBe('CTOC/COP/WG.7/2024/L.1')
    expect(jobNumber).toMatch(/^V\.\d\d-\d{5}$/)
    expect(texts(html, /class="rp-footnote" data-note="(\d+)"/g)).toEqual(['1'])
    expect(html).toMatch(/<a class="rp-reference" href="#rp-[^"]+">paragraph 9<\/a>/)
  })

  it('labels a Chinese report the Chinese way', () => {
    const { html, language } = reportToHtml(sampleReportZh())
    expect(language).toBe('zh')
    expect(html).toContain('lang="zh-CN"')
    expect(texts(html, /<h1 class="rp-chapter"[^>]*><span class="rp-label">([^<]*?) ?</g)[0]).toBe(
      '一.'
    )
  })

  it('escapes text, so no typed markup reaches the page', () => {
    expect(escapeHtml('<img src=x onerror="a()">&\'')).toBe(
      '&lt;img src=x onerror=&quot;a()&quot;&gt;&amp;&#39;'
    )
    const report = sampleReport()
    report.meta = { ...report.meta, masthead: { ...report.meta.masthead, title: '<b>x</b>' } }
    expect(reportToHtml(report).html).toContain('&lt;b&gt;x&lt;/b&gt;')
  })
})

describe('pageViewCss', () => {
  it('gives the pages the export’s A4 geometry and the running furniture', () => {
    const css = pageViewCss(reportToHtml(sampleReport()))
    expect(css).toContain('size: A4')
    // Margins 2.0 cm left and right, 2.5 cm at the foot, as in docx/layout.ts.
    expect(css).toMatch(/margin: [\d.]+cm 2\.000cm 2\.(499|500)cm 2\.000cm/)
    expect(css).toContain('content: "CTOC/COP/WG.7/2024/L.1"')
    expect(css).toContain('counter(page)')
    expect(css).toContain('float: footnote')
  })

  it('quotes a symbol safely inside the stylesheet', () => {
    const report = sampleReport()
    report.meta = {
      ...report.meta,
      masthead: { ...report.meta.masthead, symbol: 'A/"}\\x' }
    }
    expect(pageViewCss(reportToHtml(report))).toContain('content: "A/\\"}\\\\x"')
  })
})
