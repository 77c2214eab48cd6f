import { promises as fs } from 'node:fs'
import { basename, extname } from 'node:path'
import { parseReport, serializeReport, ReportFileError, type Report } from '@core/report-file'
import { writeFileAtomic } from '../services/atomic-write'
import { MAX_REPORT_BYTES } from '../services/file-store'
import { describeFsError } from '../services/fs-errors'
import { nodeFileSystem, readRegularFile } from '../services/fs-layer'
import { UsageError } from './command'

/** Plain words for a file-system error; lives with the services so the app and CLI agree. */
export { describeFsError }

/** A file problem worth one line on stderr, without a stack trace. */
export class CliFileError extends Error {}

/** How an output file may be written. */
export interface OutputRules {
  /** The extension the content written calls for, without the dot (`docx`, `rapporteur`). */
  extension: string
  /** Replace a file that is already there (`--force`); without it an existing file is never touched. */
  force: boolean
}

/** The `--force` option every writing command takes. */
export const FORCE_OPTION = { force: { type: 'boolean', short: 'f' } } as const

/**
 * Reads an input file the user named: an ordinary file (not a folder, a pipe
 * or a device such as /dev/zero) of at most `maxBytes`.
 */
export async function readInputFile(path: string, maxBytes: number): Promise<Buffer> {
  try {
    return await readRegularFile(nodeFileSystem, path, maxBytes)
  } catch (error) {
    throw new CliFileError(`cannot read ${path}: ${describeFsError(error)}`)
  }
}

/** Reads and validates a `.rapporteur` file; problems become one-line messages naming the file. */
export async function readReportFile(path: string): Promise<Report> {
  const text = (await readInputFile(path, MAX_REPORT_BYTES)).toString('utf8')
  try {
    return parseReport(text)
  } catch (error) {
    if (error instanceof ReportFileError) throw new CliFileError(`${path}: ${error.message}`)
    throw error
  }
}

/**
 * Writes a report, after checking that the text written is one this program
 * loads again: a report that cannot be opened is never written.
 */
export async function writeReportFile(path: string, report: Report, force: boolean): Promise<void> {
  const text = serializeReport(report)
  try {
    parseReport(text)
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error)
    throw new CliFileError(
      `the result is not a valid report, so ${path} was not written: ${problem}`
    )
  }
  await writeOutputFile(path, text, { extension: 'rapporteur', force })
}

/**
 * Writes an output file atomically, with a one-line message if it cannot be
 * written. The name must end in the extension of what is written, and a file
 * already there is replaced only with `force`.
 */
export async function writeOutputFile(
  path: string,
  data: string | Uint8Array,
  rules: OutputRules
): Promise<void> {
  checkOutputName(path, rules.extension)
  await refuseExisting(path, rules.force)
  try {
    await writeFileAtomic(path, data)
  } catch (error) {
    throw new CliFileError(`cannot write ${path}: ${describeFsError(error)}`)
  }
}

/** Refuses to go on when `path` exists and replacing it was not asked for (`--force`). */
export async function refuseExisting(path: string, force: boolean | undefined): Promise<void> {
  if (!force && (await exists(path)))
    throw new CliFileError(`${path} already exists; add --force to replace it`)
}

/** Refuses an output name whose extension does not say what is written in it. */
export function checkOutputName(path: string, extension: string): void {
  if (extname(path).toLowerCase() !== `.${extension}`)
    throw new UsageError(`the output file must end in .${extension} (got ${basename(path)})`)
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw new CliFileError(`cannot check ${path}: ${describeFsError(error)}`)
  }
}
