import { readFile } from 'node:fs/promises'
import type { ExportRequest } from '../../../src/shared/contract'
import { parseReport, reportToJSON } from '../../../src/core/report-file'
import { announce, openReportHost } from './child-host'
import { DOCUMENT_ID, reportForGeneration, SAVE_EVERY } from './generations'

/**
 * The child process of the kill test: the app's own request handlers (the
 * same ones Electron's main process serves) editing one report forever. Each
 * generation is written to the recovery store (autosave), and every
 * `SAVE_EVERY`th one is also saved to the file and its recovery entry cleared,
 * as the app does. Each completed step is announced on stdout, so the parent
 * knows what must survive a kill:
 *   ready | R <generation> (recovery written) | S <generation> (saved) | C <generation> (cleared)
 *
 * Usage (bundled by the test): node save-loop.cjs <report file> <user-data folder> <base report> <first generation>
 */

const [file, userDataDir, basePath, firstArgument] = process.argv.slice(2)

async function main(): Promise<void> {
  const base = parseReport(await readFile(basePath, 'utf8'))
  const opened = await openReportHost(file, userDataDir)
  const host = opened.host
  announce('ready')
  for (let generation = Number(firstArgument); ; generation++) {
    const report = reportToJSON(reportForGeneration(base, generation)) as ExportRequest['report']
    await host.writeRecovery({ documentId: DOCUMENT_ID, path: file, title: 'Kill test', report })
    announce(`R ${generation}`)
    if (generation % SAVE_EVERY !== 0) continue
    const saved = await host.saveReport(opened.documentId, report, { saveAs: false, force: false })
    if (!saved.ok) throw new Error(`save failed: ${JSON.stringify(saved)}`)
    announce(`S ${generation}`)
    await host.clearRecovery(DOCUMENT_ID)
    announce(`C ${generation}`)
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
