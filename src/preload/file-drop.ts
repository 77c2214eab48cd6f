/**
 * Files dropped on the window. The preload (not the page) turns each dropped
 * file into its path, with Electron's `webUtils.getPathForFile`, and hands the
 * paths to the main process on their own channel, which is not part of the
 * page's API: the page can never name a path for the app to open, only a real
 * drop by the user can.
 */

/** The IPC channel the dropped files' paths travel on (preload → main, one way). */
export const DROPPED_FILES_CHANNEL = 'rapporteur:dropped-files'

/** At most this many files of one drop are taken. */
export const MAX_DROPPED_FILES = 20

interface FileDragEvent extends Event {
  dataTransfer: Pick<DataTransfer, 'types' | 'files' | 'dropEffect'> | null
}

const carriesFiles = (event: FileDragEvent): boolean =>
  Array.from(event.dataTransfer?.types ?? []).includes('Files')

/**
 * Listens (in the capture phase, before the editor sees it) for files dragged
 * over and dropped on `target`; text dragged inside the editor is left alone.
 */
export function installFileDrop(
  target: Pick<EventTarget, 'addEventListener'>,
  pathForFile: (file: File) => string,
  send: (paths: string[]) => void
): void {
  target.addEventListener(
    'dragover',
    (event) => {
      const drag = event as FileDragEvent
      if (!carriesFiles(drag) || !drag.dataTransfer) return
      event.preventDefault()
      drag.dataTransfer.dropEffect = 'copy'
    },
    true
  )
  target.addEventListener(
    'drop',
    (event) => {
      const drag = event as FileDragEvent
      if (!carriesFiles(drag)) return
      event.preventDefault()
      event.stopPropagation()
      const paths = Array.from(drag.dataTransfer?.files ?? [])
        .slice(0, MAX_DROPPED_FILES)
        .map((file) => pathForFile(file))
        .filter((path) => path.length > 0)
      if (paths.length > 0) send(paths)
    },
    true
  )
}
