import { withoutLoneSurrogates } from './safe-url'
import type { Language } from './languages'

/**
 * UN document symbols in running text (`CTOC/COP/WG.7/2024/INF/1`,
 * `A/RES/70/1`, `E/CN.15/2019/L.2/Rev.1`) and the links they stand for.
 */

/**
 * Finds symbols in text: an upper-case first part, then slash-separated parts,
 * with at least one digit somewhere (so "TCP/IP" and "and/or" are not symbols).
 */
const SYMBOL_IN_TEXT = /(?<![\w/])[A-Z][A-Z0-9.-]*(?:\/[A-Za-z0-9][A-Za-z0-9.-]*)+/g

/** A symbol found in a string: where it starts and ends (end exclusive). */
export interface SymbolMatch {
  symbol: string
  from: number
  to: number
}

/** Every document symbol in `text`, in order. */
export function findSymbols(text: string): SymbolMatch[] {
  const found: SymbolMatch[] = []
  for (const match of text.matchAll(SYMBOL_IN_TEXT)) {
    // A sentence's full stop or a closing bracket's dot is not part of the symbol.
    const symbol = match[0].replace(/[.-]+$/, '')
    if (!/\d/.test(symbol) || !symbol.includes('/')) continue
    found.push({ symbol, from: match.index, to: match.index + symbol.length })
  }
  return found
}

/** The Official Document System address of a symbol, in the report's language. */
export function undocsUrl(symbol: string, language: Language): string {
  // encodeURIComponent throws on half a character; a damaged symbol still gets an address.
  const parts = withoutLoneSurrogates(symbol).split('/')
  return `https://undocs.org/${language}/${parts.map(encodeURIComponent).join('/')}`
}
