import { readFile } from 'node:fs/promises'
import { basename, extname, resolve } from 'node:path'
import { reportToDocx } from '@core/docx/index'
import { checkReport, exportWarnings } from '@core/checks/index'
import { reviewSummary, suggestionCount } from '@core/review/summary'
import { UsageError, requirePositional, type Command } from '../command'
import {
  checkOutputName,
  CliFileError,
  describeFsError,
  FORCE_OPTION,
  readReportFile,
  refuseExisting,
  writeOutputFile
} from '../files'
import { readHouseTemplate, type HouseTemplate } from '@core/docx/house-template'
import { docxToPdf, findSoffice, NO_LIBREOFFICE } from '../pdf'

/** The output next to the report when no `-o` is given: `report.rapporteur` → `report.docx` (or `.pdf`). */
function defaultOutput(input: string, format: 'docx' | 'pdf'): string {
  const extension = extname(input)
  return `${extension ? input.slice(0, -extension.length) : input}.${format}`
}

/** The house template named by `--template`, read and checked; a bad one is a bad file (exit 1). */
async function houseTemplate(path: unknown): Promise<HouseTemplate | undefined> {
  if (path === undefined) return undefined
  if (typeof path !== 'string' || path === '')
    throw new UsageError('missing the template file after --template')
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw new CliFileError(`cannot read the house template ${path}: ${describeFsError(error)}`)
  }
  try {
    return readHouseTemplate(bytes)
  } catch (error) {
    throw new CliFileError(`${path}: ${(error as Error).message}`)
  }
}

/** `rapporteur export FILE.rapporteur [-o FILE.docx] [--template FILE.dotx]`: the official Word file. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'write the official Word (.docx) file of a report',
  usage:
    'export FILE.rapporteur [-o FILE.docx | --pdf [-o FILE.pdf]] [--accept-all | --reject-all] [--template HOUSE.dotx] [--force]',
  options: {
    output: { type: 'string', short: 'o' },
    'accept-all': { type: 'boolean', default: false },
    'reject-all': { type: 'boolean', default: false },
    template: { type: 'string' },
    // The Word file converted by an installed LibreOffice (there is no browser here to print the page view).
    pdf: { type: 'boolean', default: false },
    ...FORCE_OPTION
  },
  async run(args, output) {
    const input = requirePositional(args, 0, 'the report file')
    const given = args.values.output
    if (given !== undefined && (typeof given !== 'string' || given === ''))
      throw new UsageError('missing the output file after -o / --output')
    const format = args.values.pdf === true ? 'pdf' : 'docx'
    const target = typeof given === 'string' ? given : defaultOutput(input, format)
    if (resolve(target) === resolve(input))
      throw new UsageError(`the output would overwrite the report itself (${basename(input)})`)
    checkOutputName(target, format)
    const soffice = format === 'pdf' ? findSoffice() : null
    if (format === 'pdf' && soffice === null) throw new CliFileError(NO_LIBREOFFICE)

    const acceptAll = args.values['accept-all'] === true
    const rejectAll = args.values['reject-all'] === true
    if (acceptAll && rejectAll)
      throw new UsageError('--accept-all and --reject-all cannot be given together')
    // Suggestions stay Word revisions unless the officer settles them all for this file.
    const review = acceptAll ? 'accept' : rejectAll ? 'reject' : 'keep'

    const template = await houseTemplate(args.values.template)
    const report = await readReportFile(input)
    const force = args.values.force === true
    const docx = await reportToDocx(report, { review, template })
    if (soffice !== null) {
      // Refused before LibreOffice spends its seconds, as after them.
      await refuseExisting(target, force)
      let pdf: Uint8Array
      try {
        pdf = await docxToPdf(docx, soffice)
      } catch (error) {
        throw new CliFileError((error as Error).message)
      }
      await writeOutputFile(target, pdf, { extension: 'pdf', force })
    } else await writeOutputFile(target, docx, { extension: 'docx', force })

    // What a report officer must still settle before the file is circulated: the
    // blocking findings of the pre-circulation check, as the app's export shows them.
    const open = reviewSummary(report.doc)
    const suggestions = suggestionCount(open.trackedChanges)
    const warnings = exportWarnings(checkReport({ doc: report.doc, meta: report.meta }))
    if (review === 'keep' && suggestions)
      warnings.push(
        `${suggestions} suggestion(s) not yet accepted or rejected (written as Word revisions)`
      )
    if (open.comments.open) warnings.push(`${open.comments.open} open comment(s)`)
    output.stderr(`wrote ${target}\n`)
    for (const line of warnings) output.stderr(`note: ${line}\n`)
    return 0
  }
}
