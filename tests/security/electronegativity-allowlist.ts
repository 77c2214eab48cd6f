/**
 * Electronegativity findings we accept, each with the reason it is not a
 * hole. A finding is accepted when its check, file and flagged line match an
 * entry. For findings in the source, the flagged place must also carry a
 * comment naming the check (`// Electronegativity CHECK_ID: why`), so the
 * reason is where the next reader of that code will look.
 * Anything the scanner reports that is not listed here fails the test.
 */

/** One accepted kind of finding. */
export interface AcceptedFinding {
  /** Electronegativity's check id, e.g. `OPEN_EXTERNAL_JS_CHECK`. */
  check: string
  /** Which scan it appears in: the TypeScript/HTML source, the built app (`out/`), or both. */
  scope: 'source' | 'build' | 'both'
  /** The file, relative to the scanned folder (`main/index.ts`, `renderer/assets/index-….js`). */
  file: RegExp
  /** The flagged line, or the few lines after it (the scanner points at where a construct starts). */
  sample: RegExp
  /** Why this is safe, in a sentence or two. */
  justification: string
}

/** The accepted findings. */
export const ACCEPTED_FINDINGS: readonly AcceptedFinding[] = [
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    scope: 'both',
    file: /^main\/index\.(ts|js)$/,
    sample:
      /^if \((\w+\.)?isSafeExternalUrl\(url\)\) (void )?(electron\.)?shell\.openExternal\(url\);?$/,
    justification:
      'The only call that hands a URL to the OS, guarded on the same line by isSafeExternalUrl ' +
      '(http, https and mailto only, with a host and no credentials; tested in tests/security/external-url.test.ts).'
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    scope: 'both',
    file: /^main\/(security\.ts|index\.js)$/,
    sample: /^if \((\w+\.)?isSafeExternalUrl\(url\)\) links\.openExternal\(url\);?$/,
    justification:
      'A link the page tried to navigate to or open in a window: passed on only after isSafeExternalUrl, ' +
      'to the guarded openExternal in main/index.ts.'
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    scope: 'both',
    file: /^(services\/host\.ts|main\/index\.js|main\/chunks\/host-[\w-]+\.js)$/,
    sample: /^await deps\.openExternal\(url\);?$/,
    justification:
      "The request handler behind the API's openExternal: it returns false for any URL failing " +
      'isSafeExternalUrl before this line, and deps.openExternal is the guarded function in main/index.ts.'
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    scope: 'build',
    // The app's code is in the chunk both pages (product and harness) start from.
    file: /^renderer\/assets\/(index|start)-[\w-]+\.js$/,
    sample: /^onOpenLink: \(url\) => void api\.openExternal\(url\),?$/,
    justification:
      'Not Electron’s shell.openExternal: the renderer asking the host through the typed API, whose ' +
      'IPC gate and handler check the sender and the URL (http, https, mailto only).'
  },
  {
    check: 'CSP_GLOBAL_CHECK',
    scope: 'both',
    file: /^main\/(security\.ts|index\.js)$/,
    sample: /script-src 'self';.*style-src 'self' 'unsafe-inline'.*object-src 'none'/,
    justification:
      'The response-header policy, written out literally so the scanner evaluates it: flagged for style-src ' +
      "'unsafe-inline' (Vue's and ProseMirror's style attributes) and script-src 'self'; no script can run " +
      'inline and we serve no JSONP or uploads. tests/main/shell.test.ts checks the header is set; ' +
      'electronegativity.test.ts checks the policy itself.'
  },
  {
    check: 'CSP_GLOBAL_CHECK',
    scope: 'both',
    file: /^renderer\/(index|harness)\.html$/,
    sample: /http-equiv="Content-Security-Policy"/,
    justification:
      "Both pages' policy (the product page and the test harness's, the same text). Flagged for " +
      "style-src 'unsafe-inline', which ProseMirror's and Vue's style attributes need; it " +
      "lets no script run (script-src is 'self' only, object-src 'none'), and " +
      'tests/e2e/security.test.ts proves an injected inline script is blocked.'
  },
  {
    check: 'PRELOAD_JS_CHECK',
    scope: 'source',
    file: /^main\/window\.ts$/,
    sample: /^preload: options\.preload,?$/,
    justification:
      'Our own preload, bundled whole for the sandbox: it exposes one frozen object of typed request ' +
      'methods (tests/main/shell.test.ts checks it has exactly the contract’s methods) and no ipcRenderer.'
  }
]
