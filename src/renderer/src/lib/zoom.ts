import { ref } from 'vue'

/**
 * The zoom of the page in the browser build (the desktop app zooms the whole
 * window from its View menu): 50 % to 200 % in steps of 10 %.
 */

/** The page's zoom factor (1 = 100 %). */
export const sheetZoom = ref(1)

/** Zooms one step in (+1) or out (-1), or back to 100 % (0). */
export function zoomPage(step: 1 | -1 | 0): void {
  const next = step === 0 ? 1 : sheetZoom.value + step * 0.1
  sheetZoom.value = Math.round(Math.min(2, Math.max(0.5, next)) * 10) / 10
}
