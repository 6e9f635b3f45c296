// Contract tests: walk every operation of the bundled spec and validate the mock's answers (and callbacks) against it.
import { beforeAll, describe, expect, it } from 'vitest'
import {
  callbackSchemas,
  decryptedResponseSchema,
  type Json,
  type OperationSpec,
  operations,
  platformSpec,
  responseSchema,
  violations,
} from './contract'
import { type Harness, harness, OSP } from './harness'
import type { Envelope } from './reference-client'

let spec: Json
let ops: Map<string, OperationSpec>
beforeAll(async () => {
  spec = await platformSpec()
  ops = operations(spec)
})

/** The seven signing operations (hash and PDF, authenticated and anonymous, ackResult). */
const SIGNING = [
  'initiateSigningRequest',
  'initiatePdfSigningRequest',
  'ackSigningResult',
  'initiateAnonymousSigningRequest',
  'getAnonymousSigningResult',
  'initiateAnonymousPdfSigningRequest',
  'getAnonymousPdfSigningResult',
]

/** The preview operations (not in the published specification): consent status and data exchange. */
const PREVIEW = ['initiateDataExchangeRequest', 'getDataExchangeData', 'getConsentStatus']

/** SHA-256 of a synthetic document, as hex and Base64 (both forms are in the Digest schema). */
const DIGEST_HEX = 'beaddc8e891c13374e33aeb76c0a737446fb85ab567c37be66085e53355409e3'
const DIGEST_B64 = 'ZGyqCcP0t0PAFBDwDprot3tfLZkCWIu8gQtX5GGXyw4='

async function rawEnvelope(
  h: Harness,
  path: string,
  plaintext: unknown,
): Promise<{ raw: Envelope<string | null>; content: unknown }> {
  if (!h.client.cek) await h.client.getKey()
  const { aesEncrypt, aesDecrypt } = await import('./reference-client')
  const res = await h.client.post(
    path,
    JSON.stringify({ content: aesEncrypt(h.client.cek!, JSON.stringify(plaintext)) }),
  )
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  const raw = (await res.json()) as Envelope<string | null>
  return {
    raw,
    content: typeof raw.content === 'string' ? JSON.parse(aesDecrypt(h.client.cek!, raw.content)) : null,
  }
}

function expectValid(o: OperationSpec, raw: unknown, content: unknown) {
  expect(violations(responseSchema(o), raw), `${o.op.operationId} envelope`).toEqual([])
  const schema = decryptedResponseSchema(o)
  if (schema && (raw as Envelope).code === 'D00000') {
    expect(violations(schema, content), `${o.op.operationId} decrypted content`).toEqual([])
  }
  expect(o.op['x-dcodes'], `${o.op.operationId} documents ${(raw as Envelope).code}`).toContain(
    (raw as Envelope).code,
  )
}

const common = (t: { accessToken: string; openID: string }, extra: Json = {}) => ({
  businessID: `c-${Math.random().toString(36).slice(2, 12)}`,
  accessToken: t.accessToken,
  openID: t.openID,
  source: 'PC_Browser',
  redirectURI: OSP.callbackURI,
  state: 'contract',
  lang: 'en-US',
  ...extra,
})

async function callbackOf(h: Harness, o: OperationSpec, ticketID: string, decision = 'approve') {
  await h.admin(`/sandbox/v1/tickets/${ticketID}/decision`, 'POST', { decision })
  await h.settle()
  const cb = h.callbacks.at(-1)!
  const { body, content } = callbackSchemas(o)
  expect(violations(body, cb.body), `${o.op.operationId} callback body`).toEqual([])
  expect(
    violations(content, h.client.decryptCallback(cb.body)),
    `${o.op.operationId} callback content`,
  ).toEqual([])
  expect(o.op.callbacks && Object.values(o.op.callbacks as Json).length).toBe(1)
}

