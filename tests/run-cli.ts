import { runCli } from '../src/cli/main'

/** What one in-process run of the CLI printed and returned. */
export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs the `rapporteur` CLI in-process, capturing what it prints. */
export async function cli(...argv: string[]): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text)
  })
  return { code, stdout, stderr }
}
