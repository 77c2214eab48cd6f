import { createApp } from 'vue'
import { createPinia } from 'pinia'
import type { RapporteurApi } from '@shared/contract'
import App from './App.vue'
import { provideApi } from './api'
import { i18n } from './i18n'
import 'prosemirror-view/style/prosemirror.css'
import './editor/editor.css'
import './styles/app.css'

/** Mounts the app on the host `api`, or says plainly that there is no host. */
export function startApp(api: RapporteurApi | null): void {
  if (api) {
    provideApi(api)
    createApp(App).use(createPinia()).use(i18n).mount('#app')
    return
  }
  // Opened outside Electron and outside the harness: say so rather than half-work.
  const message = document.createElement('p')
  message.className = 'no-host'
  message.textContent =
    'Rapporteur runs as a desktop app (or in its test harness): no host API is available here.'
  document.body.replaceChildren(message)
}
