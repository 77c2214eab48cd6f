import { basename, extname, resolve } from 'node:path'
import { reportToDocx } from '@core/docx/index'
import { reportStats } from '@core/stats'
import { CONVENTIONS } from '@core/languages'
import { reviewSummary } from '@core/review/summary'
import { UsageError, requirePositional, type Command } from '../command'
import { readReportFile, writeOutputFile } from '../files'

/** The .docx path next to the report when no `-o` is given: `report.rapporteur` → `report.docx`. */
function defaultOutput(input: string): string {
  const extension = extname(input)
  return `${extension ? input.slice(0, -extension.length) : input}.docx`
}

/** `rapporteur export FILE.rapporteur [-o FILE.docx]`: the official Word file. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'write the official Word (.docx) file of a report',
  usage: 'export FILE.rapporteur [-o FILE.docx] [--accept-all | --reject-all]',
  options: {
    output: { type: 'string', short: 'o' },
    'accept-all': { type: 'boolean', default: false },
    'reject-all': { type: 'boolean', default: false }
  },
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

    const acceptAll = args.values['accept-all'] === true
    const rejectAll = args.values['reject-all'] === true
    if (acceptAll && rejectAll)
      throw new UsageError('--accept-all and --reject-all cannot be given together')
    // Suggestions stay Word revisions unless the officer settles them all for this file.
    const review = acceptAll ? 'accept' : rejectAll ? 'reject' : 'keep'

    const report = await readReportFile(input)
    await writeOutputFile(target, await reportToDocx(report, { review }))

    // What a report officer must still settle before the file is circulated.
    const stats = reportStats(report)
    const broken = CONVENTIONS[report.meta.language].brokenReference
    const brokenReferences = stats.crossReferences.filter((ref) => ref.to === broken).length
    const notes: string[] = []
    if (stats.squareBrackets.length)
      notes.push(`${stats.squareBrackets.length} passage(s) in square brackets (not yet agreed)`)
    if (brokenReferences) notes.push(`${brokenReferences} cross-reference(s) to deleted text`)
    const open = reviewSummary(report.doc)
    const suggestions =
      open.trackedChanges.insertions + open.trackedChanges.deletions + open.trackedChanges.moves
    if (review === 'keep' && suggestions)
      notes.push(
        `${suggestions} suggestion(s) not yet accepted or rejected (written as Word revisions)`
      )
    if (open.comments.open) notes.push(`${open.comments.open} open comment(s)`)
    output.stderr(`wrote ${target}\n`)
    for (const note of notes) output.stderr(`note: ${note}\n`)
    return 0
  }
}
