// The API reference's "try it": the sandbox calls a platform operation as the reader's app (signed, encrypted,
// in-process, in the inspector) and answers the transcript; only the app's organisation may; bad input is a 4xx.
import { decryptJson, verifySignature } from '@iamsmart-sandbox/openapi/codec'
import { platformOperations } from '@iamsmart-sandbox/openapi/generated/platform-operations'
import { beforeEach, describe, expect, it } from 'vitest'
import { type Harness, harness, kek, OSP } from '../../../test/harness'
import { unwrapCek } from '../../../test/reference-client'
import { type Browser, PASSWORD, signIn, signUp } from '../../../test/session.fixtures'
import { TRY_OPERATIONS } from './try-it.service'

interface Exchange {
  operation: string
  txID: string | null
  code: string | null
  request: { method: string; url: string; headers: Record<string, string>; body: string }
  response: { status: number; headers: Record<string, string>; body: string }
}
interface Transcript {
  operation: string
  clientID: string
  sent: boolean
  txID: string | null
  code: string | null
  message: string | null
  plaintext: Record<string, unknown>
  content: any
  cek: { source: string; issueAt?: number; expiresAt?: number }
  exchanges: Exchange[]
}

const EME = {
  businessID: 'TRY-0001',
  lang: 'en-US',
  eMEFields: ['emailAddress', 'mobileNumber'],
  formName: 'Sandbox newsletter sign-up',
  formNum: 'SBX-002',
  formDesc: 'Receive a synthetic newsletter',
}