describe('contract: every operation of the platform spec', () => {
  it('the spec and the mock cover the same operations', () => {
    expect([...ops.keys()].sort()).toEqual(
      [
        'getQr',
        'getKey',
        'revokeKey',
        'getToken',
        'initiateProfileRequest',
        'initiateEmeRequest',
        'initiateStepUpRequest',
        'initiateAnonymousEmeRequest',
        'getAnonymousEmeResult',
        'getProfiles',
        ...SIGNING,
        ...PREVIEW,
      ].sort(),
    )
  })

  it('getKey and revokeKey', async () => {
    const h = await harness()
    for (const id of ['getKey', 'revokeKey']) {
      const o = ops.get(id)!
      const raw = await (await h.client.post(o.path, '{}')).json()
      expectValid(o, raw, null)
      if (id === 'getKey')
        expect(
          violations(
            decryptedResponseSchema(o) ?? o.op.responses['200'].content['application/json'].schema,
            raw,
          ),
        ).toEqual([])
    }
  })

  it('getQr: redirect outcomes carry the documented parameters', async () => {
    const h = await harness()
    const o = ops.get('getQr')!
    expect(o.method).toBe('get')
    expect(Object.keys(o.op.responses)).toEqual(expect.arrayContaining(['200', '302']))
    const ok = await h.login()
    expect([...ok.keys()].sort()).toEqual(['code', 'state'])
    const no = await h.login({ decision: 'reject' })
    expect([...no.keys()].sort()).toEqual(['error_code', 'state'])
    expect(o.op['x-dcodes']).toEqual(
      expect.arrayContaining(['D40000', 'D40001', 'D40003', 'D20007', 'D20008', 'D20012']),
    )
  })

  it('getToken: success and D40004', async () => {
    const h = await harness()
    const o = ops.get('getToken')!
    const code = (await h.login()).get('code')
    const ok = await rawEnvelope(h, o.path, { code, grantType: 'authorization_code' })
    expect(ok.raw.code).toBe('D00000')
    expectValid(o, ok.raw, ok.content)
    const reused = await rawEnvelope(h, o.path, { code, grantType: 'authorization_code' })
    expect(reused.raw.code).toBe('D40004')
    expectValid(o, reused.raw, reused.content)
  })

  it.each([
    [
      'initiateProfileRequest',
      { profileFields: ['idNo', 'enName', 'chName', 'chNameVerified', 'birthDate', 'gender'] },
    ],
    [
      'initiateEmeRequest',
      {
        eMEFields: [
          'prefix',
          'maritalStatus',
          'homeTelNumber',
          'officeTelNumber',
          'mobileNumber',
          'emailAddress',
          'residentialAddress',
          'postalAddress',
          'educationLevel',
          'passportNumber',
          'passportExpiry',
          'employmentStatus',
          'carOwner',
          'propertyOwner',
        ],
        formName: 'Contract form',
      },
    ],
    ['initiateStepUpRequest', {}],
  ])('%s: the answer and the callback (approved and refused) match the spec', async (id, extra) => {
    const h = await harness()
    const o = ops.get(id)!
    const t = await h.token()
    for (const decision of ['approve', 'reject', 'timeout']) {
      const r = await rawEnvelope(h, o.path, common(t, extra))
      expect(r.raw.code).toBe('D00000')
      expectValid(o, r.raw, r.content)
      await callbackOf(h, o, (r.content as { ticketID: string }).ticketID, decision)
    }
    const dup = await rawEnvelope(h, o.path, common(t, { ...extra, businessID: 'dup' }))
    const again = await rawEnvelope(h, o.path, common(t, { ...extra, businessID: 'dup' }))
    expect([dup.raw.code, again.raw.code]).toEqual(['D00000', 'D20011'])
    expectValid(o, again.raw, again.content)
  })

  it('every magic and generated resident releases data that matches the schemas (profile and e-ME via /profiles)', async () => {
    const h = await harness()
    const o = ops.get('getProfiles')!
    // magic-id-card-error cannot log in (D40035), so it releases nothing.
    for (const r of (await h.platform.services.residents.list()).filter((x) => !x.behaviour.idCardError)) {
      const t = await h.token({ resident: r.id })
      const res = await rawEnvelope(h, o.path, {
        accessToken: t.accessToken,
        openID: t.openID,
        profileFields: ['idNo', 'enName', 'chName', 'chNameVerified', 'birthDate', 'gender'],
        eMEFields: [
          'prefix',
          'maritalStatus',
          'homeTelNumber',
          'officeTelNumber',
          'mobileNumber',
          'emailAddress',
          'residentialAddress',
          'postalAddress',
          'educationLevel',
          'passportNumber',
          'passportExpiry',
          'employmentStatus',
          'carOwner',
          'propertyOwner',
        ],
      })
      expect(res.raw.code, r.id).toBe('D00000')
      expectValid(o, res.raw, res.content)
    }
  })

  it('anonymous e-ME: initiate and getResult', async () => {
    const h = await harness()
    const init = ops.get('initiateAnonymousEmeRequest')!
    const get = ops.get('getAnonymousEmeResult')!
    const a = await rawEnvelope(h, init.path, {
      businessID: 'anon-c',
      eMEFields: ['emailAddress', 'residentialAddress'],
    })
    expectValid(init, a.raw, a.content)
    const p = await h.login({ ticketID: (a.content as { ticketID: string }).ticketID, scope: '' })
    const tok = await h.client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
      code: p.get('code'),
      grantType: 'authorization_code',
    })
    const r = await rawEnvelope(h, get.path, {
      accessToken: tok.content!.accessToken,
      openID: tok.content!.openID,
    })
    expect(r.raw.code).toBe('D00000')
    expectValid(get, r.raw, r.content)
  })

  it.each([
    ['initiateSigningRequest', { hashCode: DIGEST_HEX, documentName: 'Contract document' }],
    ['initiatePdfSigningRequest', { docDigest: DIGEST_B64, department: 'Contract department' }],
  ])('%s: the answer and the callback (approved and refused) match the spec', async (id, extra) => {
    const h = await harness()
    const o = ops.get(id)!
    const t = await h.token()
    for (const decision of ['approve', 'reject', 'cancel', 'timeout']) {
      const r = await rawEnvelope(h, o.path, common(t, extra))
      expect(r.raw.code).toBe('D00000')
      expectValid(o, r.raw, r.content)
      await callbackOf(h, o, (r.content as { ticketID: string }).ticketID, decision)
      const cb = h.callbacks.at(-1)!
      const documented = (Object.values(Object.values(o.op.callbacks as Json)[0] as Json)[0] as Json).post[
        'x-dcodes'
      ]
      expect(documented).toContain(cb.body.code)
    }
    for (const [who, code] of [
      ['magic-basic-tier', 'D70004'],
      ['magic-hkid-mismatch', 'D70005'],
    ]) {
      const refused = await rawEnvelope(h, o.path, common(await h.token({ resident: who }), extra))
      expect(refused.raw.code).toBe(code)
      expectValid(o, refused.raw, refused.content)
    }
    const bad = await rawEnvelope(h, o.path, common(t, { ...extra, hashCode: 'x', docDigest: 'x' }))
    expect(bad.raw.code).toBe('D20003')
    expectValid(o, bad.raw, bad.content)
  })

  it('ackSigningResult: acknowledged once, then D70006; an unknown businessID D70006', async () => {
    const h = await harness()
    const o = ops.get('ackSigningResult')!
    const t = await h.token()
    const init = await rawEnvelope(
      h,
      ops.get('initiateSigningRequest')!.path,
      common(t, { hashCode: DIGEST_HEX }),
    )
    await callbackOf(h, ops.get('initiateSigningRequest')!, (init.content as { ticketID: string }).ticketID)
    const businessID = (h.client.decryptCallback(h.callbacks.at(-1)!.body) as Json).businessID
    for (const [body, code] of [
      [{ businessID, signingResult: 'SUCCESS' }, 'D00000'],
      [{ businessID, signingResult: 'SUCCESS' }, 'D70006'],
      [{ businessID: 'never-sent', signingResult: 'SUCCESS' }, 'D70006'],
    ] as const) {
      const r = await rawEnvelope(h, o.path, body)
      expect(r.raw.code).toBe(code)
      expect(r.raw.content).toBeNull()
      expectValid(o, r.raw, r.content)
    }
  })

  it.each([
    ['initiateAnonymousSigningRequest', 'getAnonymousSigningResult', { hashCode: DIGEST_B64 }],
    ['initiateAnonymousPdfSigningRequest', 'getAnonymousPdfSigningResult', { docDigest: DIGEST_HEX }],
  ])('%s and %s: initiate, getResult, and the refusals getResult documents', async (initId, getId, extra) => {
    const h = await harness()
    const init = ops.get(initId)!
    const get = ops.get(getId)!
    let approved: Json | undefined
    for (const [who, code] of [
      ['magic-approve', 'D00000'],
      ['magic-basic-tier', 'D70004'],
      ['magic-hkid-mismatch', 'D70005'],
    ]) {
      const a = await rawEnvelope(h, init.path, {
        businessID: `anon-${who}`,
        source: 'PC_Browser',
        redirectURI: OSP.returnURI,
        state: 'contract',
        documentName: 'Contract document',
        ...extra,
      })
      expect(a.raw.code).toBe('D00000')
      expectValid(init, a.raw, a.content)
      const p = await h.login({
        ticketID: (a.content as { ticketID: string }).ticketID,
        scope: '',
        resident: who,
      })
      const tok = await h.client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
        code: p.get('code'),
        grantType: 'authorization_code',
      })
      const r = await rawEnvelope(h, get.path, {
        accessToken: tok.content!.accessToken,
        openID: tok.content!.openID,
      })
      expect(r.raw.code, who).toBe(code)
      expectValid(get, r.raw, r.content)
      if (code === 'D00000') approved = tok.content!
    }
    h.clock.advance(240_000)
    const late = await rawEnvelope(h, get.path, {
      accessToken: approved!.accessToken,
      openID: approved!.openID,
    })
    expect(late.raw.code).toBe('D70003')
    expectValid(get, late.raw, late.content)
  })

  it('preview operations are tagged Preview, marked as outside the published specification, fidelity sandbox', () => {
    for (const id of PREVIEW) {
      const o = ops.get(id)!
      expect(o.path).toMatch(/^\/preview\//)
      expect(o.op.tags).toEqual(['Preview'])
      expect(o.op['x-fidelity']).toBe('sandbox')
      expect(o.op.description).toMatch(/^Preview — not part of the published iAM Smart specification\./)
    }
    expect((spec.tags as Json[]).find((t) => t.name === 'Preview')!.description).toMatch(
      /NOT part of the published/,
    )
  })

  it('initiateDataExchangeRequest: the answer and the callback (approved and refused) match the spec', async () => {
    const h = await harness()
    const o = ops.get('initiateDataExchangeRequest')!
    const t = await h.token()
    const extra = { dataSets: ['vehicleLicences', 'taxReturnSummary'], purpose: 'Contract', validityDays: 30 }
    for (const decision of ['approve', 'reject', 'cancel', 'timeout']) {
      const r = await rawEnvelope(h, o.path, common(t, extra))
      expect(r.raw.code).toBe('D00000')
      expectValid(o, r.raw, r.content)
      await callbackOf(h, o, (r.content as { ticketID: string }).ticketID, decision)
      const documented = (Object.values(Object.values(o.op.callbacks as Json)[0] as Json)[0] as Json).post[
        'x-dcodes'
      ]
      expect(documented).toContain(h.callbacks.at(-1)!.body.code)
    }
    for (const [bad, code] of [
      [{ purpose: 'x'.repeat(201) }, 'D20003'],
      [{ validityDays: undefined }, 'D20002'],
      [{ businessID: 'dup' }, 'D00000'],
      [{ businessID: 'dup' }, 'D20011'],
    ] as const) {
      const r = await rawEnvelope(h, o.path, common(t, { ...extra, ...bad }))
      expect(r.raw.code).toBe(code)
      expectValid(o, r.raw, r.content)
    }
  })

  it('getDataExchangeData and getConsentStatus: success and every documented refusal match the spec', async () => {
    const h = await harness()
    const init = ops.get('initiateDataExchangeRequest')!
    const get = ops.get('getDataExchangeData')!
    const status = ops.get('getConsentStatus')!
    const t = await h.token()
    const consent = async (validityDays: number, businessID: string) => {
      const r = await rawEnvelope(
        h,
        init.path,
        common(t, {
          dataSets: ['vehicleLicences', 'taxReturnSummary'],
          purpose: 'Contract',
          validityDays,
          businessID,
        }),
      )
      await callbackOf(h, init, (r.content as { ticketID: string }).ticketID)
      return (h.client.decryptCallback(h.callbacks.at(-1)!.body) as Json).consentRef as string
    }
    const ref = await consent(30, 'dx-contract-1')
    const short = await consent(1, 'dx-contract-2')
    const call = async (o: OperationSpec, body: Json, code: string) => {
      const r = await rawEnvelope(h, o.path, body)
      expect(r.raw.code, `${o.op.operationId} ${JSON.stringify(body)}`).toBe(code)
      expectValid(o, r.raw, r.content)
    }
    // Every generated and magic resident's records match the schemas.
    for (const r of await h.platform.services.residents.list()) {
      const records = await h.platform.services.departments.records(r)
      expect(violations(get.op['x-encrypted-content'].response.properties.records, records), r.id).toEqual([])
    }
    const auth = { accessToken: t.accessToken, openID: t.openID }
    await call(get, { ...auth, consentRef: ref }, 'D00000')
    await call(get, { ...auth, consentRef: ref, dataSets: ['taxReturnSummary'] }, 'D00000')
    await call(get, { ...auth, consentRef: ref, dataSets: ['publicHousingTenancy'] }, 'D20012')
    await call(get, { ...auth, consentRef: 'f'.repeat(32) }, 'D20027')
    await call(get, { accessToken: 'f'.repeat(32), openID: t.openID, consentRef: ref }, 'D20009')
    await call(status, { consentRef: ref }, 'D00000')
    await call(status, { businessID: 'dx-contract-2' }, 'D00000')
    await call(status, {}, 'D20002')
    await call(status, { consentRef: 'f'.repeat(32) }, 'D20027')
    const [c] = (await h.platform.services.consents.ofResident('magic-approve')).filter((x) => x.id === ref)
    await h.platform.services.consents.revoke(c!.id, 'magic-approve')
    await call(get, { ...auth, consentRef: ref }, 'D20026')
    await call(status, { consentRef: ref }, 'D00000')
    await h.platform.services.appClock.advance(h.clientID, 86_400_000)
    await h.client.getKey()
    const fresh = await h.token()
    await call(get, { accessToken: fresh.accessToken, openID: fresh.openID, consentRef: short }, 'D40003')
    await call(status, { consentRef: short }, 'D00000')
  })

  it('every envelope example uses a code its operation documents', () => {
    for (const o of ops.values()) {
      for (const ex of Object.values(
        (o.op.responses?.['200']?.content?.['application/json']?.examples ?? {}) as Json,
      )) {
        const code = (ex as Json).value?.code
        if (code) expect(o.op['x-dcodes'], `${o.op.operationId} example ${code}`).toContain(code)
      }
    }
  })
})
