// PDF signing helpers: placeholder and /ByteRange structure, digest, embedding limits; then the whole flow against
// the in-process mock platform, the signed PDF checked by poppler's pdfsig with the mock root in an NSS database.
import { execFile, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, harness, kek, OSP } from '../../../../mock-platform/test/harness'
import { bytesToBase64 } from '../../codec'
import { createIamSmartClient, type IamSmartClient } from '../index'
import { embedPdfSignature, type PreparedPdf, preparePdfForSigning } from './index'

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1')

async function samplePdf(text = 'Synthetic permit application OSP-2026-000123'): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const page = doc.addPage([595, 842])
  page.drawText(text, { x: 50, y: 780, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) })
  return doc.save()
}

/** SHA-256 of the two byte ranges, computed independently of the helper. */
function rangesDigest(p: PreparedPdf): Buffer {
  const [, a, b, c] = p.byteRange
  return createHash('sha256')
    .update(p.pdf.subarray(0, a))
    .update(p.pdf.subarray(b, b + c))
    .digest()
}

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' })
  if (r.error) throw r.error
  return { status: r.status, out: `${r.stdout}${r.stderr}` }
}

/** Runs without blocking the event loop: pdfsig's OCSP request is answered by this process. */
function runAsync(cmd: string, args: string[]): Promise<{ status: number; out: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 30_000 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ status, out: `${stdout}${stderr}` })
    })
  })
}

/** A DER SEQUENCE of `n` bytes in all (only its size matters to embedPdfSignature). */
function fakeCms(n: number): string {
  const body = n - 4
  return bytesToBase64(new Uint8Array([0x30, 0x82, body >> 8, body & 0xff, ...new Uint8Array(body)]))
}

describe('preparePdfForSigning', () => {
  it('adds a /Sig dictionary with a zero /Contents placeholder, an invisible widget and the final /ByteRange', async () => {
    const p = await preparePdfForSigning(await samplePdf(), {
      reason: 'Permit application',
      name: 'CHAN, Tai Man',
      location: 'Hong Kong',
      signatureSize: 8192,
    })
    const text = latin1(p.pdf)
    const [zero, a, b, c] = p.byteRange
    expect(zero).toBe(0)
    expect(b - a).toBe(2 * 8192 + 2)
    expect(b + c).toBe(p.pdf.length)
    expect(text.slice(a, b)).toBe(`<${'0'.repeat(2 * 8192)}>`)
    expect(text).toMatch(new RegExp(`/ByteRange \\[0 ${a} ${b} ${c} *\\]`))
    expect(text).toContain('/Type /Sig')
    expect(text).toContain('/Filter /Adobe.PPKLite')
    expect(text).toContain('/SubFilter /ETSI.CAdES.detached')
    expect(text).toMatch(/\/SigFlags 3/)
    expect(text).toMatch(/\/FT \/Sig/)
    expect(text).toMatch(/\/Rect \[ 0 0 0 0 \]/)
    expect(text).toMatch(/\/M \(D:\d{14}Z\)/)

    const digest = rangesDigest(p)
    expect(p.docDigest).toBe(digest.toString('base64'))
    expect(p.docDigest).toMatch(/^[A-Za-z0-9+/]{43}=$/)
    expect(p.docDigestHex).toBe(digest.toString('hex'))

    // Still a PDF pdf-lib reads, with the signature field in its form.
    const reread = await PDFDocument.load(p.pdf)
    expect(
      reread
        .getForm()
        .getFields()
        .map((f) => f.getName()),
    ).toEqual(['Signature1'])
  })

  it('the default placeholder holds 16 384 bytes; a too small signatureSize is refused', async () => {
    const p = await preparePdfForSigning(await samplePdf())
    expect(p.byteRange[2] - p.byteRange[1]).toBe(2 * 16_384 + 2)
    await expect(preparePdfForSigning(await samplePdf(), { signatureSize: 10 })).rejects.toThrow(RangeError)
  })

  it('the digest changes with the document', async () => {
    const a = await preparePdfForSigning(await samplePdf('one'), { signingTime: new Date(0) })
    const b = await preparePdfForSigning(await samplePdf('two'), { signingTime: new Date(0) })
    expect(a.docDigest).not.toBe(b.docDigest)
  })

  it('refuses a PDF that already carries a signature (a full rewrite would break it)', async () => {
    const p = await preparePdfForSigning(await samplePdf(), { signatureSize: 1024 })
    const signed = embedPdfSignature(p, fakeCms(600))
    await expect(preparePdfForSigning(signed)).rejects.toThrow(/already signed/)
  })
})

