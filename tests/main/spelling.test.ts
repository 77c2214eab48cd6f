import { join } from 'node:path'
import { ZodError } from 'zod'
import { parseRequestArguments } from '@shared/contract'
import {
  CHROMIUM_DICTIONARY_URL,
  NO_DOWNLOAD_URL,
  Spelling,
  type SpellingSession
} from '../../src/main/spelling'
import { createRequestHandlers } from '../../src/services/host'
import { temporaryFolder } from './helpers'

/**
 * The desktop spelling checker follows the report language: the dictionary
 * chosen from what the session offers, switched off where none fits, only
 * the six report languages accepted, and dictionaries never fetched from the
 * internet unless the user's setting allows it.
 */

/** Part of the list Chromium's Hunspell offers on Linux (no Arabic, no Chinese). */
const LINUX = [
  'de-DE',
  'en-AU',
  'en-GB',
  'en-GB-oxendict',
  'en-US',
  'es',
  'es-ES',
  'fr',
  'fr-FR',
  'ru'
]

/** An Electron session stand-in that records what the checker was told. */
function fakeSession(available: string[]) {
  const calls: string[] = []
  const session: SpellingSession = {
    availableSpellCheckerLanguages: available,
    setSpellCheckerLanguages: (languages) => void calls.push(`languages:${languages.join(',')}`),
    setSpellCheckerEnabled: (enable) => void calls.push(`enabled:${enable}`),
    setSpellCheckerDictionaryDownloadURL: (url) => void calls.push(`download:${url}`)
  }
  return { session, calls }
}

describe('Spelling', () => {
  it('picks each report language’s dictionary on Linux, Oxford English first', () => {
    const { session, calls } = fakeSession(LINUX)
    const spelling = new Spelling(session, 'linux')
    expect(spelling.use('en')).toBe('en-GB-oxendict')
    expect(spelling.use('fr')).toBe('fr-FR')
    expect(spelling.use('es')).toBe('es-ES')
    expect(spelling.use('ru')).toBe('ru')
    expect(calls).toEqual([
      'languages:en-GB-oxendict',
      'enabled:true',
      'languages:fr-FR',
      'enabled:true',
      'languages:es-ES',
      'enabled:true',
      'languages:ru',
      'enabled:true'
    ])
    expect(spelling.language).toBe('ru')
  })

  it('switches checking off for Chinese and for a language without a dictionary, on again after', () => {
    const { session, calls } = fakeSession(LINUX)
    const spelling = new Spelling(session, 'linux')
    expect(spelling.use('zh')).toBeNull()
    expect(spelling.use('ar')).toBeNull()
    expect(spelling.use('en')).toBe('en-GB-oxendict')
    expect(calls).toEqual([
      'enabled:false',
      'enabled:false',
      'languages:en-GB-oxendict',
      'enabled:true'
    ])
  })

  it('takes another region of the language where the OS has only that (Windows)', () => {
    const { session } = fakeSession(['en-US', 'fr-CA', 'ar-EG', 'zh-CN'])
    const spelling = new Spelling(session, 'win32')
    expect(spelling.use('en')).toBe('en-US')
    expect(spelling.use('fr')).toBe('fr-CA')
    expect(spelling.use('ar')).toBe('ar-EG')
    // Chinese stays off even where the OS lists it: there is no spelling to check.
    expect(spelling.use('zh')).toBeNull()
  })

  it('leaves macOS to pick the language itself', () => {
    const { session, calls } = fakeSession([])
    expect(new Spelling(session, 'darwin').use('fr')).toBeNull()
    expect(calls).toEqual([])
  })

  it('accepts only the six report languages', () => {
    const { session, calls } = fakeSession(LINUX)
    const spelling = new Spelling(session, 'linux')
    for (const code of ['de', 'en-US', '', '__proto__', 'constructor'])
      expect(() => spelling.use(code as never)).toThrow(/Not a report language/)
    expect(calls).toEqual([])
    expect(spelling.language).toBeNull()
  })

  it('never fetches a dictionary from the internet unless downloads are allowed', () => {
    const { session, calls } = fakeSession(LINUX)
    const spelling = new Spelling(session, 'linux')
    spelling.allowDownloads(false)
    expect(new URL(NO_DOWNLOAD_URL).hostname).toBe('127.0.0.1')
    spelling.allowDownloads(true)
    expect(calls).toEqual([`download:${NO_DOWNLOAD_URL}`, `download:${CHROMIUM_DICTIONARY_URL}`])
  })
})

describe('setSpellingLanguage through the host', () => {
  it('reaches the session for a report language; the gate refuses anything else', async () => {
    const folder = await temporaryFolder()
    try {
      const { session, calls } = fakeSession(LINUX)
      const spelling = new Spelling(session, 'linux')
      const handlers = createRequestHandlers({
        userDataDir: join(folder.path, 'user'),
        dialogs: { showOpen: async () => null, showSave: async () => null },
        openExternal: async () => undefined,
        setWindowState: () => undefined,
        setSpellingLanguage: (language) => void spelling.use(language)
      })
      await handlers.setSpellingLanguage(...parseRequestArguments('setSpellingLanguage', ['fr']))
      expect(calls).toEqual(['languages:fr-FR', 'enabled:true'])
      for (const args of [['de'], ['fr-FR'], [], ['fr', 'en'], [{ language: 'fr' }]])
        expect(() => parseRequestArguments('setSpellingLanguage', args)).toThrow(ZodError)
      handlers.dispose()
    } finally {
      await folder.remove()
    }
  })
})
