// Lesson 06 against the sandbox: hash signing with the signCode, verification against the mock CA, ackResult.
import { computeSignCode } from '@iamsmart-sandbox/openapi/codec'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../01-first-login/login'
import { callbackReceiver } from '../03-profile-and-eme/receiver'
import { PendingRequests } from '../03-profile-and-eme/requests'
import { loginHeadless, RETURN_URI } from '../support/login'
import { type Sandbox, startSandbox } from '../support/sandbox'
import { serveDeferred } from '../support/serve'
import { acceptSignature, requestHashSignature } from './hash-signing'

let sandbox: Sandbox
let osp: Awaited<ReturnType<typeof serveDeferred>>
let client: ReturnType<typeof createClient>
let callbackURI: string
let caCertsPem: string
const requests = new PendingRequests()
const document = new TextEncoder().encode('Synthetic permit application SPA-1\nApplicant: CHAN, Tai Man\n')

beforeAll(async () => {
  osp = await serveDeferred()
  callbackURI = `${osp.url}/iamsmart/callback`
  sandbox = await startSandbox({ redirectURIs: [RETURN_URI, callbackURI] })
  client = createClient({ baseUrl: sandbox.apiBaseUrl, ...sandbox.app })
  osp.attach(callbackReceiver(client, requests).fetch)
  caCertsPem = await (await fetch(`${sandbox.url}/pki/chain.pem`)).text()
})
afterAll(async () => {
  await sandbox.close()
  await osp.close()
})

const decide = (ticketID: string, decision: string) =>
  sandbox.admin(`/sandbox/v1/tickets/${ticketID}/decision`, 'POST', { decision })

describe('lesson 06: hash signing', () => {
  it('signCode shown on both sides → approve → signature verified → ackResult SUCCESS (once)', async () => {
    const login = await loginHeadless(client)
    const started = await requestHashSignature(client, requests, {
      ...login,
      callbackURI,
      source: 'iOS_Safari',
      document,
      hkid: 'QZ000001(1)',
    })
    if (!started.ok) throw new Error(started.code)
    expect(started.hashCode).toMatch(/^[0-9a-f]{64}$/)
    expect(started.signCode).toBe(await computeSignCode({ hashCode: started.hashCode, openID: login.openID }))
    const app = await (await fetch(`${sandbox.url}/app/requests/${started.ticketID}`)).text()
    expect(app).toContain(`data-testid="app-sign-code">${started.signCode}<`)

    await decide(started.ticketID, 'approve')
    const outcome = await requests.wait(started.businessID)
    expect(outcome.ok && outcome.data).toMatchObject({
      businessID: started.businessID,
      hashCode: started.hashCode,
    })
    const accepted = await acceptSignature(client, {
      businessID: started.businessID,
      document,
      outcome,
      caCertsPem,
    })
    if (!accepted.ok) throw new Error(accepted.reason)
    expect(accepted.subject.split('\n')).toEqual([
      'C=HK',
      'O=iAM Smart Developer Sandbox',
      'OU=MOCK TEST certificate of a synthetic resident',
      'CN=CHAN\\, Tai Man', // RFC 4514 escapes the comma
    ])
    expect(Math.abs(accepted.signedAt - Date.now())).toBeLessThan(60_000)

    const again = await client.ackSigningResult({ businessID: started.businessID, signingResult: 'SUCCESS' })
    expect(again.ok || again.error).toMatchObject({ kind: 'platform', code: 'D70006' })
  })

  it('a signature over another document does not verify: acknowledged FAIL', async () => {
    const login = await loginHeadless(client)
    const started = await requestHashSignature(client, requests, {
      ...login,
      callbackURI,
      source: 'iOS_Safari',
      document,
    })
    if (!started.ok) throw new Error(started.code)
    await decide(started.ticketID, 'approve')
    const outcome = await requests.wait(started.businessID)
    const other = new TextEncoder().encode('Something else')
    const accepted = await acceptSignature(client, {
      businessID: started.businessID,
      document: other,
      outcome,
      caCertsPem,
    })
    expect(accepted.ok).toBe(false)
  })

  it.each([
    ['magic-basic-tier', undefined, 'D70004'],
    ['magic-approve', 'QZ000002(A)', 'D70005'],
    ['magic-hkid-mismatch', undefined, 'D70005'],
  ])('%s (HKICHash of %s) is refused at once: %s', async (resident, hkid, code) => {
    const login = await loginHeadless(client, { resident })
    const started = await requestHashSignature(client, requests, {
      ...login,
      callbackURI,
      source: 'iOS_Safari',
      document,
      ...(hkid ? { hkid } : {}),
    })
    expect(started).toEqual({ ok: false, code })
  })

  it('rejected in the app: the callback says D70001 and there is nothing to acknowledge', async () => {
    const login = await loginHeadless(client)
    const started = await requestHashSignature(client, requests, {
      ...login,
      callbackURI,
      source: 'iOS_Safari',
      document,
    })
    if (!started.ok) throw new Error(started.code)
    await decide(started.ticketID, 'reject')
    const outcome = await requests.wait(started.businessID)
    expect(
      await acceptSignature(client, { businessID: started.businessID, document, outcome, caCertsPem }),
    ).toEqual({
      ok: false,
      reason: 'D70001',
    })
  })
})
