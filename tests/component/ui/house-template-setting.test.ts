// @vitest-environment happy-dom
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { fakeApi } from './fake-api'
import { mountApp } from './mount-app'

/** Settings › House template for Word export: chosen through the host, shown by name, turned off. */
describe('the house template entry in Settings', () => {
  let wrapper: VueWrapper | null = null
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
  })

  it('chooses a template through the host, shows its name, and goes back to the built-in style', async () => {
    const api = fakeApi()
    const app = await mountApp(api)
    wrapper = app.wrapper
    await wrapper.find('[data-command=settings]').trigger('click')
    const name = () => wrapper!.find('.house-template-name').text()
    expect(name()).toBe('Built-in UN style')
    expect(wrapper.find('[data-action=stop-house-template]').exists()).toBe(false)
    await wrapper.find('[data-action=choose-house-template]').trigger('click')
    await flushPromises()
    expect(api.chooseHouseTemplate).toHaveBeenCalledWith(true)
    expect(name()).toBe('house.dotx')
    await wrapper.find('[data-action=stop-house-template]').trigger('click')
    await flushPromises()
    expect(api.chooseHouseTemplate).toHaveBeenLastCalledWith(false)
    expect(name()).toBe('Built-in UN style')
  })

  it('shows the host’s reason when it refuses the file', async () => {
    const api = fakeApi()
    vi.mocked(api.chooseHouseTemplate).mockResolvedValue({
      ok: false,
      reason: 'error',
      message: 'Cannot use “notes.dotx” as the house template: not a Word file.'
    })
    const app = await mountApp(api)
    wrapper = app.wrapper
    await wrapper.find('[data-command=settings]').trigger('click')
    await wrapper.find('[data-action=choose-house-template]').trigger('click')
    await flushPromises()
    expect(wrapper.find('.notice-error').text()).toContain('Cannot use “notes.dotx”')
    expect(wrapper.find('.house-template-name').text()).toBe('Built-in UN style')
  })
})
