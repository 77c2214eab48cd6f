import { readFile } from 'node:fs/promises'
import { basename, extname, resolve } from 'node:path'
import { reportToDocx } from '@core/docx/index'
import { readHouseTemplate, type HouseTemplate } from '@core/docx/house-template'
import { reportStats } from '@core/stats'
import { CONVENTIONS } from '@core/languages'
import { UsageError, requirePositional, type Command } from '../command'
import { CliFileError, describeFsError, readReportFile, writeOutputFile } from '../files'

/** The .docx path next to the report when no `-o` is given: `report.rapporteur` → `report.docx`. */
function defaultOutput(input: string): string {
  const extension = extname(input)
  return `${extension ? input.slice(0, -extension.length) : input}.docx`
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
  usage: 'export FILE.rapporteur [-o FILE.docx] [--template HOUSE.dotx]',
  options: { output: { type: 'string', short: 'o' }, template: { type: 'string' } },
  async run(args, output) {
    const input = requirePositional(args, 0, 'the report file')
    const given = args.values.output
    if (given !== undefined && (typeof given !== 'string' || given === ''))
      throw new UsageError('missing the output file after -o / --output')
    const target = typeof given === 'string' ? given : defaultOutput(input)
    if (resolve(target) === resolve(input))
      throw new UsageError(`the output would overwrite the report itself (${basename(input)})`)
    if (extname(target).toLowerCase() !== '.docx')
      throw new UsageError(`the output file must end in .docx (got ${basename(target)})`)

    const template = await houseTemplate(args.values.template)
    const report = await readReportFile(input)
    await writeOutputFile(target, await reportToDocx(report, { template }))

    // What a report officer must still settle before the file is circulated.
    const stats = reportStats(report)
    const broken = CONVENTIONS[report.meta.language].brokenReference
    const brokenReferences = stats.crossReferences.filter((ref) => ref.to === broken).length
    const notes: string[] = []
    if (stats.squareBrackets.length)
      notes.push(`${stats.squareBrackets.length} passage(s) in square brackets (not yet agreed)`)
    if (brokenReferences) notes.push(`${brokenReferences} cross-reference(s) to deleted text`)
    output.stderr(`wrote ${target}\n`)
    for (const note of notes) output.stderr(`note: ${note}\n`)
    return 0
  }
}
