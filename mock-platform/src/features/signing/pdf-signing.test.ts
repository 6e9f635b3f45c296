// PDF signing: pdfSignature is a detached CMS SignedData that `openssl cms -verify` accepts over the signed bytes.
import { createHash, X509Certificate } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { type Harness, harness } from '../../../test/harness'
import { pem } from '../../pki/keys'
import {
  anonymousFlow,
  decide,
  DOC,
  DOC_B64,
  DOC_HEX,
  derFromBase64,
  initiate,
  openssl,
} from './signing.fixtures'

/** Verifies with the mock root as the only trust anchor, at the platform's (test) time. */
function opensslVerify(h: Harness, pdfSignature: string, purpose: string[] = []) {
  return openssl(
    [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      'sig.der',
      '-content',
      'doc.bin',
      '-CAfile',
      'root.pem',
      '-attime',
      String(Math.floor(h.clock.now() / 1000)),
      ...purpose,
      '-out',
      'out.bin',
    ],
    {
      'sig.der': derFromBase64(pdfSignature),
      'doc.bin': DOC,
      'root.pem': pem('CERTIFICATE', h.platform.services.pki.rootCert),
    },
  )
}

describe('PDF signing', () => {
  it('approve → callback with docDigest echoed and a CMS container openssl verifies (purpose any and S/MIME signing)', async () => {
    const h = await harness()
    const { env } = await initiate(h, '/account/pdfsigning/initiateRequest', { docDigest: DOC_B64 })
    expect(env.code).toBe('D00000')
    expect(env.content!.signCode).toMatch(/^\d{4}$/)
    const { cb, content } = await decide(h, env.content!.ticketID, 'approve')
    expect(cb.body.code).toBe('D00000')
    expect(Object.keys(content).sort()).toEqual(['businessID', 'docDigest', 'pdfSignature', 'state'])
    expect(content.docDigest).toBe(DOC_B64)
    const any = opensslVerify(h, content.pdfSignature as string, ['-purpose', 'any'])
    expect(any.out).toContain('Verification successful')
    expect(any.status).toBe(0)
    expect(opensslVerify(h, content.pdfSignature as string).status).toBe(0)
  })

  it('the container fails verification over other content', async () => {
    const h = await harness()
    const { env } = await initiate(h, '/account/pdfsigning/initiateRequest', { docDigest: DOC_HEX })
    const { content } = await decide(h, env.content!.ticketID, 'approve')
    const r = openssl(
      ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'sig.der', '-content', 'doc.bin', '-noverify'],
      { 'sig.der': derFromBase64(content.pdfSignature as string), 'doc.bin': 'tampered' },
    )
    expect(r.status).not.toBe(0)
    expect(r.out).toMatch(/digest failure|content verify error/i)
  })

  it('signed attributes: contentType, signingTime, messageDigest = docDigest, signing-certificate-v2 with the cert hash', async () => {
    const h = await harness()
    const { env } = await initiate(h, '/account/pdfsigning/initiateRequest', { docDigest: DOC_HEX })
    const { content } = await decide(h, env.content!.ticketID, 'approve')
    const printed = openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'sig.der'], {
      'sig.der': derFromBase64(content.pdfSignature as string),
    }).out
    expect(printed).toContain('object: contentType (1.2.840.113549.1.9.3)')
    expect(printed).toContain('object: signingTime (1.2.840.113549.1.9.5)')
    expect(printed).toContain('object: id-smime-aa-signingCertificateV2 (1.2.840.113549.1.9.16.2.47)')
    expect(printed).toContain('algorithm: sha256 (2.16.840.1.101.3.4.2.1)')
    // openssl prints times as "Nov 22 02:00:00 2026 GMT" (day padded with a space).
    const t = new Date(Math.floor(h.clock.now() / 1000) * 1000)
    const month = t.toUTCString().slice(8, 11)
    const day = String(t.getUTCDate()).padStart(2, ' ')
    expect(printed).toContain(
      `UTCTIME:${month} ${day} ${t.toISOString().slice(11, 19)} ${t.getUTCFullYear()} GMT`,
    )
    const der = derFromBase64(content.pdfSignature as string)
    // messageDigest carries the docDigest bytes; signing-certificate-v2 the SHA-256 of the signer's certificate.
    expect(der.includes(Buffer.concat([Buffer.from([0x04, 0x20]), Buffer.from(DOC_HEX, 'hex')]))).toBe(true)
    const certs = openssl(
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        'sig.der',
        '-noverify',
        '-content',
        'doc.bin',
        '-signer',
        'signer.pem',
        '-out',
        'o',
      ],
      {
        'sig.der': der,
        'doc.bin': DOC,
      },
    )
    expect(certs.status).toBe(0)
    const { readFileSync } = await import('node:fs')
    const signer = new X509Certificate(readFileSync(`${certs.dir}/signer.pem`))
    const certHash = createHash('sha256').update(signer.raw).digest()
    expect(der.includes(Buffer.concat([Buffer.from([0x04, 0x20]), certHash]))).toBe(true)
    expect(signer.subject).toContain('CN=CHAN\\, Tai Man')
  })

  it('the chain (signer, issuing CA, root) is in the container', async () => {
    const h = await harness()
    const { env } = await initiate(h, '/account/pdfsigning/initiateRequest', { docDigest: DOC_HEX })
    const { content } = await decide(h, env.content!.ticketID, 'approve')
    const r = openssl(['pkcs7', '-inform', 'DER', '-in', 'sig.der', '-print_certs', '-noout'], {
      'sig.der': derFromBase64(content.pdfSignature as string),
    })
    expect(r.out.match(/subject=/g)).toHaveLength(3)
    expect(r.out).toContain('CN = MOCK iAM Smart-Cert TEST CA')
    expect(r.out).toContain('CN = MOCK iAM Smart-Cert TEST Root CA')
  })

  it('anonymous PDF signing: getResult returns docDigest and a verifiable pdfSignature', async () => {
    const h = await harness()
    const { token } = await anonymousFlow(h, '/anonymous/pdfsigning/initiateRequest', { docDigest: DOC_HEX })
    const r = await h.client.call<{ docDigest: string; pdfSignature: string }>(
      '/anonymous/pdfsigning/getResult',
      token,
    )
    expect(r.code).toBe('D00000')
    expect(Object.keys(r.content!).sort()).toEqual(['docDigest', 'pdfSignature'])
    expect(r.content!.docDigest).toBe(DOC_HEX)
    expect(opensslVerify(h, r.content!.pdfSignature, ['-purpose', 'any']).status).toBe(0)
  })

  it('a bad docDigest → D20003; magic-basic-tier → D70004', async () => {
    const h = await harness()
    expect((await initiate(h, '/account/pdfsigning/initiateRequest', { docDigest: 'x' })).env.code).toBe(
      'D20003',
    )
    const basic = await initiate(
      h,
      '/account/pdfsigning/initiateRequest',
      { docDigest: DOC_HEX },
      'magic-basic-tier',
    )
    expect(basic.env.code).toBe('D70004')
  })
})
