#!/usr/bin/env node
'use strict'
/**
 * `npm run dev`: starts electron-vite's dev mode, but first makes sure the
 * Electron runtime is there. Electron 45 downloads it on first use; where that
 * is impossible (no internet, a locked-down machine) this prints one sentence
 * saying how to get it, or to use `npm run dev:web`, instead of a stack trace.
 */
const { spawnSync } = require('node:child_process')
const { existsSync, readFileSync } = require('node:fs')
const { dirname, join } = require('node:path')

/**
 * Where the Electron executable is (or would be) and whether it exists, found
 * the way the `electron` package finds it, without starting a download.
 */
function electronRuntime(packageDir, env = process.env) {
  const pathFile = join(packageDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  const executable = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : relative
      ? join(packageDir, 'dist', relative)
      : null
  return { executable, installed: executable !== null && existsSync(executable) }
}

/** Tries Electron's own download once; its stack trace on failure is kept out of sight. */
function download(packageDir) {
  console.log('Downloading the Electron runtime (once)…')
  const result = spawnSync(process.execPath, [join(packageDir, 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8'
  })
  return result.status === 0
}

function main() {
  const packageDir = dirname(require.resolve('electron/package.json'))
  let runtime = electronRuntime(packageDir)
  const mayDownload =
    !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD && !process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (!runtime.installed && mayDownload && download(packageDir))
    runtime = electronRuntime(packageDir)
  if (!runtime.installed) {
    process.stderr.write(
      'The Electron runtime is not installed (it could not be downloaded here): run `npx install-electron` on a machine with internet access, or run the app in Chromium with `npm run dev:web`.\n'
    )
    process.exit(1)
  }
  const electronVite = join(
    dirname(require.resolve('electron-vite/package.json')),
    'bin',
    'electron-vite.js'
  )
  const result = spawnSync(process.execPath, [electronVite, 'dev', ...process.argv.slice(2)], {
    stdio: 'inherit'
  })
  process.exit(result.status ?? 1)
}

if (require.main === module) main()

module.exports = { electronRuntime }
