/** Test helper: a headless login (X-Sandbox-* headers on getQR) and getToken, for lessons that start logged in. */
import type { IamSmartClient } from '@iamsmart-sandbox/openapi/client'

export const RETURN_URI = 'http://localhost:3000/callback'

export async function loginHeadless(
  client: IamSmartClient,
  o: { resident?: string; scope?: string; redirectURI?: string } = {},
): Promise<{ accessToken: string; openID: string }> {
  const url = client.buildGetQrUrl({
    redirectURI: o.redirectURI ?? RETURN_URI,
    scope: o.scope ?? 'eidapi_auth eidapi_profiles eidapi_formFilling eidapi_sign',
    state: 'tutorial',
  })
  const res = await fetch(url, {
    redirect: 'manual',
    headers: { 'X-Sandbox-Resident': o.resident ?? 'magic-approve', 'X-Sandbox-Decision': 'approve' },
  })
  const code = new URL(res.headers.get('location') ?? 'x:').searchParams.get('code')
  if (res.status !== 302 || !code) throw new Error(`headless login failed: ${res.status}`)
  const token = await client.getToken({ code, grantType: 'authorization_code' })
  if (!token.ok) throw new Error(`getToken failed: ${JSON.stringify(token.error)}`)
  return token.data
}
