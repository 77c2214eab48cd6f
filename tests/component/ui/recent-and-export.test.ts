// @vitest-environment happy-dom
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { useReportStore } from '@renderer/stores/report'
import { fakeApi } from './fake-api'
import { mountApp } from './mount-app'

/**
 * The toolbar's Recent drop-down (open, a missing file marked and removable,
 * clear) and the buttons of the "Exported to …" notice, which only the
 * desktop app shows.
 */
describe('recent files and the export notice', () => {
  let wrapper: VueWrapper | null = null
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    delete window.rapporteur
  })

  it('lists recent reports, marks a missing one, removes it and opens another', async () => {
    const api = fakeApi()
    api.recent = [
      { path: '/reports/wg4.rapporteur', name: 'wg4.rapporteur', missing: false },
      { path: '/gone/old.rapporteur', name: 'old.rapporteur', missing: true }
    ]
    const app = await mountApp(api)
    wrapper = app.wrapper
    await wrapper.find('[data-command=recent]').trigger('click')
    await flushPromises()
    const entries = wrapper.findAll('.recent-entry')
    expect(entries.map((entry) => entry.find('.recent-name').text())).toEqual([
      'wg4.rapporteur',
      'old.rapporteur'
    ])
    expect(entries.map((entry) => entry.find('.recent-missing').exists())).toEqual([false, true])
    expect(entries[1].find('.recent-missing').text()).toBe('missing')
    expect(entries[1].find('.recent-open').attributes('disabled')).toBeDefined()
    await entries[1].find('.recent-remove').trigger('click')
    await flushPromises()
    expect(api.forgetRecentFile).toHaveBeenCalledWith('/gone/old.rapporteur')
    expect(wrapper.findAll('.recent-entry')).toHaveLength(1)
    await wrapper.find('.recent-open[data-path="/reports/wg4.rapporteur"]').trigger('click')
    await flushPromises()
    expect(api.openRecentFile).toHaveBeenCalledWith('/reports/wg4.rapporteur')
    expect(useReportStore().path).toBe('/reports/wg4.rapporteur')
    expect(wrapper.find('.brand-title').text()).toBe('wg4.rapporteur')
    expect(wrapper.find('.recent-list').exists()).toBe(false)
  })

  it('clears the list, then says it is empty', async () => {
    const api = fakeApi()
    api.recent = [{ path: '/reports/a.rapporteur', name: 'a.rapporteur', missing: false }]
    const app = await mountApp(api)
    wrapper = app.wrapper
    await wrapper.find('[data-command=recent]').trigger('click')
    await flushPromises()
    await wrapper.find('.recent-clear').trigger('click')
    await flushPromises()
    expect(api.clearRecentFiles).toHaveBeenCalled()
    expect(wrapper.find('.recent-empty').text()).toBe('No recent reports')
  })

  it('offers Open exported file and Show in folder after an export in the desktop app', async () => {
    const api = fakeApi()
    // The preload's object is what makes the page the desktop app.
    window.rapporteur = api
    const app = await mountApp(api)
    wrapper = app.wrapper
    app.api.menu('export-docx')
    await vi.waitFor(() => expect(wrapper!.find('[data-action=open-export]').exists()).toBe(true))
    expect(wrapper.find('.notice-info').text()).toContain('Exported to /reports/out.docx')
    await wrapper.find('[data-action=open-export]').trigger('click')
    await wrapper.find('[data-action=show-export]').trigger('click')
    await flushPromises()
    expect(vi.mocked(api.revealExport).mock.calls).toEqual([
      ['/reports/out.docx', 'open'],
      ['/reports/out.docx', 'folder']
    ])
  })

  it('tells the user when the host could not show the file', async () => {
    const api = fakeApi()
    vi.mocked(api.revealExport).mockResolvedValue(false)
    window.rapporteur = api
    const app = await mountApp(api)
    wrapper = app.wrapper
    app.api.menu('export-docx')
    await vi.waitFor(() => expect(wrapper!.find('[data-action=open-export]').exists()).toBe(true))
    await wrapper.find('[data-action=open-export]').trigger('click')
    await flushPromises()
    expect(wrapper.find('.notice-error').text()).toContain('The exported file could not be shown.')
  })

  it('has no such buttons in the browser build', async () => {
    const app = await mountApp()
    wrapper = app.wrapper
    app.api.menu('export-docx')
    await vi.waitFor(() => expect(wrapper!.find('.notice-info').exists()).toBe(true))
    expect(wrapper.find('.notice-info').text()).toContain('Exported to /reports/out.docx')
    expect(wrapper.find('[data-action=open-export]').exists()).toBe(false)
    expect(wrapper.find('[data-action=show-export]').exists()).toBe(false)
  })
})
