// The signed, encrypted back channel: every fault gets its exact D-code (security checklist C, G).
import { describe, expect, it } from 'vitest'
import { harness, kek } from '../../test/harness'
import { aesEncrypt, signatureHeader } from '../../test/reference-client'

type Env = { code: string; content: unknown; message: string; txID: string }
const json = async (r: Response) => (await r.json()) as Env

function headers(
  h: { clientID: string; clientSecret: string },
  body: string,
  o: { timestamp?: string; nonce?: string; method?: string; raw?: boolean } = {},
) {
  const timestamp = o.timestamp ?? String(Date.UTC(2026, 10, 22, 2, 0, 0))
  const nonce = o.nonce ?? crypto.randomUUID().replace(/-/g, '')
  const sig = signatureHeader(h.clientID, h.clientSecret, timestamp, nonce, body)
  return {
    'content-type': 'application/json',
    clientID: h.clientID,
    signatureMethod: o.method ?? 'HmacSHA256',
    timestamp,
    nonce,
    signature: o.raw ? decodeURIComponent(sig) : sig,
  }
}

describe('request signing and replay', () => {
  it('getKey accepts both an empty body and {} and wraps the CEK with KEK A (pubKey tells which)', async () => {
    const h = await harness()
    for (const body of ['', '{}']) {
      const env = await json(
        await h.request('/api/v1/security/getKey', { method: 'POST', headers: headers(h, body), body }),
      )
      expect(env.code).toBe('D00000')
      const c = env.content as { pubKey: string; secretKey: string; expiresIn: number; issueAt: number }
      expect(c.pubKey).toBe(kek(0).publicKey.export({ type: 'spki', format: 'der' }).toString('base64'))
      expect(Buffer.from(c.secretKey, 'base64')).toHaveLength(256)
      expect(c.expiresIn).toBe(86_400_000)
      expect(c.issueAt).toBe(h.clock.now())
    }
  })

  it('with keys A and B, the active key B wraps the CEK', async () => {
    const h = await harness({ app: { kekPublicKeys: { A: kek(0).publicPem, B: kek(1).publicPem } } })
    const app = (await h.platform.services.apps.get(h.clientID))!
    app.activeKek = 'B'
    const env = await json(
      await h.request('/api/v1/security/getKey', { method: 'POST', headers: headers(h, '{}'), body: '{}' }),
    )
    expect((env.content as { pubKey: string }).pubKey).toBe(
      kek(1).publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    )
  })

  it.each(['clientID', 'signatureMethod', 'timestamp', 'nonce', 'signature'])(
    'a missing %s header is D20002',
    async (name) => {
      const h = await harness()
      const hd: Record<string, string> = headers(h, '{}')
      delete hd[name]
      expect(
        (await json(await h.request('/api/v1/security/getKey', { method: 'POST', headers: hd, body: '{}' })))
          .code,
      ).toBe('D20002')
    },
  )

  it('signatureMethod other than HmacSHA256 is D20005', async () => {
    const h = await harness()
    const env = await json(
      await h.request('/api/v1/security/getKey', {
        method: 'POST',
        headers: headers(h, '{}', { method: 'HmacSHA1' }),
        body: '{}',
      }),
    )
    expect(env.code).toBe('D20005')
  })

  it('a body that differs from the signed one (one byte, re-serialised, whitespace) is D20006', async () => {
    const h = await harness()
    for (const [signed, sent] of [
      ['{}', '{ }'],
      ['{"a":1,"b":2}', '{"b":2,"a":1}'],
      ['{"content":"AAAA"}', '{"content":"AAAB"}'],
    ] as const) {
      const env = await json(
        await h.request('/api/v1/security/getKey', {
          method: 'POST',
          headers: headers(h, signed),
          body: sent,
        }),
      )
      expect(env.code).toBe('D20006')
    }
  })

  it('an unknown clientID and a wrong secret answer identically (D20006, content null)', async () => {
    const h = await harness()
    const a = await json(
      await h.request('/api/v1/security/getKey', {
        method: 'POST',
        headers: headers({ clientID: 'f'.repeat(32), clientSecret: 'x' }, '{}'),
        body: '{}',
      }),
    )
    const b = await json(
      await h.request('/api/v1/security/getKey', {
        method: 'POST',
        headers: headers({ clientID: h.clientID, clientSecret: 'wrong' }, '{}'),
        body: '{}',
      }),
    )
    expect([a.code, a.message, a.content]).toEqual([b.code, b.message, b.content])
    expect(a.code).toBe('D20006')
  })

  it('raw Base64 signatures pass in lenient mode and fail in strict mode', async () => {
    const lenient = await harness()
    expect(
      (
        await json(
          await lenient.request('/api/v1/security/getKey', {
            method: 'POST',
            headers: headers(lenient, '{}', { raw: true }),
            body: '{}',
          }),
        )
      ).code,
    ).toBe('D00000')
    const strict = await harness({ app: { strict: true } })
    expect(
      (
        await json(
          await strict.request('/api/v1/security/getKey', {
            method: 'POST',
            headers: headers(strict, '{}', { raw: true }),
            body: '{}',
          }),
        )
      ).code,
    ).toBe('D20006')
  })

  it('timestamps more than 300 s away are D20004; 299 s is fine', async () => {
    const h = await harness()
    const now = h.clock.now()
    for (const [offset, code] of [
      [-301_000, 'D20004'],
      [301_000, 'D20004'],
      [299_000, 'D00000'],
      [-299_000, 'D00000'],
    ] as const) {
      const hd = headers(h, '{}', { timestamp: String(now + offset) })
      expect(
        (await json(await h.request('/api/v1/security/getKey', { method: 'POST', headers: hd, body: '{}' })))
          .code,
      ).toBe(code)
    }
  })

  it('a replayed nonce is D20004, even on another endpoint; another app may use the same nonce', async () => {
    const h = await harness()
    const hd = headers(h, '{}', { nonce: 'n-1' })
    expect(
      (await json(await h.request('/api/v1/security/getKey', { method: 'POST', headers: hd, body: '{}' })))
        .code,
    ).toBe('D00000')
    expect(
      (await json(await h.request('/api/v1/security/getKey', { method: 'POST', headers: hd, body: '{}' })))
        .code,
    ).toBe('D20004')
    expect(
      (await json(await h.request('/api/v1/security/revokeKey', { method: 'POST', headers: hd, body: '{}' })))
        .code,
    ).toBe('D20004')
    const other = await h.platform.services.apps.create({
      name: 'B',
      redirectURIs: ['https://b.example/r'],
      kekPublicKeys: { A: kek(0).publicPem },
    })
    const hb = headers(other, '{}', { nonce: 'n-1' })
    expect(
      (await json(await h.request('/api/v1/security/getKey', { method: 'POST', headers: hb, body: '{}' })))
        .code,
    ).toBe('D00000')
  })
})

