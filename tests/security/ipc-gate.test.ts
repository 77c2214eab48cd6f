import fc from 'fast-check'
import type { IpcMainInvokeEvent } from 'electron'
import {
  REQUEST_ARGUMENTS,
  isRequestMethod,
  requestChannel,
  type RapporteurRequests
} from '../../src/shared/contract'
import { reportToJSON } from '../../src/core/report-file'
import { newReport } from '../../src/core/template'
import { RefusedRequestError, registerRequestHandlers } from '../../src/main/ipc'
import { appUrlCheck } from '../../src/main/security'
import { applyMutation, mutation } from '../fuzz/support/mutate'

/**
 * The IPC gate under hostile input, property by property: whatever a
 * compromised page sends (any channel name, any argument values, from any
 * frame), a handler runs only for a contract channel, from our own main
 * frame, with arguments that pass the contract's schema, and it receives
 * exactly the checked value. Everything else is refused with a
 * `RefusedRequestError` naming the method. The Electron-level wiring (one
 * handler per channel, the real sender objects) is tested in tests/main.
 */

type Method = keyof RapporteurRequests
type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>

const INDEX = 'file:///opt/Rapporteur/out/renderer/index.html'
const METHODS = Object.keys(REQUEST_ARGUMENTS) as Method[]
const payload = reportToJSON(newReport('en'))

/** A valid argument list for every method; typed so a new method must be added here. */
const VALID_ARGUMENTS: Record<Method, unknown[]> = {
  newReport: ['fr'],
  openReport: [],
  readOpenedText: ['doc-1', 0],
  forgetOpened: ['doc-1'],
  openOtherVersion: [],
  saveReport: ['doc-1', payload, { saveAs: false, force: false }],
  importReport: [],
  exportDocx: [{ report: payload, suggestedName: 'report.docx' }],
  savePdf: [{ suggestedName: 'report.pdf' }],
  reloadFromDisk: ['/tmp/r.rapporteur'],
  writeRecovery: [{ documentId: 'doc-1', path: null, title: 'Draft', report: payload }],
  clearRecovery: ['doc-1'],
  listRecovery: [],
  restoreRecovery: ['doc-1'],
  discardRecovery: ['doc-1'],
  listVersions: ['/tmp/r.rapporteur'],
  restoreVersion: ['/tmp/r.rapporteur', 'v1'],
  readForComparison: [{ path: '/tmp/r.rapporteur', versionId: 'v1' }],
  setWindowState: [{ title: 'Draft', dirty: true }],
  openExternal: ['https://undocs.org/'],
  getAppSettings: [],
  setAppSettings: [{ uiLanguage: 'zh', autosaveToFile: true, versionsKept: 5 }],
  listRecentFiles: [],
  openRecentFile: ['/tmp/r.rapporteur'],
  forgetRecentFile: ['/tmp/r.rapporteur'],
  clearRecentFiles: [],
  revealExport: ['/tmp/r.docx', 'folder'],
  chooseHouseTemplate: [true],
  setSpellingLanguage: ['ar']
}

const MAIN_FRAME = { url: INDEX, parent: null, processId: 4, routingId: 1 }

