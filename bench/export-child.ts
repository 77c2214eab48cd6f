import { readFileSync, writeFileSync } from 'node:fs'
import { Packer } from 'docx'
import { reportToDocument, reportToDocx } from '../src/core/docx/index'
import { parseReport } from '../src/core/report-file'

/**
 * One export of bench/export.bench.ts, run as a child process so its peak
 * RSS is its own (printed at exit): the report read and exported either as
 * the app exports it (`block`: the body and footnotes written block by
 * block) or as the `docx` library packs a document (`tree`: one object tree
 * per part, what the export did before), the rest of the work the same.
 *
 * Usage: tsx bench/export-child.ts block|tree REPORT.rapporteur OUT.docx
 */
const [mode, input, output] = process.argv.slice(2)
process.on('exit', () => process.stderr.write(`PEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`))
const report = parseReport(readFileSync(input, 'utf8'))
const bytes =
  mode === 'tree' ? Packer.pack(reportToDocument(report), 'uint8array') : reportToDocx(report)
void bytes.then((docx) => writeFileSync(output, docx))
