// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { TextSelection } from 'prosemirror-state'
import { provideApi } from '@renderer/api'
import { createReportView, hasDormantContainers, numberingOptionsOf, undo } from '@renderer/editor'
import { reportOfDoc, reportToJSON } from '@core/report-file'
import type { OpenedReport } from '@shared/contract'
import { chapter, doc, h, np, section } from '../../builders'
import { useReportStore, RECOVERY_QUIET_MS } from '@renderer/stores/report'
import { useUiStore } from '@renderer/stores/ui'
import { useSettingsStore } from '@renderer/stores/settings'
import { fakeApi, openedTemplate } from './fake-api'

/** Types `text` at the start of the first heading, as the editor view would report it. */
function typeInto(store: ReturnType<typeof useReportStore>, text: string): void {
  const state = store.editorState!
  const tr = state.tr.insertText(text, 2)
  store.editorChanged(state.apply(tr), tr)
}

describe('report store', () => {
  let api: ReturnType<typeof fakeApi>

  beforeEach(() => {
    vi.useFakeTimers()
    api = fakeApi()
    provideApi(api)
    setActivePinia(createPinia())
  })
  afterEach(() => vi.useRealTimers())

  it('tells the user when the host refuses the window state, instead of closing without asking', async () => {
    vi.mocked(api.setWindowState).mockRejectedValue(new Error('refused by the gate'))
    const store = useReportStore()
    store.load(openedTemplate())
    typeInto(store, 'Draft ')
    await vi.advanceTimersByTimeAsync(0)
    const ui = useUiStore()
    expect(ui.notices.at(-1)).toMatchObject({ kind: 'error' })
    expect(ui.notices.at(-1)?.text).toContain('refused by the gate')
  })

  it('keeps the settled state while a long report is drawn in stages, so the panels do not recompute', async () => {
    const store = useReportStore()
    // 1,100 paragraphs: long enough to be drawn in stages.
    let n = 0
    const paragraphs = () =>
      Array.from({ length: 55 }, () => np({ id: `p${++n}` }, `Paragraph ${n}.`))
    const long = reportOfDoc(
      doc(
        ...Array.from({ length: 10 }, (_, c) =>
          chapter(
            h(`Chapter ${c + 1}`),
            section(h('A'), ...paragraphs()),
            section(h('B'), ...paragraphs())
          )
        )
      )
    )
    store.load({
      documentId: 'doc-long',
      path: null,
      diskVersion: null,
      report: reportToJSON(long) as NonNullable<OpenedReport['report']>
    })
    const mount = document.createElement('div')
    document.body.append(mount)
    const view = createReportView(mount, store.editorState!, {
      onChange: (state, tr) => store.editorChanged(state, tr)
    })
    const settled = store.settledState
    expect(hasDormantContainers(view.state)).toBe(true)
    // Without idle callbacks (happy-dom), the stages follow on timers.
    await vi.advanceTimersByTimeAsync(5000)
    expect(hasDormantContainers(view.state)).toBe(false)
    expect(store.editorState).toBe(view.state)
    expect(store.settledState).toBe(settled)
    // A selection move is news to the panels, as before.
    view.dispatch(view.state.tr.setSelection(TextSelection.atEnd(view.state.doc)))
    expect(store.settledState).toBe(view.state)
    view.destroy()
    mount.remove()
  })

  it('marks an edit dirty and writes the recovery copy 2 s later', async () => {
    const store = useReportStore()
    store.load(openedTemplate())
    expect(store.dirty).toBe(false)
    typeInto(store, 'Draft ')
    expect(store.dirty).toBe(true)
    expect(api.setWindowState).toHaveBeenLastCalledWith({
      title: 'Draft report',
      dirty: true
    })
    await vi.advanceTimersByTimeAsync(RECOVERY_QUIET_MS - 10)
    expect(api.writeRecovery).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(10)
    expect(api.writeRecovery).toHaveBeenCalledTimes(1)
    const entry = vi.mocked(api.writeRecovery).mock.calls[0][0]
    expect(entry.documentId).toBe(store.documentId)
    expect(JSON.stringify(entry.report.doc)).toContain('Draft Introduction')
  })

  it('writes a masthead edit into the recovery copy, and back out after undo', async () => {
    const store = useReportStore()
    store.load(openedTemplate())
    store.updateMeta({ masthead: { ...store.meta!.masthead, title: 'Revised draft' } })
    expect(store.dirty).toBe(true)
    await vi.advanceTimersByTimeAsync(RECOVERY_QUIET_MS)
    const first = vi.mocked(api.writeRecovery).mock.calls[0][0]
    expect(first.report.meta.masthead.title).toBe('Revised draft')
    expect(first.title).toBe('Revised draft')
    const state = store.editorState!
    undo(state, (tr) => store.editorChanged(state.apply(tr), tr))
    expect(store.meta!.masthead.title).toBe('Draft report')
    await vi.advanceTimersByTimeAsync(RECOVERY_QUIET_MS)
    const second = vi.mocked(api.writeRecovery).mock.calls[1][0]
    expect(second.report.meta.masthead.title).toBe('Draft report')
  })

  it('saves, then is clean and clears its recovery copy', async () => {
    const store = useReportStore()
    store.load(openedTemplate())
    typeInto(store, 'x')
    await expect(store.save()).resolves.toBe(true)
    const [documentId, report, options] = vi.mocked(api.saveReport).mock.calls[0]
    expect(documentId).toBe('doc-new')
    expect(JSON.stringify(report.doc)).toContain('xIntroduction')
    expect(options).toEqual({ saveAs: false, force: false })
    expect(store.path).toBe('/reports/new.rapporteur')
    expect(store.dirty).toBe(false)
    expect(api.clearRecovery).toHaveBeenCalledWith(store.documentId)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(api.writeRecovery).not.toHaveBeenCalled()
    expect(store.title).toBe('new.rapporteur')
  })

  it('sends the next save as what changed since the last, and the whole report when the host lost it', async () => {
    const store = useReportStore()
    store.load(openedTemplate())
    typeInto(store, 'x')
    await store.save()
    typeInto(store, 'y')
    await store.save()
    const [, changes] = vi.mocked(api.saveReport).mock.calls[1]
    expect(changes.base).toBe('revision-1')
    const content = (changes.doc as { content: unknown[] }).content
    // The first chapter changed and goes as JSON; the others by their places in the last save.
    expect(JSON.stringify(content[0])).toContain('yxIntroduction')
    expect(content.slice(1)).toEqual(content.slice(1).map((_, index) => [index + 1]))

    vi.mocked(api.saveReport).mockResolvedValueOnce({ ok: false, reason: 'unknown-revision' })
    typeInto(store, 'z')
    await expect(store.save()).resolves.toBe(true)
    const [, refused] = vi.mocked(api.saveReport).mock.calls[2]
    const [, whole] = vi.mocked(api.saveReport).mock.calls[3]
    expect(refused.base).toBe('revision-2')
    expect(whole.base).toBeUndefined()
    expect(JSON.stringify(whole.doc)).toContain('zyxIntroduction')
    expect(store.dirty).toBe(false)

    // A document loaded anew was never saved from this window: its first save is whole.
    store.load(openedTemplate())
    typeInto(store, 'w')
    await store.save()
    expect(vi.mocked(api.saveReport).mock.calls[4][1].base).toBeUndefined()
  })

  it('says so when the save gave the file a new body and its other hard links kept the old text', async () => {
    const store = useReportStore()
    const ui = useUiStore()
    store.load(openedTemplate())
    typeInto(store, 'x')
    vi.mocked(api.saveReport).mockResolvedValueOnce({
      ok: true,
      path: '/reports/linked.rapporteur',
      diskVersion: 'saved-linked',
      revision: 'revision-linked',
      brokeHardLinks: true
    })
    await expect(store.save()).resolves.toBe(true)
    expect(ui.notices.at(-1)).toMatchObject({ kind: 'info' })
    expect(ui.notices.at(-1)?.text).toMatch(/other names \(hard links\)/)
  })

  it('asks before overwriting a file changed on disk, and overwrites only when told', async () => {
    const store = useReportStore()
    const ui = useUiStore()
    store.load(openedTemplate('en', '/reports/wg.rapporteur'))
    typeInto(store, 'x')
    vi.mocked(api.saveReport).mockResolvedValueOnce({
      ok: false,
      reason: 'conflict',
      message: 'wg.rapporteur changed on disk since you opened it.'
    })
    const saving = store.save()
    await vi.waitFor(() => expect(ui.question).not.toBeNull())
    expect(ui.question!.detail).toContain('changed on disk')
    ui.question!.answer('overwrite')
    await expect(saving).resolves.toBe(true)
    expect(vi.mocked(api.saveReport).mock.calls.map((call) => call[2].force)).toEqual([false, true])
    expect(vi.mocked(api.saveReport).mock.calls.map((call) => call[0])).toEqual([
      'doc:/reports/wg.rapporteur',
      'doc:/reports/wg.rapporteur'
    ])
    expect(store.dirty).toBe(false)
  })

  it('follows an outside change when clean, and asks when there are unsaved edits', async () => {
    const store = useReportStore()
    store.load(openedTemplate('en', '/reports/wg.rapporteur'))
    api.fileChanged('/reports/other.rapporteur')
    await store.fileChangedOnDisk('/reports/other.rapporteur')
    expect(api.reloadFromDisk).not.toHaveBeenCalled()

    await store.fileChangedOnDisk('/reports/wg.rapporteur')
    expect(api.reloadFromDisk).toHaveBeenCalledWith('/reports/wg.rapporteur')
    expect(store.documentId).toBe('doc:/reports/wg.rapporteur')

    typeInto(store, 'mine ')
    await store.fileChangedOnDisk('/reports/wg.rapporteur')
    expect(api.reloadFromDisk).toHaveBeenCalledTimes(1)
    expect(store.changedOnDisk).toBe('/reports/wg.rapporteur')
    store.keepMine()
    expect(store.changedOnDisk).toBeNull()
    expect(store.dirty).toBe(true)
  })

  it('asks about unsaved changes before a new report replaces them', async () => {
    const store = useReportStore()
    const ui = useUiStore()
    store.load(openedTemplate())
    typeInto(store, 'keep me ')
    const first = store.newDocument('fr')
    await vi.waitFor(() => expect(ui.question).not.toBeNull())
    ui.question!.answer('cancel')
    await first
    expect(store.meta?.language).toBe('en')
    expect(api.newReport).not.toHaveBeenCalled()

    const second = store.newDocument('fr')
    await vi.waitFor(() => expect(ui.question).not.toBeNull())
    ui.question!.answer('discard')
    await second
    expect(store.meta?.language).toBe('fr')
    expect(store.dirty).toBe(false)
    expect(api.clearRecovery).toHaveBeenCalled()
  })

  it('refuses a damaged report with a message and keeps the open one', () => {
    const store = useReportStore()
    const ui = useUiStore()
    store.load(openedTemplate())
    const before = store.editorState
    const { documentId, path, diskVersion, report } = openedTemplate()
    if (!report) throw new Error('the template comes as JSON')
    const damaged = {
      documentId,
      path,
      diskVersion,
      report: { ...report, doc: { type: 'doc', content: [{ type: 'nonsense' }] } }
    }
    expect(store.load(damaged)).toBe(false)
    expect(store.editorState).toBe(before)
    expect(ui.notices.at(-1)?.text).toMatch(
      /Cannot open the report: .*unknown node type "nonsense"/
    )
  })

  it('switches recommendation style in the editor when the report settings change', () => {
    const store = useReportStore()
    store.load(openedTemplate())
    const mount = document.createElement('div')
    document.body.append(mount)
    const view = createReportView(mount, store.editorState!, {
      onChange: (state, tr) => store.editorChanged(state, tr)
    })
    store.attachView(view)
    store.updateMeta({ settings: { ...store.meta!.settings, recommendationStyle: 'paragraph' } })
    expect(numberingOptionsOf(view.state).recommendationStyle).toBe('paragraph')
    expect(store.dirty).toBe(true)
    // Selection changes do not dirty anything.
    view.dispatch(view.state.tr.setSelection(TextSelection.atStart(view.state.doc)))
    view.destroy()
  })

  it('saves the file itself after a pause when autosave-to-file is on', async () => {
    const store = useReportStore()
    useSettingsStore().settings.autosaveToFile = true
    store.load(openedTemplate('en', '/reports/wg.rapporteur'))
    typeInto(store, 'x')
    await vi.advanceTimersByTimeAsync(RECOVERY_QUIET_MS)
    expect(api.saveReport).toHaveBeenCalledTimes(1)
    expect(vi.mocked(api.saveReport).mock.calls[0][0]).toBe('doc:/reports/wg.rapporteur')
    expect(store.dirty).toBe(false)
  })

  it('never autosaves a report that has no file yet', async () => {
    const store = useReportStore()
    useSettingsStore().settings.autosaveToFile = true
    store.load(openedTemplate())
    typeInto(store, 'x')
    await vi.advanceTimersByTimeAsync(RECOVERY_QUIET_MS)
    expect(api.writeRecovery).toHaveBeenCalledTimes(1)
    expect(api.saveReport).not.toHaveBeenCalled()
  })

  it('shows export progress, then the host message when the export fails', async () => {
    const store = useReportStore()
    const ui = useUiStore()
    store.load(openedTemplate('en', '/reports/wg.rapporteur'))
    let finish: (value: Awaited<ReturnType<typeof api.exportDocx>>) => void = () => undefined
    vi.mocked(api.exportDocx).mockReturnValueOnce(new Promise((resolve) => (finish = resolve)))
    const exporting = store.exportDocx()
    expect(ui.notices.map((n) => n.kind)).toContain('progress')
    expect(vi.mocked(api.exportDocx).mock.calls[0][0].suggestedName).toBe('wg.docx')
    finish({
      ok: false,
      reason: 'error',
      message: 'wg.docx is open in Word: close it and export again.'
    })
    await expect(exporting).resolves.toBe(false)
    expect(ui.notices.map((n) => n.kind)).not.toContain('progress')
    expect(ui.notices.at(-1)).toMatchObject({
      kind: 'error',
      text: expect.stringContaining('open in Word')
    })
  })

  it('confirms a save-and-close to the host only when the save succeeded', async () => {
    const store = useReportStore()
    store.load(openedTemplate())
    typeInto(store, 'x')
    vi.mocked(api.saveReport).mockResolvedValueOnce({ ok: false, reason: 'cancelled' })
    await expect(store.saveAndClose()).resolves.toBe(false)
    expect(api.setWindowState).toHaveBeenLastCalledWith(expect.objectContaining({ dirty: true }))
    await expect(store.saveAndClose()).resolves.toBe(true)
    expect(api.setWindowState).toHaveBeenLastCalledWith(expect.objectContaining({ dirty: false }))
  })
})
