import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * The harness's loopback API client is test plumbing: the product page
 * (index.html and every script it loads) must not contain it, while the
 * harness page does.
 */
const RENDERER = resolve(__dirname, '../../out/renderer')
const built = existsSync(join(RENDERER, 'index.html')) && existsSync(join(RENDERER, 'harness.html'))
if (!built) {
  if (process.env.CI === 'true')
    throw new Error(`${RENDERER} is not built: run npm run build first`)
  console.warn(`\n*** SKIPPED: ${RENDERER} is not built; run \`npm run build\` to check it ***\n`)
}

/** The text of a page and of every script module it loads, transitively. */
function pageCode(page: string): string {
  const seen = new Set<string>()
  const read = (file: string): string => {
    if (seen.has(file)) return ''
    seen.add(file)
    const text = readFileSync(join(RENDERER, file), 'utf8')
    const imports = [
      ...text.matchAll(/(?:src="\/|from"\.\/|from "\.\/|import\("\.\/|"\.\/)([\w./-]+\.js)"/g)
    ]
    return text + imports.map((match) => read(resolveFrom(file, match[1]))).join('\n')
  }
  return read(page)
}

function resolveFrom(from: string, target: string): string {
  if (from.endsWith('.html')) return target
  const folder = from.split('/').slice(0, -1).join('/')
  return folder ? `${folder}/${target}` : target
}

describe.runIf(built)('the product renderer bundle', () => {
  it('has no harness API client; the harness page has it', () => {
    const marker = 'x-rapporteur-token'
    const assets = readdirSync(join(RENDERER, 'assets'))
    expect(assets.some((name) => name.endsWith('.js'))).toBe(true)
    expect(pageCode('harness.html')).toContain(marker)
    expect(pageCode('index.html')).not.toContain(marker)
  })
})
