// Self-service apps: registration in an organisation (at most APPS_PER_ORG), secret rotation, KEK A/B upload and
// rotation, redirect URIs, scopes, mode.
import type { KeyObject } from 'node:crypto'
import forge from 'node-forge'
import { describe, expect, it } from 'vitest'
import { type Harness, harness, kek } from '../../../test/harness'
import { ReferenceClient } from '../../../test/reference-client'
import { memoryStorage } from '../../store/memory'
import { documentsOf } from '../../store/documents'
import { type Browser, signUp } from '../../../test/session.fixtures'
import type { RegisteredApp } from './app.types'
import { AppsService } from './apps.service'

const spki = (i: number) => kek(i).publicKey.export({ type: 'spki', format: 'der' }).toString('base64')

function platformClient(
  h: Harness,
  clientID: string,
  clientSecret: string,
  privateKey: KeyObject = kek(0).privateKey,
) {
  return new ReferenceClient({
    baseUrl: '/api/v1',
    clientID,
    clientSecret,
    privateKey,
    fetch: (url, init) => h.request(url, init),
    now: () => h.clock.now(),
  })
}

async function newApp(dev: Browser, body: Record<string, unknown> = {}) {
  const res = await dev.call('/sandbox/v1/apps', 'POST', { name: 'Library e-Service', ...body })
  expect(res.status).toBe(201)
  return (await res.json()) as { clientID: string; clientSecret: string; [k: string]: unknown }
}

/** An X.509 certificate over kek(i), as an OSP's encipherment certificate would be. */
function certificatePem(i: number): string {
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(kek(i).publicPem)
  cert.serialNumber = '01'
  cert.validity.notBefore = new Date('2026-01-01T00:00:00Z')
  cert.validity.notAfter = new Date('2028-01-01T00:00:00Z')
  cert.setSubject([{ name: 'commonName', value: 'OSP encipherment' }])
  cert.setIssuer([{ name: 'commonName', value: 'OSP encipherment' }])
  const pkcs8 = kek(i).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  cert.sign(forge.pki.privateKeyFromPem(pkcs8), forge.md.sha256.create())
  return forge.pki.certificateToPem(cert)
}

describe('registering an app', () => {
  it('creates an app in the caller’s organisation with just a name; the secret is shown once', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@example.com')
    const app = await newApp(dev)
    expect(app).toMatchObject({
      orgId: dev.orgId,
      redirectURIs: [],
      scopes: ['eidapi_auth'],
      kekPublicKeys: {},
    })
    expect(app.clientSecret).toMatch(/^[0-9a-f]{48}$/)
    const read = await dev.json(`/sandbox/v1/apps/${app.clientID}`)
    expect(read.clientSecret).toBeUndefined()
    expect((await dev.json('/sandbox/v1/apps')).items.map((a: { clientID: string }) => a.clientID)).toEqual([
      app.clientID,
    ])
    const history = await dev.json(`/sandbox/v1/apps/${app.clientID}/changes`)
    expect(history.items).toMatchObject([
      { action: 'create', status: 'applied', proposedBy: { email: 'dev@example.com' } },
    ])
    // Without a KEK getKey answers D30001, as the platform does.
    expect((await platformClient(h, app.clientID, app.clientSecret).getKey()).code).toBe('D30001')
  })

  it('lets the admin token register into the built-in sandbox organisation, choosing credentials; members cannot', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@example.com')
    const admin = await h.admin('/sandbox/v1/apps', 'POST', { name: 'Admin app', clientID: 'a'.repeat(32) })
    expect(await admin.json()).toMatchObject({ clientID: 'a'.repeat(32), orgId: 'sandbox' })
    const member = await dev.call('/sandbox/v1/apps', 'POST', {
      name: 'x',
      clientSecret: 'chosen-secret-0123',
    })
    expect(member.status).toBe(422)
    expect(((await member.json()) as { errors: object }).errors).toEqual({
      clientSecret: 'is set by the sandbox',
    })
  })
})

