import { basename, extname, resolve } from 'node:path'
import { reportToDocx } from '@core/docx/index'
import { importDocx, ImportError } from '@core/import'
import type { Report } from '@core/report-file'
import { compareReports, COMPARISON_AUTHOR } from '@core/review/compare'
import { reviewSummary } from '@core/review/summary'
import { MAX_IMPORT_BYTES } from '../../services/host'
import { requireOption, requirePositional, UsageError, type Command } from '../command'
import {
  checkOutputName,
  CliFileError,
  FORCE_OPTION,
  readInputFile,
  readReportFile,
  writeOutputFile
} from '../files'

/** Reads one side of a comparison: a `.rapporteur` report, or a Word file imported as one. */
async function readComparedReport(path: string): Promise<Report> {
  const extension = extname(path).toLowerCase()
  if (extension === '.rapporteur') return readReportFile(path)
  if (extension !== '.docx')
    throw new UsageError(`${basename(path)}: compare reads .rapporteur or .docx files`)
  const bytes = new Uint8Array(await readInputFile(path, MAX_IMPORT_BYTES))
  try {
    return importDocx(bytes).report
  } catch (error) {
    if (error instanceof ImportError) throw new CliFileError(`${path}: ${error.message}`)
    throw error
  }
}

/** `rapporteur compare OLD NEW -o changes.docx`: a redline of what changed from OLD to NEW. */
export const compareCommand: Command = {
  name: 'compare',
  summary: 'write a redline .docx: NEW with what changed since OLD as tracked changes',
  usage:
    'compare OLD.(rapporteur|docx) NEW.(rapporteur|docx) -o CHANGES.docx [--author NAME] [--force]',
  options: {
    output: { type: 'string', short: 'o' },
    author: { type: 'string' },
    ...FORCE_OPTION
  },
  async run(args, output) {
    const oldPath = requirePositional(args, 0, 'the older report')
    const newPath = requirePositional(args, 1, 'the newer report')
    const target = requireOption(args, 'output', 'the redline file')
    checkOutputName(target, 'docx')
    for (const input of [oldPath, newPath])
      if (resolve(target) === resolve(input))
        throw new UsageError(`the output would overwrite ${basename(input)}`)
    const author = args.values.author
    if (author !== undefined && (typeof author !== 'string' || author.trim() === ''))
      throw new UsageError('missing the name after --author')

    const older = await readComparedReport(oldPath)
    const newer = await readComparedReport(newPath)
    const doc = compareReports(older.doc, newer.doc, {
      who: { author: typeof author === 'string' ? author.trim() : COMPARISON_AUTHOR }
    })
    const redline = await reportToDocx({ meta: newer.meta, doc }, { review: 'keep' })
    await writeOutputFile(target, redline, { extension: 'docx', force: args.values.force === true })

    const { insertions, deletions, moves } = reviewSummary(doc).trackedChanges
    output.stderr(
      `wrote ${target}: ${insertions} insertion(s), ${deletions} deletion(s), ${moves} move(s)\n`
    )
    return 0
  }
}
