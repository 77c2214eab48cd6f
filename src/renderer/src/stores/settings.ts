import { defineStore } from 'pinia'
import { ref } from 'vue'
import { uiLanguageFor, type AppSettings } from '@shared/contract'
import { useApi } from '../api'
import { setUiLanguage } from '../i18n'

/** Settings as a fresh install has them (the host's file overrides them once read). */
export function defaultAppSettings(): AppSettings {
  return { uiLanguage: uiLanguageFor(navigator.language), autosaveToFile: false, versionsKept: 20 }
}

/** The app's own settings (UI language, autosave to file, versions kept), kept by the host. */
export const useSettingsStore = defineStore('settings', () => {
  const api = useApi()
  const settings = ref<AppSettings>(defaultAppSettings())

  /** Reads the settings from the host and applies the UI language. */
  async function load(): Promise<void> {
    settings.value = { ...defaultAppSettings(), ...(await api.getAppSettings()) }
    setUiLanguage(settings.value.uiLanguage)
  }

  /** Changes some settings, applies them and stores them with the host. */
  async function update(change: Partial<AppSettings>): Promise<void> {
    settings.value = { ...settings.value, ...change }
    setUiLanguage(settings.value.uiLanguage)
    await api.setAppSettings(settings.value)
  }

  /**
   * Asks the host for a house template file (`choose`) or stops using one; the
   * host checks the file and stores its path. Resolves with the host's message
   * when the file was refused.
   */
  async function chooseHouseTemplate(choose: boolean): Promise<string | null> {
    const outcome = await api.chooseHouseTemplate(choose)
    if (outcome.ok) settings.value = { ...settings.value, ...outcome.settings }
    return outcome.ok || outcome.reason === 'cancelled' ? null : outcome.message
  }

  return { settings, load, update, chooseHouseTemplate }
})
