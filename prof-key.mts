import { spawn } from 'node:child_process'
import { chromium } from 'playwright-core'
const folder = process.argv[2]
const mode = process.argv[3] ?? 'cpu'
const child = spawn('npx', ['tsx', '--tsconfig', 'tsconfig.node.json', 'tests/harness/main.ts', '--folder', folder], { stdio: ['ignore', 'pipe', 'inherit'], detached: true })
const url = await new Promise<string>((res) => { let o = ''; child.stdout.on('data', (c: Buffer) => { o += c; const f = /Rapporteur harness: (\S+)/.exec(o); if (f) res(f[1]) }) })
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' })
const page = await browser.newPage({ viewport: { width: 1440, height: 960 } })
await page.goto(url)
await page.locator('.ProseMirror').waitFor()
await page.click('[data-command=open]')
await page.locator('.ProseMirror .recommendation').first().waitFor({ timeout: 60_000 })
await page.waitForTimeout(1500)
const middle = page.locator('.ProseMirror .paragraph-text').nth(200)
await middle.scrollIntoViewIfNeeded()
await middle.click()
await page.waitForTimeout(500)
const type = () => page.evaluate(async (count) => {
  const times: number[] = []
  for (let i = 0; i < count + 20; i++) {
    const start = performance.now()
    document.execCommand('insertText', false, i % 6 === 5 ? ' ' : 'e')
    await Promise.resolve(); await Promise.resolve()
    void document.body.offsetHeight
    if (i >= 20) times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { p50: times[Math.floor(0.5 * times.length)], p95: times[Math.floor(0.95 * times.length)], max: times.at(-1) }
}, 300)
console.log('untraced', await type())
const s = await page.context().newCDPSession(page)
if (mode === 'cpu') {
  await s.send('Profiler.enable'); await s.send('Profiler.setSamplingInterval', { interval: 100 })
  await s.send('Profiler.start')
  console.log('profiled', await type())
  const { profile } = await s.send('Profiler.stop') as any
  const byId = new Map<number, any>(); for (const n of profile.nodes) byId.set(n.id, n)
  const counts = new Map<number, number>(); profile.samples.forEach((id: number, i: number) => counts.set(id, (counts.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
  const parent = new Map<number, number>(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const self = new Map<string, number>(), incl = new Map<string, number>()
  const key = (n: any) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`
  for (const [id, us] of counts) { self.set(key(byId.get(id)), (self.get(key(byId.get(id))) ?? 0) + us); const seen = new Set<string>(); let cur: number | undefined = id; while (cur !== undefined) { const k = key(byId.get(cur)); if (!seen.has(k)) { incl.set(k, (incl.get(k) ?? 0) + us); seen.add(k) } cur = parent.get(cur) } }
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((us / 1000).toFixed(1).padStart(8), k)
  const under = new Map<string, number>()
  for (const [id, us] of counts) { let cur: number | undefined = id; let below: number | undefined; while (cur !== undefined) { const n = byId.get(cur); if (n.callFrame.functionName === 'renderComponentRoot' && below !== undefined) { const k = key(byId.get(below)); under.set(k, (under.get(k) ?? 0) + us); break } below = cur; cur = parent.get(cur) } }
  console.log('--- under renderComponentRoot')
  for (const [k, us] of [...under].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log((us / 1000).toFixed(1).padStart(8), k)
  console.log('--- inclusive')
  for (const [k, us] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 70)) console.log((us / 1000).toFixed(1).padStart(8), k)
} else {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink'] })
  console.log('traced', await type())
  const trace = JSON.parse((await browser.stopTracing()).toString())
  const events = trace.traceEvents
  const mains = new Set(events.filter((e: any) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e: any) => `${e.pid}:${e.tid}`))
  const sum = new Map<string, number>(); const cnt = new Map<string, number>()
  for (const e of events) if (e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`)) { sum.set(e.name, (sum.get(e.name) ?? 0) + e.dur); cnt.set(e.name, (cnt.get(e.name) ?? 0) + 1) }
  for (const [k, v] of [...sum].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((v / 1000).toFixed(1).padStart(8), String(cnt.get(k)).padStart(6), k)
  // layout events details
  const layouts = events.filter((e: any) => e.name === 'Layout' && mains.has(`${e.pid}:${e.tid}`))
  const dirty = layouts.map((e: any) => e.args?.beginData?.dirtyObjects).filter((x: any) => x !== undefined)
  const total = layouts.map((e: any) => e.args?.beginData?.totalObjects)
  console.log('layouts', layouts.length, 'dirty sample', dirty.slice(0, 10), 'total sample', total.slice(0, 5), 'partial', layouts.map((e:any)=>e.args?.beginData?.partialLayout).slice(0,5))
  const styles = events.filter((e: any) => e.name === 'UpdateLayoutTree' && mains.has(`${e.pid}:${e.tid}`))
  console.log('style recalcs', styles.length, 'elements sample', styles.map((e: any) => e.args?.elementCount).slice(0, 12))
}
await browser.close(); process.kill(-child.pid!, 'SIGTERM'); process.exit(0)
