import { reportStats, reportWordCount } from '@core/stats'
import { reviewSummary, suggestionCount } from '@core/review/summary'
import { requirePositional, type Command } from '../command'
import { readReportFile } from '../files'

/** `rapporteur stats FILE [--json]`: the report's structure. */
export const statsCommand: Command = {
  name: 'stats',
  summary: 'show the structure of a report (chapters, numbers, references)',
  usage: 'stats FILE.rapporteur [--json]',
  options: { json: { type: 'boolean', default: false } },
  async run(args, output) {
    const path = requirePositional(args, 0, 'the report file')
    const report = await readReportFile(path)
    const stats = { ...reportStats(report), ...reviewSummary(report.doc) }
    if (args.values.json) {
      output.stdout(JSON.stringify(stats, null, 2) + '\n')
      return 0
    }
    const lines: string[] = []
    for (const chapter of stats.chapters) {
      lines.push(`${chapter.label} ${chapter.title}`)
      for (const section of chapter.sections) lines.push(`  ${section.label} ${section.title}`)
    }
    const words = reportWordCount(report.doc)
    lines.push(
      '',
      `numbered paragraphs: ${stats.numberedParagraphs}`,
      `recommendations:     ${stats.recommendations.length}`,
      `footnotes:           ${stats.footnotes}`,
      `cross-references:    ${stats.crossReferences.length}`,
      `square brackets:     ${stats.squareBrackets.length}`,
      `words:               ${words} of ${report.meta.settings.wordLimit}`
    )
    const { trackedChanges: changes, comments } = stats
    if (suggestionCount(changes) > 0)
      lines.push(
        `tracked changes:     ${changes.insertions} insertion(s), ${changes.deletions} deletion(s), ${changes.moves} move(s), ${changes.formatting} formatting change(s) by ${changes.authors.join(', ')}`
      )
    if (comments.open + comments.resolved > 0)
      lines.push(`comments:            ${comments.open} open, ${comments.resolved} resolved`)
    output.stdout(lines.join('\n') + '\n')
    return 0
  }
}
