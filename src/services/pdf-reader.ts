import type { PdfLayout, PdfPageLayout, PdfTextItem } from '../core/import/pdf-layout'
import { ImportError } from '../core/import/errors'

/**
 * Reads a PDF file's text with its positions, sizes and fonts (pdfjs-dist,
 * its legacy build for Node, worker run in-process, no network, no fonts
 * installed), for the PDF importer. Bounded in size and pages: a file beyond
 * them gets a plain message instead of a long wait.
 */

/** Largest PDF accepted (bytes). */
export const MAX_PDF_BYTES = 100 * 1024 * 1024
/** Most pages read from a PDF. */
export const MAX_PDF_PAGES = 2000

interface PdfjsTextItem {
  str: string
  transform: number[]
  width: number
  fontName: string
}

/** The text layout of a PDF file. Throws `ImportError` for a file that is no readable PDF. */
export async function readPdfLayout(bytes: Uint8Array): Promise<PdfLayout> {
  if (bytes.length > MAX_PDF_BYTES)
    throw new ImportError(
      'too-large',
      `This PDF file is too large to import (${Math.round(bytes.length / 1048576)} MB; at most ${MAX_PDF_BYTES / 1048576} MB).`
    )
  if (!isPdf(bytes))
    throw new ImportError('unreadable', 'This is not a PDF file (it does not start with %PDF).')
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  // pdfjs takes ownership of the buffer it is given: it works on a copy, the caller's bytes stay whole.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0
  })
  try {
    let document
    try {
      document = await task.promise
    } catch (error) {
      const name = (error as { name?: string }).name
      if (name === 'PasswordException')
        throw new ImportError(
          'protected',
          'This PDF file is protected with a password: open it, save a copy without the password, and import that copy.'
        )
      throw new ImportError(
        'unreadable',
        `This PDF file cannot be read (${error instanceof Error ? error.message : String(error)}).`
      )
    }
    if (document.numPages > MAX_PDF_PAGES)
      throw new ImportError(
        'too-large',
        `This PDF file has too many pages to import (${document.numPages}; at most ${MAX_PDF_PAGES}).`
      )
    const fonts = new Map<string, { bold: boolean; italic: boolean }>()
    const pages: PdfPageLayout[] = []
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      const content = await page.getTextContent()
      const items = content.items.filter(
        (item): item is PdfjsTextItem & typeof item => 'str' in item && item.str !== ''
      )
      // A font's name (which says bold or italic) reaches this thread only when a page using it
      // is drawn: draw the pages that bring new fonts, which are few (most come on page 1).
      if (items.some((item) => !fonts.has(item.fontName))) {
        await page.getOperatorList()
        for (const item of items) {
          if (fonts.has(item.fontName)) continue
          fonts.set(item.fontName, fontStyle(page.commonObjs, item.fontName))
        }
      }
      const [left, bottom, right, top] = page.view
      pages.push({
        width: right - left,
        height: top - bottom,
        items: items.map((item): PdfTextItem => {
          const [a, b, , d, e, f] = item.transform
          const style = fonts.get(item.fontName)!
          return {
            text: item.str,
            x: e - left,
            y: f - bottom,
            width: item.width,
            size: Math.abs(d) || Math.hypot(a, b),
            bold: style.bold,
            italic: style.italic
          }
        })
      })
      page.cleanup()
    }
    return { pages }
  } finally {
    await task.destroy()
  }
}

/** Whether the bytes start like a PDF file (a few bytes of junk before the header are allowed). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  return head.includes('%PDF-')
}

function fontStyle(
  objects: { has(name: string): boolean; get(name: string): unknown },
  name: string
): { bold: boolean; italic: boolean } {
  if (!objects.has(name)) return { bold: false, italic: false }
  const font = objects.get(name) as { name?: string; bold?: boolean; italic?: boolean }
  const fontName = font.name ?? ''
  return {
    bold: Boolean(font.bold) || /bold|black|heavy|semibold|demi/i.test(fontName),
    italic: Boolean(font.italic) || /italic|oblique/i.test(fontName)
  }
}
