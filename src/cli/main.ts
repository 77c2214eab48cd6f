import { parseArgs } from 'node:util'
import { UsageError, type Command, type CliOutput } from './command'
import { CliFileError } from './files'
import { newCommand } from './commands/new'
import { statsCommand } from './commands/stats'
import { importCommand } from './commands/import'
import { exportCommand } from './commands/export'
import { checkCommand } from './commands/check'
import { alignCommand } from './commands/align'
import { compareCommand } from './commands/compare'
import { languageVersionCommand } from './commands/language-version'

/** Every subcommand, in the order `rapporteur --help` lists them. */
export const COMMANDS: readonly Command[] = [
  newCommand,
  statsCommand,
  checkCommand,
  alignCommand,
  compareCommand,
  languageVersionCommand,
  importCommand,
  exportCommand
]

function help(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length))
  return [
    'Usage: rapporteur COMMAND [options]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run `rapporteur COMMAND --help` for a command’s options.',
    ''
  ].join('\n')
}

/** Runs the CLI on `argv` (without node and script); resolves to the exit code. */
export async function runCli(argv: string[], output: CliOutput): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    output.stdout(help())
    return name === undefined ? 2 : 0
  }
  const command = COMMANDS.find((candidate) => candidate.name === name)
  if (!command) {
    output.stderr(`rapporteur: unknown command "${name}"\n\n${help()}`)
    return 2
  }
  try {
    if (rest.includes('--help') || rest.includes('-h')) {
      output.stdout(`Usage: rapporteur ${command.usage}\n`)
      return 0
    }
    const { values, positionals } = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: true,
      strict: true
    })
    return await command.run({ values, positionals }, output)
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      output.stderr(
        `rapporteur ${name}: ${(error as Error).message}\nUsage: rapporteur ${command.usage}\n`
      )
      return 2
    }
    if (error instanceof CliFileError) {
      output.stderr(`rapporteur ${name}: ${error.message}\n`)
      return 1
    }
    throw error
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}
