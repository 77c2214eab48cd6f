/**
 * A PDF file's text as laid out on its pages: what the PDF reader (a Node
 * service, with pdfjs) hands to the pure PDF front end of the importer.
 * Coordinates are PDF points with the origin at the bottom left of the page.
 */

/** One run of text as the PDF draws it. */
export interface PdfTextItem {
  text: string
  /** Left edge and baseline. */
  x: number
  y: number
  width: number
  /** Font size (the text's height in points). */
  size: number
  bold: boolean
  italic: boolean
}

/** One page: its size and its text runs in drawing order. */
export interface PdfPageLayout {
  width: number
  height: number
  items: PdfTextItem[]
}

/** A whole PDF file's text layout. */
export interface PdfLayout {
  pages: PdfPageLayout[]
}
