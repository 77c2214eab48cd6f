import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import { recoveryWriteSchema, type RecoverySummary, type RecoveryWrite } from '@shared/contract'
import { reportFromJSON, type Report } from '@core/report-file'
import { TEMPORARY_SUFFIX, writeFileAtomic } from './atomic-write'
import { ReportFileError } from '@core/report-file'
import { nodeFileSystem, isMissing, readRegularFile, type FileSystem } from './fs-layer'
import { MAX_REPORT_BYTES } from './file-store'

/**
 * The crash-recovery store: the latest unsaved state of every open document
 * (saved or never saved), one JSON file per document in `<userData>/recovery/`,
 * each written atomically so a kill leaves the previous or the new entry. On
 * the next start the app lists them to restore or discard. A damaged entry is
 * skipped and reported, never fatal, and is kept (moved to `damaged/`) rather
 * than deleted, since it may be someone's only copy.
 */

const ENTRY_FORMAT = 'rapporteur-recovery'

const entrySchema = recoveryWriteSchema.extend({
  format: z.literal(ENTRY_FORMAT),
  savedAt: z.number()
})

/** A recovery entry as stored. */
export type RecoveryEntry = z.infer<typeof entrySchema>

/** A recovery entry that could not be read, for the user to hear about. */
export interface RecoveryProblem {
  file: string
  message: string
}

/** The result of listing the store. */
export interface RecoveryListing {
  entries: RecoverySummary[]
  problems: RecoveryProblem[]
}

/** A restored entry: the report (validated) and where it came from. */
export interface RecoveredReport {
  entry: RecoveryEntry
  report: Report
}

/** Options of `RecoveryStore`. */
export interface RecoveryStoreOptions {
  /** Normally `<userData>/recovery`. */
  folder: string
  fs?: FileSystem
  now?: () => number
}

/** Unsaved work of every open document, to survive a crash. */
export class RecoveryStore {
  private readonly fs: FileSystem
  private readonly now: () => number

  constructor(private readonly options: RecoveryStoreOptions) {
    this.fs = options.fs ?? nodeFileSystem
    this.now = options.now ?? Date.now
  }

  /** The folder of the store. */
  get folder(): string {
    return this.options.folder
  }

  /** The file holding a document's entry (named by a hash, so any id is a safe name). */
  entryFile(documentId: string): string {
    const key = createHash('sha256').update(documentId).digest('hex').slice(0, 32)
    return join(this.options.folder, `${key}.json`)
  }

  /** Writes (replaces) the entry of one document. */
  async write(entry: RecoveryWrite): Promise<void> {
    await this.fs.mkdir(this.options.folder, { recursive: true })
    const stored: RecoveryEntry = { format: ENTRY_FORMAT, savedAt: this.now(), ...entry }
    await writeFileAtomic(this.entryFile(entry.documentId), JSON.stringify(stored), this.fs)
  }

  /** Removes a document's entry (after a save, "don't save", or the user discarding it). */
  async clear(documentId: string): Promise<void> {
    await this.fs.rm(this.entryFile(documentId), { force: true })
  }

  /**
   * Every readable entry, newest first, with a size hint against the file on
   * disk; damaged entries are moved to `damaged/` and listed as problems.
   */
  async list(): Promise<RecoveryListing> {
    const entries: RecoverySummary[] = []
    const problems: RecoveryProblem[] = []
    for (const name of await this.entryNames()) {
      const file = join(this.options.folder, name)
      try {
        const entry = await this.readEntry(file)
        checkReport(entry)
        // A flipped bit in the id leaves sound JSON in a file restore would never look in.
        if (this.entryFile(entry.documentId) !== file)
          throw new Error('the recovered copy is damaged (it names another document)')
        entries.push({
          documentId: entry.documentId,
          path: entry.path,
          title: entry.title,
          savedAt: entry.savedAt,
          sizeDifference: await this.sizeDifference(entry)
        })
      } catch (error) {
        if (isMissing(error)) continue // cleared meanwhile
        problems.push({ file: name, message: (error as Error).message })
        await this.setAside(name)
      }
    }
    entries.sort((a, b) => b.savedAt - a.savedAt)
    return { entries, problems }
  }

  /** Reads and validates one document's entry. Throws with a message for the user. */
  async restore(documentId: string): Promise<RecoveredReport> {
    let entry: RecoveryEntry
    try {
      entry = await this.readEntry(this.entryFile(documentId))
    } catch (error) {
      if (isMissing(error)) throw new Error('There is no recovered copy of that document any more.')
      throw error
    }
    if (entry.documentId !== documentId)
      throw new Error('The recovered copy belongs to another document.')
    return { entry, report: checkReport(entry) }
  }

  /** Deletes temporary files left by a write that was killed midway. */
  async removeLeftovers(): Promise<void> {
    try {
      for (const name of await this.fs.readdir(this.options.folder))
        if (name.endsWith(TEMPORARY_SUFFIX))
          await this.fs.rm(join(this.options.folder, name), { force: true })
    } catch (error) {
      if (!isMissing(error)) throw error
    }
  }

  private async entryNames(): Promise<string[]> {
    try {
      return (await this.fs.readdir(this.options.folder)).filter((name) =>
        /^[0-9a-f]{32}\.json$/.test(name)
      )
    } catch (error) {
      if (isMissing(error)) return []
      throw error
    }
  }

  private async readEntry(file: string): Promise<RecoveryEntry> {
    const text = (await this.fs.readFile(file)).toString('utf8')
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new Error('the recovered copy is damaged (not readable JSON)')
    }
    const parsed = entrySchema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new Error(
        `the recovered copy is damaged (${issue.path.join('.') || 'entry'}: ${issue.message})`
      )
    }
    return parsed.data
  }

  /** Characters the recovered report differs in length from the file on disk; null without a file. */
  private async sizeDifference(entry: RecoveryEntry): Promise<number | null> {
    if (entry.path === null) return null
    try {
      const onDisk = (await readRegularFile(this.fs, entry.path, MAX_REPORT_BYTES)).toString('utf8')
      const recovered = JSON.stringify(entry.report, null, 1) + '\n'
      return recovered.length - onDisk.length
    } catch {
      return null
    }
  }

  private async setAside(name: string): Promise<void> {
    const damaged = join(this.options.folder, 'damaged')
    try {
      await this.fs.mkdir(damaged, { recursive: true })
      await this.fs.rename(join(this.options.folder, name), join(damaged, `${this.now()}-${name}`))
    } catch {
      // Listing must go on; the entry stays where it is and is reported again next time.
    }
  }
}

/** Validates the report inside an entry, so a damaged one is reported before anyone picks it. */
function checkReport(entry: RecoveryEntry): Report {
  try {
    return reportFromJSON(entry.report)
  } catch (error) {
    if (error instanceof ReportFileError)
      throw new Error(`the recovered copy is damaged (${error.message})`)
    throw error
  }
}
