import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { cli } from '../run-cli'

const run = promisify(execFile)
const root = resolve(__dirname, '../..')

let folder: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'rapporteur-cli-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

describe('rapporteur new / stats', () => {
  it('creates an English report from the template and summarizes it', async () => {
    const file = join(folder, 'r.rapporteur')
    expect((await cli('new', '-o', file)).code).toBe(0)
    const { code, stdout } = await cli('stats', file, '--json')
    expect(code).toBe(0)
    const stats = JSON.parse(stdout)
    expect(stats.language).toBe('en')
    expect(
      stats.chapters.map((c: { label: string; title: string }) => `${c.label} ${c.title}`)
    ).toEqual([
      'I. Introduction',
      'II. Recommendations',
      'III. Summary of deliberations',
      'IV. Organization of the meeting',
      'V. Adoption of the report'
    ])
    expect(stats.chapters[3].sections.map((s: { label: string }) => s.label)).toEqual([
      'A.',
      'B.',
      'C.',
      'D.'
    ])
  })

  it('prints a readable outline without --json', async () => {
    const file = join(folder, 'r.rapporteur')
    await cli('new', '--lang', 'zh', '-o', file)
    const { stdout } = await cli('stats', file)
    expect(stdout).toContain('四. 会议安排\n  A. 会议开幕')
    expect(stdout).toMatch(/words: +0 of 8500/)
  })

  it('names each kind of bad file and leaves it untouched', async () => {
    const cases: Array<[string, string, RegExp]> = [
      [
        'truncated.rapporteur',
        '{"format": "rapporteur", "version": 1, "meta": {',
        /cut short or damaged/
      ],
      [
        'future.rapporteur',
        '{"format": "rapporteur", "version": 999}',
        /newer version of Rapporteur/
      ],
      ['other.json', '{"name": "package"}', /not a Rapporteur report/]
    ]
    const template = join(folder, 'template.rapporteur')
    await cli('new', '-o', template)
    const unknownNode = readFileSync(template, 'utf8').replace(
      '"type": "heading"',
      '"type": "banner"'
    )
    cases.push(['unknown-node.rapporteur', unknownNode, /unknown node type "banner"/])

    for (const [name, content, message] of cases) {
      const file = join(folder, name)
      writeFileSync(file, content)
      const { code, stderr } = await cli('stats', file, '--json')
      expect(code).toBe(1)
      expect(stderr).toMatch(message)
      expect(stderr).toContain(name)
      expect(readFileSync(file, 'utf8')).toBe(content)
    }
  })

  it('explains usage mistakes with exit code 2', async () => {
    expect((await cli('stats')).stderr).toMatch(/missing the report file/)
    expect((await cli('new', '--lang', 'xx', '-o', 'x')).stderr).toMatch(/unknown language "xx"/)
    expect((await cli('new', '--bogus')).code).toBe(2)
    expect((await cli('frobnicate')).stderr).toMatch(/unknown command "frobnicate"/)
    const missing = await cli('stats', join(folder, 'nope.rapporteur'))
    expect(missing).toMatchObject({ code: 1 })
    expect(missing.stderr).toMatch(/no such file/)
  })
})

describe('the built `rapporteur` command', () => {
  const built = existsSync(join(root, 'out/main/cli.js'))
  if (!built && process.env.CI === 'true')
    throw new Error('out/main/cli.js is missing: run `npm run build` first')
  if (!built) console.warn('\n*** SKIPPING the built-CLI test: run `npm run build` first ***\n')

  it.runIf(built)('runs through npx from the project folder', async () => {
    const file = join(folder, 'r.rapporteur')
    await run('npx', ['rapporteur', 'new', '--lang', 'zh', '-o', file], { cwd: root })
    const { stdout } = await run('npx', ['rapporteur', 'stats', file, '--json'], { cwd: root })
    const labels = JSON.parse(stdout).chapters.map((chapter: { label: string }) => chapter.label)
    expect(labels).toEqual(['一.', '二.', '三.', '四.', '五.'])
  })
})
