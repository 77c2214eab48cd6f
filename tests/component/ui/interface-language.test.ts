// @vitest-environment happy-dom
import type { VueWrapper } from '@vue/test-utils'
import { setUiLanguage } from '@renderer/i18n'
import { useSettingsStore } from '@renderer/stores/settings'
import { mountApp } from './mount-app'

describe('the interface language', () => {
  let wrapper: VueWrapper | null = null
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    setUiLanguage('en')
  })

  it.each([
    ['fr', 'ltr', 'Enregistrer', 'Plan'],
    ['es', 'ltr', 'Guardar', 'Esquema'],
    ['ru', 'ltr', 'Сохранить', 'Структура'],
    ['ar', 'rtl', 'حفظ', 'المخطط'],
    ['zh', 'ltr', '保存', '大纲']
  ] as const)(
    '%s: the window reads %s and speaks the language',
    async (language, dir, save, outline) => {
      const app = await mountApp()
      wrapper = app.wrapper
      await useSettingsStore().update({ uiLanguage: language })
      await vi.waitFor(() => expect(wrapper!.find('[data-command=save]').text()).toBe(save))
      expect(document.documentElement.dir).toBe(dir)
      expect(document.documentElement.lang).toBe(language)
      expect(wrapper.find('[aria-label]').exists()).toBe(true)
      expect(wrapper.html()).toContain(outline)
      expect(app.api.setAppSettings).toHaveBeenCalledWith(
        expect.objectContaining({ uiLanguage: language })
      )
    }
  )
})
