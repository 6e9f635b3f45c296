/** The typed client against a fake platform: signing, CEK cache/refresh/retry, tampering, transport failures. */
import { generateKeyPairSync } from 'node:crypto'
import { beforeEach, describe, expect, it } from 'vitest'
import { createFakePlatform, type FakePlatform } from '../../test/fake-platform'
import { vectors } from '../../test/vectors'
import { stringToSign, verifySignature } from '../codec'
import { createIamSmartClient, type IamSmartClient, type IamSmartLogEvent, isDCode } from './index'

const clientID = vectors.requestSignature.clientID
const clientSecret = vectors.requestSignature.clientSecret
const baseUrl = 'https://sandbox.test/api/v1'
const keyA = vectors.cekWrap.kekPrivateKeyJwk as JsonWebKey
const publicA = vectors.cekWrap.kekPublicKeySpkiBase64
const pairB = generateKeyPairSync('rsa', { modulusLength: 2048 })
const keyB = pairB.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
const publicB = pairB.publicKey.export({ type: 'spki', format: 'pem' }) as string
const tokenRequest = { code: 'Xq3Rk8Vt2Pw9Ls4Hn6Jb1Cz5', grantType: 'authorization_code' } as const

let clock: number
let fake: FakePlatform
let client: IamSmartClient

function setup(kekPublicKey: string, extra: Partial<Parameters<typeof createIamSmartClient>[0]> = {}) {
  fake = createFakePlatform({ clientID, clientSecret, kekPublicKey, now: () => clock, expiresIn: 600_000 })
  client = createIamSmartClient({
    baseUrl,
    clientID,
    clientSecret,
    kekPrivateKeys: [keyA, keyB],
    fetch: fake.fetch,
    now: () => clock,
    ...extra,
  })
}

beforeEach(() => {
  clock = 1_767_225_600_000
  setup(publicA)
})

describe('signed requests', () => {
  it('sends the five headers, JSON content type and a signature valid over the raw body', async () => {
    const result = await client.getToken(tokenRequest)
    expect(result.ok).toBe(true)
    expect(fake.requests.map((r) => r.path)).toEqual(['/security/getKey', '/auth/getToken'])
    for (const r of fake.requests) {
      expect(r.method).toBe('POST')
      expect(r.headers['content-type']).toBe('application/json')
      expect(r.headers.clientid).toBe(clientID)
      expect(r.headers.signaturemethod).toBe('HmacSHA256')
      expect(r.headers.timestamp).toBe(String(clock))
      expect(r.headers.nonce).toMatch(/^[0-9a-f]{32}$/)
      expect(r.headers.signature).toMatch(/%3D$/)
      const parts = {
        clientID,
        signatureMethod: 'HmacSHA256',
        timestamp: String(clock),
        nonce: r.headers.nonce!,
        body: r.body,
      }
      const check = await verifySignature({
        secret: clientSecret,
        parts,
        signatureHeader: r.headers.signature!,
      })
      expect(check).toMatchObject({ valid: true, wasUrlEncoded: true })
      expect(stringToSign(parts).endsWith(r.body)).toBe(true)
    }
    expect(fake.requests[0]!.body).toBe('{}')
    expect(fake.requests[1]!.body).toMatch(/^\{"content":"[A-Za-z0-9+/]+=*"\}$/)
    expect(fake.requests[1]!.plaintext).toEqual(tokenRequest)
  })

  it('returns the decrypted content with txID and D00000', async () => {
    fake.on('/auth/getToken', (req) => ({ accessToken: 'tok', openID: 'oid', request: req }))
    const result = await client.getToken(tokenRequest)
    expect(result).toEqual({
      ok: true,
      code: 'D00000',
      txID: 'tx-2',
      data: { accessToken: 'tok', openID: 'oid', request: tokenRequest },
    })
  })

  it('call(opId, request) is the same operation as the typed method', async () => {
    const result = await client.call('getToken', tokenRequest)
    expect(result).toMatchObject({ ok: true, data: { echo: tokenRequest, path: '/auth/getToken' } })
  })

  it('has one method per POST operation', () => {
    for (const op of [
      'getKey',
      'revokeKey',
      'getToken',
      'initiateProfileRequest',
      'initiateEmeRequest',
      'initiateStepUpRequest',
      'initiateSigningRequest',
      'initiatePdfSigningRequest',
      'ackSigningResult',
      'initiateAnonymousEmeRequest',
      'getAnonymousEmeResult',
      'initiateAnonymousSigningRequest',
      'getAnonymousSigningResult',
      'initiateAnonymousPdfSigningRequest',
      'getAnonymousPdfSigningResult',
      'getProfiles',
    ]) {
      expect(typeof (client as unknown as Record<string, unknown>)[op], op).toBe('function')
    }
    expect((client as unknown as Record<string, unknown>).getQr).toBeUndefined()
  })
})

