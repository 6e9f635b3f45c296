// Compatibility profiles: each profile's shapes (callback layout, address names, token lifetime, unencrypted mode),
// the setting in the sandbox API, and the default that follows the evidence.
import { describe, expect, it } from 'vitest'
import { type Harness, harness, OSP } from '../../../test/harness'
import { type CompatibilityProfile, phaseNumber, presentAddresses } from './compatibility'

async function emeCallback(h: Harness) {
  const t = await h.token()
  const init = await h.client.call<{ ticketID: string }>('/account/eme/initiateRequest', {
    businessID: 'eme-1',
    ...t,
    source: 'PC_Browser',
    redirectURI: OSP.callbackURI,
    state: 'st',
    eMEFields: ['residentialAddress', 'postalAddress'],
  })
  await h.admin(`/sandbox/v1/tickets/${init.content!.ticketID}/decision`, 'POST', { decision: 'approve' })
  await h.settle()
  return h.client.decryptCallbackPayload(h.callbacks.at(-1)!.body)!
}

const withProfile = (compatibilityProfile: CompatibilityProfile) => harness({ app: { compatibilityProfile } })

describe('compatibility profiles', () => {
  it('evidence (default): callbacks decrypt to {content: result}; profile callbacks carry type', async () => {
    const h = await harness()
    const t = await h.token()
    const init = await h.client.call<{ ticketID: string }>('/account/auth/profile/initiateRequest', {
      businessID: 'p-1',
      ...t,
      source: 'PC_Browser',
      redirectURI: OSP.callbackURI,
      state: 'st',
      profileFields: ['gender'],
    })
    await h.admin(`/sandbox/v1/tickets/${init.content!.ticketID}/decision`, 'POST', { decision: 'approve' })
    await h.settle()
    const body = h.callbacks.at(-1)!.body
    expect(h.client.decryptCallbackPayload(body)).toEqual({
      content: { businessID: 'p-1', state: 'st', type: 'profile', gender: 'M' },
    })
    expect(h.client.decryptCallback(body)).toEqual({
      businessID: 'p-1',
      state: 'st',
      type: 'profile',
      gender: 'M',
    })
  })

  it('evidence: addresses carry FloorNum and both PhaseName and PhaseNo', async () => {
    const payload = (await emeCallback(await harness())) as { content: Record<string, any> }
    const eng = payload.content.residentialAddress.EngPremisesAddress
    const chi = payload.content.postalAddress.ChiPremisesAddress
    expect(eng.Eng3dAddress.EngFloor).toEqual({ FloorNum: '12' })
    expect(eng.EngEstate.EngPhase).toEqual({ PhaseName: 'Phase 2', PhaseNo: '2' })
    expect(chi.Chi3dAddress.ChiFloor).toEqual({ FloorNum: '12' })
    expect(chi.ChiEstate.ChiPhase).toEqual({ PhaseName: '第二期', PhaseNo: '2' })
  })

  it('flat-callbacks: the decrypted content is the result itself', async () => {
    const payload = (await emeCallback(await withProfile('flat-callbacks'))) as Record<string, any>
    expect(payload.businessID).toBe('eme-1')
    expect(payload.state).toBe('st')
    expect(payload.content).toBeUndefined()
  })

  it('earlier-address-names: Floor and PhaseName only', async () => {
    const payload = (await emeCallback(await withProfile('earlier-address-names'))) as {
      content: Record<string, any>
    }
    const eng = payload.content.residentialAddress.EngPremisesAddress
    expect(eng.Eng3dAddress.EngFloor).toEqual({ Floor: '12' })
    expect(eng.EngEstate.EngPhase).toEqual({ PhaseName: 'Phase 2' })
  })

  it('expire-in: getToken names the lifetime expireIn; evidence expiresIn', async () => {
    for (const [profile, field, absent] of [
      ['expire-in', 'expireIn', 'expiresIn'],
      ['evidence', 'expiresIn', 'expireIn'],
    ] as const) {
      const h = await withProfile(profile)
      const p = await h.login()
      const env = await h.client.call<Record<string, unknown>>('/auth/getToken', {
        code: p.get('code'),
        grantType: 'authorization_code',
      })
      expect(env.content![field], profile).toBe(600_000)
      expect(env.content, profile).not.toHaveProperty(absent)
    }
  })

  it('unencrypted: a plain JSON request is answered with plain content; encrypted calls still work', async () => {
    const h = await withProfile('unencrypted')
    const p = await h.login()
    const body = JSON.stringify({ code: p.get('code'), grantType: 'authorization_code' })
    const env = (await (await h.client.post('/auth/getToken', body)).json()) as {
      code: string
      content: Record<string, unknown>
    }
    expect(env.code).toBe('D00000')
    expect(env.content).toMatchObject({ tokenType: 'Bearer', expiresIn: 600_000 })
    const again = await h.client.call('/auth/getToken', {
      code: (await h.login()).get('code'),
      grantType: 'authorization_code',
    })
    expect(again.code).toBe('D00000')
  })

  it('evidence refuses a plain JSON body with D20002, and the inspector names the fix', async () => {
    const h = await harness()
    const res = await h.client.post(
      '/auth/getToken',
      JSON.stringify({ code: 'c', grantType: 'authorization_code' }),
    )
    const env = (await res.json()) as { code: string; txID: string }
    expect(env.code).toBe('D20002')
    const item = (await (
      await h.admin(`/sandbox/v1/apps/${h.clientID}/requests/${env.txID}`, 'GET')
    ).json()) as {
      diagnosis: { id: string; fix: string; link: string }[]
    }
    expect(item.diagnosis[0]).toMatchObject({
      id: 'plain-json-body',
      link: '/docs/troubleshooting#plain-json-body',
    })
    expect(item.diagnosis[0]!.fix).toContain('"unencrypted" compatibility profile')
  })

  it('is an app setting in the sandbox API: default evidence, changed by PATCH, refused when unknown', async () => {
    const h = await harness()
    const read = async () =>
      (
        (await (await h.admin(`/sandbox/v1/apps/${h.clientID}`, 'GET')).json()) as {
          compatibilityProfile: string
        }
      ).compatibilityProfile
    expect(await read()).toBe('evidence')
    expect(
      (await h.admin(`/sandbox/v1/apps/${h.clientID}`, 'PATCH', { compatibilityProfile: 'flat-callbacks' }))
        .status,
    ).toBe(200)
    expect(await read()).toBe('flat-callbacks')
    const bad = await h.admin(`/sandbox/v1/apps/${h.clientID}`, 'PATCH', { compatibilityProfile: 'legacy' })
    expect(bad.status).toBe(422)
    expect(((await bad.json()) as { errors: Record<string, string> }).errors.compatibilityProfile).toMatch(
      /^must be one of evidence,/,
    )
  })
})

describe('address names', () => {
  it('reads phase numbers in English and Chinese', () => {
    expect(['Phase 2', '第二期', '第十二期', '第十期', '2期', 'Harbour Phase'].map(phaseNumber)).toEqual([
      '2',
      '2',
      '12',
      '10',
      '2',
      undefined,
    ])
  })

  it('leaves the input untouched and other variants alone', () => {
    const data = {
      residentialAddress: { FreeFormatAddress: { AddressLine1: 'x', LanguageCode: 'en' } },
      postalAddress: { EngPremisesAddress: { Eng3dAddress: { EngFloor: { Floor: 'G' } } } },
    }
    const copy = structuredClone(data)
    const out = presentAddresses('evidence', data) as any
    expect(data).toEqual(copy)
    expect(out.residentialAddress).toEqual(data.residentialAddress)
    expect(out.postalAddress.EngPremisesAddress.Eng3dAddress.EngFloor).toEqual({ FloorNum: 'G' })
  })
})
