import type { Readable } from 'node:stream'

/** Calls `onLine` with the words of every line a child process prints on `stream`. */
export function onLines(stream: Readable, onLine: (words: string[]) => void): void {
  let pending = ''
  stream.setEncoding('utf8')
  stream.on('data', (chunk: string) => {
    pending += chunk
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) onLine(line.split(' '))
  })
}
