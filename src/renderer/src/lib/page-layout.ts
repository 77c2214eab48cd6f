import { Previewer } from 'pagedjs'
import { pageViewCss } from '@core/html/page-css'
import { reportToHtml } from '@core/html/report-html'
import type { Report } from '@core/report-file'

/**
 * Paginates a report for the page view: its HTML rendering laid out on A4
 * pages by Paged.js with the export's geometry. Paged.js adds its stylesheets
 * to the document's head (as `<style>` elements, which the CSP allows for
 * styles only); `dispose` takes them away again.
 */

/** A paginated report in its container. */
export interface PageLayout {
  pages: number
  /** For each chapter (and annex) in order, the page its heading stands on (1-based). */
  chapterPages: number[]
  /** Milliseconds from the call to the last page laid out. */
  milliseconds: number
  /** Removes the pages and Paged.js's stylesheets. */
  dispose(): void
}

/** The page (1-based) of each heading carrying `data-chapter`, by chapter index. */
export function chapterPagesIn(container: HTMLElement): number[] {
  const pages: number[] = []
  container.querySelectorAll<HTMLElement>('[data-chapter]').forEach((heading) => {
    const index = Number(heading.dataset.chapter)
    const page = heading.closest<HTMLElement>('.pagedjs_page')
    // A heading split across pages appears twice: its first page counts.
    if (page && pages[index] === undefined) pages[index] = Number(page.dataset.pageNumber)
  })
  return pages
}

/** Lays out `report` in pages inside `container` (emptied first). */
export async function layOutPages(report: Report, container: HTMLElement): Promise<PageLayout> {
  const started = performance.now()
  const rendered = reportToHtml(report)
  const content = document.createElement('template')
  // The HTML is built from the document with every text escaped (core/html): no markup of the user's.
  content.innerHTML = rendered.html
  container.replaceChildren()
  const previewer = new Previewer()
  const flow = await previewer.preview(
    content.content,
    [{ 'rapporteur-page-view.css': pageViewCss(rendered) }],
    container
  )
  return {
    pages: flow.total,
    chapterPages: chapterPagesIn(container),
    milliseconds: performance.now() - started,
    dispose() {
      previewer.polisher.destroy()
      container.replaceChildren()
    }
  }
}
