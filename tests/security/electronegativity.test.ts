import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { CONTENT_SECURITY_POLICY } from '../../src/main/security'
import { ACCEPTED_FINDINGS, type AcceptedFinding } from './electronegativity-allowlist'

/**
 * Electronegativity (Doyensec's Electron security scanner) over the source
 * and over a fresh build of the app. Every finding must be accepted in
 * `electronegativity-allowlist.ts` with a reason, and an accepted finding in
 * the source must carry a comment naming its check at the flagged place.
 */

const run = promisify(execFile)
const ROOT = resolve(__dirname, '../..')
const SCANNER = join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js')
const ELECTRON_VITE = join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js')
const ELECTRON_VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string
  }
).version

/** One finding, as the scanner's SARIF report gives it, with the flagged line read from the file. */
interface Finding {
  check: string
  /** SARIF level (note, warning, error). */
  severity: string
  confidence: string
  file: string
  line: number
  /** The flagged line. */
  sample: string
  /** The flagged line and the four after it. */
  context: string
  description: string
}

/** The part of a SARIF report this test reads. */
interface SarifReport {
  runs: Array<{
    results: Array<{
      ruleId: string
      level?: string
      message?: { text?: string }
      locations?: Array<{
        physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } }
      }>
    }>
  }>
}

/**
 * Runs the scanner over `folder` and returns its findings (paths relative to
 * the folder). SARIF, not CSV: the scanner writes its CSV header and rows with
 * two racing asynchronous writes, which on a busy machine garble or drop rows.
 */
async function scan(folder: string, work: string): Promise<Finding[]> {
  const output = join(work, `findings-${Math.random().toString(36).slice(2)}.sarif`)
  // It tries to fetch Electron's release list and says so when offline; the scan itself is local.
  await run(process.execPath, [SCANNER, '-i', folder, '-e', ELECTRON_VERSION, '-r', '-o', output], {
    cwd: ROOT,
    timeout: 240_000,
    maxBuffer: 16 * 1024 * 1024
  })
  const report = JSON.parse(await readFile(output, 'utf8')) as SarifReport
  const findings: Finding[] = []
  for (const result of report.runs.flatMap((each) => each.results)) {
    const location = result.locations?.[0]?.physicalLocation
    const file = (location?.artifactLocation?.uri ?? '').replace(/\\/g, '/')
    const line = location?.region?.startLine ?? 0
    if (!file || !line) throw new Error(`A finding without a place: ${JSON.stringify(result)}`)
    const lines = (await readFile(join(folder, file), 'utf8')).split('\n')
    findings.push({
      check: result.ruleId,
      severity: result.level ?? '',
      confidence: '',
      file,
      line,
      sample: (lines[line - 1] ?? '').trim(),
      context: lines
        .slice(line - 1, line + 4)
        .map((text) => text.trim())
        .join('\n'),
      description: result.message?.text ?? ''
    })
  }
  return findings
}

function accepting(finding: Finding, scope: 'source' | 'build'): AcceptedFinding | undefined {
  return ACCEPTED_FINDINGS.find(
    (entry) =>
      entry.check === finding.check &&
      (entry.scope === scope || entry.scope === 'both') &&
      entry.file.test(finding.file) &&
      (entry.sample.test(finding.sample) || entry.sample.test(finding.context))
  )
}

function describeFinding(finding: Finding): string {
  return `${finding.check} (${finding.severity}, ${finding.confidence}) at ${finding.file}:${finding.line}: ${finding.sample} — ${finding.description}`
}

let work: string
let sourceFindings: Finding[]
let buildFindings: Finding[]

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'rapporteur-electronegativity-'))
  // A fresh build in a private folder: the scan sees exactly this source, and out/ is left alone.
  const build = join(work, 'out')
  await run(process.execPath, [ELECTRON_VITE, 'build', '--outDir', build, '--logLevel', 'warn'], {
    cwd: ROOT,
    timeout: 300_000,
    maxBuffer: 16 * 1024 * 1024
  })
  ;[sourceFindings, buildFindings] = await Promise.all([
    scan(join(ROOT, 'src'), work),
    scan(build, work)
  ])
  const all = [
    ...sourceFindings.map((f) => `src/${f.file}:${f.line} ${f.check}`),
    ...buildFindings.map((f) => `out/${f.file}:${f.line} ${f.check}`)
  ]
  console.info(
    `Electronegativity: ${sourceFindings.length} findings in src, ${buildFindings.length} in the build:\n  ${all.join('\n  ')}`
  )
}, 600_000)

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

