import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { provideApi } from '@renderer/api'
import App from '@renderer/App.vue'
import { i18n } from '@renderer/i18n'
import { fakeApi } from './fake-api'

/** The whole app against a stand-in host, in happy-dom, once its editor is up. */
export async function mountApp(
  api = fakeApi()
): Promise<{ wrapper: VueWrapper; api: ReturnType<typeof fakeApi> }> {
  provideApi(api)
  const wrapper = mount(App, {
    global: { plugins: [createPinia(), i18n] },
    attachTo: document.body
  })
  await flushPromises()
  await vi.waitFor(() => expect(wrapper.find('.ProseMirror').exists()).toBe(true))
  return { wrapper, api }
}
