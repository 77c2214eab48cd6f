import { extractFile, listPackage, statFile } from '@electron/asar'
import { getCurrentFuseWire } from '@electron/fuses'
import { FuseState } from '@electron/fuses/dist/constants'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { isBuiltin } from 'node:module'
import { tmpdir } from 'node:os'
import { join, posix, sep } from 'node:path'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import type { Configuration, FileAssociation } from 'app-builder-lib'
import { newReport } from '@core/template'
import { reportToJSON } from '@core/report-file'
import { unpackedPath } from '../../src/main/converters'
import { workerConverters } from '../../src/services/worker-runner'
import { packDirectory, writeStandInElectron } from './stand-in-runtime'

/**
 * The installers' contents, checked without the Electron runtime:
 * electron-builder packs the built app (`npm run build`) against a stand-in
 * runtime, and the resulting app.asar is inspected: every file the main
 * process, the preload, the page and the converter worker load is inside (or,
 * for the worker, unpacked beside it), and the afterPack hook flipped the fuses.
 */

const root = join(__dirname, '../..')

describe('the electron-builder configuration', () => {
  let config: Configuration
  beforeAll(async () => {
    config = await getConfig(root, null, null)
  })

  it('is valid for electron-builder', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    // The check has teeth: an unknown option is refused.
    await expect(
      validateConfiguration(
        { ...config, nsis: { perUser: true } } as Configuration,
        new DebugLogger(false)
      )
    ).rejects.toThrow(/configuration/)
  }, 60_000)

  it('builds NSIS (per user, per machine on request) and MSI, dmg, AppImage and deb', () => {
    const targets = (value: unknown) =>
      (Array.isArray(value) ? value : [value]).map((target) =>
        typeof target === 'string' ? target : (target as { target: string }).target
      )
    expect(config.appId).toBe('org.rapporteur.app')
    expect(config.productName).toBe('Rapporteur')
    expect(targets(config.win?.target)).toEqual(['nsis', 'msi'])
    expect(targets(config.mac?.target)).toEqual(['dmg'])
    expect(targets(config.linux?.target)).toEqual(['AppImage', 'deb'])
    // No admin prompt by default; the installer offers "for all users" (with elevation).
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true })
    expect(config.msi).toMatchObject({ perMachine: true })
    // Update files (latest.yml) are written for a generic feed, but no real address is built in:
    // updates come only from the feed an office configures.
    expect(config.publish).toMatchObject({ provider: 'generic' })
    const { url } = config.publish as { url: string }
    expect(new URL(url).hostname).toMatch(/\.invalid$/)
  })

  it('registers .rapporteur with its MIME type, role and its own icon on every platform', () => {
    const associations = config.fileAssociations as FileAssociation[]
    expect(associations).toHaveLength(1)
    const [report] = associations
    expect(report).toMatchObject({
      ext: 'rapporteur',
      mimeType: 'application/vnd.rapporteur+json',
      role: 'Editor'
    })
    const resources = join(root, config.directories?.buildResources ?? 'build')
    for (const extension of ['icns', 'ico'])
      expect(existsSync(join(resources, `${report.icon}.${extension}`))).toBe(true)
    expect(existsSync(join(resources, String(config.mac?.icon)))).toBe(true)
    expect(existsSync(join(resources, String(config.win?.icon)))).toBe(true)
    expect(existsSync(join(resources, String(config.linux?.icon), '256x256.png'))).toBe(true)
  })
})

