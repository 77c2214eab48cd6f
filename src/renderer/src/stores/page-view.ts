import { defineStore } from 'pinia'
import { ref } from 'vue'

/**
 * The page view's state: whether the window shows the report on pages
 * instead of the editor, and what the last layout found (page count, the page
 * each chapter starts on) for the status bar and the tests.
 */
export const usePageViewStore = defineStore('page-view', () => {
  const on = ref(false)
  /** Whether a layout is in progress. */
  const laying = ref(false)
  /** Pages of the last layout, or null before one finished. */
  const pages = ref<number | null>(null)
  const chapterPages = ref<number[]>([])
  /** Milliseconds the last layout took. */
  const milliseconds = ref(0)

  /** Shows the pages, or the editor again. */
  function toggle(): void {
    on.value = !on.value
    if (!on.value) pages.value = null
  }

  return { on, laying, pages, chapterPages, milliseconds, toggle }
})