describe('client secret rotation', () => {
  it('shows a new secret once; the old one answers D20006 on the platform API at once', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@example.com')
    const app = await newApp(dev, { kekPublicKeys: { A: kek(0).publicPem } })
    expect((await platformClient(h, app.clientID, app.clientSecret).getKey()).code).toBe('D00000')
    const rotated = await dev.call(`/sandbox/v1/apps/${app.clientID}/secret`, 'POST')
    expect(rotated.status).toBe(200)
    expect(rotated.headers.get('cache-control')).toBe('no-store')
    const { clientSecret } = (await rotated.json()) as { clientSecret: string }
    expect(clientSecret).toMatch(/^[0-9a-f]{48}$/)
    expect(clientSecret).not.toBe(app.clientSecret)
    expect((await platformClient(h, app.clientID, app.clientSecret).getKey()).code).toBe('D20006')
    expect((await platformClient(h, app.clientID, clientSecret).getKey()).code).toBe('D00000')
    const history = await dev.json(`/sandbox/v1/apps/${app.clientID}/changes`)
    expect(history.items[0]).toMatchObject({ action: 'rotateSecret', status: 'applied' })
    expect(JSON.stringify(history)).not.toContain(clientSecret)
  })

  it('with overlapSeconds the old secret keeps working until the overlap ends, then answers D20006', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@example.com')
    const app = await newApp(dev, { kekPublicKeys: { A: kek(0).publicPem } })
    const bad = await dev.call(`/sandbox/v1/apps/${app.clientID}/secret`, 'POST', { overlapSeconds: -1 })
    expect(bad.status).toBe(422)
    const rotated = await dev.call(`/sandbox/v1/apps/${app.clientID}/secret`, 'POST', {
      overlapSeconds: 3600,
    })
    expect(rotated.status).toBe(200)
    const body = (await rotated.json()) as { clientSecret: string; previousSecretValidUntil: number }
    expect(body.previousSecretValidUntil).toBe(h.clock.now() + 3_600_000)
    expect((await platformClient(h, app.clientID, app.clientSecret).getKey()).code).toBe('D00000')
    expect((await platformClient(h, app.clientID, body.clientSecret).getKey()).code).toBe('D00000')
    h.clock.advance(3_600_000)
    expect((await platformClient(h, app.clientID, app.clientSecret).getKey()).code).toBe('D20006')
    expect((await platformClient(h, app.clientID, body.clientSecret).getKey()).code).toBe('D00000')
  })
})

describe('KEKs A and B', () => {
  it('uploads key A as a PEM key and key B as a certificate, and rotates: getKey’s pubKey follows', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@example.com')
    const app = await newApp(dev)
    const a = await dev.call(`/sandbox/v1/apps/${app.clientID}/keys/A`, 'PUT', {
      publicKey: kek(0).publicPem,
    })
    expect(a.status).toBe(200)
    const b = await dev.call(`/sandbox/v1/apps/${app.clientID}/keys/B`, 'PUT', {
      publicKey: certificatePem(1),
    })
    expect(b.status).toBe(200)
    expect(((await b.json()) as { app: object }).app).toMatchObject({
      kekPublicKeys: { A: spki(0), B: spki(1) },
      activeKek: 'A',
    })
    const withA = await platformClient(h, app.clientID, app.clientSecret, kek(0).privateKey).getKey()
    expect(withA.content!.pubKey).toBe(spki(0))
    const rotate = await dev.call(`/sandbox/v1/apps/${app.clientID}/active-key`, 'PUT', { slot: 'B' })
    expect(rotate.status).toBe(200)
    // The new CEK is wrapped with key B: a client holding B's private key unwraps it.
    const withB = await platformClient(h, app.clientID, app.clientSecret, kek(1).privateKey).getKey()
    expect(withB.code).toBe('D00000')
    expect(withB.content!.pubKey).toBe(spki(1))
    // Key A can go now it is not active; the active key cannot.
    expect((await dev.call(`/sandbox/v1/apps/${app.clientID}/keys/A`, 'DELETE')).status).toBe(200)
    const removeActive = await dev.call(`/sandbox/v1/apps/${app.clientID}/keys/B`, 'DELETE')
    expect(removeActive.status).toBe(200) // the only key left may go: getKey then answers D30001
    expect((await platformClient(h, app.clientID, app.clientSecret).getKey()).code).toBe('D30001')
  })

  it('refuses a bad key, an unknown slot and activating an empty slot, naming the field', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@example.com')
    const app = await newApp(dev, { kekPublicKeys: { A: kek(0).publicPem, B: kek(1).publicPem } })
    const bad = await dev.call(`/sandbox/v1/apps/${app.clientID}/keys/B`, 'PUT', { publicKey: 'not a key' })
    expect(bad.status).toBe(422)
    expect(((await bad.json()) as { errors: object }).errors).toEqual({
      publicKey: 'must be an RSA public key (PEM, certificate or Base64 SPKI)',
    })
    expect(
      (await dev.call(`/sandbox/v1/apps/${app.clientID}/keys/C`, 'PUT', { publicKey: kek(0).publicPem }))
        .status,
    ).toBe(404)
    const active = await dev.call(`/sandbox/v1/apps/${app.clientID}/keys/A`, 'DELETE')
    expect(((await active.json()) as { errors: object }).errors).toEqual({
      slot: 'is the active key: activate the other key before removing it',
    })
    await dev.json(`/sandbox/v1/apps/${app.clientID}/keys/B`, 'DELETE')
    const empty = await dev.call(`/sandbox/v1/apps/${app.clientID}/active-key`, 'PUT', { slot: 'B' })
    expect(((await empty.json()) as { errors: object }).errors).toEqual({ slot: 'key B is not registered' })
  })
})

