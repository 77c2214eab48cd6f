import { mkdtempSync, rmSync } from 'node:fs'
import { open, rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'
import type { BenchRow } from './table'
import { median } from './measure'
import { longestBlock } from './main-thread-probe'
import type * as Subject from './file-subject'

/**
 * Loading and saving the 300-page report and one four times its size, and
 * opening one of 50 MB, each against the least the same work can cost:
 * - load (the page's parse and check of the file's text) against `JSON.parse`;
 * - save (the host's whole save of the page's report, until it answers: check,
 *   serialize, lock, conflict check, previous version kept, atomic write; not
 *   the deletion of the oldest version, which it leaves running) against the
 *   least an atomic save must do with the same bytes: write a temporary file, fsync it,
 *   rename it over the report, fsync the folder. Measured for a save after a
 *   letter typed, sent as the page sends it (what changed since the last save;
 *   its cost to the page against the whole report's JSON it used to send), and
 *   for a save of the whole report (the first one);
 * - open of 50 MB (host: read, fingerprint, hand over the text; page: parse
 *   and check) against `JSON.parse`, and the longest the host's thread was
 *   held meanwhile, against the host parsing the file itself as it used to.
 * The code runs bundled as the app and the CLI run it (`file-subject.ts`).
 */
export const title = 'Report file: load, save and open (300 and 1,200 pages; 50 MB)'

const ROOT = resolve(__dirname, '..')

/** `file-subject.ts` bundled with Vite for Node, ProseMirror from its ES modules as in the app. */
async function bundledSubject(outDir: string): Promise<typeof Subject> {
  await build({
    configFile: false,
    logLevel: 'warn',
    resolve: {
      alias: { '@core': join(ROOT, 'src/core'), '@shared': join(ROOT, 'src/shared') }
    },
    ssr: { noExternal: true },
    build: {
      ssr: join(__dirname, 'file-subject.ts'),
      outDir,
      emptyOutDir: true,
      rollupOptions: { output: { format: 'esm', entryFileNames: 'file-subject.mjs' } }
    }
  })
  return (await import(pathToFileURL(join(outDir, 'file-subject.mjs')).href)) as typeof Subject
}

/**
 * The least an atomic save does: temporary file written and fsynced, renamed,
 * folder fsynced. Given the bytes already encoded, as the baseline is
 * a write "of the same bytes": encoding the text is the save's own work.
 */
async function bareAtomicWrite(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${path}.bare.tmp`
  const file = await open(temporary, 'w')
  await file.writeFile(bytes)
  await file.sync()
  await file.close()
  await rename(temporary, path)
  const folder = await open(resolve(path, '..'), 'r')
  await folder.sync()
  await folder.close()
}

/** Runs the measurements. */
export async function run(): Promise<BenchRow[]> {
  const folder = mkdtempSync(join(tmpdir(), 'rapporteur-bench-'))
  try {
    const subject = await bundledSubject(join(folder, 'bundle'))
    return [
      ...(await measure(subject, folder, subject.BENCH_REPORT, '300 p.', 9)),
      ...(await measure(subject, folder, subject.LARGE_BENCH_REPORT, '1,200 p.', 5)),
      ...(await measureHugeOpen(subject, folder))
    ]
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

/** A host whose dialogs answer `path`, with its own user data in `folder`. */
function hostFor(subject: typeof Subject, folder: string, path: string) {
  return subject.createRequestHandlers({
    userDataDir: join(folder, 'user'),
    dialogs: { showOpen: async () => path, showSave: async () => path },
    openExternal: async () => undefined,
    setWindowState: () => undefined
  })
}

async function measure(
  subject: typeof Subject,
  folder: string,
  size: Subject.GeneratedReportOptions,
  label: string,
  runs: number
): Promise<BenchRow[]> {
  const report = subject.generateReport(size)
  const text = subject.serializeReport(report)
  const file = join(folder, `${label.replace(/\W/g, '')}.rapporteur`)
  const bare = join(folder, `${label.replace(/\W/g, '')}-bare.rapporteur`)
  // Warm, as in the app, which has loaded the new-report template before the user opens a file;
  // then alternated with the baseline, so a busy machine's slow moments fall on both alike.
  for (let i = 0; i < 2; i++) subject.parseReport(text)
  const parses: number[] = []
  const bareParses: number[] = []
  for (let i = 0; i < runs * 2; i++) {
    parses.push(await median(1, () => subject.parseReport(text)))
    bareParses.push(await median(1, () => JSON.parse(text)))
  }
  const parse = middle(parses)
  const bareParse = middle(bareParses)

  const host = hostFor(subject, folder, file)
  const { documentId } = await host.newReport('en')
  const how = { saveAs: false, force: false }
  // Whole saves alternate two titles, so each one keeps the previous text as a version.
  const wholePayloads = ['A', 'B'].map((title) => {
    const json = subject.reportToJSON(report)
    return { ...json, meta: { ...json.meta, masthead: { ...json.meta.masthead, title } } }
  })
  let turn = 0
  const saveWhole = async () => {
    const saved = await host.saveReport(documentId, wholePayloads[turn++ % 2] as never, how)
    if (!saved.ok) throw new Error(`the bench save failed: ${JSON.stringify(saved)}`)
  }
  // A save after typing, as the page sends it: a letter added to (then taken from) one
  // paragraph half-way through, every node unchanged since the last save named by its place.
  const editAt = subject.middleTextPosition(report.doc)
  let lastSave: Subject.SavedRevision | null = null
  const saveEdited = async (doc: Subject.Report['doc'], payload: unknown) => {
    const saved = await host.saveReport(documentId, payload as never, how)
    if (!saved.ok) throw new Error(`the bench save failed: ${JSON.stringify(saved)}`)
    lastSave = new subject.SavedRevision(saved.revision, doc)
  }
  const bytes = Buffer.from(text)
  await writeFile(bare, bytes)
  // Each kind of save in a run of its own, as a user saves again and again while writing;
  // each save alternated with the baseline so neither profits from a quieter moment.
  const wholeSaves: number[] = []
  const wholeBare: number[] = []
  await saveWhole()
  // A save returns once its file is in place; the oldest version's deletion it leaves running
  // must not land on the baseline's time.
  const settled = () => host.services.versions.settled()
  for (let i = 0; i < runs; i++) {
    wholeSaves.push(await median(1, saveWhole))
    await settled()
    wholeBare.push(await median(1, () => bareAtomicWrite(bare, bytes)))
  }
  const editedSaves: number[] = []
  const bareSaves: number[] = []
  let edited = report
  await saveEdited(edited.doc, subject.reportToJSON(edited))
  const nextEdit = (): Subject.Report['doc'] => {
    const doc = subject.typedOrErased(edited.doc, editAt)
    edited = subject.reportWithMeta(report.meta, doc)
    return doc
  }
  // Three times as many: a save's time swings with the disk's, and a median of more holds still.
  for (let i = 0; i < runs * 3 + 1; i++) {
    const doc = nextEdit()
    const payload = subject.reportChanges(edited, lastSave as unknown as Subject.SavedRevision)
    const save = async () => {
      const ms = await median(1, () => saveEdited(doc, payload))
      await settled()
      return ms
    }
    const bareWrite = () => median(1, () => bareAtomicWrite(bare, bytes))
    // Each goes first every other time: a write finds the disk as the one before left it (on
    // one virtual machine a write right after a save, whose oldest version is deleted once it
    // has answered, ran up to twice as slow as one right after the baseline), and neither may
    // always be the one that pays.
    const savedFirst = i % 2 === 0 ? await save() : null
    const bareMs = await bareWrite()
    const savedMs = savedFirst ?? (await save())
    // The first names nodes of the whole save before: its kept bytes were made then, its checks not.
    if (i === 0) continue
    editedSaves.push(savedMs)
    bareSaves.push(bareMs)
  }
  // The page's part apart, after the saves: the whole report's JSON, megabytes of objects made
  // to be thrown away, must not leave the host (another process in the app) their collection.
  const changes: number[] = []
  const wholeJson: number[] = []
  for (let i = 0; i < runs * 3; i++) {
    nextEdit()
    // As the page has it after each save: a revision of its own, its places not yet looked up.
    const saved = lastSave as unknown as Subject.SavedRevision
    const since = new subject.SavedRevision(saved.revision, saved.doc)
    changes.push(await median(1, () => subject.reportChanges(edited, since)))
    wholeJson.push(await median(1, () => subject.reportToJSON(edited)))
  }
  host.dispose()
  const options = {
    language: report.meta.language,
    recommendationStyle: report.meta.settings.recommendationStyle
  }
  const numbering = await median(runs * 2, () => subject.computeNumbering(report.doc, options))
  const walk = await median(runs * 2, () => report.doc.descendants(() => true))
  return [
    {
      metric: `${label} load: parse + check (${(text.length / 1e6).toFixed(1)} MB)`,
      value: parse,
      unit: 'ms',
      baseline: { name: 'JSON.parse', value: bareParse }
    },
    {
      metric: `${label} save after an edit (host: check, serialize, lock, conflict, version, write)`,
      value: middle(editedSaves),
      unit: 'ms',
      baseline: { name: 'write+fsync+rename', value: middle(bareSaves) },
      ...(size === subject.BENCH_REPORT ? { budget: 100 } : {})
    },
    {
      metric: `${label} save after an edit: the page's changes since the last save`,
      value: middle(changes),
      unit: 'ms',
      baseline: { name: 'whole report JSON', value: middle(wholeJson) }
    },
    {
      metric: `${label} save of the whole report (the first, or after the host restarted)`,
      value: middle(wholeSaves),
      unit: 'ms',
      baseline: { name: 'write+fsync+rename', value: middle(wholeBare) }
    },
    {
      metric: `${label} numbering: full computation`,
      value: numbering,
      unit: 'ms',
      baseline: { name: 'bare tree walk', value: walk }
    }
  ]
}