describe('CEK cache', () => {
  it('calls getKey once across calls', async () => {
    for (let i = 0; i < 3; i++) expect((await client.getToken(tokenRequest)).ok).toBe(true)
    expect(fake.count('/security/getKey')).toBe(1)
    expect(fake.count('/auth/getToken')).toBe(3)
  })

  it('coalesces concurrent refreshes into one getKey', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => client.getToken(tokenRequest)))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(fake.count('/security/getKey')).toBe(1)
  })

  it('refreshes refreshBeforeMs before issueAt + expiresIn, not earlier', async () => {
    await client.getToken(tokenRequest)
    clock += 600_000 - 60_001
    await client.getToken(tokenRequest)
    expect(fake.count('/security/getKey')).toBe(1)
    clock += 1
    await client.getToken(tokenRequest)
    expect(fake.count('/security/getKey')).toBe(2)
  })

  it('honours a custom refreshBeforeMs', async () => {
    setup(publicA, { refreshBeforeMs: 0 })
    await client.getToken(tokenRequest)
    clock += 599_999
    await client.getToken(tokenRequest)
    expect(fake.count('/security/getKey')).toBe(1)
  })

  it('getKey() returns the platform content and primes the cache', async () => {
    const key = await client.getKey()
    expect(key).toMatchObject({
      ok: true,
      code: 'D00000',
      data: { pubKey: publicA, issueAt: clock, expiresIn: 600_000 },
    })
    await client.getToken(tokenRequest)
    expect(fake.count('/security/getKey')).toBe(1)
  })

  it('revokeKey clears the cache', async () => {
    await client.getToken(tokenRequest)
    expect(await client.revokeKey()).toEqual({ ok: true, code: 'D00000', txID: 'tx-3', data: null })
    await client.getToken(tokenRequest)
    expect(fake.count('/security/getKey')).toBe(2)
    expect(fake.requests.at(-1)!.path).toBe('/auth/getToken')
  })

  it('prefers the KEK whose SPKI equals pubKey (key B registered)', async () => {
    setup(publicB)
    expect((await client.getToken(tokenRequest)).ok).toBe(true)
    expect(fake.count('/security/getKey')).toBe(1)
  })
})

describe('retry on envelope key errors', () => {
  it('D30002 triggers exactly one refresh and one retry with a fresh nonce', async () => {
    await client.getToken(tokenRequest)
    fake.forceCodes('/auth/getToken', 'D30002')
    const result = await client.getToken(tokenRequest)
    expect(result.ok).toBe(true)
    expect(fake.count('/security/getKey')).toBe(2)
    expect(fake.count('/auth/getToken')).toBe(3)
    const [first, retry] = fake.requests.filter((r) => r.path === '/auth/getToken').slice(1)
    expect(retry!.headers.nonce).not.toBe(first!.headers.nonce)
    expect(retry!.body).not.toBe(first!.body)
  })

  it('a CEK the platform has forgotten is replaced transparently', async () => {
    await client.getToken(tokenRequest)
    fake.dropKeys()
    expect((await client.getToken(tokenRequest)).ok).toBe(true)
    expect(fake.count('/security/getKey')).toBe(2)
  })

  it('stops after one retry and reports the platform code', async () => {
    fake.forceCodes('/auth/getToken', 'D30004', 'D30004', 'D30004')
    const result = await client.getToken(tokenRequest)
    expect(result).toEqual({
      ok: false,
      error: { kind: 'platform', code: 'D30004', message: 'forced by the test', txID: 'tx-4' },
    })
    expect(fake.count('/security/getKey')).toBe(2)
    expect(fake.count('/auth/getToken')).toBe(2)
  })

  it('does not retry other platform errors', async () => {
    fake.forceCodes('/auth/getToken', 'D40004')
    const result = await client.getToken(tokenRequest)
    expect(result).toMatchObject({ ok: false, error: { kind: 'platform', code: 'D40004', txID: 'tx-2' } })
    expect(fake.count('/auth/getToken')).toBe(1)
    expect(fake.count('/security/getKey')).toBe(1)
  })
})

