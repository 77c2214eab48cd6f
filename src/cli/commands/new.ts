import { isLanguage, LANGUAGES } from '@core/languages'
import { newReport } from '@core/template'
import { requireOption, UsageError, type Command } from '../command'
import { checkOutputName, FORCE_OPTION, writeReportFile } from '../files'

/** `rapporteur new [--lang en|zh|…] -o FILE`: a new report from the standard template. */
export const newCommand: Command = {
  name: 'new',
  summary: 'create a new report from the standard template',
  usage: `new [--lang ${LANGUAGES.join('|')}] -o FILE.rapporteur [--force]`,
  options: {
    lang: { type: 'string', short: 'l', default: 'en' },
    output: { type: 'string', short: 'o' },
    ...FORCE_OPTION
  },
  async run(args, output) {
    const language = args.values.lang
    if (!isLanguage(language))
      throw new UsageError(
        `unknown language "${String(language)}" (one of ${LANGUAGES.join(', ')})`
      )
    const path = requireOption(args, 'output', 'the output file')
    checkOutputName(path, 'rapporteur')
    await writeReportFile(path, newReport(language), args.values.force === true)
    output.stderr(`wrote ${path}\n`)
    return 0
  }
}