function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/**
 * Opening a 50 MB report: the host's part (read, fingerprint, hand over the
 * text in parts) timed for the longest hold of its thread, then the page's
 * parse and check; against JSON.parse of the same text, and against the host
 * parsing and checking the file itself (the old Open).
 */
async function measureHugeOpen(subject: typeof Subject, folder: string): Promise<BenchRow[]> {
  const text = subject.serializeReport(subject.generateReport(subject.HUGE_BENCH_REPORT))
  const path = join(folder, 'huge.rapporteur')
  await writeFile(path, text)
  const host = hostFor(subject, folder, path)
  try {
    const start = performance.now()
    const { result: parts, blockedMs } = await longestBlock(async () => {
      const outcome = await host.openReport()
      if (!outcome.ok || outcome.opened.textParts === undefined)
        throw new Error(`the bench open failed: ${JSON.stringify(outcome)}`)
      const read: string[] = []
      for (let index = 0; index < outcome.opened.textParts; index++) {
        // Each part is its own IPC request, a turn of the host's event loop of its own; called
        // back to back here, the parts' decoding ran as one hold (26 parts, about 190 ms).
        await new Promise((resolveTurn) => setImmediate(resolveTurn))
        read.push(await host.readOpenedText(outcome.opened.documentId, index))
      }
      return read
    })
    const hostMs = performance.now() - start
    const pageStart = performance.now()
    subject.parseReport(parts.join(''))
    const openMs = hostMs + (performance.now() - pageStart)
    const bareParse = await median(3, () => JSON.parse(text))
    const before = await longestBlock(() => host.services.files.open(path))
    const mb = (text.length / 1e6).toFixed(0)
    return [
      {
        metric: `${mb} MB open: host read + page parse and check`,
        value: openMs,
        unit: 'ms',
        baseline: { name: 'JSON.parse', value: bareParse }
      },
      {
        metric: `${mb} MB open: longest hold of the host's thread`,
        value: blockedMs,
        unit: 'ms',
        baseline: { name: 'parsed in the host', value: before.blockedMs },
        budget: 100
      }
    ]
  } finally {
    host.dispose()
  }
}