describe('the packaged app (electron-builder --dir against a stand-in runtime)', () => {
  let workFolder: string
  let appDir: string
  let archive: string
  let listing: Set<string>

  beforeAll(async () => {
    if (!existsSync(join(root, 'out/main/index.js')))
      throw new Error('No build to package: run "npm run build" first (npm test does).')
    workFolder = await mkdtemp(join(tmpdir(), 'rapporteur-pack-'))
    await writeStandInElectron(join(workFolder, 'electron'))
    appDir = await packDirectory({
      projectDir: root,
      electronDist: join(workFolder, 'electron'),
      outputDir: join(workFolder, 'dist')
    })
    archive = join(appDir, 'resources', 'app.asar')
    listing = new Set(
      listPackage(archive, { isPack: false }).map((path) => path.split(sep).join('/'))
    )
  }, 300_000)

  afterAll(() => (workFolder ? rm(workFolder, { recursive: true, force: true }) : undefined))

  const has = (path: string) => listing.has(posix.normalize(path))
  const read = (path: string) => extractFile(archive, path.slice(1)).toString('utf8')
  const moduleNames = (code: string) =>
    [...code.matchAll(/\b(?:require|import)\(\s*"([^"]+)"\s*\)/g)].map((match) => match[1])

  /** The folder of package `name` as Node would find it from `fromDir`, inside the archive. */
  function packageIn(fromDir: string, name: string): string | null {
    for (let dir = fromDir; ; dir = posix.dirname(dir)) {
      const candidate = posix.join(dir, 'node_modules', name)
      if (has(`${candidate}/package.json`)) return candidate
      if (dir === '/') return null
    }
  }

  /** Every package `names` need, with what they depend on; the names that cannot be found. */
  function missingPackages(fromDir: string, names: string[]): string[] {
    const missing: string[] = []
    const seen = new Set<string>()
    const queue = names.map((name) => ({ fromDir, name }))
    while (queue.length > 0) {
      const { fromDir: from, name } = queue.shift()!
      const folder = packageIn(from, name)
      if (!folder) {
        missing.push(`${name} (from ${from})`)
        continue
      }
      if (seen.has(folder)) continue
      seen.add(folder)
      const manifest = JSON.parse(read(`${folder}/package.json`)) as {
        main?: string
        dependencies?: Record<string, string>
      }
      if (manifest.main) {
        const main = posix.join(folder, manifest.main)
        if (![main, `${main}.js`, `${main}/index.js`].some(has)) missing.push(`${name}'s main file`)
      }
      for (const dependency of Object.keys(manifest.dependencies ?? {}))
        queue.push({ fromDir: folder, name: dependency })
    }
    return missing
  }

  /** The packages a packed script loads, following the packed scripts it requires. */
  function loadedPackages(entry: string): string[] {
    const packages = new Set<string>()
    const seen = new Set<string>()
    const queue = [entry]
    while (queue.length > 0) {
      const file = queue.shift()!
      if (seen.has(file)) continue
      seen.add(file)
      for (const name of moduleNames(read(file))) {
        if (name.startsWith('.')) {
          const target = posix.join(posix.dirname(file), name)
          expect(has(target), `${target} (required by ${file})`).toBe(true)
          queue.push(target)
        } else if (!isBuiltin(name) && name !== 'electron') packages.add(name)
      }
    }
    expect(seen.size).toBeGreaterThan(1)
    return [...packages]
  }

  it('starts where package.json says, with the main process’s own files and packages', () => {
    const manifest = JSON.parse(read('/package.json')) as { main: string }
    const main = posix.join('/', manifest.main)
    expect(has(main)).toBe(true)
    const code = read(main)
    const packages = loadedPackages(main)
    expect(packages).toEqual(expect.arrayContaining(['zod', 'electron-updater']))
    // ProseMirror is bundled from its ES build (its CommonJS build is many times slower).
    expect(packages.filter((name) => name.startsWith('prosemirror-'))).toEqual([])
    expect(missingPackages(posix.dirname(main), packages)).toEqual([])
    // Every join(__dirname, …) the main process makes lands on a packaged file or folder.
    const targets = [...code.matchAll(/join\)\(__dirname, "([^"]+)"\)/g)].map((match) => match[1])
    expect(targets).toEqual(
      expect.arrayContaining(['../renderer', '../preload/index.js', 'converter-worker.js'])
    )
    for (const target of targets) expect(has(posix.join(posix.dirname(main), target))).toBe(true)
    // The command-line tool and source maps stay out of the app.
    expect(has('/out/main/cli.js')).toBe(false)
    expect([...listing].filter((path) => path.endsWith('.map'))).toEqual([])
  })

  it('holds the sandboxed preload whole (it can load nothing but electron)', () => {
    expect(has('/out/preload/index.js')).toBe(true)
    const names = moduleNames(read('/out/preload/index.js'))
    expect(names.filter((name) => name !== 'electron')).toEqual([])
  })

  it('holds the page and every asset it references', () => {
    const html = read('/out/renderer/index.html')
    const referenced = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((match) => match[1])
    expect(referenced.some((path) => path.endsWith('.js'))).toBe(true)
    const assets = [...listing].filter((path) => path.startsWith('/out/renderer/assets/'))
    for (const asset of assets.filter((path) => /\.(js|css)$/.test(path))) {
      const code = read(asset)
      for (const match of code.matchAll(/["'`(]\.\/([\w.-]+\.(?:js|mjs|css|woff2?|png|svg|wasm))/g))
        referenced.push(`assets/${match[1]}`)
    }
    for (const path of referenced) expect(has(`/out/renderer/${path}`), path).toBe(true)
    // Everything the build wrote for the product page is packed; the test harness's page is not.
    const built = spawnSync('find', [join(root, 'out/renderer'), '-type', 'f'], {
      encoding: 'utf8'
    })
    const harnessFiles = /^(harness\.html|assets\/harness-[\w-]+\.js)$/
    for (const file of built.stdout.trim().split('\n')) {
      const relative = file.slice(join(root, 'out/renderer').length + 1)
      expect(has(`/out/renderer/${relative}`), relative).toBe(!harnessFiles.test(relative))
    }
    expect([...listing].filter((path) => path.includes('harness'))).toEqual([])
  })

  it('unpacks the converter worker with everything it loads, and an export runs from there', async () => {
    const packedWorker = join(archive, 'out', 'main', 'converter-worker.js')
    const worker = unpackedPath(packedWorker)
    expect(worker).toBe(
      join(appDir, 'resources', 'app.asar.unpacked', 'out', 'main', 'converter-worker.js')
    )
    expect(statFile(archive, 'out/main/converter-worker.js')).toMatchObject({ unpacked: true })
    expect(existsSync(worker)).toBe(true)
    // Loaded in a plain Node process: every module it pulls in comes from the unpacked folder.
    const probe = spawnSync(
      process.execPath,
      [
        '-e',
        `require(${JSON.stringify(worker)}); console.log(JSON.stringify(Object.keys(require.cache)))`
      ],
      { encoding: 'utf8', cwd: tmpdir() }
    )
    expect(probe.stderr).toBe('')
    const loaded = JSON.parse(probe.stdout) as string[]
    expect(loaded.some((path) => path.includes(`${sep}node_modules${sep}docx${sep}`))).toBe(true)
    const unpackedRoot = join(appDir, 'resources', 'app.asar.unpacked') + sep
    expect(loaded.filter((path) => !path.startsWith(unpackedRoot))).toEqual([])
    // And the app's own runner gets a Word document out of it.
    const { exportDocx } = workerConverters(worker)
    const bytes = await exportDocx(reportToJSON(newReport('en')))
    expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK')
  }, 60_000)

  it('flips the Electron fuses of the packaged executable (afterPack)', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'rapporteur'))
    expect(wire).toMatchObject({
      0: FuseState.DISABLE, // RunAsNode
      1: FuseState.ENABLE, // EnableCookieEncryption
      2: FuseState.DISABLE, // EnableNodeOptionsEnvironmentVariable
      3: FuseState.DISABLE, // EnableNodeCliInspectArguments
      5: FuseState.ENABLE, // OnlyLoadAppFromAsar
      6: FuseState.DISABLE, // LoadBrowserProcessSpecificV8Snapshot
      7: FuseState.DISABLE // GrantFileProtocolExtraPrivileges (the page has its own scheme)
    })
  })
})
