import type { RapporteurApi } from '@shared/contract'
import { createAutosaveScheduler } from '../../lib/autosave'
import { t } from '../../i18n'
import type { DocumentSession } from './document'
import { messageOf } from './document'

/** Pause after the last change before the recovery copy is written (ms). */
export const RECOVERY_QUIET_MS = 2000
/** Longest a change waits for its recovery copy while typing goes on (ms). */
export const RECOVERY_MAX_MS = 30_000

/** What recovery needs besides the document. */
export interface RecoveryDependencies {
  api: RapporteurApi
  notifyError(message: string): void
  /** Saves the file itself when the app setting asks for it after a pause. */
  autosaveToFile(): Promise<void>
}

/**
 * Unsaved work copied to the host's recovery store within seconds of a change
 * (and, with autosave-to-file on, the file saved), under the document's id.
 */
export function createRecovery(document: DocumentSession, deps: RecoveryDependencies) {
  const scheduler = createAutosaveScheduler({
    quietMs: RECOVERY_QUIET_MS,
    maxMs: RECOVERY_MAX_MS,
    write: writeRecoveryCopy
  })

  async function writeRecoveryCopy(): Promise<void> {
    const report = document.payload()
    if (!report || !document.dirty.value) return
    try {
      await deps.api.writeRecovery({
        documentId: document.documentId.value,
        path: document.path.value,
        title: document.title.value,
        report
      })
    } catch (error) {
      deps.notifyError(t('notice.recoveryFailed', { message: messageOf(error) }))
    }
    await deps.autosaveToFile()
  }

  /** Removes the recovery copy of a document (saved, or its changes dropped). */
  function clear(documentId = document.documentId.value): Promise<void> {
    return deps.api.clearRecovery(documentId)
  }

  return {
    /** A change to protect. */
    changed: () => scheduler.changed(),
    /** Forgets pending changes (saved, or another document loaded). */
    cancel: () => scheduler.cancel(),
    /** Writes any pending recovery copy now. */
    flush: () => scheduler.flush(),
    clear
  }
}

/** The recovery of the report store. */
export type Recovery = ReturnType<typeof createRecovery>
