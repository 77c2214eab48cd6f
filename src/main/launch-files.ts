import { extname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { EXTENSION } from '@core/report-file'

/**
 * The report files the OS hands the app at launch or to a second launch
 * (double-clicking a .rapporteur file, `rapporteur-app report.rapporteur`).
 * Only `.rapporteur` paths are taken; Chromium switches and Electron's own
 * arguments are ignored. Linux file managers may pass `file://` URLs (the
 * desktop entry's `%U`): those become paths.
 */
export function reportFilesIn(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-'))
    .map((arg) => (/^file:\/\//i.test(arg) ? pathOfFileUrl(arg) : arg))
    .filter((arg): arg is string => arg !== null && extname(arg).toLowerCase() === `.${EXTENSION}`)
    .map((arg) => resolve(workingDirectory, arg))
}

function pathOfFileUrl(url: string): string | null {
  try {
    return fileURLToPath(url)
  } catch {
    // A file URL naming another host (file://server/…) is not a local file.
    return null
  }
}
