import { spawn } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SENTINEL } from '@electron/fuses/dist/constants'

/**
 * Packaging without the Electron runtime: a stand-in for the unpacked
 * Electron distribution (an "executable" that carries a real fuse wire, so
 * the afterPack hook has something to flip), and `electron-builder --dir`
 * run against it.
 */

/** The fuse wire Electron ships (V1, eight fuses, as in an unmodified binary). */
const SHIPPED_WIRE = '10111001'

/** Writes a stand-in Electron distribution for Linux into `folder`. */
export async function writeStandInElectron(folder: string): Promise<void> {
  await mkdir(join(folder, 'resources'), { recursive: true })
  const executable = Buffer.concat([
    Buffer.from('#!/bin/sh\n# stand-in for the Electron executable\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, SHIPPED_WIRE.length]),
    Buffer.from(SHIPPED_WIRE)
  ])
  await writeFile(join(folder, 'electron'), executable, { mode: 0o755 })
  await writeFile(join(folder, 'LICENSE'), 'stand-in')
  await writeFile(join(folder, 'version'), '0.0.0')
}

/**
 * Runs `electron-builder --dir` for Linux x64 with the project's own
 * configuration, the runtime taken from `electronDist`; resolves with the
 * unpacked app folder or rejects with electron-builder's output.
 */
export function packDirectory(options: {
  projectDir: string
  electronDist: string
  outputDir: string
}): Promise<string> {
  const cli = join(options.projectDir, 'node_modules/electron-builder/cli.js')
  const args = [
    cli,
    '--dir',
    '--linux',
    '--x64',
    '--publish',
    'never',
    `-c.electronDist=${options.electronDist}`,
    `-c.directories.output=${options.outputDir}`
  ]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.projectDir,
      env: { ...process.env, ELECTRON_BUILDER_CACHE: join(options.outputDir, '.cache') }
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0
        ? resolve(join(options.outputDir, 'linux-unpacked'))
        : reject(new Error(`electron-builder --dir failed (${code}):\n${output}`))
    )
  })
}