describe('embedPdfSignature', () => {
  it('writes the hex DER into the placeholder, zero padded, leaving the signed byte ranges and the input alone', async () => {
    const p = await preparePdfForSigning(await samplePdf(), { signatureSize: 1024 })
    const before = p.pdf.slice()
    const cms = fakeCms(700)
    const out = embedPdfSignature(p, cms)
    expect(out.length).toBe(p.pdf.length)
    expect(p.pdf).toEqual(before)
    const [, a, b] = p.byteRange
    const hex = Buffer.from(cms, 'base64').toString('hex')
    expect(latin1(out).slice(a, b)).toBe(`<${hex}${'0'.repeat(2048 - hex.length)}>`)
    expect(rangesDigest({ ...p, pdf: out }).toString('base64')).toBe(p.docDigest)
  })

  it('a container larger than the placeholder → RangeError naming the signatureSize to use', async () => {
    const p = await preparePdfForSigning(await samplePdf(), { signatureSize: 1024 })
    expect(() => embedPdfSignature(p, fakeCms(3000))).toThrow(
      /3000 bytes but the placeholder holds 1024: prepare the PDF again with signatureSize ≥ 3000/,
    )
  })

  it('refuses what is not Base64 DER', async () => {
    const p = await preparePdfForSigning(await samplePdf(), { signatureSize: 1024 })
    expect(() => embedPdfSignature(p, 'not base64!')).toThrow(/not Base64/)
    expect(() => embedPdfSignature(p, bytesToBase64(new Uint8Array([1, 2, 3])))).toThrow(/not a DER CMS/)
  })
})

