import { extname, resolve } from 'node:path'
import { importDocx, importTextFile, ImportError, type ImportResult } from '@core/import'
import { isLanguage, LANGUAGES } from '@core/languages'
import { importPdf } from '../../services/pdf-import'
import { isPdf } from '../../services/pdf-reader'
import { MAX_IMPORT_BYTES } from '../../services/host'
import { requireOption, requirePositional, UsageError, type Command } from '../command'
import {
  checkOutputName,
  CliFileError,
  FORCE_OPTION,
  readInputFile,
  writeReportFile
} from '../files'

/** `rapporteur import FILE.(pdf|txt|docx) -o FILE.rapporteur`: a structured report from a draft. */
export const importCommand: Command = {
  name: 'import',
  summary: 'turn a PDF, plain-text, PDF-extracted or Word draft into a structured report',
  usage: `import FILE.(pdf|txt|docx) -o FILE.rapporteur [--lang ${LANGUAGES.join('|')}] [--force]`,
  options: {
    output: { type: 'string', short: 'o' },
    lang: { type: 'string', short: 'l' },
    ...FORCE_OPTION
  },
  async run(args, output) {
    const input = requirePositional(args, 0, 'the file to import')
    const path = requireOption(args, 'output', 'the output file')
    const language = args.values.lang
    if (language !== undefined && !isLanguage(language))
      throw new UsageError(
        `unknown language "${String(language)}" (one of ${LANGUAGES.join(', ')})`
      )
    if (resolve(input) === resolve(path))
      throw new UsageError('the output file must not be the file being imported')
    checkOutputName(path, 'rapporteur')
    const bytes = new Uint8Array(await readInputFile(input, MAX_IMPORT_BYTES))
    let result: ImportResult
    try {
      const options = language ? { language } : {}
      const isDocx =
        extname(input).toLowerCase() === '.docx' || (bytes[0] === 0x50 && bytes[1] === 0x4b)
      const pdf = extname(input).toLowerCase() === '.pdf' || isPdf(bytes.subarray(0, 8))
      result = pdf
        ? await importPdf(bytes, options)
        : isDocx
          ? importDocx(bytes, options)
          : importTextFile(bytes, options)
    } catch (error) {
      if (error instanceof ImportError) throw new CliFileError(`${input}: ${error.message}`)
      throw error
    }
    await writeReportFile(path, result.report, args.values.force === true)
    for (const note of result.notes) output.stderr(`${input}:${note.line}: ${note.message}\n`)
    const unsure = result.notes.length
    output.stderr(
      `wrote ${path}${unsure ? ` (${unsure} thing${unsure === 1 ? '' : 's'} to check, listed above)` : ''}\n`
    )
    return 0
  }
}
