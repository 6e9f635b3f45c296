// Anonymous hash and PDF signing end to end: initiate → getQR?ticketID → code → getToken → getResult, exact codes.
import { computeAnonymousSignCode, hkicHash } from '@iamsmart-sandbox/openapi/codec'
import { verify, X509Certificate } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { harness, OSP } from '../../../test/harness'
import { anonymousFlow, DOC, DOC_B64, DOC_HEX, derFromBase64 } from './signing.fixtures'

const INIT = '/anonymous/signing/initiateRequest'
const RESULT = '/anonymous/signing/getResult'

describe('anonymous hash signing', () => {
  it('initiate → hand-over → getToken → getResult returns a signature that verifies over the document', async () => {
    const h = await harness()
    const HKICHash = await hkicHash('QZ000001')
    const { init, token } = await anonymousFlow(h, INIT, { hashCode: DOC_B64, HKICHash })
    expect(Object.keys(init).sort()).toEqual(['signCode', 'ticketID'])
    expect(init.signCode).toBe(
      await computeAnonymousSignCode({ digest: DOC_B64, hkicHash: HKICHash, clientID: h.clientID }),
    )
    const r = await h.client.call<Record<string, string | number>>(RESULT, token)
    expect(r.code).toBe('D00000')
    expect(Object.keys(r.content!).sort()).toEqual(['cert', 'hashCode', 'signature', 'timestamp'])
    expect(r.content!.hashCode).toBe(DOC_B64)
    const cert = new X509Certificate(derFromBase64(r.content!.cert as string))
    expect(verify('sha256', DOC, cert.publicKey, derFromBase64(r.content!.signature as string))).toBe(true)
    expect(cert.checkIssued(new X509Certificate(Buffer.from(h.platform.services.pki.caCert)))).toBe(true)
    // The result can be fetched again while the task lives.
    expect((await h.client.call(RESULT, token)).content).toEqual(r.content)
  })

  it('the signCode without HKICHash binds the digest and the app, and shows on the QR page', async () => {
    const h = await harness()
    const init = await h.client.call<{ ticketID: string; signCode: string }>(INIT, {
      businessID: 'anon-qr',
      source: 'PC_Browser',
      redirectURI: OSP.returnURI,
      state: 's',
      hashCode: DOC_HEX,
    })
    const expected = await computeAnonymousSignCode({ digest: DOC_HEX, hkicHash: '', clientID: h.clientID })
    expect(init.content!.signCode).toBe(expected)
    const q = new URLSearchParams({
      clientID: h.clientID,
      responseType: 'code',
      source: 'PC_Browser',
      redirectURI: OSP.returnURI,
      scope: '',
      state: 's',
      lang: 'en-US',
      ticketID: init.content!.ticketID,
    })
    const page = await (await h.request(`/api/v1/auth/getQR?${q}`)).text()
    expect(page).toContain(`data-testid="sign-code">${expected}<`)
  })

  it.each([
    ['magic-basic-tier', {}, 'D70004'],
    ['magic-minor', {}, 'D70004'],
    ['magic-hkid-mismatch', {}, 'D70005'],
    ['magic-approve', { HKICHash: 'rDcExehSzsiEp2laLaJqrtaX2ua9sdaugwaY5ONmYwk=' }, 'D70005'],
  ])('%s approving %j: getResult answers %s', async (who, extra, code) => {
    const h = await harness()
    const { token } = await anonymousFlow(h, INIT, { hashCode: DOC_HEX, ...extra }, who)
    const r = await h.client.call(RESULT, token)
    expect(r.code).toBe(code)
    expect(r.content).toBeNull()
  })

  it('the result expires with the task (240 s after approval): D70003', async () => {
    const h = await harness()
    const { token } = await anonymousFlow(h, INIT, { hashCode: DOC_HEX })
    h.clock.advance(240_000)
    expect((await h.client.call(RESULT, token)).code).toBe('D70003')
  })

  it('a token from a plain login, or from anonymous PDF signing, is not valid here (D20009)', async () => {
    const h = await harness()
    const login = await h.token()
    expect((await h.client.call(RESULT, { accessToken: login.accessToken, openID: login.openID })).code).toBe(
      'D20009',
    )
    const pdf = await anonymousFlow(h, '/anonymous/pdfsigning/initiateRequest', { docDigest: DOC_HEX })
    expect((await h.client.call(RESULT, pdf.token)).code).toBe('D20009')
  })

  it('a refusal in the app returns the browser with error_code (D40001 reject, D40000 cancel)', async () => {
    const h = await harness()
    for (const [decision, code] of [
      ['reject', 'D40001'],
      ['cancel', 'D40000'],
    ]) {
      const init = await h.client.call<{ ticketID: string }>(INIT, {
        businessID: `anon-${decision}`,
        source: 'PC_Browser',
        redirectURI: OSP.returnURI,
        state: 's',
        hashCode: DOC_HEX,
      })
      const back = await h.login({ ticketID: init.content!.ticketID, scope: '', decision })
      expect(back.get('error_code')).toBe(code)
      expect(back.get('code')).toBeNull()
    }
  })

  it.each([
    [{ hashCode: 'abc' }, 'D20003'],
    [{ redirectURI: undefined }, 'D20002'],
    [{ redirectURI: 'https://evil.example/' }, 'D20008'],
    [{ source: undefined }, 'D20002'],
    [{ state: undefined }, 'D20002'],
  ])('bad anonymous request %j → %s', async (patch, code) => {
    const h = await harness()
    const env = await h.client.call(INIT, {
      businessID: 'anon-bad',
      source: 'PC_Browser',
      redirectURI: OSP.returnURI,
      state: 's',
      hashCode: DOC_HEX,
      ...patch,
    })
    expect(env.code).toBe(code)
  })
})
