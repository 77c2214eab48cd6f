import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
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

/** One finding, as the scanner's CSV reports it. */
interface Finding {
  check: string
  severity: string
  confidence: string
  file: string
  line: number
  sample: string
  description: string
}

/** Splits RFC 4180 CSV (quoted fields, doubled quotes) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      if (row.some((value) => value !== '')) rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  row.push(field)
  if (row.some((value) => value !== '')) rows.push(row)
  return rows
}

/** Runs the scanner over `folder` and returns its findings (paths relative to the folder). */
async function scan(folder: string, work: string): Promise<Finding[]> {
  const csv = join(work, `findings-${Math.random().toString(36).slice(2)}.csv`)
  // It tries to fetch Electron's release list and says so when offline; the scan itself is local.
  await run(process.execPath, [SCANNER, '-i', folder, '-e', ELECTRON_VERSION, '-r', '-o', csv], {
    cwd: ROOT,
    timeout: 240_000,
    maxBuffer: 16 * 1024 * 1024
  })
  const text = await readFile(csv, 'utf8')
  const [header, ...rows] = parseCsv(text)
  const malformed = rows.filter((row) => row.length < 8)
  if (malformed.length)
    throw new Error(`Electronegativity wrote rows this test cannot read:\n${text.slice(0, 4000)}`)
  expect(header.map((name) => name.trim())).toEqual([
    'issue',
    'severity',
    'confidence',
    'filename',
    'location',
    'sample',
    'description',
    'url'
  ])
  return rows.map(([check, severity, confidence, file, location, sample, description]) => ({
    check,
    severity,
    confidence,
    file: file.replace(/\\/g, '/'),
    line: Number(location.split(':')[0]),
    sample,
    description
  }))
}

function accepting(finding: Finding, scope: 'source' | 'build'): AcceptedFinding | undefined {
  return ACCEPTED_FINDINGS.find(
    (entry) =>
      entry.check === finding.check &&
      (entry.scope === scope || entry.scope === 'both') &&
      entry.file.test(finding.file) &&
      entry.sample.test(finding.sample.trim())
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

describe('the allow-list', () => {
  it('accepts nothing it does not name: a finding of another check or place fails', () => {
    const finding: Finding = {
      check: 'NODE_INTEGRATION_JS_CHECK',
      severity: 'INFORMATIONAL',
      confidence: 'FIRM',
      file: 'main/window.ts',
      line: 1,
      sample: 'this.window = new BrowserWindow({',
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

describe('the CSV reader', () => {
  it('reads quoted fields with commas, doubled quotes and unquoted N/A', () => {
    expect(parseCsv('a, b\nX,"LOW","say ""hi"", ok",N/A\r\n')).toEqual([
      ['a', ' b'],
      ['X', 'LOW', 'say "hi", ok', 'N/A']
    ])
  })
})
