// Every D-code of the catalogue provoked headlessly, as HOW_TO_PROVOKE says, with the exact code and where it appears.
import { randomBytes } from 'node:crypto'
import { dCodes } from '@iamsmart-sandbox/openapi/generated/dcodes'
import { describe, expect, it } from 'vitest'
import { type Harness, harness, OSP } from '../../../test/harness'
import { aesEncrypt, signatureHeader } from '../../../test/reference-client'
import type { DCode } from '../../errors'
import { DOC_HEX } from '../signing/signing.fixtures'
import { HOW_TO_PROVOKE, type Where } from './provoke'

type Seen = { where: Where; code: string }
const envelope = async (p: Promise<{ code: string }>): Promise<Seen> => ({
  where: 'envelope',
  code: (await p).code,
})
const json = async (res: Promise<Response>): Promise<Seen> => ({
  where: 'envelope',
  code: ((await (await res).json()) as { code: string }).code,
})

let seq = 0
const common = async (h: Harness, who = 'magic-approve', extra: Record<string, unknown> = {}) => {
  const t = await h.token({ resident: who })
  return {
    businessID: `prov-${++seq}`,
    accessToken: t.accessToken,
    openID: t.openID,
    source: 'PC_Browser',
    redirectURI: OSP.callbackURI,
    state: 'st',
    ...extra,
  }
}

/** A getQR login decided headlessly: the error_code of the redirect. */
async function redirect(h: Harness, o: { decision?: string; resident?: string }): Promise<Seen> {
  const p = await h.login(o)
  return { where: 'redirect', code: p.get('error_code') ?? (p.get('code') ? 'D00000' : '') }
}

/** An authenticated task decided through the sandbox API: the code of its callback. */
async function callback(
  h: Harness,
  path: string,
  extra: Record<string, unknown>,
  decision: string,
): Promise<Seen> {
  const init = await h.client.call<{ ticketID: string }>(path, await common(h, 'magic-approve', extra))
  expect(init.code).toBe('D00000')
  const res = await h.admin(`/sandbox/v1/tickets/${init.content!.ticketID}/decision`, 'POST', { decision })
  expect(res.status).toBe(200)
  await h.settle()
  return { where: 'callback', code: h.callbacks.at(-1)!.body.code }
}

const profile = (d: string) => (h: Harness) =>
  callback(h, '/account/auth/profile/initiateRequest', { profileFields: ['idNo'] }, d)
const eme = (d: string) => (h: Harness) =>
  callback(h, '/account/eme/initiateRequest', { eMEFields: ['emailAddress'] }, d)
const signing = (d: string) => (h: Harness) =>
  callback(h, '/account/signing/initiateRequest', { hashCode: DOC_HEX, documentName: 'Doc' }, d)
const stepUp = (d: string) => (h: Harness) => callback(h, '/account/stepup/initiateRequest', {}, d)
const forced = (dcode: string) => async (h: Harness) => {
  expect(
    (await h.admin(`/sandbox/v1/apps/${h.clientID}/scenarios`, 'POST', { operationId: 'getToken', dcode }))
      .status,
  ).toBe(201)
  return envelope(h.client.call('/auth/getToken', { code: 'c'.repeat(32), grantType: 'authorization_code' }))
}
const token = (request: Record<string, unknown>) => (h: Harness) =>
  envelope(h.client.call('/auth/getToken', request))

