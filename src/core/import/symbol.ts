import { DOCUMENT_SYMBOL } from '../meta'

/**
 * Whether a piece of text is a UN document symbol as printed in mastheads and
 * running heads: "E/CN.3/2025/7", and older forms with a session in
 * parentheses, "ICCD/COP(8)/CST/8".
 */
export function isSymbolText(text: string): boolean {
  return /\d/.test(text) && DOCUMENT_SYMBOL.test(text.replace(/\((\d{1,3})\)/g, '.$1'))
}
