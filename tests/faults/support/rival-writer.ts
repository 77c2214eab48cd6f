import { readFile } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import type { ExportRequest } from '../../../src/shared/contract'
import { parseReport, reportToJSON } from '../../../src/core/report-file'
import { announce, openReportHost } from './child-host'
import { reportForGeneration } from './generations'

/**
 * One of two app instances editing the same report at once (the two-writers
 * test). Each has its own host and user data, as two instances of the app
 * would, and saves its own edits in a loop with the disk version it last saw.
 * A conflict makes it reload the file and go on, as the user would after
 * choosing "load the disk version". Announces on stdout:
 *   ready | S <version it expected> <version it wrote> | X (conflict) | E <message> | done
 *
 * Usage (bundled by the test): node rival-writer.cjs <report> <user data> <base report> <parity> <saves>
 * It starts saving when a line arrives on stdin, so both rivals start together.
 */

const [file, userDataDir, basePath, parityArgument, savesArgument] = process.argv.slice(2)

async function main(): Promise<void> {
  const base = parseReport(await readFile(basePath, 'utf8'))
  const opened = await openReportHost(file, userDataDir)
  const host = opened.host
  let diskVersion = opened.diskVersion
  announce('ready')
  await new Promise<void>((go) =>
    createInterface({ input: process.stdin }).once('line', () => go())
  )
  // Each rival writes its own generations (even or odd), so no two saves write the same bytes.
  const parity = Number(parityArgument)
  for (let attempt = 1; attempt <= Number(savesArgument); attempt++) {
    const report = reportToJSON(reportForGeneration(base, attempt * 2 + parity))
    const saved = await host.saveReport(opened.documentId, report as ExportRequest['report'], {
      saveAs: false,
      force: false
    })
    if (saved.ok) {
      announce(`S ${diskVersion} ${saved.diskVersion}`)
      diskVersion = saved.diskVersion
    } else if (saved.reason === 'conflict') {
      announce('X')
      const reloaded = await host.reloadFromDisk(file)
      if (!reloaded.ok) throw new Error(`could not reload: ${JSON.stringify(reloaded)}`)
      diskVersion = reloaded.opened.diskVersion
    } else announce(`E ${saved.reason === 'error' ? saved.message : saved.reason}`)
  }
  host.dispose()
  announce('done')
  process.exit(0)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