describe('Electronegativity', () => {
  it('really scans: it sees the guarded openExternal of the main process in both', () => {
    // Without this an empty report from a scanner that read nothing would pass.
    for (const findings of [sourceFindings, buildFindings])
      expect(
        findings.some((f) => f.check === 'OPEN_EXTERNAL_JS_CHECK' && f.file.startsWith('main/'))
      ).toBe(true)
  })

  it('finds nothing in the source that is not accepted with a reason', () => {
    const unexplained = sourceFindings.filter((finding) => !accepting(finding, 'source'))
    expect(unexplained.map(describeFinding)).toEqual([])
  })

  it('finds nothing in the build that is not accepted with a reason', () => {
    const unexplained = buildFindings.filter((finding) => !accepting(finding, 'build'))
    expect(unexplained.map(describeFinding)).toEqual([])
  })

  it('has a comment naming the check at every accepted place in the source', async () => {
    const missing: string[] = []
    for (const finding of sourceFindings) {
      const lines = (await readFile(join(ROOT, 'src', finding.file), 'utf8')).split('\n')
      // The comment sits on the flagged line or in the few lines above it.
      const near = lines.slice(Math.max(0, finding.line - 5), finding.line).join('\n')
      if (!new RegExp(`Electronegativity[^\\n]*${finding.check}`).test(near))
        missing.push(`${finding.file}:${finding.line} ${finding.check}`)
    }
    expect(missing).toEqual([])
  })

  it('justifies every accepted finding in words', () => {
    for (const entry of ACCEPTED_FINDINGS) expect(entry.justification.length).toBeGreaterThan(60)
  })

  it('reports accepted entries that no longer match anything, so the list stays honest', () => {
    const used = (entry: AcceptedFinding) =>
      (entry.scope !== 'build' && sourceFindings.some((f) => accepting(f, 'source') === entry)) ||
      (entry.scope !== 'source' && buildFindings.some((f) => accepting(f, 'build') === entry))
    const stale = ACCEPTED_FINDINGS.filter((entry) => !used(entry))
    if (stale.length)
      console.warn(
        `Electronegativity allow-list entries matching nothing: ${stale.map((e) => `${e.check} ${e.file}`).join(', ')}`
      )
    // A stale entry hides nothing, so it only warns; the list must not be empty of use, though.
    expect(stale.length).toBeLessThan(ACCEPTED_FINDINGS.length)
  })
})

/** A policy's directives: name → sources. */
function directives(policy: string): Map<string, string[]> {
  const parsed = new Map<string, string[]>()
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name) parsed.set(name, sources)
  }
  return parsed
}

describe('the Content Security Policies the CSP findings point at', () => {
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
    readFileSync(join(ROOT, 'src/renderer/index.html'), 'utf8')
  )?.[1]

  it.each([
    ['the response header (main/security.ts)', CONTENT_SECURITY_POLICY],
    ['the meta tag (renderer/index.html)', meta ?? '']
  ])('%s lets no script run but the app’s own files', (_where, policy) => {
    const policyDirectives = directives(policy)
    expect(policyDirectives.get('default-src')).toEqual(["'self'"])
    expect(policyDirectives.get('script-src')).toEqual(["'self'"])
    expect(policyDirectives.get('object-src')).toEqual(["'none'"])
    expect(policyDirectives.get('base-uri')).toEqual(["'none'"])
    expect(policyDirectives.get('form-action')).toEqual(["'none'"])
    expect(policy).not.toMatch(/unsafe-eval|unsafe-hashes|strict-dynamic|\*/)
    // 'unsafe-inline' only for styles, the one thing the findings are about.
    for (const [name, sources] of policyDirectives)
      if (sources.includes("'unsafe-inline'")) expect(name).toBe('style-src')
  })
})

describe('the allow-list', () => {
  it('accepts nothing it does not name: a finding of another check or place fails', () => {
    const finding: Finding = {
      check: 'NODE_INTEGRATION_JS_CHECK',
      severity: 'INFORMATIONAL',
      confidence: 'FIRM',
      file: 'main/window.ts',
      line: 1,
      sample: 'this.window = new BrowserWindow({',
      context: '',
      description: ''
    }
    expect(accepting(finding, 'source')).toBeUndefined()
    const preload = { ...finding, check: 'PRELOAD_JS_CHECK', sample: 'preload: options.preload,' }
    expect(accepting(preload, 'source')).toBeDefined()
    expect(accepting(preload, 'build')).toBeUndefined()
    expect(accepting({ ...preload, file: 'main/x.ts' }, 'source')).toBeUndefined()
    expect(accepting({ ...finding, check: 'SANDBOX_JS_CHECK' }, 'source')).toBeUndefined()
  })
})
