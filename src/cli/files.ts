import { promises as fs } from 'node:fs'
import { parseReport, serializeReport, ReportFileError, type Report } from '@core/report-file'
import { writeFileAtomic } from '../services/atomic-write'
import { describeFsError } from '../services/fs-errors'

/** Plain words for a file-system error; lives with the services so the app and CLI agree. */
export { describeFsError }

/** A file problem worth one line on stderr, without a stack trace. */
export class CliFileError extends Error {}

/** Reads and validates a `.rapporteur` file; problems become one-line messages naming the file. */
export async function readReportFile(path: string): Promise<Report> {
  let text: string
  try {
    text = await fs.readFile(path, 'utf8')
  } catch (error) {
    throw new CliFileError(`cannot read ${path}: ${describeFsError(error)}`)
  }
  try {
    return parseReport(text)
  } catch (error) {
    if (error instanceof ReportFileError) throw new CliFileError(`${path}: ${error.message}`)
    throw error
  }
}

/** Writes a report atomically. */
export async function writeReportFile(path: string, report: Report): Promise<void> {
  await writeOutputFile(path, serializeReport(report))
}

/** Writes any output file atomically, with a one-line message if it cannot be written. */
export async function writeOutputFile(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, data)
  } catch (error) {
    throw new CliFileError(`cannot write ${path}: ${describeFsError(error)}`)
  }
}
