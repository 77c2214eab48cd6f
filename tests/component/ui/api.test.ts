import { createHttpApi, harnessToken, HostError } from '@renderer/harness/http-api'

/** An answer as the harness server writes it: JSON, or plain text for a string. */
function answer(body: unknown, status = 200): Response {
  const text = typeof body === 'string'
  return new Response(text ? body : JSON.stringify(body), {
    status,
    headers: {
      'content-type': text ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8'
    }
  })
}

describe('renderer host API module', () => {
  it('reads the harness token only from a well-formed fragment', () => {
    expect(harnessToken('#harness=abcdefghijklmnopqrstuvwx')).toBe('abcdefghijklmnopqrstuvwx')
    expect(harnessToken('#x=1&harness=abcdefghijklmnopqrstuvwx')).toBe('abcdefghijklmnopqrstuvwx')
    expect(harnessToken('#harness=short')).toBeNull()
    expect(harnessToken('#harness=abc<script>defghijklmnopqrs')).toBeNull()
    expect(harnessToken('')).toBeNull()
  })

  it('calls the harness with the token and returns its result', async () => {
    const fetchMock = vi.fn(async () => answer({ result: true }))
    vi.stubGlobal('fetch', fetchMock)
    try {
      const api = createHttpApi('http://127.0.0.1:4000', 'token-token-token-token')
      await expect(api.openExternal('https://undocs.org/en/A/79/1')).resolves.toBe(true)
      const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
      expect(url).toBe('http://127.0.0.1:4000/api/openExternal')
      expect((init.headers as Record<string, string>)['x-rapporteur-token']).toBe(
        'token-token-token-token'
      )
      expect(JSON.parse(init.body as string)).toEqual(['https://undocs.org/en/A/79/1'])
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('turns a refused request into an error with the host message', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer({ error: 'invalid arguments for saveReport' }, 400))
    )
    try {
      const api = createHttpApi('http://127.0.0.1:4000', 'token-token-token-token')
      await expect(api.listRecovery()).rejects.toThrow(
        new HostError('invalid arguments for saveReport')
      )
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('returns a text answer as it came, never read as JSON', async () => {
    // An opened report's text: JSON itself, which must reach the page's loader as a string.
    const text = '{"format": "rapporteur", "doc": {}}\n'
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer(text))
    )
    try {
      const api = createHttpApi('http://127.0.0.1:4000', 'token-token-token-token')
      await expect(api.readOpenedText('d1', 0)).resolves.toBe(text)
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
