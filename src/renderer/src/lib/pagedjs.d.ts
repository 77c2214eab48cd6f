/** The part of Paged.js the page view uses (the package ships no types). */
declare module 'pagedjs' {
  /** A paginated flow: its pages. */
  export interface Flow {
    total: number
    pages: Array<{ element: HTMLElement }>
  }
  /** Paginates content into pages with CSS paged media. */
  export class Previewer {
    constructor(options?: { settings?: Record<string, unknown> })
    preview(
      content: DocumentFragment | HTMLElement,
      stylesheets: Array<Record<string, string>>,
      renderTo: HTMLElement
    ): Promise<Flow>
    polisher: { destroy(): void }
    chunker: { destroy(): void }
  }
}
