import type { ParseArgsConfig } from 'node:util'

/** Where a command writes: injectable so tests run commands in-process. */
export interface CliOutput {
  stdout(text: string): void
  stderr(text: string): void
}

/** Option definitions in `node:util` `parseArgs` form. */
export type CliOptions = NonNullable<ParseArgsConfig['options']>

/** Parsed arguments of one command. */
export interface CliArguments {
  positionals: string[]
  values: Record<string, string | boolean | Array<string | boolean> | undefined>
}

/** One `rapporteur` subcommand. */
export interface Command {
  name: string
  /** One line for the command list. */
  summary: string
  /** The usage line, after "rapporteur ". */
  usage: string
  options: CliOptions
  /** Runs the command; resolves to the process exit code. */
  run(args: CliArguments, output: CliOutput): Promise<number>
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** The one positional argument a command needs, or a UsageError naming it. */
export function requirePositional(args: CliArguments, index: number, what: string): string {
  const value = args.positionals[index]
  if (value === undefined) throw new UsageError(`missing ${what}`)
  return value
}

/** A string option that must be given, or a UsageError naming it. */
export function requireOption(args: CliArguments, name: string, what: string): string {
  const value = args.values[name]
  if (typeof value !== 'string' || value === '')
    throw new UsageError(`missing ${what} (-${name[0]} / --${name})`)
  return value
}
