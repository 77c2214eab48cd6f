import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { startHarness } from './server'

/**
 * `npm run dev:web`: the built renderer in Chromium, its API answered by the
 * real main services over loopback. Options: `--folder DIR` (where Save and
 * Open look; default a temporary folder), `--open` (start /usr/bin/chromium
 * on the page), `--no-open` (only serve, e.g. for a headless browser; wins over
 * `--open`, so `npm run dev:web -- --no-open` works). Dialogs are scripted: Save writes into the folder under the
 * proposed name, Open takes the newest matching file there.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const folderIndex = args.indexOf('--folder')
  const documentsDir = folderIndex >= 0 ? resolve(args[folderIndex + 1] ?? '.') : undefined
  const harness = await startHarness({
    documentsDir,
    log: (line) => console.log(`[harness] ${line}`)
  })
  console.log(`Rapporteur harness: ${harness.url}`)
  console.log(`Documents folder:   ${harness.documentsDir}`)
  console.log(`User data folder:   ${harness.userDataDir}`)
  if (args.includes('--open') && !args.includes('--no-open')) {
    const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium'
    if (!existsSync(chromium))
      console.error(`No browser at ${chromium}; open the address yourself.`)
    else
      spawn(chromium, [`--app=${harness.url}`, '--no-first-run'], {
        stdio: 'ignore',
        detached: true
      }).unref()
  }
  const stop = () => void harness.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
