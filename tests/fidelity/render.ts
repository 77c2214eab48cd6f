import { execFile, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

/**
 * Renders exported .docx files the way a reader sees them: LibreOffice
 * converts to PDF, poppler reads the PDF back as laid-out text (and as PNGs),
 * python3-docx reads the .docx as a second, independent reader.
 */

const run = promisify(execFile)

/** The external programs the fidelity tests need. */
export const TOOLS = {
  soffice: 'soffice',
  pdftotext: 'pdftotext',
  pdftoppm: 'pdftoppm',
  python: '/usr/bin/python3'
} as const

/** The tools that are missing on this machine (python3 counts only with its docx module). */
export function missingTools(): string[] {
  const missing: string[] = (['soffice', 'pdftotext', 'pdftoppm'] as const).filter(
    (tool) => spawnSync('sh', ['-c', `command -v ${TOOLS[tool]}`]).status !== 0
  )
  const python = spawnSync(TOOLS.python, ['-c', 'import docx'])
  if (python.status !== 0) missing.push('python3-docx')
  return missing
}

/**
 * Whether the fidelity suite can run. Without its tools it is skipped with a
 * loud message, except on CI (`CI=true`), where a missing tool is a failure.
 */
export function fidelityToolsReady(): boolean {
  const missing = missingTools()
  if (missing.length === 0) return true
  const message =
    `\n!!! FIDELITY TESTS NOT RUN: missing ${missing.join(', ')}.\n` +
    '!!! Install libreoffice-writer-nogui poppler-utils python3-docx fonts-liberation fonts-noto-cjk.\n'
  if (process.env.CI === 'true') throw new Error(message)
  console.warn(message)
  return false
}

/** LibreOffice is slow on small machines; conversions get minutes, not seconds. */
const CONVERSION_TIMEOUT = 300_000

let queue: Promise<unknown> = Promise.resolve()

/**
 * Converts .docx files next to them with one LibreOffice start (the start is
 * most of the cost), one run at a time, in a private user profile (so a
 * running LibreOffice or another test run cannot interfere), within
 * `timeout` ms. Resolves to the converted files' paths, in the order given.
 */
function convertAll(
  docxPaths: string[],
  format: { filter: string; extension: string },
  timeout: number
): Promise<string[]> {
  const next = queue.then(async () => {
    const profile = mkdtempSync(join(tmpdir(), 'rapporteur-lo-'))
    const folder = join(docxPaths[0], '..')
    try {
      await run(
        TOOLS.soffice,
        [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          '--headless',
          '--norestore',
          '--convert-to',
          format.filter,
          '--outdir',
          folder,
          ...docxPaths
        ],
        { timeout }
      )
    } finally {
      rmSync(profile, { recursive: true, force: true })
    }
    return docxPaths.map((path) => {
      const output = join(folder, basename(path).replace(/\.docx$/, format.extension))
      if (!existsSync(output))
        throw new Error(`LibreOffice wrote no ${format.extension} for ${path}`)
      return output
    })
  })
  queue = next.catch(() => undefined)
  return next
}

/**
 * Converts several .docx files to plain text with one LibreOffice start (the
 * start is most of the cost). Resolves to each file's text, in the order
 * given. The text export writes list labels as Word numbering draws them,
 * but field results as cached (it lays nothing out).
 */
export async function convertToText(docxPaths: string[], timeout: number): Promise<string[]> {
  const paths = await convertAll(
    docxPaths,
    { filter: 'txt:Text (encoded):UTF8', extension: '.txt' },
    timeout
  )
  return paths.map((path) => readFileSync(path, 'utf8').replace(/^\uFEFF/, ''))
}

/** Converts a .docx to PDF next to it with LibreOffice. Resolves to the PDF's path. */
export async function convertToPdf(docxPath: string): Promise<string> {
  const [pdf] = await convertAll(
    [docxPath],
    { filter: 'pdf', extension: '.pdf' },
    CONVERSION_TIMEOUT
  )
  return pdf
}

/** Converts several .docx files to PDF with one LibreOffice start; resolves to the PDFs' paths. */
export function convertAllToPdf(docxPaths: string[], timeout: number): Promise<string[]> {
  return convertAll(docxPaths, { filter: 'pdf', extension: '.pdf' }, timeout)
}

/** The PDF's pages as `pdftotext -layout` lays them out (one string per page). */
export async function pdfPages(pdf: string): Promise<string[]> {
  const { stdout } = await run(TOOLS.pdftotext, ['-layout', '-enc', 'UTF-8', pdf, '-'], {
    maxBuffer: 64 * 1024 * 1024
  })
  const pages = stdout.split('\f')
  if (pages.at(-1)?.trim() === '') pages.pop()
  return pages
}

/** PNGs of pages `first`..`last` at `dpi`, written as `<prefix>-<n>.png`; resolves to their paths. */
export async function pdfPagesToPng(
  pdf: string,
  prefix: string,
  first: number,
  last: number,
  dpi = 60
): Promise<string[]> {
  await run(TOOLS.pdftoppm, [
    '-png',
    '-r',
    String(dpi),
    '-f',
    String(first),
    '-l',
    String(last),
    pdf,
    prefix
  ])
  const paths: string[] = []
  for (let page = first; page <= last; page++) {
    // pdftoppm pads the page number to the width of the last page's number.
    const candidates = [
      `${prefix}-${page}.png`,
      `${prefix}-0${page}.png`,
      `${prefix}-00${page}.png`
    ]
    const found = candidates.find((path) => existsSync(path))
    if (!found) throw new Error(`pdftoppm wrote no image for page ${page}`)
    paths.push(found)
  }
  return paths
}

/** What python3-docx reads from a .docx (see `read_docx.py`). */
export interface PythonDocxReading {
  paragraphs: Array<{
    style: string | null
    text: string
    numbering: { numId: number; level: number } | null
  }>
  evenAndOddHeaders: boolean
  differentFirstPage: boolean
  pageWidthTwips: number
  pageHeightTwips: number
}

/** Reads a .docx with python3-docx. */
export async function readWithPythonDocx(docxPath: string): Promise<PythonDocxReading> {
  const { stdout } = await run(TOOLS.python, [join(__dirname, 'read_docx.py'), docxPath], {
    maxBuffer: 64 * 1024 * 1024
  })
  return JSON.parse(stdout) as PythonDocxReading
}

/** Non-empty lines of a page, right-trimmed. */
export function lines(page: string): string[] {
  return page
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
}

/**
 * Converts a .docx next to it with LibreOffice to `format` (`pdf`, `fodt`,
 * `txt:Text`). Resolves to the converted file's path.
 */
export async function convertWithLibreOffice(docxPath: string, format: string): Promise<string> {
  const [output] = await convertAll(
    [docxPath],
    { filter: format, extension: `.${format.split(':')[0]}` },
    CONVERSION_TIMEOUT
  )
  return output
}

/** A word where a PDF page puts it, in centimetres from the page's top-left corner. */
export interface PlacedWord {
  text: string
  left: number
  right: number
  /** The bottom of the word's box (its baseline plus the font's descent). */
  bottom: number
  /** The box's height (proportional to the font size). */
  height: number
}

const CM_PER_POINT = 2.54 / 72

/** Every word of each page of a PDF with its box, as `pdftotext -bbox` reads them. */
export async function pdfWords(pdf: string): Promise<PlacedWord[][]> {
  const { stdout } = await run(TOOLS.pdftotext, ['-bbox', '-enc', 'UTF-8', pdf, '-'], {
    maxBuffer: 64 * 1024 * 1024
  })
  const decode = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
  return stdout
    .split('<page ')
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
        )
      ].map((m) => ({
        text: decode(m[5]),
        left: Number(m[1]) * CM_PER_POINT,
        right: Number(m[3]) * CM_PER_POINT,
        bottom: Number(m[4]) * CM_PER_POINT,
        height: (Number(m[4]) - Number(m[2])) * CM_PER_POINT
      }))
    )
}

/** Words of a page grouped in lines (same bottom within a millimetre), top to bottom, each left to right. */
export function placedLines(words: PlacedWord[]): PlacedWord[][] {
  const lines: PlacedWord[][] = []
  for (const word of [...words].sort((a, b) => a.bottom - b.bottom || a.left - b.left)) {
    const last = lines.at(-1)
    if (last && Math.abs(last[0].bottom - word.bottom) < 0.1) last.push(word)
    else lines.push([word])
  }
  return lines.map((line) => line.sort((a, b) => a.left - b.left))
}
