import fc from 'fast-check'
import { isSafeExternalUrl } from '../../src/services/external-url'
import { appResourceCheck, appUrlCheck } from '../../src/main/security'

/**
 * The URL checks that stand between the page and the outside: which links
 * may be handed to the OS (http, https, mailto only), which page counts as
 * our own (for the IPC gate), and which files the page may load.
 */

const INDEX = 'file:///opt/Rapporteur/resources/app/out/renderer/index.html'
const FOLDER = 'file:///opt/Rapporteur/resources/app/out/renderer/'

describe('external links (isSafeExternalUrl)', () => {
  it.each([
    'https://undocs.org/en/CTOC/COP/WG.4/2019/2',
    'http://www.unodc.org/',
    'HTTPS://WWW.UN.ORG/en/',
    'https://documents.un.org/doc/undoc/gen/v19/056/78/pdf/v1905678.pdf?OpenElement#page=2',
    'mailto:secretariat@un.org',
    'mailto:a@b.org?subject=Draft%20report'
  ])('opens %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each([
    ['javascript:alert(1)', 'script'],
    [' javascript:alert(1)', 'script behind a space'],
    ['java\tscript:alert(1)', 'script with a tab inside'],
    ['JaVaScRiPt:alert(1)', 'script in mixed case'],
    ['vbscript:msgbox(1)', 'script'],
    ['data:text/html,<script>alert(1)</script>', 'inline document'],
    ['file:///C:/Windows/System32/calc.exe', 'local program'],
    ['file://attacker/share/payload.exe', 'network share'],
    ['smb://attacker/share', 'network share'],
    ['ms-msdt:/id PCWDiagnostic', 'Windows protocol handler (Follina)'],
    ['search-ms:query=x&crumb=location:\\\\attacker\\share', 'Windows protocol handler'],
    ['ms-officecmd:{}', 'Windows protocol handler'],
    ['vscode://file/etc/passwd', 'application handler'],
    ['ftp://ftp.un.org/', 'other scheme'],
    ['chrome://settings', 'browser page'],
    ['about:blank', 'browser page'],
    ['https://undocs.org@attacker.example/', 'credentials disguising the host'],
    ['https://user:pass@un.org/', 'credentials'],
    ['https://', 'no host'],
    ['mailto:', 'no address'],
    ['undocs.org/en/A/78/1', 'relative, no scheme'],
    ['', 'empty'],
    [`https://un.org/${'a'.repeat(3000)}`, 'longer than the API allows']
  ])('refuses %s (%s)', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })

  it('accepts only http, https and mailto, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc
            .tuple(
              fc.constantFrom(
                'javascript',
                'file',
                'data',
                'ms-msdt',
                'smb',
                'http',
                'https',
                'mailto',
                'Http'
              ),
              fc.constantFrom(':', '://', ':/', ': '),
              fc.string()
            )
            .map(([scheme, separator, rest]) => `${scheme}${separator}${rest}`)
        ),
        (url) => {
          if (!isSafeExternalUrl(url)) return
          const parsed = new URL(url)
          expect(['http:', 'https:', 'mailto:']).toContain(parsed.protocol)
          if (parsed.protocol !== 'mailto:') {
            expect(parsed.hostname).not.toBe('')
            expect(parsed.username + parsed.password).toBe('')
          }
        }
      ),
      { numRuns: 2000 }
    )
  })

  it('opens every ordinary web address', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const parsed = new URL(url)
        fc.pre(parsed.username === '' && parsed.password === '' && url.length <= 2048)
        expect(isSafeExternalUrl(url)).toBe(true)
      }),
      { numRuns: 500 }
    )
  })
})

describe('our own page (appUrlCheck), for the IPC gate', () => {
  const packaged = appUrlCheck({ indexHtmlUrl: INDEX })
  const dev = appUrlCheck({ indexHtmlUrl: INDEX, devServerUrl: 'http://localhost:5173/' })

  it('is the packaged index.html, with any query or fragment', () => {
    expect(packaged(INDEX)).toBe(true)
    expect(packaged(`${INDEX}#/report`)).toBe(true)
  })

  it.each([
    'file:///opt/Rapporteur/resources/app/out/renderer/other.html',
    'file:///opt/Rapporteur/resources/app/out/renderer/index.html/../../../evil.html',
    'file:///tmp/index.html',
    'file://attacker/opt/Rapporteur/resources/app/out/renderer/index.html',
    'http://localhost:5173/',
    'https://undocs.org/',
    'about:blank',
    'data:text/html,hi',
    'not a url'
  ])('is not %s (packaged)', (url) => {
    expect(packaged(url)).toBe(false)
  })

  it('in development, is the dev server origin only', () => {
    expect(dev('http://localhost:5173/')).toBe(true)
    for (const url of [
      'http://localhost:5174/',
      'http://localhost:5173.attacker.example/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'http://user@localhost:5173@attacker.example/'
    ])
      expect(dev(url), url).toBe(false)
  })
})

describe('files the page may load (appResourceCheck)', () => {
  const resources = appResourceCheck({ rendererFolderUrl: FOLDER })

  it('are the files under the renderer folder', () => {
    expect(resources(`${FOLDER}index.html`)).toBe(true)
    expect(resources(`${FOLDER}assets/index-Ab12.js`)).toBe(true)
  })

  it.each([
    `${FOLDER}../main/index.js`,
    `${FOLDER}assets/%2e%2e/%2e%2e/main/index.js`,
    'file:///opt/Rapporteur/resources/app/out/renderer-evil/x.js',
    'file:///etc/passwd',
    'file://attacker/opt/Rapporteur/resources/app/out/renderer/x.js',
    'https://cdn.example/x.js'
  ])('never %s', (url) => {
    expect(resources(url)).toBe(false)
  })
})
