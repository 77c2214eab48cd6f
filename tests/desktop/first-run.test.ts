import { spawn, spawnSync } from 'node:child_process'
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { temporaryFolder } from '../main/helpers'

/**
 * The first run from a checkout: `npm run dev` without the Electron runtime
 * says in one sentence how to get it, and `npm run dev:web -- --no-open`
 * serves the built app and prints its address without starting a browser.
 */

const root = join(__dirname, '../..')
// The launcher is plain CommonJS (it runs before anything is built).
const { electronRuntime } = createRequire(__filename)(join(root, 'scripts/dev.js')) as {
  electronRuntime(
    packageDir: string,
    env?: Record<string, string | undefined>
  ): { executable: string | null; installed: boolean }
}

describe('npm run dev', () => {
  it('finds the runtime where the electron package puts it, without downloading', async () => {
    const folder = await temporaryFolder('rapporteur-electron-pkg-')
    try {
      const packageDir = folder.path
      expect(electronRuntime(packageDir, {})).toEqual({ executable: null, installed: false })
      await writeFile(join(packageDir, 'path.txt'), 'electron')
      expect(electronRuntime(packageDir, {})).toEqual({
        executable: join(packageDir, 'dist', 'electron'),
        installed: false
      })
      await mkdir(join(packageDir, 'dist'))
      await writeFile(join(packageDir, 'dist', 'electron'), '')
      expect(electronRuntime(packageDir, {}).installed).toBe(true)
      // An override folder (as `ELECTRON_OVERRIDE_DIST_PATH` gives) is looked at instead.
      expect(
        electronRuntime(packageDir, { ELECTRON_OVERRIDE_DIST_PATH: join(packageDir, 'none') })
      ).toEqual({ executable: join(packageDir, 'none', 'electron'), installed: false })
    } finally {
      await folder.remove()
    }
  })

  it('without the runtime prints one plain sentence (no stack trace) and fails', async () => {
    const folder = await temporaryFolder('rapporteur-no-electron-')
    try {
      const result = spawnSync(process.execPath, [join(root, 'scripts/dev.js')], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: folder.path },
        timeout: 10_000
      })
      expect(result.status).toBe(1)
      const lines = result.stderr.trim().split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/Electron runtime is not installed/)
      expect(lines[0]).toContain('npm run dev:web')
      expect(result.stderr).not.toMatch(/^\s+at /m)
    } finally {
      await folder.remove()
    }
  })
})

describe('npm run dev:web -- --no-open', () => {
  /** Starts the harness as the npm script does, with a fake browser that leaves a mark. */
  async function serve(args: string[]): Promise<{ url: string; browserStarted: boolean }> {
    const folder = await temporaryFolder('rapporteur-dev-web-')
    const marker = join(folder.path, 'browser-started')
    const browser = join(folder.path, 'browser.sh')
    await writeFile(browser, `#!/bin/sh\ntouch '${marker}'\n`)
    await chmod(browser, 0o755)
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules/tsx/dist/cli.mjs'),
        '--tsconfig',
        'tsconfig.node.json',
        'tests/harness/main.ts',
        ...args
      ],
      { cwd: root, env: { ...process.env, CHROMIUM: browser } }
    )
    try {
      let output = ''
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString()
          const match = /Rapporteur harness: (\S+)/.exec(output)
          // The address line comes first; wait for the last line so a browser would have started.
          if (match && /User data folder/.test(output)) resolve(match[1])
        })
        child.on('exit', (code) => reject(new Error(`harness exited (${code}): ${output}`)))
      })
      const page = await fetch(url)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<div id="app"')
      // A spawned browser script needs a moment to leave its mark.
      await new Promise((resolve) => setTimeout(resolve, 500))
      return { url, browserStarted: existsSync(marker) }
    } finally {
      child.kill('SIGTERM')
      await rm(folder.path, { recursive: true, force: true })
    }
  }

  it('serves the built app on loopback, prints its address and starts no browser', async () => {
    const served = await serve(['--open', '--no-open'])
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/harness\.html#harness=/)
    expect(served.browserStarted).toBe(false)
  }, 60_000)

  it('without --no-open starts the browser on the page (what --no-open turns off)', async () => {
    expect((await serve(['--open'])).browserStarted).toBe(true)
  }, 60_000)
})