describe('POST /sandbox/v1/apps/{clientID}/try', () => {
  let h: Harness
  let dev: Browser
  let clientID: string
  let clientSecret: string
  const tryIt = (body: unknown, who: Browser = dev, id = clientID) =>
    who.call(`/sandbox/v1/apps/${id}/try`, 'POST', body)
  const transcript = async (body: unknown) => {
    const res = await tryIt(body)
    expect(res.status, await res.clone().text()).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    return (await res.json()) as Transcript
  }

  beforeEach(async () => {
    h = await harness()
    dev = await signUp(h, 'dev@library.example', { orgName: 'Public Library' })
    const app = await dev.json('/sandbox/v1/apps', 'POST', {
      name: 'Library e-Service',
      redirectURIs: [OSP.callbackURI],
      scopes: ['eidapi_auth', 'eidapi_profiles', 'eidapi_formFilling'],
      kekPublicKeys: { A: kek(0).publicPem },
    })
    clientID = app.clientID
    clientSecret = app.clientSecret
  })

  it('offers every signed platform operation and not getQR', () => {
    const signed = Object.entries(platformOperations)
      .filter(([, o]) => o.method === 'post')
      .map(([id]) => id)
    expect(TRY_OPERATIONS).toEqual(signed)
    expect(TRY_OPERATIONS).not.toContain('getQr')
  })

  it('an encrypted operation: getKey as the app first, then the signed, encrypted call; D00000 decrypted', async () => {
    const t = await transcript({ operation: 'initiateAnonymousEmeRequest', body: EME })
    expect(t).toMatchObject({
      operation: 'initiateAnonymousEmeRequest',
      clientID,
      sent: true,
      code: 'D00000',
    })
    expect(t.message).toBe('SUCCESS')
    expect(t.plaintext).toEqual(EME)
    expect(t.content).toMatchObject({ ticketID: expect.stringMatching(/^[0-9a-f]{32}$/) })
    expect(t.cek.source).toBe('getKey')
    expect(t.exchanges.map((x) => [x.operation, x.code])).toEqual([
      ['getKey', 'D00000'],
      ['initiateAnonymousEmeRequest', 'D00000'],
    ])
    const [getKey, call] = t.exchanges as [Exchange, Exchange]
    expect(call.txID).toBe(t.txID)
    expect(call.request.url).toBe('http://127.0.0.1:8080/api/v1/anonymous/eme/initiateRequest')
    // The signature verifies with the app's secret over exactly the body sent.
    const hd = call.request.headers
    expect(Object.keys(hd).sort()).toEqual(
      ['Content-Type', 'clientID', 'nonce', 'signature', 'signatureMethod', 'timestamp'].sort(),
    )
    const verdict = await verifySignature({
      secret: clientSecret,
      parts: {
        clientID,
        signatureMethod: hd.signatureMethod!,
        timestamp: hd.timestamp!,
        nonce: hd.nonce!,
        body: call.request.body,
      },
      signatureHeader: hd.signature!,
    })
    expect(verdict).toMatchObject({ valid: true, wasUrlEncoded: true })
    // The body is the encrypted request; the answer's content is ciphertext, decrypted in `content`.
    const sent = JSON.parse(call.request.body) as { content: string }
    expect(Object.keys(sent)).toEqual(['content'])
    const cek = (await h.platform.services.keys.candidates(clientID))[0]!.key
    expect(await decryptJson(cek, sent.content)).toEqual(EME)
    const answer = JSON.parse(call.response.body) as { content: string }
    expect(call.response.status).toBe(200)
    expect(await decryptJson(cek, answer.content)).toEqual(t.content)
    // getKey's secretKey is wrapped with the app's KEK: the app's private key unwraps the same CEK.
    const wrapped = (JSON.parse(getKey.response.body) as { content: { secretKey: string } }).content.secretKey
    expect(new Uint8Array(unwrapCek(wrapped, kek(0).privateKey))).toEqual(cek)
    // No client secret in the transcript.
    expect(JSON.stringify(t)).not.toContain(clientSecret)
  })

  it("reuses the app's current CEK (no getKey) while it is valid", async () => {
    await transcript({ operation: 'getKey' })
    const before = await h.platform.services.keys.candidates(clientID)
    const t = await transcript({ operation: 'initiateAnonymousEmeRequest', body: EME })
    expect(t.cek).toEqual({
      source: 'current',
      issueAt: before[0]!.issueAt,
      expiresAt: before[0]!.expiresAt,
    })
    expect(t.exchanges.map((x) => x.operation)).toEqual(['initiateAnonymousEmeRequest'])
    expect(await h.platform.services.keys.candidates(clientID)).toEqual(before)
  })

  it('a failing operation answers 200 with its D-code in the transcript (code reused → D40004)', async () => {
    const t = await transcript({
      operation: 'getToken',
      body: { code: 'b0fe997e2b947c0df1906729fca8c6f0', grantType: 'authorization_code' },
    })
    expect(t).toMatchObject({ sent: true, code: 'D40004', content: null })
    expect(JSON.parse(t.exchanges.at(-1)!.response.body)).toMatchObject({ code: 'D40004', content: null })
  })

  it('a real login: getToken then getProfiles, decrypted', async () => {
    const q = new URLSearchParams({
      clientID,
      responseType: 'code',
      source: 'PC_Browser',
      redirectURI: OSP.callbackURI,
      scope: 'eidapi_auth eidapi_profiles',
      state: 's',
    })
    const back = await h.request(`/api/v1/auth/getQR?${q}`, {
      headers: { 'X-Sandbox-Resident': 'magic-approve', 'X-Sandbox-Decision': 'approve' },
    })
    const code = new URL(back.headers.get('location')!).searchParams.get('code')!
    const token = await transcript({ operation: 'getToken', body: { code, grantType: 'authorization_code' } })
    expect(token.code).toBe('D00000')
    expect(token.content).toMatchObject({ tokenType: 'Bearer', openID: expect.any(String) })
    const profiles = await transcript({
      operation: 'getProfiles',
      body: {
        accessToken: token.content.accessToken,
        openID: token.content.openID,
        profileFields: ['enName'],
      },
    })
    expect(profiles.code).toBe('D00000')
    expect(profiles.content).toMatchObject({ enName: expect.any(Object) })
  })

  it('getKey without a KEK: D30001 and the operation is not sent', async () => {
    const bare = await dev.json('/sandbox/v1/apps', 'POST', { name: 'No keys yet' })
    const res = await tryIt(
      { operation: 'getToken', body: { code: 'x', grantType: 'authorization_code' } },
      dev,
      bare.clientID,
    )
    const t = (await res.json()) as Transcript
    expect(res.status).toBe(200)
    expect(t).toMatchObject({ sent: false, code: 'D30001', content: null, cek: { source: 'none' } })
    expect(t.exchanges.map((x) => x.operation)).toEqual(['getKey'])
  })

  it('every call is in the request inspector under its txID, as any call of the app', async () => {
    const t = await transcript({ operation: 'initiateAnonymousEmeRequest', body: EME })
    for (const x of t.exchanges) {
      const item = await dev.json(`/sandbox/v1/apps/${clientID}/requests/${x.txID}`)
      expect(item).toMatchObject({ kind: 'call', operationId: x.operation, code: x.code })
    }
  })

  it("another organisation's app: 404, as every app route answers, and nothing is called", async () => {
    const other = await signUp(h, 'eve@elsewhere.example', { orgName: 'Elsewhere' })
    const mine = await other.call(`/sandbox/v1/apps/${clientID}`)
    const res = await tryIt({ operation: 'getKey' }, other)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const problem = (await res.json()) as { title: string; detail: string }
    expect(problem).toMatchObject({ title: 'App not found', detail: `No app "${clientID}".` })
    expect(((await mine.json()) as { title: string }).title).toBe(problem.title)
    expect(await h.platform.services.keys.candidates(clientID)).toEqual([])
  })

  it('signed out: 401; staff (read-only): 403', async () => {
    const res = await h.request(`/sandbox/v1/apps/${clientID}/try`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://localhost' },
      body: JSON.stringify({ operation: 'getKey' }),
    })
    expect(res.status).toBe(401)
    const created = await h.admin('/sandbox/v1/staff', 'POST', {
      email: 'agent@support.example',
      password: PASSWORD,
      role: 'agent',
    })
    expect(created.status).toBe(201)
    const agent = await signIn(h, 'agent@support.example')
    expect((await tryIt({ operation: 'getKey' }, agent)).status).toBe(403)
    expect(await h.platform.services.keys.candidates(clientID)).toEqual([])
  })

  it('unknown operation, getQR, a body that is not an object, extra members: 422 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ operation: 'fetchEverything' }, 'operation'],
      [{}, 'operation'],
      [{ operation: 42 }, 'operation'],
      [{ operation: 'getQr' }, 'operation'],
      [{ operation: 'getToken', body: [1, 2] }, 'body'],
      [{ operation: 'getToken', body: 'code=1' }, 'body'],
      [{ operation: 'getToken', body: null }, 'body'],
      [{ operation: 'getToken', query: { a: 1 } }, 'query'],
      [[], 'body'],
    ]
    for (const [body, field] of cases) {
      const res = await tryIt(body)
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      const problem = (await res.json()) as { errors: Record<string, string>; requestId: string }
      expect(Object.keys(problem.errors), JSON.stringify(body)).toEqual([field])
      expect(problem.requestId).toMatch(/^[0-9a-f]{32}$/)
    }
    expect(await h.platform.services.keys.candidates(clientID)).toEqual([])
  })

  it('malformed JSON: 400; not JSON: 415; over the body limit: 413', async () => {
    const raw = (body: string, type = 'application/json') =>
      h.request(`/sandbox/v1/apps/${clientID}/try`, {
        method: 'POST',
        headers: {
          Cookie: dev.cookie,
          Origin: 'http://localhost',
          'X-CSRF-Token': dev.csrfToken,
          'Content-Type': type,
        },
        body,
      })
    expect((await raw('{"operation": "getKey"')).status).toBe(400)
    expect((await raw('operation=getKey', 'application/x-www-form-urlencoded')).status).toBe(415)
    const big = JSON.stringify({
      operation: 'getToken',
      body: { code: 'x'.repeat(h.platform.services.config.bodyLimitBytes) },
    })
    const res = await raw(big)
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  })

  it('getKey and revokeKey: plain bodies, the answer as received (secretKey stays wrapped)', async () => {
    const got = await transcript({ operation: 'getKey' })
    expect(got).toMatchObject({ sent: true, code: 'D00000', plaintext: {}, cek: { source: 'none' } })
    expect(got.exchanges[0]!.request.body).toBe('{}')
    expect(got.content).toMatchObject({ secretKey: expect.any(String), expiresIn: expect.any(Number) })
    const revoked = await transcript({ operation: 'revokeKey' })
    expect(revoked).toMatchObject({ code: 'D00000', content: null })
    expect(await h.platform.services.keys.candidates(clientID)).toEqual([])
    // A parameter getKey does not take: the platform's own answer, D20001.
    expect((await transcript({ operation: 'getKey', body: { extra: 1 } })).code).toBe('D20001')
  })
})
