#!/usr/bin/env node
'use strict'
/**
 * `npm run security`: the hardening suites (security, fuzz, faults and the
 * browser security test), timed. Prints how long they took against their
 * budget of 15 minutes and fails when they fail or overrun it, so that the
 * suite stays one a developer runs before every release. Extra arguments go
 * to vitest (e.g. `npm run security -- --maxWorkers=1`).
 */
const { spawnSync } = require('node:child_process')

const SUITES = ['tests/security', 'tests/fuzz', 'tests/faults', 'tests/e2e/security.test.ts']
const BUDGET_MS = 15 * 60_000

/** "12 min 07 s": minutes and seconds, as the budget is read. */
function duration(ms) {
  const seconds = Math.round(ms / 1000)
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`
}

const started = Date.now()
const run = spawnSync('npx', ['vitest', 'run', ...SUITES, ...process.argv.slice(2)], {
  stdio: 'inherit',
  shell: process.platform === 'win32'
})
const took = Date.now() - started
const over = took > BUDGET_MS
console.log(
  `Security suite: ${duration(took)} (budget ${duration(BUDGET_MS)})` +
    (over ? ' — OVER BUDGET: make the slowest suites cheaper.' : '.')
)
process.exit(run.status !== 0 ? run.status || 1 : over ? 1 : 0)
