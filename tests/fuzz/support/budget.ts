/**
 * How many fast-check cases each loader fuzz suite runs. The issue asks for
 * at least 10,000 in the test suite; `budget.test.ts` holds the sum to that,
 * and each suite checks after its run that it really checked its share.
 * `FUZZ_SCALE` (e.g. `FUZZ_SCALE=10 npx vitest run tests/fuzz`) runs a longer hunt.
 */
const scale = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1) || 1)

/** Cases per suite. */
export const FUZZ_BUDGET = {
  /** Structure-aware damage to real and generated files. */
  mutations: 4000 * scale,
  /** Truncations, splices and flipped bits in the file's text. */
  textDamage: 3000 * scale,
  /** Random JSON, random text, random envelopes. */
  randomJson: 2000 * scale,
  /** Generated valid reports of every shape. */
  validDocuments: 1200 * scale
} as const

/** Minimum number of fuzz cases the suite must run in total. */
export const REQUIRED_FUZZ_CASES = 10_000

/** Time limit for one fuzz test: generous on a loaded machine; it only catches a hang. */
export const FUZZ_TIMEOUT_MS = 180_000 * scale
