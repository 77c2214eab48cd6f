import { alignVersions, describeDifference } from '@core/align'
import { requirePositional, type Command } from '../command'
import { readReportFile } from '../files'

/** `rapporteur align FIRST SECOND [--json]`: structural differences between two language versions. */
export const alignCommand: Command = {
  name: 'align',
  summary: 'list structural differences between two language versions (exit 3 if any)',
  usage: 'align FIRST.rapporteur SECOND.rapporteur [--json]',
  options: { json: { type: 'boolean', default: false } },
  async run(args, output) {
    const first = await readReportFile(requirePositional(args, 0, 'the first version'))
    const second = await readReportFile(requirePositional(args, 1, 'the second version'))
    const { pairs, differences } = alignVersions(first, second)
    if (args.values.json)
      output.stdout(JSON.stringify({ pairs: pairs.length, differences }, null, 2) + '\n')
    else {
      for (const difference of differences) output.stdout(`${describeDifference(difference)}\n`)
      output.stdout(
        differences.length === 0
          ? `same structure: ${pairs.length} chapters, sections, paragraphs and recommendations\n`
          : `${differences.length} difference(s)\n`
      )
    }
    return differences.length > 0 ? 3 : 0
  }
}
