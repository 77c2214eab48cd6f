import { createLanguageVersion } from '@core/language-version'
import { isLanguage, LANGUAGES } from '@core/languages'
import { requireOption, requirePositional, UsageError, type Command } from '../command'
import { checkOutputName, FORCE_OPTION, readReportFile, writeReportFile } from '../files'

/** `rapporteur language-version FILE --lang fr -o OUT`: the same report, ready for translation. */
export const languageVersionCommand: Command = {
  name: 'language-version',
  summary: 'make another language version of a report (same structure and numbers)',
  usage: `language-version FILE.rapporteur --lang ${LANGUAGES.join('|')} -o OUT.rapporteur [--force]`,
  options: {
    lang: { type: 'string' },
    output: { type: 'string', short: 'o' },
    ...FORCE_OPTION
  },
  async run(args, output) {
    const input = requirePositional(args, 0, 'the report file')
    const language = requireOption(args, 'lang', 'the language of the new version')
    if (!isLanguage(language))
      throw new UsageError(`unknown language "${language}" (one of ${LANGUAGES.join(', ')})`)
    const target = requireOption(args, 'output', 'the new version’s file')
    checkOutputName(target, 'rapporteur')
    const report = await readReportFile(input)
    await writeReportFile(
      target,
      createLanguageVersion(report, language),
      args.values.force === true
    )
    output.stderr(`wrote ${target}: every text is marked for translation\n`)
    return 0
  }
}