describe('redirect URIs, scopes and mode', () => {
  it('registers an exact allow-list and names the bad field and item', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@example.com')
    const app = await newApp(dev)
    const bad = await dev.call(`/sandbox/v1/apps/${app.clientID}/redirect-uris`, 'PUT', {
      redirectURIs: ['https://osp.example/cb', 'https://osp.example/cb#frag'],
    })
    expect(bad.status).toBe(422)
    expect(((await bad.json()) as { errors: object }).errors).toEqual({
      redirectURIs: 'item 1 "https://osp.example/cb#frag": must not contain a fragment',
    })
    const relative = await dev.call(`/sandbox/v1/apps/${app.clientID}/redirect-uris`, 'PUT', {
      redirectURIs: ['/cb'],
    })
    expect(((await relative.json()) as { errors: object }).errors).toEqual({
      redirectURIs: 'item 0 "/cb": must be an absolute URL',
    })
    const ok = await dev.json(`/sandbox/v1/apps/${app.clientID}/redirect-uris`, 'PUT', {
      redirectURIs: ['https://osp.example/cb', 'myosp://callback'],
    })
    expect(ok.app.redirectURIs).toEqual(['https://osp.example/cb', 'myosp://callback'])
  })

  it('grants scopes (eidapi_auth always) and switches strict mode', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@example.com')
    const app = await newApp(dev)
    const scopes = await dev.json(`/sandbox/v1/apps/${app.clientID}/scopes`, 'PUT', {
      scopes: ['eidapi_sign'],
    })
    expect(scopes.app.scopes).toEqual(['eidapi_auth', 'eidapi_sign'])
    const bad = await dev.call(`/sandbox/v1/apps/${app.clientID}/scopes`, 'PUT', { scopes: ['eidapi_all'] })
    expect(((await bad.json()) as { errors: { scopes: string } }).errors.scopes).toMatch(
      /^item 0 "eidapi_all": must be one of eidapi_auth, /,
    )
    const strict = await dev.json(`/sandbox/v1/apps/${app.clientID}`, 'PATCH', {
      strict: true,
      name: 'Renamed',
    })
    expect(strict.app).toMatchObject({ strict: true, name: 'Renamed' })
    const unknown = await dev.call(`/sandbox/v1/apps/${app.clientID}`, 'PATCH', {
      clientSecret: 'x',
      strict: 'yes',
    })
    expect(((await unknown.json()) as { errors: object }).errors).toEqual({
      clientSecret: 'is not a field of this request',
      strict: 'must be true or false',
    })
  })
})

