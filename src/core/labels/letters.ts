/**
 * Letter numerals. Two conventions exist and Word uses both:
 * - repeated letters (Word's `lowerLetter`/`upperLetter`): a … z, aa, bb … zz,
 *   aaa … — the letter is the number modulo the alphabet, repeated once per
 *   round;
 * - bijective letters (spreadsheet columns): а … я, аа, аб … — the order
 *   LibreOffice renders for Word's `russianLower`, `arabicAbjad` and
 *   `arabicAlpha`.
 */

/** How a letter system continues past the last letter of its alphabet. */
export type LetterConvention = 'repeated' | 'bijective'

/** Word writes repeated letters up to 780 (z thirty times); past that digits, so labels stay short. */
export const REPEATED_LETTERS_MAX = 780

/** Bijective letters stop at three letters' worth, past which digits stand in. */
function bijectiveMax(alphabet: readonly string[]): number {
  const size = alphabet.length
  return size + size * size + size * size * size
}

/** The highest number a letter system writes as letters. */
export function lettersMax(alphabet: readonly string[], convention: LetterConvention): number {
  return convention === 'repeated'
    ? Math.min(REPEATED_LETTERS_MAX, alphabet.length * 30)
    : bijectiveMax(alphabet)
}

/** `n` in letters of `alphabet` (each entry one letter); decimal digits outside the letters' range. */
export function toLetters(
  n: number,
  alphabet: readonly string[],
  convention: LetterConvention
): string {
  if (!Number.isInteger(n) || n < 1 || n > lettersMax(alphabet, convention)) return String(n)
  if (convention === 'repeated') {
    const letter = alphabet[(n - 1) % alphabet.length]
    return letter.repeat(Math.ceil(n / alphabet.length))
  }
  let rest = n
  let out = ''
  while (rest > 0) {
    out = alphabet[(rest - 1) % alphabet.length] + out
    rest = Math.floor((rest - 1) / alphabet.length)
  }
  return out
}

/** The number `text` stands for in letters of `alphabet`, or undefined when it is not such a numeral. */
export function lettersToNumber(
  text: string,
  alphabet: readonly string[],
  convention: LetterConvention
): number | undefined {
  const letters = [...text]
  if (letters.length === 0) return undefined
  const digits = letters.map((letter) => alphabet.indexOf(letter))
  if (digits.some((digit) => digit < 0)) return undefined
  let value: number
  if (convention === 'repeated') {
    if (digits.some((digit) => digit !== digits[0])) return undefined
    value = (letters.length - 1) * alphabet.length + digits[0] + 1
  } else {
    value = digits.reduce((total, digit) => total * alphabet.length + digit + 1, 0)
  }
  return value <= lettersMax(alphabet, convention) ? value : undefined
}
