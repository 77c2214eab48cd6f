import { checkReport, describeFinding } from '@core/checks/index'
import { requirePositional, type Command } from '../command'
import { readReportFile } from '../files'

/** Exit code when a blocking problem remains (1 and 2 already mean a bad file and a usage mistake). */
export const BLOCKING_EXIT_CODE = 3

/** `rapporteur check FILE [--json]`: the pre-circulation check, for scripts and the terminal. */
export const checkCommand: Command = {
  name: 'check',
  summary: 'list what must be fixed before a report circulates (exit 3 if anything blocks)',
  usage: 'check FILE.rapporteur [--json]',
  options: { json: { type: 'boolean', default: false } },
  async run(args, output) {
    const path = requirePositional(args, 0, 'the report file')
    const report = await readReportFile(path)
    const result = checkReport({ doc: report.doc, meta: report.meta })
    if (args.values.json) {
      const findings = result.findings.map((finding) => ({
        ...finding,
        message: describeFinding(finding)
      }))
      output.stdout(JSON.stringify({ blocking: result.blocking, findings }, null, 2) + '\n')
    } else {
      for (const finding of result.findings) {
        const where = finding.where ? `${finding.where}: ` : ''
        output.stdout(`${path}: ${finding.severity}: ${where}${describeFinding(finding)}\n`)
      }
      const warnings = result.findings.length - result.blocking
      output.stdout(
        `${result.blocking} blocking, ${warnings} warning${warnings === 1 ? '' : 's'}\n`
      )
    }
    return result.blocking > 0 ? BLOCKING_EXIT_CODE : 0
  }
}