describe('apps per organisation (APPS_PER_ORG)', () => {
  it('a member’s organisation registers at most appsPerOrg apps; beyond, 409 problem+json saying the limit, the count and the fix', async () => {
    const h = await harness({ config: { appsPerOrg: 2 } })
    const dev = await signUp(h, 'dev@example.com')
    await newApp(dev, { name: 'One' })
    await newApp(dev, { name: 'Two' })
    const refused = await dev.call('/sandbox/v1/apps', 'POST', { name: 'Three' })
    expect(refused.status).toBe(409)
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const problem = (await refused.json()) as Record<string, unknown>
    expect(problem).toMatchObject({ status: 409, title: 'App limit reached', limit: 2, count: 2 })
    expect(problem.detail).toContain(`Organisation "${dev.orgId}" has 2 apps`)
    expect(problem.detail).toContain('(2)')
    expect(problem.detail).toContain('APPS_PER_ORG')
    expect(problem.detail).toContain('PATCH /sandbox/v1/apps/{clientID}')
    // Nothing was stored, and the organisation still lists its two apps.
    expect((await dev.json('/sandbox/v1/apps')).items).toHaveLength(2)
    expect(await h.platform.services.apps.countInOrg(dev.orgId!)).toBe(2)
    // A bad body is still named first (422), not hidden behind the limit.
    expect((await dev.call('/sandbox/v1/apps', 'POST', { name: '' })).status).toBe(422)

    // Another organisation has its own allowance.
    const other = await signUp(h, 'other@example.com')
    await newApp(other, { name: 'Theirs' })
    await newApp(other, { name: 'Theirs too' })
    expect((await other.call('/sandbox/v1/apps', 'POST', { name: 'Theirs three' })).status).toBe(409)

    // The admin token (the operator) is not limited, in any organisation; the member still is.
    const byAdmin = await h.admin('/sandbox/v1/apps', 'POST', { name: 'Operator app', orgId: dev.orgId })
    expect(byAdmin.status).toBe(201)
    for (let i = 0; i < 3; i++)
      expect((await h.admin('/sandbox/v1/apps', 'POST', { name: `Sandbox ${i}` })).status).toBe(201)
    const again = await dev.call('/sandbox/v1/apps', 'POST', { name: 'Four' })
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ limit: 2, count: 3 })
  })

  it('concurrent registrations cannot pass the limit together', async () => {
    const h = await harness({ config: { appsPerOrg: 3 } })
    const dev = await signUp(h, 'dev@example.com')
    const statuses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        dev.call('/sandbox/v1/apps', 'POST', { name: `App ${i}` }).then((r) => r.status),
      ),
    )
    expect(statuses.filter((s) => s === 201)).toHaveLength(3)
    expect(statuses.filter((s) => s === 409)).toHaveLength(5)
    expect(await h.platform.services.apps.listByOrg(dev.orgId!)).toHaveLength(3)
  })

  it('the count is rebuilt from the stored apps at start (apps stored before organisations count for the sandbox one)', async () => {
    const storage = memoryStorage()
    const first = await harness({ config: { appsPerOrg: 2 }, deps: { storage } })
    const dev = await signUp(first, 'dev@example.com')
    await newApp(dev, { name: 'One' })
    await newApp(dev, { name: 'Two' })
    const apps = await storage.collection<RegisteredApp>('apps')
    const legacy = { ...apps.list()[0]!, id: 'f'.repeat(32), clientID: 'f'.repeat(32) }
    delete legacy.orgId
    await apps.put(legacy)

    // At start the app without an organisation is given the sandbox one (compose/services.ts runs this).
    const service = new AppsService(documentsOf(apps), first.clock)
    expect(await service.backfillOrgs()).toBe(1)
    expect(await service.countInOrg(dev.orgId!)).toBe(2)
    expect((await service.listByOrg('sandbox')).map((a) => a.clientID)).toContain('f'.repeat(32))
    expect(await service.countInOrg('sandbox')).toBe((await service.listByOrg('sandbox')).length)
    await expect(service.create({ name: 'Three', orgId: dev.orgId }, 2)).rejects.toMatchObject({
      status: 409,
      extra: { limit: 2, count: 2 },
    })
    expect((await service.create({ name: 'Unlimited', orgId: dev.orgId })).orgId).toBe(dev.orgId)
    expect(await service.countInOrg(dev.orgId!)).toBe(3)
  })
})
