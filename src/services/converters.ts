import type { HostDependencies, ImportResult } from './host'
import { runConvertJob, type ConvertRequest } from './convert-job'

/**
 * The converters run in the calling process, through the same job code the
 * app's worker thread runs. The browser harness and tests use these; the app
 * uses `workerConverters` (`worker-runner.ts`) instead.
 */
export function inProcessConverters(): Required<
  Pick<HostDependencies, 'exportDocx' | 'importers'>
> {
  const run = async (request: ConvertRequest) => {
    const reply = await runConvertJob(request)
    if (!reply.ok) throw new Error(reply.message)
    return reply
  }
  const imported = async (request: ConvertRequest): Promise<ImportResult> => {
    const reply = await run(request)
    if (reply.kind !== 'import') throw new Error('the converter answered something else')
    return reply.imported
  }
  return {
    exportDocx: async (report, template) => {
      const reply = await run({ kind: 'export-docx', report, template })
      if (reply.kind !== 'export-docx') throw new Error('the converter answered something else')
      return reply.bytes
    },
    importers: {
      importText: (text) => imported({ kind: 'import-text', text }),
      importDocx: (bytes) => imported({ kind: 'import-docx', bytes }),
      importPdf: (bytes) => imported({ kind: 'import-pdf', bytes })
    }
  }
}
