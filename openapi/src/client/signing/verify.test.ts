// verifyHashSignature against real results of the in-process mock platform: its signature over a document verifies,
// and a tampered document, another digest, another resident's certificate or a foreign CA are refused.
import { createHash, verify, X509Certificate } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  decide,
  DOC,
  DOC_B64,
  DOC_HEX,
  initiate,
} from '../../../../mock-platform/src/features/signing/signing.fixtures'
import { memoryPkiStore } from '../../../../mock-platform/src/pki/pki.store'
import { type Harness, harness } from '../../../../mock-platform/test/harness'
import { verifyHashSignature } from './index'

interface HashResult {
  hashCode: string
  signature: string
  cert: string
  timestamp: number
}

/** magic-approve signs `hashCode` on `h` (hash signing, approved through the sandbox API). */
async function sign(h: Harness, hashCode: string): Promise<HashResult> {
  const { env } = await initiate(h, '/account/signing/initiateRequest', { hashCode })
  expect(env.code).toBe('D00000')
  const { cb, content } = await decide(h, env.content!.ticketID, 'approve')
  expect(cb.body.code).toBe('D00000')
  return content as unknown as HashResult
}

async function chainPem(h: Harness): Promise<string> {
  const res = await h.request('/pki/chain.pem')
  expect(res.status).toBe(200)
  return res.text()
}

describe('verifyHashSignature with the mock platform', () => {
  let h: Harness
  let other: Harness
  let hex: HashResult
  let b64: HashResult
  let foreign: HashResult
  let chain: string

  beforeAll(async () => {
    h = await harness()
    h.clock.set(Math.max(Date.now(), h.clock.now()))
    // In-memory platforms share RSA keys within a process by default: this one gets a PKI of its own.
    other = await harness({ deps: { pkiStore: memoryPkiStore({ shareKeys: false }) } })
    hex = await sign(h, DOC_HEX)
    b64 = await sign(h, DOC_B64)
    foreign = await sign(other, DOC_HEX)
    chain = await chainPem(h)
  })

  it('accepts the signature over the document, chained to the sandbox CA and root, and names the resident', async () => {
    const r = verifyHashSignature({
      document: DOC,
      hashCode: hex.hashCode,
      signature: hex.signature,
      cert: hex.cert,
      caCerts: [chain],
      at: hex.timestamp,
    })
    expect(r).toMatchObject({ ok: true })
    if (!r.ok) return
    expect(r.subject).toContain('CN=CHAN\\, Tai Man')
    const admin = await h.admin('/sandbox/v1/residents/magic-approve/certificate', 'GET')
    const { serialNumber } = (await admin.json()) as { serialNumber: string }
    expect(r.serial.toLowerCase()).toBe(serialNumber)
    // The design's promise: a plain verify over the document holds for the same values.
    const cert = new X509Certificate(Buffer.from(hex.cert, 'base64'))
    expect(verify('sha256', DOC, cert.publicKey, Buffer.from(hex.signature, 'base64'))).toBe(true)
  })

  it('accepts a Base64 hashCode, over the digest alone (no document) and without caCerts', () => {
    expect(b64.hashCode).toBe(DOC_B64)
    expect(verifyHashSignature({ ...b64 })).toMatchObject({ ok: true })
    expect(verifyHashSignature({ ...b64, document: DOC, caCerts: [chain] })).toMatchObject({ ok: true })
    // The same digest in the other encoding is the same signed value.
    expect(verifyHashSignature({ ...b64, hashCode: DOC_HEX })).toMatchObject({ ok: true })
  })

  it('CA certificates may be given one per string, PEM or Base64 DER', async () => {
    const root = await (await h.request('/pki/root.pem')).text()
    const ca = Buffer.from(await (await h.request('/pki/ca.crt')).arrayBuffer()).toString('base64')
    expect(verifyHashSignature({ ...hex, caCerts: [ca, root] })).toMatchObject({ ok: true })
  })

  it('rejects a tampered document', () => {
    const tampered = Buffer.from(DOC)
    tampered[0] = tampered[0]! ^ 1
    expect(verifyHashSignature({ ...hex, document: tampered })).toEqual({
      ok: false,
      reason: 'hashCode is not the SHA-256 of the document',
    })
  })

  it('rejects another digest presented with the signature', () => {
    const otherDigest = createHash('sha256').update('another document').digest('hex')
    const r = verifyHashSignature({ ...hex, hashCode: otherDigest })
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/does not verify/) })
    const withDoc = verifyHashSignature({
      ...hex,
      hashCode: otherDigest,
      document: Buffer.from('another document'),
    })
    expect(withDoc).toMatchObject({ ok: false, reason: expect.stringMatching(/does not verify/) })
  })

  it('rejects the wrong certificate (another resident key)', () => {
    expect(foreign.cert).not.toBe(hex.cert)
    const r = verifyHashSignature({ ...hex, cert: foreign.cert, document: DOC })
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/does not verify/) })
  })

  it('rejects a certificate that does not chain to the given CA certificates', async () => {
    const foreignChain = await chainPem(other)
    // Signature and certificate match, but they come from another PKI.
    expect(verifyHashSignature({ ...foreign, document: DOC })).toMatchObject({ ok: true })
    expect(verifyHashSignature({ ...foreign, document: DOC, caCerts: [chain] })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/is not issued by any of caCerts/),
    })
    expect(verifyHashSignature({ ...hex, caCerts: [foreignChain] })).toMatchObject({ ok: false })
    // The root alone: the issuing CA is missing, so the chain cannot be built.
    const root = await (await h.request('/pki/root.pem')).text()
    expect(verifyHashSignature({ ...hex, caCerts: [root] })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Tai Man" is not issued by any of caCerts$/),
    })
    // The issuing CA alone: the chain does not reach a self-signed root.
    const ca = await (await h.request('/pki/ca.pem')).text()
    expect(verifyHashSignature({ ...hex, caCerts: [ca] })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/TEST CA" is not issued by any of caCerts$/),
    })
  })

  it('rejects a certificate outside its validity at the given time', () => {
    const cert = new X509Certificate(Buffer.from(hex.cert, 'base64'))
    const after = Date.parse(cert.validTo) + 86_400_000
    expect(verifyHashSignature({ ...hex, caCerts: [chain], at: after })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/is not valid at/),
    })
    const before = Date.parse(cert.validFrom) - 86_400_000
    expect(verifyHashSignature({ ...hex, caCerts: [chain], at: before })).toMatchObject({ ok: false })
  })

  it('rejects malformed input with a reason, never a throw', () => {
    expect(verifyHashSignature({ ...hex, hashCode: 'abc' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/64 hex or 44 Base64/),
    })
    expect(verifyHashSignature({ ...hex, cert: 'bm90IGEgY2VydA==' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not an X\.509 certificate/),
    })
    expect(verifyHashSignature({ ...hex, signature: '***' })).toMatchObject({ ok: false })
    expect(verifyHashSignature({ ...hex, signature: Buffer.alloc(256).toString('base64') })).toMatchObject({
      ok: false,
    })
    expect(verifyHashSignature({ ...hex, caCerts: ['not a certificate'] })).toMatchObject({ ok: false })
    expect(verifyHashSignature({ ...hex, caCerts: [] })).toMatchObject({ ok: false })
  })
})
