/** The CLI's commands: getkey, qr-url, wait (login, profile, e-ME by callback), decrypt. */
import { readFileSync } from 'node:fs'
import type {
  CallbackBody,
  IamSmartClient,
  IamSmartError,
  Lang,
  Source,
} from '@iamsmart-sandbox/openapi/client'
import type { components } from '@iamsmart-sandbox/openapi/generated/platform'
import { listen } from './listener'
import { step } from './progress'

type Flags = Record<string, string | undefined>
type EmeField = components['schemas']['EmeField']
const DEFAULT_REDIRECT = 'http://127.0.0.1:3000/callback' // registered for the sandbox's demo app

export class CliError extends Error {}
const fail = (what: string, e: IamSmartError): never => {
  throw new CliError(`${what} failed: ${e.kind === 'transport' ? e.message : `${e.code} ${e.message}`}`)
}
function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}

export async function getkey(client: IamSmartClient): Promise<void> {
  const r = await client.getKey()
  if (!r.ok) return fail('getKey', r.error)
  const { issueAt, expiresIn, pubKey } = r.data
  step('the CEK was unwrapped with your KEK private key (RSA PKCS#1 v1.5) and is cached by the client')
  print({
    code: r.code,
    txID: r.txID,
    issueAt: new Date(issueAt).toISOString(),
    expiresIn,
    expiresAt: new Date(issueAt + expiresIn).toISOString(),
    pubKey: `${pubKey.slice(0, 24)}…`,
  })
}

export function qrUrl(client: IamSmartClient, f: Flags): string {
  return client.buildGetQrUrl({
    redirectURI: f['redirect-uri'] ?? DEFAULT_REDIRECT,
    scope: f.scope ?? 'eidapi_auth eidapi_profiles',
    state: f.state ?? crypto.randomUUID().replace(/-/g, ''),
    source: (f.source as Source | undefined) ?? 'PC_Browser',
    lang: (f.lang as Lang | undefined) ?? 'en-US',
    ...(f['ticket-id'] ? { ticketID: f['ticket-id'] } : {}),
  })
}

export async function wait(client: IamSmartClient, baseUrl: string, f: Flags): Promise<void> {
  const redirectURI = f['redirect-uri'] ?? DEFAULT_REDIRECT
  const timeoutMs = Number(f.timeout ?? 240) * 1000
  const eme = f.eme ? (f.eme.split(',').map((s) => s.trim()) as EmeField[]) : []
  const scope =
    f.scope ?? ['eidapi_auth', 'eidapi_profiles', ...(eme.length ? ['eidapi_formFilling'] : [])].join(' ')
  const state = crypto.randomUUID().replace(/-/g, '')
  const listener = await listen(redirectURI)
  try {
    step(`listening on ${redirectURI}`)
    const url = qrUrl(client, { ...f, scope, state, 'redirect-uri': redirectURI })
    if (f.resident) {
      step(`deciding at once as ${f.resident} (X-Sandbox-Resident, sandbox only)`)
      // Without --decision the resident decides as they always do (magic-reject rejects, magic-approve approves).
      const headers: Record<string, string> = { 'X-Sandbox-Resident': f.resident }
      if (f.decision) headers['X-Sandbox-Decision'] = f.decision
      const res = await fetch(url, { redirect: 'manual', headers })
      await fetch(res.headers.get('location') ?? redirectURI) // the browser following the redirect
    } else step(`open in a browser, then approve in the virtual app (${baseUrl}/app):\n  ${url}`)
    const back = await listener.next('return', timeoutMs)
    if (back.get('state') !== state) throw new CliError('the browser came back with another state')
    if (back.get('error_code')) throw new CliError(`login not completed: ${back.get('error_code')}`)
    step('browser returned with a code; exchanging it')
    const token = await client.getToken({ code: back.get('code') ?? '', grantType: 'authorization_code' })
    if (!token.ok) return fail('getToken', token.error)
    const { accessToken, openID, userType } = token.data
    const result: Record<string, unknown> = { openID, userType, scope: token.data.scope }
    if (scope.includes('eidapi_profiles')) {
      const profile = await client.getProfiles({
        accessToken,
        openID,
        profileFields: ['enName', 'chName', 'birthDate', 'gender'],
      })
      result.profile = profile.ok ? profile.data : { error: profile.error }
    }
    if (eme.length > 0)
      result.eme = await emeByCallback(client, listener, {
        accessToken,
        openID,
        redirectURI,
        eme,
        timeoutMs,
        baseUrl,
      })
    print(result)
  } finally {
    await listener.close()
  }
}

