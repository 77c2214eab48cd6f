import fc from 'fast-check'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHarness, type Harness } from './server'

/** The harness answers only its own page, with its token, through the same argument gate as IPC. */

function call(
  harness: Harness,
  path: string,
  options: { method?: string; token?: string; body?: string; host?: string; origin?: string } = {}
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const url = new URL(path, harness.origin)
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? 'POST',
        headers: {
          host: options.host ?? url.host,
          'content-type': 'application/json',
          ...(options.token ? { 'x-rapporteur-token': options.token } : {}),
          ...(options.origin ? { origin: options.origin } : {})
        }
      },
      (response) => {
        let body = ''
        response.on('data', (chunk: Buffer) => (body += chunk.toString()))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body, headers: response.headers })
        )
      }
    )
    request.on('error', reject)
    request.end(options.body)
  })
}

describe('browser harness server', () => {
  let harness: Harness

  beforeAll(async () => {
    const renderer = await mkdtemp(join(tmpdir(), 'rapporteur-renderer-'))
    await writeFile(join(renderer, 'harness.html'), '<!doctype html><title>app</title>')
    harness = await startHarness({ rendererDir: renderer })
  })
  afterAll(() => harness.close())

  it('binds to loopback on a random port with a long random token', () => {
    expect(harness.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(harness.token.length).toBeGreaterThanOrEqual(32)
    expect(harness.url).toBe(`${harness.origin}/harness.html#harness=${harness.token}`)
  })

  it('serves the page with the app Content Security Policy', async () => {
    const page = await call(harness, '/harness.html', { method: 'GET' })
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['content-security-policy']).toContain("object-src 'none'")
    expect(page.headers['content-security-policy']).toContain("frame-src 'none'")
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'")
  })

  it('answers malformed %-escapes in any GET path with 400 and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('%', '%E0%A4%A', '%zz', '%C0', '%ED%A0%80', '%%41'),
        fc.string({ unit: fc.constantFrom('a', 'b', '.'), maxLength: 8 }),
        async (escape, around) => {
          const answer = await call(harness, `/${around}${escape}${around}`, { method: 'GET' })
          // A 400 for the bad escape (a path the client normalized may end as a plain 404).
          expect([400, 404]).toContain(answer.status)
        }
      ),
      { numRuns: 20 }
    )
    expect((await call(harness, '/harness.html', { method: 'GET' })).status).toBe(200)
  })

  it('answers a request with the real host handlers', async () => {
    const answer = await call(harness, '/api/newReport', { token: harness.token, body: '["fr"]' })
    expect(answer.status).toBe(200)
    const opened = JSON.parse(answer.body).result
    expect(opened.report.meta.language).toBe('fr')
    expect(opened.path).toBeNull()
  })

  it('refuses a missing or wrong token, a foreign origin and a foreign host name', async () => {
    expect((await call(harness, '/api/listRecovery', { body: '[]' })).status).toBe(403)
    expect(
      (await call(harness, '/api/listRecovery', { token: 'x'.repeat(32), body: '[]' })).status
    ).toBe(403)
    expect(
      (
        await call(harness, '/api/listRecovery', {
          token: harness.token,
          body: '[]',
          origin: 'http://evil.example'
        })
      ).status
    ).toBe(403)
    expect(
      (
        await call(harness, '/api/listRecovery', {
          token: harness.token,
          body: '[]',
          host: 'evil.example'
        })
      ).status
    ).toBe(421)
  })

  it('refuses out-of-shape arguments and unknown methods with a message', async () => {
    const bad = await call(harness, '/api/newReport', { token: harness.token, body: '["xx"]' })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body).error).toMatch(/invalid arguments for newReport/)
    const unknown = await call(harness, '/api/deleteEverything', {
      token: harness.token,
      body: '[]'
    })
    expect(unknown.status).toBe(404)
    const notJson = await call(harness, '/api/listRecovery', { token: harness.token, body: '{' })
    expect(notJson.status).toBe(400)
  })

  it('never serves files outside the renderer folder', async () => {
    const escape = await call(harness, '/..%2f..%2fetc%2fpasswd', { method: 'GET' })
    expect(escape.status).toBe(404)
  })

  it('saves through the scripted dialog into its documents folder', async () => {
    const opened = JSON.parse(
      (await call(harness, '/api/newReport', { token: harness.token, body: '["en"]' })).body
    ).result
    const target = join(harness.documentsDir, 'scripted.rapporteur')
    harness.dialogs.nextSave(target)
    const saved = await call(harness, '/api/saveReport', {
      token: harness.token,
      body: JSON.stringify([opened.documentId, opened.report, { saveAs: false, force: false }])
    })
    expect(JSON.parse(saved.body).result).toMatchObject({ ok: true, path: target })
    expect(harness.dialogs.calls.at(-1)).toMatchObject({ kind: 'save', answer: target })
  })

  it('answers the text of an opened report as plain text, the characters of the file', async () => {
    // Quotes, backslashes, a line break and a non-Latin script: what JSON would have escaped.
    const text = '{"title": "Rapport \\ “final”"}\n第三届会议'
    const path = join(harness.documentsDir, 'opened.rapporteur')
    await writeFile(path, text)
    harness.dialogs.nextOpen(path)
    const opened = JSON.parse(
      (await call(harness, '/api/openReport', { token: harness.token, body: '[]' })).body
    ).result
    expect(opened).toMatchObject({ ok: true, opened: { textParts: 1 } })
    const part = await call(harness, '/api/readOpenedText', {
      token: harness.token,
      body: JSON.stringify([opened.opened.documentId, 0])
    })
    expect(part.status).toBe(200)
    expect(part.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(part.body).toBe(text)
  })
})
