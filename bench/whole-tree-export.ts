import { readFileSync, writeFileSync } from 'node:fs'
import { Packer } from 'docx'
import { reportToDocument } from '../src/core/docx/index'
import { parseReport } from '../src/core/report-file'

/**
 * The export baseline of bench/export.bench.ts, run as a child process: the
 * report packed the way the `docx` library packs a document, as one object
 * tree per part (what `rapporteur export` did before it wrote the body and
 * footnotes block by block). Prints its peak RSS at exit, as the CLI run does.
 *
 * Usage: tsx bench/whole-tree-export.ts REPORT.rapporteur OUT.docx
 */
const [input, output] = process.argv.slice(2)
process.on('exit', () => process.stderr.write(`PEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`))
void Packer.pack(reportToDocument(parseReport(readFileSync(input, 'utf8'))), 'uint8array').then(
  (bytes) => writeFileSync(output, bytes)
)
