import { pathToFileURL } from 'node:url'
import { plainError } from '../../src/main/ipc'
import { appResourceCheck, appUrlCheck, isAllowedResource } from '../../src/main/security'
import { fsError } from './helpers'

describe('our own page and its files', () => {
  const index = pathToFileURL('/opt/rapporteur/out/renderer/index.html').href
  const folder = pathToFileURL('/opt/rapporteur/out/renderer').href

  it('the packaged page is exactly our index.html', () => {
    const isApp = appUrlCheck({ indexHtmlUrl: index })
    expect(isApp(`${index}#outline`)).toBe(true)
    expect(isApp(pathToFileURL('/opt/rapporteur/out/renderer/other.html').href)).toBe(false)
    expect(isApp('file://evil-server/opt/rapporteur/out/renderer/index.html')).toBe(false)
    expect(isApp('http://localhost:5173/')).toBe(false)
  })

  it('files load only from the renderer folder, or the dev server (with its websocket)', () => {
    const packaged = appResourceCheck({ rendererFolderUrl: folder })
    expect(packaged(`${folder}/assets/index-abc.js`)).toBe(true)
    expect(packaged(`${folder}/../main/index.js`)).toBe(false)
    expect(packaged('file:///etc/passwd')).toBe(false)
    expect(packaged('https://cdn.example/x.js')).toBe(false)

    const dev = appResourceCheck({
      rendererFolderUrl: folder,
      devServerUrl: 'http://localhost:5173'
    })
    expect(dev('http://localhost:5173/@vite/client')).toBe(true)
    expect(dev('ws://localhost:5173/?token=x')).toBe(true)
    expect(dev('ws://localhost:9999/')).toBe(false)
    expect(dev('http://localhost:5174/')).toBe(false)
    expect(isAllowedResource('data:image/png;base64,AA', packaged)).toBe(true)
    expect(isAllowedResource('https://tracker.example/p.gif', dev)).toBe(false)
  })
})

describe('plainError', () => {
  it('puts file-system failures in plain words without the paths', () => {
    const raw = Object.assign(fsError('ENOSPC', 'open'), { path: '/home/officer/.config/x' })
    const plain = plainError(raw)
    expect(plain.message).toBe('Rapporteur could not complete this: the disk is full.')
    expect(plain.message).not.toContain('/home')
  })

  it('keeps the message of other errors', () => {
    expect(plainError(new Error('There is no kept version "x".')).message).toBe(
      'There is no kept version "x".'
    )
    expect(plainError('odd').message).toBe('odd')
  })
})
