import { spawn } from 'node:child_process'
import { chromium } from 'playwright-core'
const child = spawn('npx', ['tsx', '--tsconfig', 'tsconfig.node.json', 'tests/harness/main.ts', '--folder', process.argv[2]], { stdio: ['ignore', 'pipe', 'inherit'], detached: true })
const url = await new Promise<string>((res) => { let o = ''; child.stdout.on('data', (c: Buffer) => { o += c; const f = /Rapporteur harness: (\S+)/.exec(o); if (f) res(f[1]) }) })
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' })
const page = await browser.newPage({ viewport: { width: 1440, height: 960 } })
const errors: string[] = []
page.on('pageerror', (e) => errors.push(e.message))
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
await page.goto(url)
await page.locator('.ProseMirror').waitFor()
console.log(await page.evaluate(`[...document.querySelectorAll('[data-command]')].map(b => b.getAttribute('data-command')).join(' ')`))
await page.click('[data-command=open]')
await page.locator('.ProseMirror .recommendation').first().waitFor()
for (const cmd of process.argv.slice(3)) {
  const b = page.locator(`[data-command=${cmd}]`).first()
  if (await b.count() === 0) { console.log('no', cmd); continue }
  await b.click().catch((e) => console.log('click fail', cmd, e.message.slice(0, 80)))
  await page.waitForTimeout(300)
  console.log(cmd, await page.evaluate(`'dormant ' + document.querySelectorAll('.ProseMirror .dormant').length + ' paras ' + document.querySelectorAll('.ProseMirror .numbered-paragraph').length`))
}
await page.waitForTimeout(3000)
console.log('end', await page.evaluate(`'dormant ' + document.querySelectorAll('.ProseMirror .dormant').length + ' paras ' + document.querySelectorAll('.ProseMirror .numbered-paragraph').length`))
await page.screenshot({ path: '/tmp/ui.png' })
console.log('errors', errors)
await browser.close(); process.kill(-child.pid!, 'SIGTERM'); process.exit(0)
