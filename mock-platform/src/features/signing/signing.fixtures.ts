/** Shared steps of the signing tests: a document and its digests, initiate, decide, the anonymous hand-over, openssl. */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { type Harness, OSP } from '../../../test/harness'

export const DOC = Buffer.from('Synthetic permit application OSP-2026-000123, signed in the sandbox.\n')
export const DOC_HEX = createHash('sha256').update(DOC).digest('hex')
export const DOC_B64 = createHash('sha256').update(DOC).digest('base64')

let seq = 0
export const businessID = () => `sig-${process.pid}-${++seq}`

/** Logs `who` in (headless) and sends an authenticated signing initiateRequest. */
export async function initiate(
  h: Harness,
  path: string,
  extra: Record<string, unknown>,
  who = 'magic-approve',
) {
  const t = await h.token({ resident: who })
  const env = await h.client.call<{ ticketID: string; authByQR: boolean; signCode: string }>(path, {
    businessID: businessID(),
    accessToken: t.accessToken,
    openID: t.openID,
    source: 'PC_Browser',
    redirectURI: OSP.callbackURI,
    state: 'sign-state',
    department: 'Sandbox Permits Office',
    serviceName: 'Synthetic permit application',
    documentName: 'Application OSP-2026-000123',
    ...extra,
  })
  return { env, token: t }
}

/** Decides a ticket through the sandbox API and returns the callback it produced, decrypted. */
export async function decide(h: Harness, ticketID: string, decision: string) {
  const res = await h.admin(`/sandbox/v1/tickets/${ticketID}/decision`, 'POST', { decision })
  expect(res.status).toBe(200)
  await h.settle()
  const cb = h.callbacks.at(-1)!
  return { cb, content: h.client.decryptCallback<Record<string, unknown>>(cb.body)! }
}

/** Anonymous initiateRequest, the getQR hand-over decided by `resident`, and getToken: returns the token pair. */
export async function anonymousFlow(
  h: Harness,
  path: string,
  extra: Record<string, unknown>,
  resident = 'magic-approve',
) {
  const init = await h.client.call<{ ticketID: string; signCode: string }>(path, {
    businessID: businessID(),
    source: 'PC_Browser',
    redirectURI: OSP.returnURI,
    state: 'anon-state',
    documentName: 'Permit OSP-2026-000123.pdf',
    ...extra,
  })
  expect(init.code).toBe('D00000')
  const back = await h.login({ ticketID: init.content!.ticketID, scope: '', resident })
  const token = await h.client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
    code: back.get('code'),
    grantType: 'authorization_code',
  })
  expect(token.code).toBe('D00000')
  return { init: init.content!, token: token.content! }
}

/** Runs openssl in a fresh temp dir holding `files`; returns status and output. */
export function openssl(args: string[], files: Record<string, Uint8Array | string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'iams-pki-'))
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data)
  const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' })
  if (r.error) throw r.error
  return { status: r.status, out: `${r.stdout}${r.stderr}`, dir }
}

export const derFromBase64 = (b64: string) => Buffer.from(b64, 'base64')
