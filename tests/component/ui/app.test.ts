// @vitest-environment happy-dom
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { setUiLanguage } from '@renderer/i18n'
import { useReportStore } from '@renderer/stores/report'
import { undo } from '@renderer/editor'
import { fakeApi, openedTemplate } from './fake-api'
import { mountApp } from './mount-app'

function outlineLabels(wrapper: VueWrapper): Array<[string | undefined, string]> {
  return wrapper
    .findAll('.outline-item')
    .map((item) => [item.attributes('data-label'), item.find('.outline-text').text()])
}

describe('the app', () => {
  let wrapper: VueWrapper | null = null
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    setUiLanguage('en')
  })

  it('opens with a new report from the template and its outline', async () => {
    const app = await mountApp()
    wrapper = app.wrapper
    expect(app.api.newReport).toHaveBeenCalledWith('en')
    expect(outlineLabels(wrapper).slice(0, 5)).toEqual([
      ['I', 'Introduction'],
      ['II', 'Recommendations'],
      ['III', 'Summary of deliberations'],
      ['IV', 'Organization of the meeting'],
      ['IV.A', 'Opening of the meeting']
    ])
    expect(wrapper.find('[data-status=words]').text()).toBe('0 / 8,500 words')
    // The report is open: no "Opening…" left under the editor.
    expect(wrapper.find('.app-loading').exists()).toBe(false)
  })

  it('moves a section down from the outline and renumbers it', async () => {
    const app = await mountApp()
    wrapper = app.wrapper
    await wrapper.find('.outline-item[data-label="IV.A"] .outline-row').trigger('click')
    await wrapper.find('.outline-tools [data-action=move-down]').trigger('click')
    await vi.waitFor(() =>
      expect(outlineLabels(wrapper!).slice(4, 6)).toEqual([
        ['IV.A', 'Adoption of the agenda and organization of work'],
        ['IV.B', 'Opening of the meeting']
      ])
    )
  })

  it('flags a malformed symbol in the masthead form and does not apply it', async () => {
    const app = await mountApp()
    wrapper = app.wrapper
    await wrapper.find('[data-command=masthead]').trigger('click')
    const symbol = wrapper.find('input[name=symbol]')
    await symbol.setValue('not a symbol')
    await symbol.trigger('change')
    expect(wrapper.find('[data-problem=symbol]').text()).toContain('Not a UN document symbol')
    expect(symbol.attributes('aria-invalid')).toBe('true')
    expect(wrapper.find('.masthead-symbol').text()).toBe('No document symbol')
    await symbol.setValue('A/79/123/Add.1')
    await symbol.trigger('change')
    expect(wrapper.find('[data-problem=symbol]').exists()).toBe(false)
    expect(wrapper.find('.masthead-symbol').text()).toBe('A/79/123/Add.1')
    expect(wrapper.find('.dirty-dot').exists()).toBe(true)
  })

  it('shows the masthead of a newly loaded report in the form, dropping a half-typed field', async () => {
    const app = await mountApp()
    wrapper = app.wrapper
    await wrapper.find('[data-command=masthead]').trigger('click')
    await wrapper.find('input[name=symbol]').setValue('half typed')
    await wrapper.find('input[name=symbol]').trigger('change')
    expect(wrapper.find('[data-problem=symbol]').exists()).toBe(true)
    useReportStore().load(openedTemplate('fr'))
    await flushPromises()
    expect((wrapper.find('input[name=title]').element as HTMLInputElement).value).toBe(
      'Projet de rapport'
    )
    expect((wrapper.find('input[name=symbol]').element as HTMLInputElement).value).toBe('')
    expect(wrapper.find('[data-problem=symbol]').exists()).toBe(false)
  })

  it('undoes a masthead edit like text: Ctrl+Z takes back the title, then the move before it', async () => {
    const app = await mountApp()
    wrapper = app.wrapper
    const original = outlineLabels(wrapper).slice(4, 6)
    await wrapper.find('.outline-item[data-label="IV.A"] .outline-row').trigger('click')
    await wrapper.find('.outline-tools [data-action=move-down]').trigger('click')
    const moved = [
      ['IV.A', 'Adoption of the agenda and organization of work'],
      ['IV.B', 'Opening of the meeting']
    ]
    await vi.waitFor(() => expect(outlineLabels(wrapper!).slice(4, 6)).toEqual(moved))
    await wrapper.find('[data-command=masthead]').trigger('click')
    const title = wrapper.find('input[name=title]')
    await title.setValue('Report on the thirteenth session')
    await title.trigger('change')
    expect(wrapper.find('.masthead-title').text()).toBe('Report on the thirteenth session')

    const editor = wrapper.find('.ProseMirror')
    const ctrlZ = { key: 'z', code: 'KeyZ', ctrlKey: true }
    await editor.trigger('keydown', ctrlZ)
    await flushPromises()
    // First the title, and the move stays…
    expect(wrapper.find('.masthead-title').text()).toBe('Draft report')
    expect((wrapper.find('input[name=title]').element as HTMLInputElement).value).toBe(
      'Draft report'
    )
    expect(outlineLabels(wrapper).slice(4, 6)).toEqual(moved)
    // …then the move.
    await editor.trigger('keydown', ctrlZ)
    await vi.waitFor(() => expect(outlineLabels(wrapper!).slice(4, 6)).toEqual(original))
    expect(wrapper.find('.masthead-title').text()).toBe('Draft report')
    // Redo brings the title back after the move.
    await editor.trigger('keydown', { key: 'y', code: 'KeyY', ctrlKey: true })
    await editor.trigger('keydown', { key: 'y', code: 'KeyY', ctrlKey: true })
    await flushPromises()
    expect(wrapper.find('.masthead-title').text()).toBe('Report on the thirteenth session')
    await vi.waitFor(() => expect(outlineLabels(wrapper!).slice(4, 6)).toEqual(moved))
  })

  it('undoes a change of report language: every label goes back', async () => {
    const app = await mountApp()
    wrapper = app.wrapper
    await wrapper.find('[data-command=settings]').trigger('click')
    const before = outlineLabels(wrapper)[0]
    await wrapper.find('select[name=report-language]').setValue('zh')
    await vi.waitFor(() => expect(outlineLabels(wrapper!)[0]).not.toEqual(before))
    expect(wrapper.find('[data-status=language]').text()).toBe('ZH')
    useReportStore().run(undo)
    await flushPromises()
    expect(wrapper.find('[data-status=language]').text()).toBe('EN')
    await vi.waitFor(() => expect(outlineLabels(wrapper!)[0]).toEqual(before))
    expect((wrapper.find('select[name=report-language]').element as HTMLSelectElement).value).toBe(
      'en'
    )
  })

  it('switches the interface to Chinese from the settings, independent of the report language', async () => {
    const app = await mountApp()
    wrapper = app.wrapper
    await wrapper.find('[data-command=settings]').trigger('click')
    await wrapper.find('select[name=ui-language]').setValue('zh')
    await flushPromises()
    expect(app.api.setAppSettings).toHaveBeenCalledWith(
      expect.objectContaining({ uiLanguage: 'zh' })
    )
    expect(wrapper.find('[data-command=save]').text()).toBe('保存')
    expect(wrapper.find('.outline-title').text()).toBe('大纲')
    // The report stays English: its labels and masthead title do not change.
    expect(wrapper.find('.masthead-title').text()).toBe('Draft report')
    expect(wrapper.find('[data-status=language]').text()).toBe('EN')
  })

  it('answers the host menu: save and find', async () => {
    const app = await mountApp()
    wrapper = app.wrapper
    app.api.menu('find')
    await flushPromises()
    expect(wrapper.find('.findbar').exists()).toBe(true)
    app.api.menu('save')
    await flushPromises()
    expect(app.api.saveReport).toHaveBeenCalledTimes(1)
    expect(wrapper.find('.brand-title').text()).toBe('new.rapporteur')
  })

  it('offers recovered documents at start and restores one', async () => {
    const api = fakeApi()
    api.recovery.push({
      documentId: 'doc-1',
      path: '/reports/wg.rapporteur',
      title: 'wg.rapporteur',
      savedAt: Date.UTC(2026, 10, 29, 14, 5),
      sizeDifference: 120
    })
    const app = await mountApp(api)
    wrapper = app.wrapper
    await vi.waitFor(() => expect(wrapper!.find('.recovery-entry').exists()).toBe(true))
    expect(wrapper.find('.recovery-entry').text()).toContain('120 characters longer than on disk')
    await wrapper.find('.recovery-entry [data-action=restore]').trigger('click')
    await flushPromises()
    expect(api.restoreRecovery).toHaveBeenCalledWith('doc-1')
    expect(wrapper.find('.recovery-entry').exists()).toBe(false)
    expect(wrapper.find('.dirty-dot').exists()).toBe(true)
  })
})
