import type { ReportPayload } from '@core/api'
import { reportToDocx } from '@core/docx/index'
import { reportFromJSON } from '@core/report-file'

/**
 * One .docx export, from the report as it crossed the IPC boundary to the
 * bytes of the Word file. The worker thread runs it in the app; the browser
 * harness and tests may run it in their own process.
 */
export async function runExportJob(report: ReportPayload): Promise<Uint8Array> {
  return reportToDocx(reportFromJSON(report))
}

/** What the export worker is sent. */
export interface ExportJobRequest {
  report: ReportPayload
}

/** What the export worker answers. */
export type ExportJobReply = { ok: true; bytes: Uint8Array } | { ok: false; message: string }
