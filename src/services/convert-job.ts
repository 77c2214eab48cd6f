import type { ImportNote, ReportPayload } from '@shared/contract'
import { reportToDocx } from '@core/docx/index'
import { readHouseTemplate } from '@core/docx/house-template'
import { importDocx, importText, importTextFile } from '@core/import/index'
import { importPdf } from './pdf-import'
import { reportFromJSON, reportToJSON } from '@core/report-file'

/**
 * The conversions the app runs off the main thread: a report to .docx bytes,
 * and a text or Word draft to a report. Requests and replies are plain data,
 * so they cross to a worker thread and back by structured clone.
 */

/** One conversion to run. */
export type ConvertRequest =
  | { kind: 'export-docx'; report: ReportPayload; template?: Uint8Array }
  | { kind: 'import-text'; text: string | Uint8Array }
  | { kind: 'import-docx'; bytes: Uint8Array }
  | { kind: 'import-pdf'; bytes: Uint8Array }

/** What an import gives back across the thread boundary (the report as JSON). */
export interface ImportedPayload {
  report: ReportPayload
  notes: ImportNote[]
}

/** The answer to a `ConvertRequest`. */
export type ConvertReply =
  | { ok: true; kind: 'export-docx'; bytes: Uint8Array }
  | { ok: true; kind: 'import'; imported: ImportedPayload }
  | { ok: false; message: string }

/** Runs one conversion in the calling thread. Throws with a message for the user. */
export async function runConvertJob(request: ConvertRequest): Promise<ConvertReply> {
  switch (request.kind) {
    case 'export-docx':
      return {
        ok: true,
        kind: 'export-docx',
        bytes: await reportToDocx(reportFromJSON(request.report), {
          template: request.template ? readHouseTemplate(request.template) : undefined
        })
      }
    case 'import-text':
    case 'import-docx':
    case 'import-pdf': {
      const result =
        request.kind === 'import-docx'
          ? importDocx(request.bytes)
          : request.kind === 'import-pdf'
            ? await importPdf(request.bytes)
            : typeof request.text === 'string'
              ? importText(request.text)
              : importTextFile(request.text)
      return {
        ok: true,
        kind: 'import',
        imported: { report: reportToJSON(result.report), notes: result.notes }
      }
    }
  }
}
