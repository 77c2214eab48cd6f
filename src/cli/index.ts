import { runCli } from './main'

// Entry point of `rapporteur`: everything testable lives in ./main.
runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text)
}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(
      `rapporteur: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`
    )
    process.exitCode = 70
  }
)
