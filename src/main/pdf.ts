import type { WebContents } from 'electron'

/**
 * Save as PDF in the desktop app: Chromium prints the window's page view
 * (the page's print stylesheet hides everything else) on the pages' own A4
 * size, with the document outline (bookmarks) built from the headings, links
 * kept live and fonts embedded, as Chromium's PDF printing does.
 */
export async function printPageViewToPdf(contents: WebContents): Promise<Uint8Array> {
  const data = await contents.printToPDF({
    pageSize: 'A4',
    preferCSSPageSize: true,
    printBackground: true,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    generateDocumentOutline: true,
    generateTaggedPDF: true
  })
  return new Uint8Array(data)
}