describe('content encryption', () => {
  it('no CEK → D30002; garbage or a tampered tag → D30004; a non-object plaintext → D20003', async () => {
    const h = await harness()
    const call = async (content: string) => {
      const body = JSON.stringify({ content })
      return (
        await json(
          await h.request('/api/v1/auth/getToken', { method: 'POST', headers: headers(h, body), body }),
        )
      ).code
    }
    expect(await call('AAAADAAAAAAAAAAAAAAAAAA=')).toBe('D30002')
    await h.client.getKey()
    expect(await call('not base64 at all!')).toBe('D30004')
    const good = aesEncrypt(h.client.cek!, '{"code":"x","grantType":"authorization_code"}')
    const bytes = Buffer.from(good, 'base64')
    bytes[bytes.length - 1]! ^= 1
    expect(await call(bytes.toString('base64'))).toBe('D30004')
    expect(await call(aesEncrypt(h.client.cek!, '[1,2]'))).toBe('D20003')
    expect(await call(aesEncrypt(h.client.cek!, '{"code":"x","grantType":"authorization_code"}'))).toBe(
      'D40004',
    )
  })

  it('the previous CEK stays valid after a new getKey; revokeKey drops both (D30002)', async () => {
    const h = await harness()
    await h.client.getKey()
    const old = h.client.cek!
    await h.client.getKey()
    h.client.cek = old
    expect((await h.client.call('/auth/getToken', { code: 'x', grantType: 'authorization_code' })).code).toBe(
      'D40004',
    )
    await h.client.post('/security/revokeKey', '{}')
    const body = JSON.stringify({ content: aesEncrypt(old, '{}') })
    expect((await json(await h.client.post('/auth/getToken', body))).code).toBe('D30002')
  })

  it('a CEK expires after 24 h (D30002)', async () => {
    const h = await harness()
    await h.client.getKey()
    h.clock.advance(86_400_001)
    const body = JSON.stringify({ content: aesEncrypt(h.client.cek!, '{}') })
    expect((await json(await h.client.post('/auth/getToken', body))).code).toBe('D30002')
  })

  it('getKey without a usable KEK is D30001', async () => {
    const h = await harness()
    const app = (await h.platform.services.apps.get(h.clientID))!
    app.kekPublicKeys = {}
    expect((await h.client.getKey()).code).toBe('D30001')
  })
})