async function emeByCallback(
  client: IamSmartClient,
  listener: Awaited<ReturnType<typeof listen>>,
  o: {
    accessToken: string
    openID: string
    redirectURI: string
    eme: EmeField[]
    timeoutMs: number
    baseUrl: string
  },
) {
  const businessID = `cli-${crypto.randomUUID()}`.slice(0, 36)
  const state = crypto.randomUUID().replace(/-/g, '')
  const init = await client.initiateEmeRequest({
    businessID,
    state,
    accessToken: o.accessToken,
    openID: o.openID,
    source: 'App_Scheme',
    redirectURI: o.redirectURI,
    eMEFields: o.eme,
  })
  if (!init.ok) return fail('initiateEmeRequest', init.error)
  step(
    `e-ME request ${init.data.ticketID} ${init.data.authByQR ? 'needs the QR page' : `is in the resident's app: approve it at ${o.baseUrl}/app`}; waiting for the callback`,
  )
  const body = (await listener.next('callback', o.timeoutMs)) as CallbackBody
  const r = await client.decryptCallback<'initiateEmeRequest'>(body)
  const content = r.ok
    ? r.data
    : r.error.kind === 'platform'
      ? (r.error.content as Record<string, unknown>)
      : undefined
  if (content?.businessID !== businessID || content?.state !== state)
    throw new CliError('the callback does not answer this request')
  step(`callback ${body.code} decrypted; businessID and state match`)
  return r.ok ? r.data : { code: body.code }
}

export async function decrypt(client: IamSmartClient, file: string | undefined): Promise<void> {
  const text = readFileSync(file === undefined || file === '-' ? 0 : file, 'utf8')
  const body = JSON.parse(text) as CallbackBody
  const r = await client.decryptCallback(body)
  if (r.ok) return print({ code: r.code, txID: r.txID, content: r.data })
  if (r.error.kind === 'platform')
    return print({ code: r.error.code, message: r.error.message, content: r.error.content ?? null })
  return fail('decrypt', r.error)
}

/**
 * The app's compatibility profile (matrix mode: run your suite once per profile). Shows it, or sets it with a change
 * through the sandbox API (PATCH /sandbox/v1/apps/{clientID}), which needs the sandbox's admin token.
 */
export async function profile(
  creds: { baseUrl: string; clientID: string },
  name: string | undefined,
  adminToken: string | undefined,
): Promise<void> {
  if (!adminToken)
    throw new CliError('profile needs the sandbox API: pass --admin-token (or IAMSMART_ADMIN_TOKEN)')
  const res = await fetch(`${creds.baseUrl}/sandbox/v1/apps/${creds.clientID}`, {
    method: name ? 'PATCH' : 'GET',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: name ? JSON.stringify({ compatibilityProfile: name }) : undefined,
  })
  const body = (await res.json()) as {
    compatibilityProfile?: string
    app?: { compatibilityProfile?: string }
    change?: { status: string }
    detail?: string
    errors?: Record<string, string>
  }
  if (!res.ok)
    throw new CliError(
      `profile failed: HTTP ${res.status} ${body.errors?.compatibilityProfile ?? body.detail ?? ''}`,
    )
  print({
    clientID: creds.clientID,
    compatibilityProfile: body.app?.compatibilityProfile ?? body.compatibilityProfile,
    ...(body.change ? { change: body.change.status } : {}),
  })
}
