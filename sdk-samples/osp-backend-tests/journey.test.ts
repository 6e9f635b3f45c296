// osp-web's form filling and PDF signing with no server running: QR hand-over, pushed requests, callbacks, the PDF.
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { Browser, IPHONE, testId } from './browser'
import { CLIENT_ID, OSP, type Rig, SANDBOX, startRig } from './setup'

let rig: Rig
beforeAll(async () => {
  rig = await startRig()
})
afterEach(() => rig.iam.sandbox.autopilot(CLIENT_ID, {}))
afterAll(() => rig.close())

async function loggedIn(ua?: string): Promise<Browser> {
  const browser = new Browser(ua)
  const home = await browser.visit(`${OSP}/login`, { form: {} })
  expect(testId(home.html, 'user-name')).toBe('CHAN, Tai Man')
  return browser
}

const FILLED = {
  title: 'Mr',
  name: 'CHAN, Tai Man',
  email: 'taiman.chan@example.com',
  mobile: '+852 91234567',
  address: 'Flat 05, 12/F, Block E, Amoy Gardens Phase 2, 77 Ngau Tau Kok Road, Ngau Tau Kok, Kwun Tong, KLN',
}
const valueOf = (html: string, field: string) =>
  new RegExp(`id="${field}" name="${field}" value="([^"]*)"`).exec(html)?.[1]

describe('osp-web: form filling and signing', () => {
  it('desktop: "Continue with iAM Smart" → getQR with the ticket → approved → the form filled, marked', async () => {
    const browser = await loggedIn()
    rig.iam.sandbox.autopilot(CLIENT_ID, null) // the resident scans the QR code and decides, below
    const qr = await browser.visit(`${OSP}/form/fill`, { form: {} })
    expect(qr.url.startsWith(`${SANDBOX}/api/v1/auth/getQR?`)).toBe(true)
    expect(qr.html).toContain('data-testid="qr-page"')
    const ticketID = new URL(qr.url).searchParams.get('ticketID')!
    const done = await rig.iam.sandbox.decide(ticketID, 'approve')
    await rig.iam.sandbox.settle()
    // The QR page sends the browser to the location the decision produced.
    const form = await browser.visit(done.browser!.location!)
    expect(form.url).toBe(`${OSP}/form`)
    for (const [field, value] of Object.entries(FILLED)) expect(valueOf(form.html, field), field).toBe(value)
    for (const f of ['title', 'name', 'email', 'mobile', 'address'])
      expect(testId(form.html, `from-iamsmart-${f}`), f).toBe('from iAM Smart')
  })

  it('phone: the request is pushed to the app; the waiting page turns into the filled form after the callback', async () => {
    const browser = await loggedIn(IPHONE)
    rig.iam.sandbox.autopilot(CLIENT_ID, null)
    const waiting = await browser.visit(`${OSP}/form/fill`, { form: {} })
    expect(waiting.url).toMatch(new RegExp(`^${OSP}/requests/eme-`))
    expect(waiting.html).toContain('The request is waiting in your iAM Smart app')
    const [ticket] = rig.iam.sandbox.pending(CLIENT_ID)
    await rig.iam.sandbox.decide(ticket!.ticketID, 'reject')
    await rig.iam.sandbox.settle()
    const after = await browser.visit(waiting.url)
    expect(testId(after.html, 'flash')).toBe('iAM Smart did not complete the request (D60001).')
  })

  it('save → "Signing with iAM Smart" → signCode → approved → a signed PDF that pdfsig validates', async () => {
    const browser = await loggedIn(IPHONE)
    await browser.visit(`${OSP}/form/fill`, { form: {} }) // the autopilot approves at once
    await rig.iam.sandbox.settle()
    const edited = { ...FILLED, mobile: '+852 61234567' }
    const saved = await browser.visit(`${OSP}/form`, { form: edited })
    expect(testId(saved.html, 'flash')).toBe('Form saved.')
    expect(testId(saved.html, 'from-iamsmart-mobile')).toBeUndefined() // changed by the resident
    expect(testId(saved.html, 'iams-signing')).toBe('Signing with iAM Smart')

    rig.iam.sandbox.autopilot(CLIENT_ID, null)
    const waiting = await browser.visit(`${OSP}/sign`, { form: {} })
    const signCode = testId(waiting.html, 'sign-code')!
    expect(signCode).toMatch(/^\d{4}$/)
    const [ticket] = rig.iam.sandbox.pending(CLIENT_ID)
    expect(ticket!.signCode).toBe(signCode)
    await rig.iam.sandbox.decide(ticket!.ticketID, 'approve')
    await rig.iam.sandbox.settle()
    const form = await browser.visit(waiting.url)
    const href = /href="(\/documents\/[0-9a-f]+)" data-testid="download"/.exec(form.html)![1]!
    const pdf = await browser.request(`${OSP}${href}`)
    expect(pdf.headers.get('content-disposition')).toMatch(
      /^attachment; filename="application-pdf-[0-9a-f-]+\.pdf"$/,
    )
    const bytes = new Uint8Array(await pdf.arrayBuffer())

    const acks = await rig.iam.sandbox.requests(CLIENT_ID, { operation: 'ackSigningResult' })
    expect(acks.map((a) => [a.code, a.kind === 'call' && a.request])).toContainEqual([
      'D00000',
      expect.objectContaining({ signingResult: 'SUCCESS' }),
    ])

    const out = await pdfsig(bytes, await (await fetch(`${SANDBOX}/pki/root.pem`)).text())
    expect(out).toContain('Signer Certificate Common Name: CHAN, Tai Man')
    expect(out).toContain('Signature Validation: Signature is Valid.')
    expect(out).toContain('Certificate Validation: Certificate is Trusted.')
  })

  it('a forged or unreadable callback is refused and changes nothing', async () => {
    const browser = new Browser()
    const forged = await browser.request(`${OSP}/callback`, { method: 'POST' })
    expect(forged.status).toBe(400)
    const res = await fetch(`${OSP}/callback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        txID: 'x',
        code: 'D00000',
        message: 'SUCCESS',
        content: 'AAAA',
        secretKey: 'AAAA',
      }),
    })
    expect(res.status).toBe(400)
  })

  it('after the access token’s 600 s the service asks for a new login instead of calling iAM Smart', async () => {
    const browser = await loggedIn(IPHONE)
    rig.shiftOspClock(600_000)
    try {
      const home = await browser.visit(`${OSP}/form/fill`, { form: {} })
      expect(home.url).toBe(`${OSP}/`)
      expect(testId(home.html, 'flash')).toBe('Your iAM Smart login has expired. Please log in again.')
    } finally {
      rig.shiftOspClock(-600_000)
    }
  })
})

/** pdfsig with an NSS database trusting the mock root; -no-ocsp since no port serves the sandbox's OCSP responder here. */
function pdfsig(pdf: Uint8Array, rootPem: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'osp-web-'))
  writeFileSync(join(dir, 'signed.pdf'), pdf)
  writeFileSync(join(dir, 'root.pem'), rootPem)
  const run = (cmd: string, args: string[]) =>
    new Promise<string>((resolve) =>
      execFile(cmd, args, (_e, stdout, stderr) => resolve(`${stdout}${stderr}`)),
    )
  const db = `sql:${dir}`
  return run('certutil', ['-N', '-d', db, '--empty-password'])
    .then(() =>
      run('certutil', ['-A', '-d', db, '-n', 'mock-root', '-t', 'C,C,C', '-i', join(dir, 'root.pem')]),
    )
    .then(() => run('pdfsig', ['-nssdir', db, '-no-ocsp', join(dir, 'signed.pdf')]))
}