describe('HTTP hygiene', () => {
  it('unknown platform path → 404 + D20027; undeclared method → 405 with Allow', async () => {
    const h = await harness()
    const a = await h.request('/api/v1/nope', { method: 'POST' })
    expect(a.status).toBe(404)
    expect((await json(a)).code).toBe('D20027')
    const b = await h.request('/api/v1/security/getKey', { method: 'GET' })
    expect(b.status).toBe(405)
    expect(b.headers.get('allow')).toBe('POST')
    const c = await h.request('/api/v1/auth/getQR', { method: 'DELETE' })
    expect(c.status).toBe(405)
  })

  it('a body over the limit is 413; a non-JSON content type is 415', async () => {
    const h = await harness()
    const big = JSON.stringify({ content: 'A'.repeat(70_000) })
    const a = await h.request('/api/v1/auth/getToken', {
      method: 'POST',
      headers: headers(h, big),
      body: big,
    })
    expect(a.status).toBe(413)
    const b = await h.request('/api/v1/security/getKey', {
      method: 'POST',
      headers: { ...headers(h, '{}'), 'content-type': 'text/plain' },
      body: '{}',
    })
    expect(b.status).toBe(415)
  })

  it('a client over its rate limit gets 429 with Retry-After', async () => {
    const h = await harness({ config: { rateLimitPerMinute: 3 } })
    const codes: number[] = []
    for (let i = 0; i < 4; i++)
      codes.push(
        (
          await h.request('/api/v1/security/getKey', {
            method: 'POST',
            headers: headers(h, '{}'),
            body: '{}',
          })
        ).status,
      )
    expect(codes).toEqual([200, 200, 200, 429])
    const res = await h.request('/api/v1/security/getKey', {
      method: 'POST',
      headers: headers(h, '{}'),
      body: '{}',
    })
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    h.clock.advance(60_000)
    expect(
      (
        await h.request('/api/v1/security/getKey', {
          method: 'POST',
          headers: headers(h, '{}', { timestamp: String(h.clock.now()) }),
          body: '{}',
        })
      ).status,
    ).toBe(200)
  })
})

describe('security events', () => {
  it('bad signatures and replays are logged as security events, without secrets', async () => {
    const lines: string[] = []
    const { createLogger } = await import('../logger')
    const h = await harness({ deps: { logger: createLogger('warn', (l) => lines.push(l)) } })
    const hd = headers(h, '{}', { nonce: 'replayed' })
    await h.request('/api/v1/security/getKey', { method: 'POST', headers: hd, body: '{}' })
    await h.request('/api/v1/security/getKey', { method: 'POST', headers: hd, body: '{}' })
    await h.request('/api/v1/security/getKey', {
      method: 'POST',
      headers: headers({ clientID: h.clientID, clientSecret: 'wrong' }, '{}'),
      body: '{}',
    })
    const events = lines.map((l) => JSON.parse(l) as { msg: string; dcode: string; clientID: string })
    expect(events.map((e) => [e.msg, e.dcode])).toEqual([
      ['security event', 'D20004'],
      ['security event', 'D20006'],
    ])
    expect(events[0]!.clientID).toBe(h.clientID)
    expect(lines.join('\n')).not.toContain(h.clientSecret)
  })
})

describe('unexpected errors', () => {
  it('a handler that throws answers 500 + D20000 with no internals', async () => {
    const { Hono } = await import('hono')
    const { signedRoute } = await import('./signed-route')
    const h = await harness()
    const app = new Hono()
    app.post(
      '/boom',
      signedRoute(h.platform.services.signed, 'boom', false, () => {
        throw new Error('internal detail at /srv/secret/path.ts:42')
      }),
    )
    const res = await app.request('/boom', { method: 'POST', headers: headers(h, '{}'), body: '{}' })
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(JSON.parse(text)).toMatchObject({ code: 'D20000', message: 'Unknown exception', content: null })
    expect(text).not.toContain('secret')
  })
})