const PROVOKE: Record<DCode, (h: Harness) => Promise<Seen>> = {
  D00000: (h) => json(h.client.post('/security/getKey', '{}')),
  D20000: forced('D20000'),
  D20001: (h) => json(h.client.post('/security/getKey', '{"scope":"x"}')),
  D20002: token({ grantType: 'authorization_code' }),
  D20003: token({ code: 'c'.repeat(32), grantType: 'password' }),
  D20004: async (h) => {
    const body = '{}'
    const headers = {
      'Content-Type': 'application/json',
      clientID: h.clientID,
      signatureMethod: 'HmacSHA256',
      timestamp: String(h.clock.now()),
      nonce: 'n'.repeat(32),
      signature: signatureHeader(h.clientID, h.clientSecret, String(h.clock.now()), 'n'.repeat(32), body),
    }
    await h.request('/api/v1/security/getKey', { method: 'POST', headers, body })
    return json(h.request('/api/v1/security/getKey', { method: 'POST', headers, body }))
  },
  D20005: (h) => json(h.client.post('/security/getKey', '{}', { signatureMethod: 'HmacSHA1' })),
  D20006: (h) => json(h.client.post('/security/getKey', '{}', { signature: 'AAAA' })),
  D20007: async (h) =>
    envelope(
      h.client.call('/account/stepup/initiateRequest', await common(h, 'magic-approve', { source: 'Nokia' })),
    ),
  D20008: async (h) =>
    envelope(
      h.client.call(
        '/account/stepup/initiateRequest',
        await common(h, 'magic-approve', { redirectURI: 'https://evil.example/cb' }),
      ),
    ),
  D20009: async (h) =>
    envelope(
      h.client.call(
        '/account/stepup/initiateRequest',
        await common(h, 'magic-approve', { accessToken: 'a'.repeat(32) }),
      ),
    ),
  D20010: async (h) =>
    envelope(
      h.client.call(
        '/account/stepup/initiateRequest',
        await common(h, 'magic-approve', { openID: 'f'.repeat(64) }),
      ),
    ),
  D20011: async (h) => {
    const req = await common(h)
    await h.client.call('/account/stepup/initiateRequest', req)
    return envelope(h.client.call('/account/stepup/initiateRequest', req))
  },
  D20012: async (h) => {
    const req = await common(h, 'magic-approve', { eMEFields: ['emailAddress'] })
    await h.admin(`/sandbox/v1/apps/${h.clientID}/scopes`, 'PUT', {
      scopes: ['eidapi_auth', 'eidapi_profiles'],
    })
    return envelope(h.client.call('/account/eme/initiateRequest', req))
  },
  D20022: forced('D20022'),
  D20026: async (h) => {
    let last: Seen = { where: 'envelope', code: '' }
    for (let i = 0; i < 4 && last.code !== 'D20026'; i++)
      last = await json(h.client.post('/security/getKey', '{}'))
    return last
  },
  D20027: (h) => json(h.client.post('/security/getKeys', '{}')),
  D30001: async (h) => {
    const res = await h.admin(`/sandbox/v1/apps/${h.clientID}/keys/A`, 'DELETE')
    expect(res.status).toBe(200)
    return json(h.client.post('/security/getKey', '{}'))
  },
  D30002: (h) =>
    json(h.client.post('/auth/getToken', JSON.stringify({ content: aesEncrypt(randomBytes(32), '{}') }))),
  D30003: forced('D30003'),
  D30004: async (h) => {
    await h.client.getKey()
    return json(
      h.client.post('/auth/getToken', JSON.stringify({ content: aesEncrypt(randomBytes(32), '{}') })),
    )
  },
  D40000: (h) => redirect(h, { decision: 'cancel' }),
  D40001: (h) => redirect(h, { resident: 'magic-reject', decision: 'reject' }),
  D40002: (h) => redirect(h, { decision: 'fail' }),
  D40003: (h) => redirect(h, { decision: 'timeout' }),
  D40004: async (h) => {
    const p = await h.login()
    await h.client.call('/auth/getToken', { code: p.get('code'), grantType: 'authorization_code' })
    return envelope(h.client.call('/auth/getToken', { code: p.get('code'), grantType: 'authorization_code' }))
  },
  D40035: (h) => redirect(h, { resident: 'magic-id-card-error' }),
  D50001: profile('cancel'),
  D50002: profile('fail'),
  D50003: profile('timeout'),
  D60000: eme('cancel'),
  D60001: eme('reject'),
  D60002: eme('fail'),
  D60003: eme('timeout'),
  D70000: signing('cancel'),
  D70001: signing('reject'),
  D70002: signing('fail'),
  D70003: signing('timeout'),
  D70004: async (h) =>
    envelope(
      h.client.call(
        '/account/signing/initiateRequest',
        await common(h, 'magic-basic-tier', { hashCode: DOC_HEX, documentName: 'Doc' }),
      ),
    ),
  D70005: async (h) =>
    envelope(
      h.client.call(
        '/account/signing/initiateRequest',
        await common(h, 'magic-hkid-mismatch', { hashCode: DOC_HEX, documentName: 'Doc' }),
      ),
    ),
  D70006: (h) =>
    envelope(
      h.client.call('/account/signing/ackResult', { businessID: 'never-sent', signingResult: 'SUCCESS' }),
    ),
  D80001: stepUp('reject'),
  D80002: stepUp('fail'),
  D80003: stepUp('timeout'),
}

describe('every D-code can be provoked headlessly', () => {
  it('HOW_TO_PROVOKE and this test cover the whole catalogue', () => {
    expect(Object.keys(HOW_TO_PROVOKE).sort()).toEqual(Object.keys(dCodes).sort())
    expect(Object.keys(PROVOKE).sort()).toEqual(Object.keys(dCodes).sort())
  })

  it.each(Object.keys(dCodes) as DCode[])('%s', async (code) => {
    const h = await harness({ config: code === 'D20026' ? { rateLimitPerMinute: 2 } : {} })
    expect(await PROVOKE[code](h)).toEqual({ where: HOW_TO_PROVOKE[code].where, code })
  })
})
