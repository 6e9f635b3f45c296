/** Contract test walk: calls every sandbox operation at least once with a success, plus typical failures. */
import type { Json } from '../../../test/contract'
import { type Harness, kek } from '../../../test/harness'
import { PASSWORD, signIn, signUp } from '../../../test/session.fixtures'

export async function walk(h: Harness): Promise<void> {
  const admin = (path: string, method: string, body?: unknown) =>
    h.request(path, {
      method,
      headers: { Authorization: `Bearer ${h.adminToken}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  const dev = await signUp(h, 'dev@library.example', { orgName: 'Public Library' })
  await signIn(h, 'dev@library.example', 'wrong password 1234').catch(() => undefined)
  const again = await signIn(h, 'dev@library.example', PASSWORD)
  await again.call('/sandbox/v1/session')
  const org = `/sandbox/v1/orgs/${dev.orgId}`
  await dev.call('/sandbox/v1/orgs')
  await dev.call('/sandbox/v1/orgs', 'POST', { name: 'Second' })
  await admin('/sandbox/v1/orgs', 'POST', { name: 'Admin org' })
  await dev.call(org)
  await dev.call(org, 'PATCH', { name: '' })
  await dev.call(org, 'PATCH', { name: 'Public Library (HK)' })
  const invited = (await (
    await dev.call(`${org}/members`, 'POST', { email: 'creator@library.example' })
  ).json()) as Json
  await dev.call(`${org}/members`)
  await dev.call(`${org}/members/${invited.id}`, 'PATCH', { role: 'approver' })
  await dev.call(`${org}/members/${invited.id}`, 'DELETE')
  await dev.call(`${org}/members`, 'POST', { email: 'creator@library.example', role: 'creator' })
  const creator = await signUp(h, 'creator@library.example')

  const app = (await (
    await dev.call('/sandbox/v1/apps', 'POST', { name: 'Library e-Service' })
  ).json()) as Json
  const a = `/sandbox/v1/apps/${app.clientID}`
  await dev.call('/sandbox/v1/apps', 'POST', { name: '' })
  await dev.call('/sandbox/v1/apps')
  await dev.call(a)
  await dev.call(`/sandbox/v1/apps/${'0'.repeat(32)}`)
  await dev.call(a, 'PATCH', { strict: true })
  await dev.call(`${a}/secret`, 'POST')
  await dev.call(`${a}/keys/A`, 'PUT', { publicKey: kek(0).publicPem })
  await dev.call(`${a}/keys/B`, 'PUT', { publicKey: kek(1).publicPem })
  await dev.call(`${a}/active-key`, 'PUT', { slot: 'B' })
  // Try it: a success, a business error (a transcript too), bad input, another app, not JSON.
  await dev.call(`${a}/try`, 'POST', { operation: 'getKey' })
  await dev.call(`${a}/try`, 'POST', {
    operation: 'getToken',
    body: { code: '0'.repeat(32), grantType: 'authorization_code' },
  })
  await dev.call(`${a}/try`, 'POST', { operation: 'fetchEverything' })
  await dev.call(`${a}/try`, 'POST', { operation: 'getToken', body: [] })
  await dev.call(`/sandbox/v1/apps/${'0'.repeat(32)}/try`, 'POST', { operation: 'getKey' })
  await dev.call(`${a}/try`, 'POST', 'getKey', { 'Content-Type': 'text/plain' })
  await dev.call(`${a}/keys/A`, 'DELETE')
  await dev.call(`${a}/keys/B`, 'DELETE')
  await dev.call(`${a}/redirect-uris`, 'PUT', { redirectURIs: ['https://library.example/cb#x'] })
  await dev.call(`${a}/redirect-uris`, 'PUT', { redirectURIs: ['https://library.example/iam/return'] })
  await dev.call(`${a}/scopes`, 'PUT', { scopes: ['eidapi_profiles'] })
  await dev.call(`${a}/scopes`, 'PUT', 'text', { 'Content-Type': 'text/plain' })
  const p1 = (await (await creator.call(a, 'PATCH', { name: 'Proposed' })).json()) as Json
  const p2 = (await (await creator.call(`${a}/scopes`, 'PUT', { scopes: ['eidapi_sign'] })).json()) as Json
  await creator.call(`${a}/changes/${p1.change.id}/approve`, 'POST')
  await dev.call(`${a}/changes?status=pending`)
  await dev.call(`${a}/changes/${p1.change.id}`)
  await dev.call(`${a}/changes/${p1.change.id}/approve`, 'POST')
  await dev.call(`${a}/changes/${p1.change.id}/approve`, 'POST')
  await dev.call(`${a}/changes/${p2.change.id}/reject`, 'POST', { reason: 'Not enrolled for signing.' })
  await dev.call(`${a}/changes`)

  await dev.call('/sandbox/v1/residents?q=siu&limit=5')
  await dev.call('/sandbox/v1/residents?limit=0')
  const resident = (await (
    await dev.call('/sandbox/v1/residents', 'POST', {
      tier: 'iAM Smart',
      profile: {
        idNo: { Identification: 'QA123456', CheckDigit: '5' },
        enName: { UnstructuredName: 'CHAN, Tai Man' },
        birthDate: '19850315',
        gender: 'M',
      },
      eme: { mobileNumber: { CountryCode: '852', SubscriberNumber: '91234567' } },
    })
  ).json()) as Json
  await dev.call('/sandbox/v1/residents', 'POST', { tier: 'gold' })
  await dev.call(`/sandbox/v1/residents/${resident.id}`)
  await dev.call(`/sandbox/v1/residents/${resident.id}`, 'PATCH', { tags: ['mine'] })
  await dev.call('/sandbox/v1/residents/magic-approve', 'PATCH', { tags: ['mine'] })
  await admin('/sandbox/v1/residents/magic-approve', 'PATCH', { tags: ['edited'] })
  await admin('/sandbox/v1/residents/magic-approve/reset', 'POST')
  await dev.call(`/sandbox/v1/residents/${resident.id}/reset`, 'POST')
  await dev.call('/sandbox/v1/residents/magic-approve/certificate')
  await admin('/sandbox/v1/residents/magic-approve/certificate/revoke', 'POST')
  await dev.call(`/sandbox/v1/residents/${resident.id}`, 'DELETE')
  await dev.call('/sandbox/v1/residents/reset', 'POST')

  await dev.call(`${a}/autopilot`, 'PUT', { residentId: 'magic-reject', decision: 'reject' })
  await dev.call(`${a}/autopilot`, 'PUT', null)
  await dev.call(`${a}/autopilot`, 'DELETE')
  const ticket = h.platform.services.tickets.create({
    kind: 'login',
    clientID: app.clientID,
    scopes: ['eidapi_auth'],
    authByQR: true,
    request: { scope: 'eidapi_auth', source: 'PC_Browser' },
  })
  await dev.call(`/sandbox/v1/tickets/${ticket.ticketID}/decision`, 'POST', { decision: 'approve' })
  await dev.call(`/sandbox/v1/tickets/${ticket.ticketID}/decision`, 'POST', { decision: 'approve' })

  await admin('/sandbox/v1/staff', 'POST', {
    email: 'agent@support.example',
    password: PASSWORD,
    role: 'agent',
  })
  await admin('/sandbox/v1/staff', 'GET')
  await dev.call('/sandbox/v1/staff')
  await dev.call('/sandbox/v1/session', 'DELETE')
  await dev.call('/sandbox/v1/session')
}