/** pdfsig (poppler-utils) and certutil (libnss3-tools) are installed by .ci/run. */
describe('PDF signing with the mock platform, checked by pdfsig', () => {
  let h: Harness
  let client: IamSmartClient
  let dir: string
  let nssdir: string

  let server: Server
  const served: string[] = []

  beforeAll(async () => {
    // The platform also listens on a loopback port: its certificates' OCSP and CRL URLs point there, and pdfsig
    // asks that OCSP responder about the resident's certificate.
    server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      served.push(`${req.method} ${req.url}`)
      req.on('end', async () => {
        try {
          const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks)
          const headers = Object.entries(req.headers).map(([k, v]) => [k, String(v)] as [string, string])
          const answer = await h.platform.app.request(
            new Request(`${base}${req.url}`, { method: req.method, headers, body }),
          )
          res.writeHead(answer.status, Object.fromEntries(answer.headers))
          res.end(Buffer.from(await answer.arrayBuffer()))
        } catch {
          res.writeHead(500).end()
        }
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    h = await harness({ config: { publicBaseUrl: base } })
    // Certificates are issued at the platform's time: let it be now, so pdfsig (which checks at the current time)
    // sees the resident's certificate as valid.
    h.clock.set(Math.max(Date.now(), h.clock.now()))
    client = createIamSmartClient({
      baseUrl: 'http://sandbox.test/api/v1',
      clientID: h.clientID,
      clientSecret: h.clientSecret,
      kekPrivateKeys: [kek(0).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()],
      fetch: (req) => Promise.resolve(h.platform.app.request(req)),
      now: () => h.clock.now(),
    })
    dir = mkdtempSync(join(tmpdir(), 'iams-pdfsig-'))
    const root = await h.request('/pki/root.pem')
    expect(root.status).toBe(200)
    writeFileSync(join(dir, 'root.pem'), await root.text())
    nssdir = `sql:${join(dir, 'nss')}`
    mkdirSync(join(dir, 'nss'))
    expect(run('certutil', ['-N', '-d', nssdir, '--empty-password']).status).toBe(0)
    expect(
      run('certutil', ['-A', '-d', nssdir, '-n', 'mockroot', '-t', 'C,C,C', '-i', join(dir, 'root.pem')])
        .status,
    ).toBe(0)
  })

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  /** Logs in magic-approve, asks for a PDF signature over `docDigest`, approves it and returns the callback content. */
  async function signRemotely(docDigest: string) {
    const back = await h.login({ resident: 'magic-approve' })
    const token = await client.getToken({ code: back.get('code')!, grantType: 'authorization_code' })
    if (!token.ok) throw new Error(JSON.stringify(token.error))
    const businessID = `pdf-${randomBytes(8).toString('hex')}`
    const init = await client.initiatePdfSigningRequest({
      businessID,
      accessToken: token.data.accessToken,
      openID: token.data.openID,
      source: 'PC_Browser',
      redirectURI: OSP.callbackURI,
      state: 'pdf-state',
      docDigest,
      documentName: 'Permit OSP-2026-000123.pdf',
    })
    if (!init.ok) throw new Error(JSON.stringify(init.error))
    const decided = await h.admin(`/sandbox/v1/tickets/${init.data.ticketID}/decision`, 'POST', {
      decision: 'approve',
    })
    expect(decided.status).toBe(200)
    await h.settle()
    const cb = await client.decryptCallback<'initiatePdfSigningRequest'>(h.callbacks.at(-1)!.body)
    if (!cb.ok) throw new Error(JSON.stringify(cb.error))
    expect(cb.data).toMatchObject({ businessID, state: 'pdf-state', docDigest })
    return cb.data
  }

  /** A signed copy of a fresh sample PDF, written to the temp dir. */
  async function signedPdf(name: string): Promise<{ file: string; signed: Uint8Array }> {
    const prepared = await preparePdfForSigning(await samplePdf(), {
      reason: 'Synthetic permit application',
      name: 'CHAN, Tai Man',
      location: 'Hong Kong',
    })
    const result = await signRemotely(prepared.docDigest)
    const signed = embedPdfSignature(prepared, result.pdfSignature!)
    const file = join(dir, name)
    writeFileSync(file, signed)
    return { file, signed }
  }

  it('prepare → initiatePdfSigningRequest → approve → embed: pdfsig says valid and trusted (OCSP asked)', async () => {
    const { file } = await signedPdf('signed.pdf')
    served.length = 0
    const r = await runAsync('pdfsig', ['-nssdir', nssdir, file])
    expect(r.status).toBe(0)
    expect(r.out).toContain('Signer Certificate Common Name: CHAN, Tai Man')
    expect(r.out).toContain('Signing Hash Algorithm: SHA-256')
    expect(r.out).toContain('Signature Type: ETSI.CAdES.detached')
    expect(r.out).toContain('Total document signed')
    expect(r.out).toContain('Signature Validation: Signature is Valid.')
    expect(r.out).toContain('Certificate Validation: Certificate is Trusted.')
    // NSS checked the resident's certificate with the platform's OCSP responder.
    expect(served).toContain('POST /pki/ocsp')
  })

  it('pdfsig: without the mock root in the NSS database the issuer is not trusted', async () => {
    const { file } = await signedPdf('untrusted.pdf')
    const empty = `sql:${mkdtempSync(join(tmpdir(), 'iams-nss-'))}`
    expect(run('certutil', ['-N', '-d', empty, '--empty-password']).status).toBe(0)
    const r = await runAsync('pdfsig', ['-nssdir', empty, '-no-ocsp', file])
    expect(r.out).toContain('Signature Validation: Signature is Valid.')
    expect(r.out).toContain("Certificate Validation: Certificate issuer isn't Trusted.")
  })

  it('pdfsig: a changed byte inside the signed ranges → digest mismatch', async () => {
    const { signed } = await signedPdf('tampered.pdf')
    const text = latin1(signed)
    // The first digit of the year in the signature dictionary's /M (D:2…): inside the first signed range.
    const at = text.indexOf('/M (D:') + 6
    expect(at).toBeGreaterThan(6)
    const tampered = signed.slice()
    tampered[at] = tampered[at] === 0x31 ? 0x32 : 0x31
    const file = join(dir, 'tampered.pdf')
    writeFileSync(file, tampered)
    const r = await runAsync('pdfsig', ['-nssdir', nssdir, '-no-ocsp', file])
    expect(r.out).toContain('Signature Validation: Digest Mismatch.')
  })

  it('pdfsig: after the sandbox revokes the certificate, OCSP says revoked', async () => {
    const { file } = await signedPdf('revoked.pdf')
    const revoked = await h.admin('/sandbox/v1/residents/magic-approve/certificate/revoke', 'POST')
    expect(revoked.status).toBe(200)
    const r = await runAsync('pdfsig', ['-nssdir', nssdir, file])
    expect(r.out).toContain('Signature Validation: Signature is Valid.')
    expect(r.out).toContain('Certificate Validation: Certificate has been Revoked.')
  })
})