describe('failures are values', () => {
  it('a tampered response is a protocol D30004 error and is not retried', async () => {
    fake.tamperNextResponse()
    const result = await client.getToken(tokenRequest)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({ kind: 'protocol', code: 'D30004', txID: 'tx-2' })
    expect(fake.count('/auth/getToken')).toBe(1)
  })

  it('a wrong client secret surfaces the platform D20006', async () => {
    const wrong = createIamSmartClient({
      baseUrl,
      clientID,
      clientSecret: 'nope',
      kekPrivateKeys: [keyA],
      fetch: fake.fetch,
    })
    expect(await wrong.getToken(tokenRequest)).toMatchObject({
      ok: false,
      error: { kind: 'platform', code: 'D20006' },
    })
  })

  it('a getKey secretKey no configured KEK can unwrap is a protocol D30001 error', async () => {
    setup(publicB)
    const onlyA = createIamSmartClient({
      baseUrl,
      clientID,
      clientSecret,
      kekPrivateKeys: [keyA],
      fetch: fake.fetch,
    })
    expect(await onlyA.getToken(tokenRequest)).toMatchObject({
      ok: false,
      error: { kind: 'protocol', code: 'D30001' },
    })
  })

  it('a network failure is a transport error', async () => {
    const down = createIamSmartClient({
      baseUrl,
      clientID,
      clientSecret,
      kekPrivateKeys: [keyA],
      fetch: async () => {
        throw new TypeError('fetch failed')
      },
    })
    const result = await down.getToken(tokenRequest)
    expect(result).toMatchObject({ ok: false, error: { kind: 'transport', code: 'NETWORK_ERROR' } })
    if (!result.ok) expect(result.error.message).toContain('fetch failed')
  })

  it('a non-2xx without an envelope is a transport error with the status', async () => {
    const broken = createIamSmartClient({
      baseUrl,
      clientID,
      clientSecret,
      kekPrivateKeys: [keyA],
      fetch: async () => new Response('<html>bad gateway</html>', { status: 502 }),
    })
    expect(await broken.getKey()).toEqual({
      ok: false,
      error: {
        kind: 'transport',
        code: 'HTTP_ERROR',
        status: 502,
        message: '/security/getKey answered HTTP 502',
      },
    })
  })

  it('a non-2xx with an envelope is a platform error with the status', async () => {
    const limited = createIamSmartClient({
      baseUrl,
      clientID,
      clientSecret,
      kekPrivateKeys: [keyA],
      fetch: async () =>
        new Response(JSON.stringify({ txID: 't9', code: 'D20026', message: 'Access deny', content: null }), {
          status: 429,
        }),
    })
    expect(await limited.getKey()).toEqual({
      ok: false,
      error: { kind: 'platform', code: 'D20026', message: 'Access deny', txID: 't9', status: 429 },
    })
  })

  it('refuses a configuration with an unusable KEK at once', () => {
    expect(() =>
      createIamSmartClient({
        baseUrl,
        clientID,
        clientSecret,
        kekPrivateKeys: ['not a key'],
        fetch: fake.fetch,
      }),
    ).toThrow(TypeError)
    expect(() =>
      createIamSmartClient({ baseUrl, clientID, clientSecret, kekPrivateKeys: [], fetch: fake.fetch }),
    ).toThrow(TypeError)
  })
})

