import { extname, resolve } from 'node:path'
import { EXTENSION } from '@core/report-file'

/**
 * The report files the OS hands the app at launch or to a second launch
 * (double-clicking a .rapporteur file, `rapporteur-app report.rapporteur`).
 * Only `.rapporteur` paths are taken; Chromium switches and Electron's own
 * arguments are ignored.
 */
export function reportFilesIn(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && extname(arg).toLowerCase() === `.${EXTENSION}`)
    .map((arg) => resolve(workingDirectory, arg))
}
