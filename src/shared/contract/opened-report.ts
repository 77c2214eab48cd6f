import type { OpenedReport, RapporteurApi } from './index'
import { parseReport, reportFromJSON, ReportFileError, type Report } from '@core/report-file'

/**
 * The report the host opened, built once: from its JSON (a new, imported or
 * restored report), or — for a file read from disk — from the file's text,
 * fetched from the host in parts and parsed and checked here, so the host's
 * thread never holds a large file. Throws the loader's `ReportFileError`,
 * whose message names the file and the problem, for a file it refuses.
 */
export async function reportOfOpened(
  api: Pick<RapporteurApi, 'readOpenedText'>,
  opened: OpenedReport
): Promise<Report> {
  if (opened.report) return reportFromJSON(opened.report)
  const parts: string[] = []
  for (let index = 0; index < opened.textParts; index++)
    parts.push(await api.readOpenedText(opened.documentId, index))
  try {
    return parseReport(parts.join(''))
  } catch (error) {
    // Named as the host named a file it could not read, so every refusal reads alike.
    if (!(error instanceof ReportFileError) || opened.path === null) throw error
    const name = opened.path.split(/[\\/]/).pop() || opened.path
    throw new ReportFileError(error.code, `Cannot open “${name}”: ${error.message}`, error.path)
  }
}