describe('ergonomics: fetch, timeout, log hook, D-codes', () => {
  it('takes a fetch-compatible wrapper such as (input, init) => fetch(input, init)', async () => {
    const seen: string[] = []
    setup(publicA, {
      fetch: (input, init) => {
        seen.push(`${new URL(input.url).pathname} ${init === undefined}`)
        return fake.fetch(input)
      },
    })
    expect((await client.getToken(tokenRequest)).ok).toBe(true)
    expect(seen).toEqual(['/api/v1/security/getKey true', '/api/v1/auth/getToken true'])
  })

  it('a platform that does not answer within timeoutMs is a TIMEOUT transport error', async () => {
    const hanging = createIamSmartClient({
      baseUrl,
      clientID,
      clientSecret,
      kekPrivateKeys: [keyA],
      timeoutMs: 50,
      fetch: (request) =>
        new Promise<Response>((_, reject) =>
          request.signal.addEventListener('abort', () => reject(request.signal.reason)),
        ),
    })
    expect(await hanging.getKey()).toEqual({
      ok: false,
      error: {
        kind: 'transport',
        code: 'TIMEOUT',
        message: 'request to /security/getKey timed out after 50 ms',
      },
    })
  })

  it('the log hook sees each request and response with secrets masked, and cannot break a call', async () => {
    const events: IamSmartLogEvent[] = []
    fake.on('/auth/getToken', () => ({ accessToken: 'secret-token', openID: 'oid' }))
    setup(publicA, {
      log: (e) => {
        events.push(e)
        throw new Error('a broken logger')
      },
    })
    const result = await client.getToken(tokenRequest)
    expect(result.ok).toBe(true)
    expect(events.map((e) => `${e.type} ${e.path}`)).toEqual([
      'request /security/getKey',
      'response /security/getKey',
      'request /auth/getToken',
      'response /auth/getToken',
    ])
    const text = JSON.stringify(events)
    expect(text).not.toContain(clientSecret)
    expect(text).not.toContain('secret-token')
    for (const r of fake.requests) expect(text).not.toContain(r.headers.signature)
    const [, keyResponse, tokenRequestEvent, tokenResponse] = events
    expect(keyResponse).toMatchObject({ status: 200, code: 'D00000', txID: 'tx-1' })
    expect(keyResponse!.type === 'response' && JSON.parse(keyResponse!.body).content.secretKey).toMatch(
      /^\[\d+ characters\]$/,
    )
    expect(tokenRequestEvent).toMatchObject({ headers: { signature: '***', clientID } })
    expect(tokenRequestEvent!.type === 'request' && JSON.parse(tokenRequestEvent!.body).content).toMatch(
      /^\[\d+ characters\]$/,
    )
    expect(tokenResponse).toMatchObject({ type: 'response', code: 'D00000', txID: 'tx-2' })
  })

  it('isDCode accepts exactly the contract codes', () => {
    expect(isDCode('D40004')).toBe(true)
    expect(isDCode('D00000')).toBe(true)
    expect(isDCode('D4004')).toBe(false)
    expect(isDCode('toString')).toBe(false)
    expect(isDCode(40004)).toBe(false)
  })

  it('an envelope code the contract does not define is an INVALID_RESPONSE transport error naming it', async () => {
    const odd = createIamSmartClient({
      baseUrl,
      clientID,
      clientSecret,
      kekPrivateKeys: [keyA],
      fetch: async () =>
        new Response(JSON.stringify({ txID: 't7', code: 'D99999', message: '?', content: null }), {
          status: 200,
        }),
    })
    expect(await odd.getKey()).toMatchObject({
      ok: false,
      error: { kind: 'transport', code: 'INVALID_RESPONSE', receivedCode: 'D99999', txID: 't7', status: 200 },
    })
  })
})
