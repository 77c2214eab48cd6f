import type { CDPSession } from 'playwright-core'

/**
 * Typing through an input method over the DevTools protocol, as Chromium's own
 * IME path delivers it: composition updates, then the committed text.
 */

/** Composes `steps` (what the candidate window shows as the user types) then commits `text`. */
export async function compose(
  cdp: CDPSession,
  steps: readonly string[],
  text: string
): Promise<void> {
  for (const step of steps)
    await cdp.send('Input.imeSetComposition', {
      text: step,
      selectionStart: step.length,
      selectionEnd: step.length
    })
  await cdp.send('Input.insertText', { text })
}
