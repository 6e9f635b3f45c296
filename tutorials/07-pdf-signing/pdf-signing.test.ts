// Lesson 07 against the sandbox on a real port: PDF signing end to end, the result checked by pdfsig (OCSP asked).
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../01-first-login/login'
import { callbackReceiver } from '../03-profile-and-eme/receiver'
import { PendingRequests } from '../03-profile-and-eme/requests'
import { loginHeadless, RETURN_URI } from '../support/login'
import { type Sandbox, startSandbox } from '../support/sandbox'
import { serveDeferred } from '../support/serve'
import { finishPdfSignature, formPdf, requestPdfSignature } from './pdf-signing'

const SCRIPT = fileURLToPath(new URL('./check-signed-pdf.sh', import.meta.url))
let sandbox: Sandbox
let osp: Awaited<ReturnType<typeof serveDeferred>>
let client: ReturnType<typeof createClient>
let callbackURI: string
let dir: string
const requests = new PendingRequests()

/** Asynchronous: pdfsig's OCSP request is answered by the sandbox in this very process. */
function checkWithPdfsig(pdf: string): Promise<{ status: number; out: string }> {
  return new Promise((resolve) =>
    execFile(
      'bash',
      [SCRIPT, join(dir, 'root.pem'), pdf, mkdtempSync(join(dir, 'nss-'))],
      (e, stdout, stderr) => resolve({ status: e ? Number(e.code ?? 1) : 0, out: `${stdout}${stderr}` }),
    ),
  )
}

beforeAll(async () => {
  osp = await serveDeferred()
  callbackURI = `${osp.url}/iamsmart/callback`
  sandbox = await startSandbox({ redirectURIs: [RETURN_URI, callbackURI] })
  client = createClient({ baseUrl: sandbox.apiBaseUrl, ...sandbox.app })
  osp.attach(callbackReceiver(client, requests).fetch)
  dir = mkdtempSync(join(tmpdir(), 'tutorial-07-'))
  writeFileSync(join(dir, 'root.pem'), await (await fetch(`${sandbox.url}/pki/root.pem`)).text())
})
afterAll(async () => {
  await sandbox.close()
  await osp.close()
})

async function signedForm(decision = 'approve') {
  const login = await loginHeadless(client)
  const pdf = await formPdf(['Synthetic permit application SPA-1', 'Applicant: CHAN, Tai Man'])
  const started = await requestPdfSignature(client, requests, {
    ...login,
    callbackURI,
    source: 'iOS_Safari',
    pdf,
  })
  if (!started.ok) throw new Error(started.code)
  expect(started.prepared.docDigest).toMatch(/^[A-Za-z0-9+/]{43}=$/)
  expect(started.signCode).toMatch(/^\d{4}$/)
  await sandbox.admin(`/sandbox/v1/tickets/${started.ticketID}/decision`, 'POST', { decision })
  const outcome = await requests.wait(started.businessID)
  return finishPdfSignature(client, { ...started, outcome })
}

describe('lesson 07: PDF signing checked with pdfsig', () => {
  it('prepare → initiate → approve → embed → ackResult; pdfsig: valid, trusted, whole document', async () => {
    const result = await signedForm()
    if (!result.ok) throw new Error(result.reason)
    const file = join(dir, 'signed.pdf')
    writeFileSync(file, result.signedPdf)
    const r = await checkWithPdfsig(file)
    expect(r.out).toContain('Signer Certificate Common Name: CHAN, Tai Man')
    expect(r.out).toContain('Signature Type: ETSI.CAdES.detached')
    expect(r.out).toContain('Signing Hash Algorithm: SHA-256')
    expect(r.out).toContain('Total document signed')
    expect(r.out).toContain('Signature Validation: Signature is Valid.')
    expect(r.out).toContain('Certificate Validation: Certificate is Trusted.')
    expect(r.status).toBe(0)
  })

  it('a byte changed after signing: pdfsig reports the digest mismatch', async () => {
    const result = await signedForm()
    if (!result.ok) throw new Error(result.reason)
    const tampered = result.signedPdf.slice()
    tampered[20] = tampered[20] === 0x41 ? 0x42 : 0x41 // inside the first signed byte range
    const file = join(dir, 'tampered.pdf')
    writeFileSync(file, tampered)
    expect((await checkWithPdfsig(file)).out).toContain('Signature Validation: Digest Mismatch.')
  })

  it('rejected in the app: D70001, nothing to embed', async () => {
    expect(await signedForm('reject')).toEqual({ ok: false, reason: 'D70001' })
  })
})
