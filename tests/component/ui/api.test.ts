import { createHttpApi, harnessToken, HostError } from '@renderer/harness/http-api'

describe('renderer host API module', () => {
  it('reads the harness token only from a well-formed fragment', () => {
    expect(harnessToken('#harness=abcdefghijklmnopqrstuvwx')).toBe('abcdefghijklmnopqrstuvwx')
    expect(harnessToken('#x=1&harness=abcdefghijklmnopqrstuvwx')).toBe('abcdefghijklmnopqrstuvwx')
    expect(harnessToken('#harness=short')).toBeNull()
    expect(harnessToken('#harness=abc<script>defghijklmnopqrs')).toBeNull()
    expect(harnessToken('')).toBeNull()
  })

  it('calls the harness with the token and returns its result', async () => {
    const fetchMock = vi.fn(
      async () => new Response(JSON.stringify({ result: true }), { status: 200 })
    )
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
      vi.fn(
        async () =>
          new Response(JSON.stringify({ error: 'invalid arguments for saveReport' }), {
            status: 400
          })
      )
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
})
