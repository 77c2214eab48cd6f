import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'

/**
 * What the window shows around the editor: which panel or dialog is open,
 * the notices in the banner, and questions waiting for the user's answer.
 */

/** A button on a notice (e.g. "Open exported file"). */
export interface NoticeAction {
  id: string
  label: string
  run(): void | Promise<void>
}

/** A message in the notice banner. */
export interface Notice {
  id: number
  kind: 'info' | 'error' | 'progress'
  text: string
  actions?: NoticeAction[]
}

/** One button of a question. */
export interface Choice {
  id: string
  label: string
  primary?: boolean
}

/** A question the app is waiting on (save changes? overwrite?). */
export interface Question {
  title: string
  detail: string
  choices: Choice[]
  answer(choiceId: string): void
}

/** Side panels beside the page. */
export type SidePanel = 'masthead' | 'settings' | 'import-notes' | 'check' | 'review' | null

/** Modal dialogs. */
export type Dialog = 'reference' | 'versions' | 'recovery' | 'new-report' | 'move-block' | null

/** The UI store. */
export const useUiStore = defineStore('ui', () => {
  const panel = ref<SidePanel>(null)
  const dialog = ref<Dialog>(null)
  const findOpen = ref(false)
  const focusMode = ref(false)
  const notices = ref<Notice[]>([])
  const question = shallowRef<Question | null>(null)
  let nextNotice = 1

  /** Shows a notice; info notices go away by themselves, errors stay until dismissed. */
  function notify(kind: Notice['kind'], text: string, actions?: NoticeAction[]): number {
    const id = nextNotice++
    const notice: Notice = actions?.length ? { id, kind, text, actions } : { id, kind, text }
    notices.value = [...notices.value.filter((n) => n.text !== text), notice]
    // A notice with buttons stays long enough to reach them.
    if (kind === 'info') setTimeout(() => dismiss(id), notice.actions ? 20000 : 6000)
    return id
  }

  /** Removes a notice. */
  function dismiss(id: number): void {
    notices.value = notices.value.filter((n) => n.id !== id)
  }

  /** Asks the user; resolves with the id of the chosen button (the last choice if dismissed). */
  function ask(title: string, detail: string, choices: Choice[]): Promise<string> {
    return new Promise((resolve) => {
      question.value = {
        title,
        detail,
        choices,
        answer(choiceId) {
          question.value = null
          resolve(choiceId)
        }
      }
    })
  }

  /** Opens a side panel, or closes it when it is already open. */
  function togglePanel(which: Exclude<SidePanel, null>): void {
    panel.value = panel.value === which ? null : which
  }

  return {
    panel,
    dialog,
    findOpen,
    focusMode,
    notices,
    question,
    notify,
    dismiss,
    ask,
    togglePanel
  }
})
