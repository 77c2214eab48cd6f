import { FUZZ_BUDGET, REQUIRED_FUZZ_CASES } from './support/budget'

describe('the loader fuzz budget', () => {
  it(`adds up to at least ${REQUIRED_FUZZ_CASES} cases`, () => {
    const total = Object.values(FUZZ_BUDGET).reduce((sum, n) => sum + n, 0)
    expect(total).toBeGreaterThanOrEqual(REQUIRED_FUZZ_CASES)
  })
})
