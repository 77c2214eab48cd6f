import { basename, extname, resolve } from 'node:path'
import { reportToDocx } from '@core/docx/index'
import { reportStats } from '@core/stats'
import { CONVENTIONS } from '@core/languages'
import { UsageError, requirePositional, type Command } from '../command'
import { checkOutputName, FORCE_OPTION, readReportFile, writeOutputFile } from '../files'

/** The .docx path next to the report when no `-o` is given: `report.rapporteur` → `report.docx`. */
function defaultOutput(input: string): string {
  const extension = extname(input)
  return `${extension ? input.slice(0, -extension.length) : input}.docx`
}

/** `rapporteur export FILE.rapporteur [-o FILE.docx]`: the official Word file. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'write the official Word (.docx) file of a report',
  usage: 'export FILE.rapporteur [-o FILE.docx] [--force]',
  options: { output: { type: 'string', short: 'o' }, ...FORCE_OPTION },
  async run(args, output) {
    const input = requirePositional(args, 0, 'the report file')
    const given = args.values.output
    if (given !== undefined && (typeof given !== 'string' || given === ''))
      throw new UsageError('missing the output file after -o / --output')
    const target = typeof given === 'string' ? given : defaultOutput(input)
    if (resolve(target) === resolve(input))
      throw new UsageError(`the output would overwrite the report itself (${basename(input)})`)
    checkOutputName(target, 'docx')

    const report = await readReportFile(input)
    await writeOutputFile(target, await reportToDocx(report), {
      extension: 'docx',
      force: args.values.force === true
    })

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
