import { execFile } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

/**
 * `export --pdf` in the CLI, where no browser is at hand: the exported .docx
 * converted by an installed LibreOffice (`soffice --headless --convert-to
 * pdf`), in a private profile so a LibreOffice the user has open is left
 * alone, within a time budget.
 */

const run = promisify(execFile)

/** LibreOffice's program names, and where installers put it off the PATH. */
const NAMES =
  process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice']
const USUAL_PLACES = [
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe'
]

/** The environment variable naming a LibreOffice to use (a full path to `soffice`). */
export const SOFFICE_VARIABLE = 'RAPPORTEUR_SOFFICE'

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The LibreOffice program to convert with, or null when none is installed. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const named = env[SOFFICE_VARIABLE]
  if (named !== undefined) return named !== '' && executable(named) ? named : null
  const folders = (env.PATH ?? '').split(delimiter).filter(Boolean)
  for (const folder of folders)
    for (const name of NAMES) if (executable(join(folder, name))) return join(folder, name)
  return USUAL_PLACES.find(executable) ?? null
}

/** What `export --pdf` says when there is no LibreOffice. */
export const NO_LIBREOFFICE =
  'a PDF needs LibreOffice, which is not installed here (no soffice on the PATH; ' +
  `${SOFFICE_VARIABLE} may name one): install LibreOffice, ` +
  'or use Save as PDF in the app’s File menu, which prints the page view'

/** LibreOffice's start is most of the cost; a 300-page report converts in well under this. */
const CONVERSION_TIMEOUT_MS = 300_000

/** Converts .docx bytes to PDF bytes with the LibreOffice at `soffice`. */
export async function docxToPdf(
  docx: Uint8Array,
  soffice: string,
  timeout = CONVERSION_TIMEOUT_MS
): Promise<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), 'rapporteur-pdf-'))
  try {
    const input = join(folder, 'report.docx')
    await writeFile(input, docx)
    const profile = pathToFileURL(join(folder, 'profile')).href
    try {
      await run(
        soffice,
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          folder,
          input
        ],
        { timeout }
      )
    } catch (error) {
      const failure = error as { killed?: boolean; message: string }
      throw new Error(
        failure.killed
          ? `LibreOffice took longer than ${timeout / 1000} s to make the PDF`
          : `LibreOffice could not make the PDF: ${failure.message.split('\n')[0]}`
      )
    }
    try {
      return new Uint8Array(await readFile(join(folder, 'report.pdf')))
    } catch {
      throw new Error('LibreOffice finished without writing a PDF')
    }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
