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
    ['fr', 'ltr', 'Enregistrer', 'Plan', 'mots', 'Crochets'],
    ['es', 'ltr', 'Guardar', 'Esquema', 'palabras', 'Corchetes'],
    ['ru', 'ltr', 'Сохранить', 'Структура', 'слов', 'Квадратные скобки'],
    ['ar', 'rtl', 'حفظ', 'المخطط', 'كلمة', 'أقواس معقوفة'],
    ['zh', 'ltr', '保存', '大纲', '字', '方括号']
  ] as const)(
    '%s: the window reads %s and speaks the language',
    async (language, dir, save, outline, words, brackets) => {
      const app = await mountApp()
      wrapper = app.wrapper
      await useSettingsStore().update({ uiLanguage: language })
      await vi.waitFor(() => expect(wrapper!.find('[data-command=save]').text()).toBe(save))
      expect(document.documentElement.dir).toBe(dir)
      expect(document.documentElement.lang).toBe(language)
      expect(wrapper.find('[aria-label]').exists()).toBe(true)
      expect(wrapper.html()).toContain(outline)
      // The status bar's texts follow the interface language too.
      expect(wrapper.find('[data-status=words]').text()).toContain(words)
      expect(wrapper.find('[data-status=brackets]').text()).toContain(brackets)
      expect(app.api.setAppSettings).toHaveBeenCalledWith(
        expect.objectContaining({ uiLanguage: language })
      )
    }
  )
})
