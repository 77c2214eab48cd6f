/**
 * Roman numerals. Classical notation stops at 3999 (MMMCMXCIX); past it a
 * label falls back to decimal digits, as Word's own roman formats do not go
 * on either, so no label grows without bound.
 */

const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I']
]

/** The largest number written in Roman numerals. */
export const ROMAN_MAX = 3999

/** Upper-case Roman numeral for 1 ≤ n ≤ 3999; decimal digits outside that range. */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > ROMAN_MAX) return String(n)
  let rest = n
  let out = ''
  for (const [value, numeral] of ROMAN) {
    while (rest >= value) {
      out += numeral
      rest -= value
    }
  }
  return out
}

const VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 }

/**
 * The value of an upper-case Roman numeral in canonical form ("XIV" → 14,
 * "XIIII" → undefined), so a reading always writes back the same.
 */
export function romanToNumber(numeral: string): number | undefined {
  if (!/^[IVXLCDM]{1,15}$/.test(numeral)) return undefined
  let total = 0
  for (let i = 0; i < numeral.length; i++) {
    const value = VALUES[numeral[i]]
    const next = VALUES[numeral[i + 1]] ?? 0
    total += value < next ? -value : value
  }
  return toRoman(total) === numeral ? total : undefined
}
