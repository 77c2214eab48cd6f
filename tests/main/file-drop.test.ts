import { installFileDrop, MAX_DROPPED_FILES } from '../../src/preload/file-drop'

/**
 * The preload's drop listener: files dropped on the window become paths sent
 * to the main process (and never reach the editor); text dragged inside the
 * editor is left alone.
 */

function dragEvent(type: string, types: string[], files: Array<{ path: string }> = []) {
  const event = new Event(type, { cancelable: true })
  const dataTransfer = { types, files, dropEffect: 'none' }
  return Object.assign(event, { dataTransfer })
}

function setUp() {
  const target = new EventTarget()
  const sent: string[][] = []
  installFileDrop(
    target,
    (file) => (file as unknown as { path: string }).path,
    (paths) => sent.push(paths)
  )
  return { target, sent }
}

describe('files dropped on the window', () => {
  it('accepts a file drag and sends the dropped files’ paths, stopping the event there', () => {
    const { target, sent } = setUp()
    const over = dragEvent('dragover', ['Files'])
    target.dispatchEvent(over)
    expect(over.defaultPrevented).toBe(true)
    expect(over.dataTransfer.dropEffect).toBe('copy')
    const drop = dragEvent('drop', ['Files'], [{ path: '/home/a/report.rapporteur' }, { path: '' }])
    target.dispatchEvent(drop)
    expect(drop.defaultPrevented).toBe(true)
    expect(drop.cancelBubble).toBe(true)
    // A file without a path (made up by a page script, not dropped from the OS) is not sent.
    expect(sent).toEqual([['/home/a/report.rapporteur']])
  })

  it('leaves text dragged inside the editor alone', () => {
    const { target, sent } = setUp()
    const over = dragEvent('dragover', ['text/plain', 'text/html'])
    const drop = dragEvent('drop', ['text/plain', 'text/html'])
    target.dispatchEvent(over)
    target.dispatchEvent(drop)
    expect(over.defaultPrevented).toBe(false)
    expect(drop.defaultPrevented).toBe(false)
    expect(sent).toEqual([])
  })

  it('takes at most MAX_DROPPED_FILES of one drop', () => {
    const { target, sent } = setUp()
    const files = Array.from({ length: 50 }, (_, index) => ({ path: `/d/${index}.txt` }))
    target.dispatchEvent(dragEvent('drop', ['Files'], files))
    expect(sent[0]).toHaveLength(MAX_DROPPED_FILES)
  })
})
