// @vitest-environment happy-dom
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { Transform } from 'prosemirror-transform'
import type { Node } from 'prosemirror-model'
import { reportToJSON } from '@core/report-file'
import { trackedChanges } from '@core/review/changes'
import { useReportStore } from '@renderer/stores/report'
import { undo } from '@renderer/editor'
import { fakeApi } from './fake-api'
import { mountApp } from './mount-app'

/** Compare with version… / Compare with file…: the open report shown with what changed since as suggestions. */

/** The report as it was circulated: one heading worded differently and an extra chapter at the end. */
function circulated(doc: Node): Node {
  const tr = new Transform(doc)
  const firstHeading = doc.firstChild!.firstChild!
  const schema = doc.type.schema
  tr.replaceWith(2, 2 + firstHeading.content.size, schema.text('Opening remarks'))
  tr.insert(
    tr.doc.content.size,
    schema.nodes.chapter.create({ id: 'dropped-chapter' }, [
      schema.nodes.heading.create(null, schema.text('Other matters')),
      schema.nodes.numbered_paragraph.create({ id: 'dropped-p' }, schema.text('Nothing else.'))
    ])
  )
  return tr.doc
}

/** Makes the host answer the next comparisons with `doc` (under the open report's metadata), named `name`. */
function answerWith(api: ReturnType<typeof fakeApi>, doc: Node, name: string): void {
  const report = reportToJSON({ meta: useReportStore().meta!, doc })
  vi.mocked(api.readForComparison).mockResolvedValue({ ok: true, report: report as never, name })
}

describe('comparing the open report with a version or a file', () => {
  let wrapper: VueWrapper | null = null
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
  })

  it('shows the differences from a chosen file as inline suggestions, in one undoable step', async () => {
    const api = fakeApi()
    const app = await mountApp(api)
    wrapper = app.wrapper
    const report = useReportStore()
    const current = report.getView()!.state.doc
    answerWith(api, circulated(current), 'circulated.docx')
    api.menu('compare-file')
    await flushPromises()
    expect(api.readForComparison).toHaveBeenCalledWith(null)
    const editor = wrapper.find('.ProseMirror')
    expect(editor.find('ins.suggestion').text()).toBe('Introduction')
    expect(editor.find('del.suggestion').text()).toBe('Opening remarks')
    // The removed chapter stays in the text, suggested for deletion (its block styling is the review view's).
    expect(editor.text()).toContain('Other matters')
    const last = report.getView()!.state.doc.lastChild!
    expect(last.attrs.change).toMatchObject({ type: 'delete', author: 'Comparison' })
    expect(wrapper.text()).toContain('Changes since circulated.docx are shown as suggestions')
    expect(report.dirty).toBe(true)

    report.run(undo)
    expect(trackedChanges(report.getView()!.state.doc)).toEqual([])
    expect(report.getView()!.state.doc.eq(current)).toBe(true)
  })

  it('compares with a kept version from the versions dialog', async () => {
    const api = fakeApi()
    vi.mocked(api.newReport).mockImplementation(async (language) => ({
      ...(await fakeApi().newReport(language)),
      path: '/reports/a.rapporteur',
      diskVersion: 'v1'
    }))
    vi.mocked(api.listVersions).mockResolvedValue([
      { versionId: 'v-1', savedAt: Date.parse('2026-03-01T10:00:00Z'), bytes: 2048 }
    ])
    const app = await mountApp(api)
    wrapper = app.wrapper
    const report = useReportStore()
    answerWith(api, circulated(report.getView()!.state.doc), 'a.rapporteur')
    api.menu('compare-version')
    await flushPromises()
    await wrapper.find('[data-action=compare-version]').trigger('click')
    await flushPromises()
    expect(api.readForComparison).toHaveBeenCalledWith({
      path: '/reports/a.rapporteur',
      versionId: 'v-1'
    })
    expect(wrapper.find('.ProseMirror del.suggestion').text()).toBe('Opening remarks')
    // The dialog closes once the differences are shown.
    expect(wrapper.find('[data-action=compare-version]').exists()).toBe(false)
  })

  it('says so when there is no difference, and refuses while suggestions are pending', async () => {
    const api = fakeApi()
    const app = await mountApp(api)
    wrapper = app.wrapper
    const report = useReportStore()
    answerWith(api, report.getView()!.state.doc, 'same.rapporteur')
    api.menu('compare-file')
    await flushPromises()
    expect(wrapper.text()).toContain('No differences from same.rapporteur.')
    expect(wrapper.find('.ProseMirror ins').exists()).toBe(false)

    answerWith(api, circulated(report.getView()!.state.doc), 'circulated.docx')
    api.menu('compare-file')
    await flushPromises()
    expect(wrapper.find('.ProseMirror del.suggestion').exists()).toBe(true)
    api.menu('compare-file')
    await flushPromises()
    expect(wrapper.text()).toContain('Accept or reject the suggestions already in this report')
    expect(api.readForComparison).toHaveBeenCalledTimes(2)
  })
})