/** The gate, registered on a stand-in ipcMain, with handlers that record their calls. */
function gate() {
  const channels = new Map<string, Handler>()
  const calls: Array<{ method: string; args: unknown[] }> = []
  const handlers = new Proxy({} as RapporteurRequests, {
    get:
      (_target, method: string) =>
      async (...args: unknown[]) => {
        calls.push({ method, args })
        return 'handled'
      }
  })
  registerRequestHandlers(
    {
      handle: (channel: string, handler: Handler) => void channels.set(channel, handler),
      removeHandler: (channel: string) => void channels.delete(channel)
    } as never,
    () => handlers,
    appUrlCheck({ indexHtmlUrl: INDEX })
  )
  const invoke = (channel: string, frame: unknown, args: unknown[]) => {
    const handler = channels.get(channel)
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`))
    const event = {
      sender: { mainFrame: MAIN_FRAME },
      senderFrame: frame
    } as unknown as IpcMainInvokeEvent
    return Promise.resolve().then(() => handler(event, ...args))
  }
  return { channels, calls, invoke }
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(',')

describe('the IPC gate under hostile input', () => {
  it('admits a valid request for every method, passing the checked arguments', async () => {
    const { calls, invoke } = gate()
    for (const method of METHODS) {
      await expect(
        invoke(requestChannel(method), MAIN_FRAME, VALID_ARGUMENTS[method])
      ).resolves.toBe('handled')
      expect(calls.at(-1)).toEqual({
        method,
        args: REQUEST_ARGUMENTS[method].parse(VALID_ARGUMENTS[method])
      })
    }
  })

  it('has no handler for any channel outside the contract', () => {
    const { channels } = gate()
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom(
            '__proto__',
            'constructor',
            'toString',
            'hasOwnProperty',
            'eval',
            'require',
            'shell',
            'openPath'
          ),
          fc.string().map((name) => `rapporteur:${name}`)
        ),
        (name) => {
          const inContract =
            isRequestMethod(name) || METHODS.some((method) => requestChannel(method) === name)
          expect(channels.has(name)).toBe(inContract)
          if (!isRequestMethod(name)) expect(channels.has(`rapporteur:${name}`)).toBe(false)
        }
      ),
      { numRuns: 1000 }
    )
  })

  it('runs a handler only with arguments of the contract’s shape, and only the checked value', async () => {
    const { calls, invoke } = gate()
    const hostile = fc.oneof(
      fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 3 }),
      fc
        .tuple(fc.constantFrom(...METHODS), fc.array(mutation, { minLength: 1, maxLength: 3 }))
        .map(([method, mutations]) => {
          const json = JSON.parse(JSON.stringify({ args: VALID_ARGUMENTS[method] })) as {
            args: unknown[]
          }
          for (const m of mutations) applyMutation(json, m)
          return Array.isArray(json.args) ? json.args : [json.args]
        })
    )
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHODS), hostile, async (method, args) => {
        const before = calls.length
        const checked = REQUEST_ARGUMENTS[method].safeParse(args)
        const outcome = await invoke(requestChannel(method), MAIN_FRAME, args).then(
          () => null,
          (error: unknown) => error
        )
        if (checked.success) {
          expect(outcome).toBeNull()
          expect(calls.at(-1)).toEqual({ method, args: checked.data })
        } else {
          expect(outcome).toBeInstanceOf(RefusedRequestError)
          expect((outcome as Error).message).toContain(`refused “${method}”`)
          expect(calls.length).toBe(before)
        }
        expect(Object.getOwnPropertyNames(Object.prototype).sort().join(',')).toBe(PROTOTYPE_KEYS)
      }),
      { numRuns: 3000 }
    )
  }, 120_000)

  it('refuses every frame but the main frame of our own page', async () => {
    const { calls, invoke } = gate()
    const frame = fc.option(
      fc.record({
        url: fc.oneof(
          fc.constant(INDEX),
          fc.constantFrom(
            'file:///tmp/index.html',
            'https://evil.example/',
            'about:blank',
            `${INDEX}#x`,
            'file://evil/opt/Rapporteur/out/renderer/index.html'
          ),
          fc.webUrl()
        ),
        parent: fc.option(fc.constant(MAIN_FRAME), { nil: null }),
        processId: fc.constantFrom(4, 5),
        routingId: fc.constantFrom(1, 2)
      }),
      { nil: null }
    )
    await fc.assert(
      fc.asyncProperty(frame, async (sender) => {
        const before = calls.length
        const trusted =
          sender !== null &&
          sender.parent === null &&
          sender.processId === MAIN_FRAME.processId &&
          sender.routingId === MAIN_FRAME.routingId &&
          new URL(sender.url).protocol === 'file:' &&
          new URL(sender.url).host === '' &&
          new URL(sender.url).pathname === new URL(INDEX).pathname
        const outcome = await invoke(requestChannel('getAppSettings'), sender, []).then(
          () => null,
          (error: unknown) => error
        )
        if (trusted) expect(outcome).toBeNull()
        else {
          expect(outcome).toBeInstanceOf(RefusedRequestError)
          expect((outcome as Error).message).toMatch(/did not come from the Rapporteur window/)
          expect(calls.length).toBe(before)
        }
      }),
      { numRuns: 1000 }
    )
  })
})

describe('titles the page builds from any valid masthead', () => {
  it('pass the gate for setWindowState and writeRecovery (a refusal there lost unsaved work)', async () => {
    const { invoke, calls } = gate()
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 1000, size: 'max' }),
        fc.stringMatching(/^A\/[A-Z0-9.]{1,190}$/),
        async (title, symbol) => {
          const report = newReport('en')
          report.meta.masthead = { ...report.meta.masthead, title, symbol }
          const json = reportToJSON(report)
          // As the page builds them (stores/report.ts): symbol — title, then the app's name.
          const shown = `${symbol} — ${title}`
          const before = calls.length
          await invoke(requestChannel('writeRecovery'), MAIN_FRAME, [
            { documentId: 'doc-1', path: null, title: shown, report: json }
          ])
          await invoke(requestChannel('setWindowState'), MAIN_FRAME, [
            { title: `${shown} — Rapporteur`, dirty: true }
          ])
          expect(calls.length).toBe(before + 2)
        }
      ),
      { numRuns: 50, endOnFailure: true }
    )
  })
})
