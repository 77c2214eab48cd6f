import { ref } from 'vue'

/**
 * Layout choices of the window that are not settings: whether the outline
 * is folded to a narrow rail (it starts folded in a window too narrow to
 * hold both it and a readable page).
 */

/** Narrowest window (CSS pixels) that shows the outline unfolded at start. */
export const OUTLINE_MIN_WINDOW = 900

/** Whether the outline is folded away. */
export const outlineCollapsed = ref(
  typeof window !== 'undefined' && window.innerWidth < OUTLINE_MIN_WINDOW
)
