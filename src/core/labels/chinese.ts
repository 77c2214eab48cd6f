/**
 * Chinese counting numerals (一, 十, 十一, 二十一, 一百零五), as Word's
 * `chineseCounting` writes them. Chapter numbers stay far below a thousand;
 * from 1000 on digits stand in.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** The largest number written in Chinese numerals. */
export const CHINESE_MAX = 999

/** Chinese numeral for 1 ≤ n ≤ 999; decimal digits outside that range. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > CHINESE_MAX) return String(n)
  const hundreds = Math.floor(n / 100)
  const tens = Math.floor((n % 100) / 10)
  const ones = n % 10
  let out = ''
  if (hundreds) out += DIGITS[hundreds] + '百'
  if (tens) out += (tens === 1 && !hundreds ? '' : DIGITS[tens]) + '十'
  else if (hundreds && ones) out += '零'
  if (ones) out += DIGITS[ones]
  return out
}

const READINGS = new Map<string, number>()

/** The value of a Chinese numeral as `toChineseNumeral` writes it, or undefined. */
export function chineseToNumber(numeral: string): number | undefined {
  if (READINGS.size === 0)
    for (let n = 1; n <= CHINESE_MAX; n++) READINGS.set(toChineseNumeral(n), n)
  return READINGS.get(numeral)
}
