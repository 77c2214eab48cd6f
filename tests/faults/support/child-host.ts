import { writeSync } from 'node:fs'
import { createRequestHandlers, type RequestHandlers } from '../../../src/services/host'

/**
 * What the fault tests' child processes share: the app's own request
 * handlers with the report already open, and a way to tell the parent what
 * they have finished.
 */

/**
 * Tells the parent one finished step. Written straight to the descriptor:
 * once this returns, the parent can read the line even if the process is
 * killed on the next instruction.
 */
export function announce(line: string): void {
  writeSync(1, `${line}\n`)
}

/** A host over `userDataDir` (as one app instance) with `file` opened through its Open dialog. */
export async function openReportHost(
  file: string,
  userDataDir: string
): Promise<{ host: RequestHandlers; documentId: string; diskVersion: string | null }> {
  const host = createRequestHandlers({
    userDataDir,
    dialogs: { showOpen: async () => file, showSave: async () => null },
    openExternal: async () => undefined,
    setWindowState: () => undefined
  })
  const opened = await host.openReport()
  if (!opened.ok) throw new Error(`could not open the report: ${JSON.stringify(opened)}`)
  return { host, documentId: opened.opened.documentId, diskVersion: opened.opened.diskVersion }
}
