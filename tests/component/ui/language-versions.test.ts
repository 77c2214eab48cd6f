// @vitest-environment happy-dom
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Node } from 'prosemirror-model'
import { reportToJSON, type Report } from '@core/report-file'
import type { OpenedReport } from '@shared/contract'
import { useReportStore } from '@renderer/stores/report'
import { createLanguageVersion } from '@core/language-version'
import { sampleReport } from '../../fixtures/sample-report'
import { fakeApi } from './fake-api'
import { mountApp } from './mount-app'

/**
 * Language versions in the app: "New language version…" turns the open
 * report into its unsaved version in another language, and the side-by-side
 * view pairs the report with another version row by row, flagging what the
 * align check finds.
 */

function opened(report: Report, path: string | null = null): OpenedReport {
  return {
    documentId: 'doc-other',
    path,
    diskVersion: path ? 'v1' : null,
    report: reportToJSON(report) as never
  }
}

/** The report without the node whose id is `id`. */
function without(report: Report, id: string): Report {
  let from = -1
  let size = 0
  report.doc.descendants((node: Node, pos) => {
    if (node.attrs.id === id) {
      from = pos
      size = node.nodeSize
    }
    return from < 0
  })
  if (from < 0) throw new Error(`no node ${id}`)
  return { meta: report.meta, doc: report.doc.replace(from, from + size, report.doc.slice(0, 0)) }
}

describe('language versions in the app', () => {
  let wrapper: VueWrapper | null = null
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
  })

  it('New language version makes the French version of the open report, unsaved', async () => {
    const api = fakeApi()
    wrapper = (await mountApp(api)).wrapper
    const report = useReportStore()
    report.load(opened(sampleReport(), '/reports/wg-en.rapporteur'))
    await flushPromises()
    expect(api.setSpellingLanguage).toHaveBeenLastCalledWith('en')

    api.menu('new-language-version')
    await flushPromises()
    const select = wrapper.find('select[name=language-version]')
    // The report's own language is no choice.
    expect(select.findAll('option').map((o) => o.attributes('value'))).toEqual([
      'fr',
      'es',
      'ru',
      'zh',
      'ar'
    ])
    await select.setValue('fr')
    await wrapper.find('[data-action=create-version]').trigger('click')
    await flushPromises()

    expect(report.meta!.language).toBe('fr')
    expect(report.path).toBeNull()
    expect(report.dirty).toBe(true)
    expect(report.meta!.masthead.originalLanguage).toBe('anglais')
    let unmarked = 0
    report.getView()!.state.doc.descendants((node) => {
      if (node.isText && !node.marks.some((mark) => mark.type.name === 'untranslated')) unmarked++
    })
    expect(unmarked).toBe(0)
    const numbers = wrapper.findAll('.ProseMirror .paragraph-number').map((n) => n.text())
    expect(numbers).toEqual(Array.from({ length: 18 }, (_, i) => `${i + 1}.`))
    expect(wrapper.find('.ProseMirror .recommendation-heading').text()).toBe('Recommandation 1')
    // The spelling checker follows the new language.
    expect(api.setSpellingLanguage).toHaveBeenLastCalledWith('fr')
  })

  it('asks about unsaved changes first, and Cancel leaves the report alone', async () => {
    wrapper = (await mountApp()).wrapper
    const report = useReportStore()
    report.load(opened(sampleReport(), '/reports/wg-en.rapporteur'), { dirty: true })
    wrapper.find('[data-command=new-language-version]').trigger('click')
    await flushPromises()
    await wrapper.find('select[name=language-version]').setValue('es')
    await wrapper.find('[data-action=create-version]').trigger('click')
    await flushPromises()
    const cancel = wrapper.findAll('.modal button').find((b) => b.text() === 'Cancel')!
    await cancel.trigger('click')
    await flushPromises()
    expect(report.meta!.language).toBe('en')
    expect(report.path).toBe('/reports/wg-en.rapporteur')
  })

  it('shows another version side by side, rows aligned, a missing paragraph flagged', async () => {
    const api = fakeApi()
    const english = sampleReport()
    // The French file lost paragraph 4: it is missing there, and later ones are numbered one less.
    const french = without(createLanguageVersion(english, 'fr'), 'p4')
    api.openOtherVersion = vi.fn(async () => ({
      ok: true as const,
      opened: opened(french, '/reports/wg-fr.rapporteur')
    }))
    wrapper = (await mountApp(api)).wrapper
    useReportStore().load(opened(english, '/reports/wg-en.rapporteur'))
    await flushPromises()
    await wrapper.find('[data-command=side-by-side]').trigger('click')
    await flushPromises()

    const rows = wrapper.findAll('.side-by-side-row')
    const paragraphs = rows.filter((row) => row.attributes('data-kind') === 'paragraph')
    expect(paragraphs.map((row) => row.find('.side-by-side-label').text())).toEqual(
      Array.from({ length: 18 }, (_, i) => `${i + 1}.`)
    )
    // Row 1: the same paragraph on both sides, the French side still holding the source text.
    const first = paragraphs[0]
    expect(first.attributes('data-problem')).toBeUndefined()
    expect(first.find('.side-by-side-there').text()).toBe(first.find('.side-by-side-here').text())
    expect(first.find('.side-by-side-there').attributes('lang')).toBe('fr')

    const missing = paragraphs[3]
    expect(missing.attributes('data-problem')).toBe('missing-there')
    expect(missing.find('.side-by-side-there').text()).toBe('Missing from the other version')
    expect(paragraphs[4].attributes('data-problem')).toBe('numbered-differently')
    expect(paragraphs[4].find('.side-by-side-there').text()).toContain(
      'Numbered 4 in the other version'
    )
    expect(wrapper.find('[data-side-by-side=summary]').text()).toBe(
      `${rows.filter((row) => row.attributes('data-problem')).length} structural differences`
    )
    expect(wrapper.find('.side-by-side-there[contenteditable]').exists()).toBe(false)

    // A row is a way to its paragraph in the editor.
    await paragraphs[9].trigger('click')
    const { state } = useReportStore().getView()!
    expect(state.selection.$from.node(state.selection.$from.depth).attrs.id).toBe('p10')

    await wrapper.find('.side-by-side .panel-close').trigger('click')
    expect(wrapper.find('.side-by-side').exists()).toBe(false)
  })
})
