// Sign-up does not reveal whether an address is registered: a known and an unknown address get the same status,
// headers and body shape; only the new one has a session behind its cookie, and the known one's owner is mailed.
import { describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'
import { ORIGIN, PASSWORD, signIn, signUp } from '../../../test/session.fixtures'

type Json = Record<string, unknown>

const signUpRaw = (h: Awaited<ReturnType<typeof harness>>, body: Json, cookie?: string) =>
  h.request('/sandbox/v1/accounts', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN, ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  })

/** The JSON's shape: every key with the type (and, for ids and tokens, the format) of its value. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape)
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]))
  if (typeof v === 'string') {
    if (/^[0-9a-f]{32}$/.test(v)) return 'hex32'
    if (/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(v)) return 'iso-time'
  }
  return typeof v
}

const cookieName = (res: Response) => res.headers.get('set-cookie')!.replace(/=[0-9a-f]{32};/, '=…;')

describe('sign-up with a known and an unknown address', () => {
  it('answers alike (status, headers, body shape); only the new address gets a session and an account', async () => {
    const h = await harness()
    const owner = await signUp(h, 'owner@library.example', { orgName: 'Library' })
    const accountsBefore = (await h.platform.services.accounts.list()).length
    const orgsBefore = (await h.platform.services.orgs.list()).length

    const known = await signUpRaw(h, {
      email: 'Owner@Library.example',
      password: 'another password 456',
      orgName: 'X',
    })
    const unknown = await signUpRaw(h, {
      email: 'newcomer@library.example',
      password: 'another password 456',
      orgName: 'X',
    })
    expect(known.status).toBe(201)
    expect(unknown.status).toBe(201)
    expect([...known.headers.keys()].sort()).toEqual([...unknown.headers.keys()].sort())
    expect(known.headers.get('cache-control')).toBe(unknown.headers.get('cache-control'))
    expect(known.headers.get('content-type')).toBe(unknown.headers.get('content-type'))
    expect(cookieName(known)).toBe(cookieName(unknown))
    const k = (await known.json()) as Json
    const u = (await unknown.json()) as Json
    expect(shape(k)).toEqual(shape(u))
    expect(Object.keys(k)).toEqual(Object.keys(u))
    expect(k).toMatchObject({
      account: { email: 'owner@library.example', kind: 'developer' },
      organisation: { name: 'X', role: 'approver', solo: true },
    })
    // Nothing about the real account leaks: not its id, its creation time or its organisation.
    expect((k.account as Json).id).not.toBe(owner.accountId)
    expect((k.organisation as Json).id).not.toBe(owner.orgId)

    // Only the new address has an account and a session behind the cookie.
    expect(await h.platform.services.accounts.list()).toHaveLength(accountsBefore + 1)
    expect(await h.platform.services.orgs.list()).toHaveLength(orgsBefore + 1)
    const session = (res: Response) =>
      h.request('/sandbox/v1/session', {
        headers: { Cookie: /sandbox_session=[0-9a-f]{32}/.exec(res.headers.get('set-cookie')!)![0] },
      })
    expect((await session(unknown)).status).toBe(200)
    expect((await session(known)).status).toBe(401)

    // The owner keeps their password and is told by mail; the new address gets no such mail.
    expect((await signIn(h, 'owner@library.example', PASSWORD)).accountId).toBe(owner.accountId)
    const mails = await h.platform.services.mail.list({ kind: 'account.sign-up-attempt' })
    expect(mails.map((m) => m.to)).toEqual([['owner@library.example']])
    expect(mails[0]!.text).toContain('/console/sign-in')
    expect(mails[0]!.text).not.toContain('another password')
  })

  it('a known address whose browser was signed in is signed out, as a new sign-up would do', async () => {
    const h = await harness()
    const owner = await signUp(h, 'owner@library.example')
    const again = await signUpRaw(h, { email: 'owner@library.example', password: PASSWORD }, owner.cookie)
    expect(again.status).toBe(201)
    expect((await h.request('/sandbox/v1/session', { headers: { Cookie: owner.cookie } })).status).toBe(401)
  })

  it('invalid input is refused alike for both (422 naming the fields, before the address is looked at)', async () => {
    const h = await harness()
    await signUp(h, 'owner@library.example')
    const known = await signUpRaw(h, { email: 'owner@library.example', password: 'short' })
    const unknown = await signUpRaw(h, { email: 'nobody@library.example', password: 'short' })
    expect(known.status).toBe(422)
    const body = async (r: Response) => ({ ...((await r.json()) as Json), requestId: 'per request' })
    expect(await body(known)).toEqual(await body(unknown))
  })

  it('mails the owner at most a few times an hour', async () => {
    const h = await harness()
    await signUp(h, 'owner@library.example')
    for (let i = 0; i < 5; i++)
      expect((await signUpRaw(h, { email: 'owner@library.example', password: PASSWORD })).status).toBe(201)
    expect(await h.platform.services.mail.list({ kind: 'account.sign-up-attempt' })).toHaveLength(3)
  })
})
