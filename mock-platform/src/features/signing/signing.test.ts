// Hash signing after login: the signature verifies over the document, the certificate chains to the mock CA, exact codes.
import { hkicHash, computeSignCode } from '@iamsmart-sandbox/openapi/codec'
import { verify, X509Certificate } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'
import { decide, DOC, DOC_B64, DOC_HEX, derFromBase64, initiate } from './signing.fixtures'

const SIGN = '/account/signing/initiateRequest'

describe('hash signing (authenticated)', () => {
  it('approve → callback whose signature verifies over the document with a certificate issued by the mock CA', async () => {
    const h = await harness()
    const { env } = await initiate(h, SIGN, { hashCode: DOC_HEX })
    expect(env.code).toBe('D00000')
    expect(env.content).toEqual({
      ticketID: expect.stringMatching(/^[0-9a-f]{32}$/),
      authByQR: true,
      signCode: expect.stringMatching(/^\d{4}$/),
    })
    const { cb, content } = await decide(h, env.content!.ticketID, 'approve')
    expect(cb.url).toBe('https://osp.example/api/callback')
    expect(cb.body.code).toBe('D00000')
    expect(Object.keys(content).sort()).toEqual([
      'businessID',
      'cert',
      'hashCode',
      'signature',
      'state',
      'timestamp',
    ])
    expect(content.hashCode).toBe(DOC_HEX)
    expect(content.state).toBe('sign-state')
    expect(content.timestamp).toBe(h.clock.now())
    const signature = derFromBase64(content.signature as string)
    expect(signature).toHaveLength(256)
    const cert = new X509Certificate(derFromBase64(content.cert as string))
    expect(verify('sha256', DOC, cert.publicKey, signature)).toBe(true)
    expect(verify('sha256', Buffer.from('another document'), cert.publicKey, signature)).toBe(false)

    const ca = new X509Certificate(Buffer.from(h.platform.services.pki.caCert))
    const root = new X509Certificate(Buffer.from(h.platform.services.pki.rootCert))
    expect(cert.verify(ca.publicKey)).toBe(true)
    expect(cert.checkIssued(ca)).toBe(true)
    expect(ca.verify(root.publicKey)).toBe(true)
    expect(cert.ca).toBe(false)
    const resident = (await h.platform.services.residents.get('magic-approve'))!
    expect(cert.subject.split('\n')).toContain(
      `CN=${resident.profile.enName.UnstructuredName.replace(',', '\\,')}`,
    )
    // Serial: positive, ≥ 64 bits, ≤ 20 octets.
    expect(cert.serialNumber).toMatch(/^[0-7][0-9A-F]{15,39}$/)
    expect(BigInt(`0x${cert.serialNumber}`)).toBeGreaterThan(2n ** 64n)
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.4', '1.3.6.1.5.5.7.3.36'])
    expect(Date.parse(cert.validTo) - Date.parse(cert.validFrom)).toBeLessThanOrEqual(2 * 366 * 86_400_000)
    expect(cert.infoAccess).toContain('OCSP - URI:http://127.0.0.1:8080/pki/ocsp')
  })

  it('keyUsage is critical with digitalSignature and nonRepudiation; CRL distribution point at the sandbox', async () => {
    const h = await harness()
    const { env } = await initiate(h, SIGN, { hashCode: DOC_HEX })
    const { content } = await decide(h, env.content!.ticketID, 'approve')
    const { openssl } = await import('./signing.fixtures')
    const r = openssl(['x509', '-inform', 'DER', '-in', 'leaf.der', '-noout', '-text'], {
      'leaf.der': derFromBase64(content.cert as string),
    })
    expect(r.out).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation/)
    expect(r.out).toMatch(
      /CRL Distribution Points:\s+Full Name:\s+URI:http:\/\/127\.0\.0\.1:8080\/pki\/ca\.crl/,
    )
    expect(r.out).toMatch(/X509v3 Authority Key Identifier/)
    expect(r.out).toMatch(/X509v3 Subject Key Identifier/)
  })

  it.each([
    ['hex', DOC_HEX],
    ['upper-case hex', DOC_HEX.toUpperCase()],
    ['Base64', DOC_B64],
  ])('a %s hashCode is echoed verbatim and signed as the same digest', async (_, hashCode) => {
    const h = await harness()
    const { env } = await initiate(h, SIGN, { hashCode })
    const { content } = await decide(h, env.content!.ticketID, 'approve')
    expect(content.hashCode).toBe(hashCode)
    const cert = new X509Certificate(derFromBase64(content.cert as string))
    expect(verify('sha256', DOC, cert.publicKey, derFromBase64(content.signature as string))).toBe(true)
  })

  it.each([
    [{ hashCode: undefined }, 'D20002'],
    [{ hashCode: DOC_HEX.slice(1) }, 'D20003'],
    [{ hashCode: `${DOC_HEX}00` }, 'D20003'],
    [{ hashCode: DOC_B64.replace('=', '') }, 'D20003'],
    [{ hashCode: DOC_B64.replace(/.=$/, '_=') }, 'D20003'],
    [{ hashCode: 'zz'.repeat(32) }, 'D20003'],
    [{ hashCode: 42 }, 'D20003'],
    [{ HKICHash: 'not-a-hash' }, 'D20003'],
    [{ documentName: 'x'.repeat(201) }, 'D20003'],
    [{ state: undefined }, 'D20002'],
    [{ source: 'Nokia' }, 'D20007'],
    [{ redirectURI: 'https://evil.example/cb' }, 'D20008'],
    [{ accessToken: 'a'.repeat(32) }, 'D20009'],
    [{ openID: 'f'.repeat(64) }, 'D20010'],
  ])('bad request %j → %s', async (patch, code) => {
    const h = await harness()
    const { env } = await initiate(h, SIGN, { hashCode: DOC_HEX, ...patch })
    expect(env.code).toBe(code)
    expect(env.content).toBeNull()
  })

  it('signCode is computeSignCode(hashCode, openID) and is shown in the virtual app and on the QR page', async () => {
    const h = await harness()
    const { env, token } = await initiate(h, SIGN, { hashCode: DOC_B64 })
    const signCode = await computeSignCode({ hashCode: DOC_B64, openID: token.openID })
    expect(env.content!.signCode).toBe(signCode)
    expect(h.platform.services.tickets.get(env.content!.ticketID)!.signCode).toBe(signCode)
    const page = await (await h.request(`/app/requests/${env.content!.ticketID}`)).text()
    expect(page).toContain(`data-testid="app-sign-code">${signCode}<`)
    expect(page).toContain('Application OSP-2026-000123')
    expect(page).toContain('Sandbox Permits Office')
  })

  it.each([
    ['magic-basic-tier', 'D70004'],
    ['magic-minor', 'D70004'],
    ['magic-hkid-mismatch', 'D70005'],
  ])('%s cannot sign: initiateRequest answers %s and creates no ticket', async (who, code) => {
    const h = await harness()
    const before = h.platform.services.tickets.pending().length
    const { env } = await initiate(h, SIGN, { hashCode: DOC_HEX }, who)
    expect(env.code).toBe(code)
    expect(h.platform.services.tickets.pending().length).toBe(before)
  })

  it("HKICHash of someone else → D70005; the signer's own HKICHash is accepted", async () => {
    const h = await harness()
    const other = await hkicHash('QZ000002')
    expect((await initiate(h, SIGN, { hashCode: DOC_HEX, HKICHash: other })).env.code).toBe('D70005')
    const own = await hkicHash('QZ000001')
    expect((await initiate(h, SIGN, { hashCode: DOC_HEX, HKICHash: own })).env.code).toBe('D00000')
  })

  it.each([
    ['reject', 'D70001'],
    ['cancel', 'D70000'],
    ['timeout', 'D70003'],
  ])('%s → callback %s without signature', async (decision, code) => {
    const h = await harness()
    const { env } = await initiate(h, SIGN, { hashCode: DOC_HEX })
    const { cb, content } = await decide(h, env.content!.ticketID, decision)
    expect(cb.body.code).toBe(code)
    expect(Object.keys(content).sort()).toEqual(['businessID', 'state'])
  })

  it('an ignored request times out after 240 s with D70003', async () => {
    const h = await harness()
    await initiate(h, SIGN, { hashCode: DOC_HEX })
    h.clock.advance(240_001)
    expect(h.platform.services.tickets.sweep()).toBe(1)
    await h.settle()
    expect(h.callbacks.at(-1)!.body.code).toBe('D70003')
  })

  it('an app without eidapi_sign → D20012', async () => {
    const h = await harness({ app: { scopes: ['eidapi_auth', 'eidapi_profiles'] } })
    const t = await h.token({ scope: 'eidapi_auth' })
    const env = await h.client.call(SIGN, {
      businessID: 'no-scope',
      accessToken: t.accessToken,
      openID: t.openID,
      source: 'PC_Browser',
      redirectURI: 'https://osp.example/api/callback',
      state: 's',
      hashCode: DOC_HEX,
    })
    expect(env.code).toBe('D20012')
  })

  it('businessIDs are unique per app across signing and the other tasks (D20011)', async () => {
    const h = await harness()
    const a = await initiate(h, SIGN, { hashCode: DOC_HEX, businessID: 'same-1' })
    const b = await initiate(h, '/account/pdfsigning/initiateRequest', {
      docDigest: DOC_HEX,
      businessID: 'same-1',
    })
    const c = await initiate(h, '/account/stepup/initiateRequest', { businessID: 'same-1' })
    expect([a.env.code, b.env.code, c.env.code]).toEqual(['D00000', 'D20011', 'D20011'])
  })

  it('the same certificate signs every request of a resident until it is revoked', async () => {
    const h = await harness()
    const certs: unknown[] = []
    for (let i = 0; i < 2; i++) {
      const { env } = await initiate(h, SIGN, { hashCode: DOC_HEX })
      certs.push((await decide(h, env.content!.ticketID, 'approve')).content.cert)
    }
    expect(certs[0]).toBe(certs[1])
  })
})
