// The mock PKI: TEST-only CA subjects, certificate downloads, revocation → CRL / status / OCSP, keys only outside the repo.
import { X509Certificate } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decide, DOC_HEX, derFromBase64, initiate, openssl } from '../features/signing/signing.fixtures'
import { type Harness, harness } from '../../test/harness'
import { pem } from './keys'

async function signOnce(h: Harness, who = 'magic-approve') {
  const { env } = await initiate(h, '/account/signing/initiateRequest', { hashCode: DOC_HEX }, who)
  const { content } = await decide(h, env.content!.ticketID, 'approve')
  return new X509Certificate(derFromBase64(content.cert as string))
}

const serialOf = (c: X509Certificate) => c.serialNumber.toLowerCase()

describe('mock PKI', () => {
  it('serves the root and issuing CA as DER and PEM; both subjects say MOCK and TEST; the CA is issued by the root', async () => {
    const h = await harness()
    const rootRes = await h.request('/pki/root.crt')
    expect(rootRes.status).toBe(200)
    expect(rootRes.headers.get('content-type')).toBe('application/pkix-cert')
    const root = new X509Certificate(Buffer.from(await rootRes.arrayBuffer()))
    const caRes = await h.request('/pki/ca.pem')
    expect(caRes.headers.get('content-type')).toBe('application/x-pem-file')
    const ca = new X509Certificate(await caRes.text())
    expect(Buffer.from(await (await h.request('/pki/ca.crt')).arrayBuffer())).toEqual(ca.raw)
    for (const c of [root, ca]) {
      expect(c.subject).toMatch(/MOCK/)
      expect(c.subject).toMatch(/TEST/)
      expect(c.ca).toBe(true)
    }
    expect(root.subject).toContain('CN=MOCK iAM Smart-Cert TEST Root CA')
    expect(ca.subject).toContain('CN=MOCK iAM Smart-Cert TEST CA')
    expect(root.verify(root.publicKey)).toBe(true)
    expect(ca.verify(root.publicKey)).toBe(true)
    expect(ca.checkIssued(root)).toBe(true)
    const text = openssl(['x509', '-in', 'ca.pem', '-noout', '-text'], {
      'ca.pem': pem('CERTIFICATE', ca.raw),
    }).out
    expect(text).toMatch(/Basic Constraints: critical\s+CA:TRUE, pathlen:0/)
    expect(text).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/)
  })

  it('revoke through the sandbox API → the CRL lists the serial, status says revoked, the next signature gets a new certificate', async () => {
    const h = await harness()
    const first = await signOnce(h)
    const good = await (await h.request(`/pki/status/${first.serialNumber}`)).json()
    expect(good).toEqual({ serialNumber: serialOf(first), status: 'good' })

    expect(
      (await h.request('/sandbox/v1/residents/magic-approve/certificate/revoke', { method: 'POST' })).status,
    ).toBe(401)
    const res = await h.admin('/sandbox/v1/residents/magic-approve/certificate/revoke', 'POST')
    expect(res.status).toBe(200)
    const revoked = (await res.json()) as { serialNumber: string; status: string; revokedAt: string }
    expect(revoked).toMatchObject({ serialNumber: serialOf(first), status: 'revoked' })
    expect(revoked.revokedAt).toBe(new Date(h.clock.now()).toISOString())

    const status = await (await h.request(`/pki/status/${first.serialNumber}`)).json()
    expect(status).toEqual({ serialNumber: serialOf(first), status: 'revoked', revokedAt: revoked.revokedAt })

    const crlRes = await h.request('/pki/ca.crl')
    expect(crlRes.headers.get('content-type')).toBe('application/pkix-crl')
    const crl = openssl(['crl', '-inform', 'DER', '-in', 'ca.crl', '-text', '-noout', '-CAfile', 'ca.pem'], {
      'ca.crl': new Uint8Array(await crlRes.arrayBuffer()),
      'ca.pem': pem('CERTIFICATE', h.platform.services.pki.caCert),
    })
    expect(crl.status).toBe(0)
    expect(crl.out).toContain('verify OK')
    expect(crl.out).toContain(`Serial Number: ${first.serialNumber}`)
    expect(crl.out).toMatch(/Issuer: .*CN = MOCK iAM Smart-Cert TEST CA/)
    expect(crl.out).toMatch(/CRL Number:\s+\d+/)

    const second = await signOnce(h)
    expect(second.serialNumber).not.toBe(first.serialNumber)
    expect((await (await h.request(`/pki/status/${second.serialNumber}`)).json()).status).toBe('good')
    expect(
      (await h.admin('/sandbox/v1/residents/magic-approve/certificate', 'GET').then((r) => r.json()))
        .serialNumber,
    ).toBe(serialOf(second))
  })

  it('an empty CRL before any revocation; unknown serials; residents without a certificate', async () => {
    const h = await harness()
    const crl = openssl(['crl', '-inform', 'DER', '-in', 'ca.crl', '-text', '-noout'], {
      'ca.crl': new Uint8Array(await (await h.request('/pki/ca.crl')).arrayBuffer()),
    })
    expect(crl.out).toContain('No Revoked Certificates')
    expect((await (await h.request('/pki/status/0123abcd')).json()).status).toBe('unknown')
    expect((await h.request('/pki/status/not-hex')).status).toBe(400)
    expect((await h.admin('/sandbox/v1/residents/magic-slow/certificate/revoke', 'POST')).status).toBe(404)
    expect((await h.admin('/sandbox/v1/residents/nobody/certificate/revoke', 'POST')).status).toBe(404)
  })

  it('OCSP: openssl ocsp reads good, then revoked, from /pki/ocsp (signed by the issuing CA, nonce echoed)', async () => {
    const h = await harness()
    const leaf = await signOnce(h)
    const files = {
      'leaf.pem': pem('CERTIFICATE', leaf.raw),
      'ca.pem': pem('CERTIFICATE', h.platform.services.pki.caCert),
      'root.pem': pem('CERTIFICATE', h.platform.services.pki.rootCert),
    }
    const ask = async () => {
      const req = openssl(['ocsp', '-issuer', 'ca.pem', '-cert', 'leaf.pem', '-reqout', 'req.der'], files)
      expect(req.status).toBe(0)
      const { readFileSync } = await import('node:fs')
      const res = await h.request('/pki/ocsp', {
        method: 'POST',
        headers: { 'Content-Type': 'application/ocsp-request' },
        body: readFileSync(`${req.dir}/req.der`),
      })
      expect(res.headers.get('content-type')).toBe('application/ocsp-response')
      return openssl(
        // -reqin: openssl checks the response against this request, nonce included.
        ['ocsp', '-reqin', 'req.der', '-respin', 'resp.der', '-CAfile', 'root.pem', '-resp_text'],
        {
          ...files,
          'req.der': readFileSync(`${req.dir}/req.der`),
          'resp.der': new Uint8Array(await res.arrayBuffer()),
        },
      )
    }
    const before = await ask()
    expect(before.out).toContain('Response verify OK')
    expect(before.out).toMatch(/Cert Status: good/)
    expect(before.out).toMatch(/Response Extensions:\s+OCSP Nonce/)
    await h.admin('/sandbox/v1/residents/magic-approve/certificate/revoke', 'POST')
    const after = await ask()
    expect(after.out).toContain('Response verify OK')
    expect(after.out).toMatch(/Cert Status: revoked\s+Revocation Time:/)
  })

  it('OCSP: a malformed request gets malformedRequest; a wrong content type 415', async () => {
    const h = await harness()
    const res = await h.request('/pki/ocsp', {
      method: 'POST',
      headers: { 'Content-Type': 'application/ocsp-request' },
      body: 'garbage',
    })
    expect(res.status).toBe(200)
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([0x30, 0x03, 0x0a, 0x01, 0x01]))
    const wrong = await h.request('/pki/ocsp', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'x',
    })
    expect(wrong.status).toBe(415)
  })
})
