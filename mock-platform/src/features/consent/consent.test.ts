// The consent ledger: every release recorded (who, app, fields, purpose, when), durable, revocable in the app.
import { appendFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type Harness, harness, OSP } from '../../../test/harness'
import { defaultConfig } from '../../config'
import { lowdbStorage } from '../../store/lowdb'
import { recordLogs } from '../../store/records'
import {
  appBrowser,
  decide,
  getStatus,
  initiate as initiateExchange,
} from '../departments/data-exchange.fixtures'

async function task(h: Harness, path: string, extra: Record<string, unknown>, businessID: string) {
  const t = await h.token()
  const env = await h.client.call<{ ticketID: string }>(path, {
    businessID,
    accessToken: t.accessToken,
    openID: t.openID,
    source: 'PC_Browser',
    redirectURI: OSP.callbackURI,
    state: 'ledger',
    ...extra,
  })
  expect(env.code).toBe('D00000')
  return env.content!.ticketID
}

const ledger = async (h: Harness) => {
  return h.platform.services.consents.ofResident('magic-approve')
}

describe('consent ledger', () => {
  it('records profile and e-ME releases: resident, app, the fields actually released, purpose, time', async () => {
    const h = await harness()
    const profile = await task(
      h,
      '/account/auth/profile/initiateRequest',
      { profileFields: ['enName', 'birthDate'] },
      'p-1',
    )
    await decide(h, profile)
    h.clock.advance(1_000)
    const eme = await task(
      h,
      '/account/eme/initiateRequest',
      {
        eMEFields: ['emailAddress', 'mobileNumber'],
        formName: 'Library card',
        formNum: 'LIB-1',
        formDesc: 'Apply for a card',
      },
      'e-1',
    )
    await appBrowser(h).approve(eme, ['emailAddress'])
    const [e, p] = await ledger(h)
    const base = { residentId: 'magic-approve', clientID: h.clientID, appName: 'Test e-Service' }
    expect(p).toMatchObject({ ...base, kind: 'profile', items: ['enName', 'birthDate'], businessID: 'p-1' })
    expect(p!.purpose).toBeUndefined()
    expect(p!.validUntil).toBe(p!.validFrom)
    expect(e).toMatchObject({
      ...base,
      kind: 'eme',
      items: ['emailAddress'],
      purpose: 'Library card (LIB-1) — Apply for a card',
      businessID: 'e-1',
      validFrom: h.clock.now(),
      validUntil: h.clock.now(),
    })
    expect((await h.platform.services.consents.history(e!)).map((x) => [x.type, x.items])).toEqual([
      ['granted', ['emailAddress']],
    ])
    // One-off: its validity ended with the release; the provider can still ask about it by businessID.
    expect((await getStatus(h, { businessID: 'e-1' })).content).toMatchObject({
      status: 'expired',
      fields: ['emailAddress'],
    })
  })

  it('records step-up, signing (as "signature") and direct reads; refusals record nothing', async () => {
    const h = await harness()
    await decide(h, await task(h, '/account/stepup/initiateRequest', {}, 's-1'))
    const hashCode = 'beaddc8e891c13374e33aeb76c0a737446fb85ab567c37be66085e53355409e3'
    await decide(
      h,
      await task(h, '/account/signing/initiateRequest', { hashCode, documentName: 'Lease' }, 'g-1'),
    )
    await decide(
      h,
      await task(h, '/account/auth/profile/initiateRequest', { profileFields: ['idNo'] }, 'p-2'),
      'reject',
    )
    const t = await h.token()
    await h.client.call('/profiles', {
      accessToken: t.accessToken,
      openID: t.openID,
      profileFields: ['gender'],
    })
    const rows = (await ledger(h)).map((c) => [c.kind, c.items, c.purpose])
    expect(rows).toEqual(
      expect.arrayContaining([
        ['stepup', ['isPassed'], undefined],
        ['signing', ['signature'], 'Lease'],
        ['getProfiles', ['gender'], undefined],
      ]),
    )
    expect(rows).toHaveLength(3)
  })

  it('the resident lists consents in the app and revokes one; getStatus reflects it at once', async () => {
    const h = await harness()
    await decide(
      h,
      await task(h, '/account/auth/profile/initiateRequest', { profileFields: ['enName'] }, 'p-3'),
    )
    const [c] = await ledger(h)
    const home = await (await appBrowser(h).get('/app?lang=zh-HK')).text()
    expect(home).toContain('我的授權')
    expect(home).toContain(`data-testid="consent-status-${c!.id}">已過期<`)
    const res = await appBrowser(h).revoke(c!.id)
    expect(res.status).toBe(303)
    const status = await getStatus(h, { consentRef: c!.id })
    expect(status.content).toMatchObject({ status: 'revoked', revokedAt: h.clock.now() })
    const page = await (await appBrowser(h).get(`/app/consents/${c!.id}`)).text()
    expect(page).toContain('data-testid="revoked-notice"')
    expect(page).not.toContain(`data-testid="revoke-${c!.id}"`)
    expect((await h.platform.services.consents.history(c!)).map((e) => e.type)).toEqual([
      'granted',
      'revoked',
    ])
  })

  it('revoking is CSRF-protected and limited to the consent owner', async () => {
    const h = await harness()
    const ticketID = (await initiateExchange(h)).env.content!.ticketID
    const ref = (await decide(h, ticketID)).content.consentRef as string
    const foreign = await appBrowser(h).revoke(ref, { Origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
    const otherResident = await appBrowser(h, 'magic-reject').revoke(ref)
    expect(otherResident.status).toBe(404)
    expect((await appBrowser(h, 'magic-reject').get(`/app/consents/${ref}`)).status).toBe(404)
    expect(h.platform.services.consents.status((await h.platform.services.consents.get(ref))!)).toBe('active')
  })

  it('after an abrupt stop the ledger cuts an incomplete last line and says so in itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-'))
    const deps = () => ({
      storage: lowdbStorage(dir),
      records: recordLogs({ ...defaultConfig, dataDir: dir }),
    })
    const h = await harness({ deps: deps() })
    const t = await h.token()
    await h.client.call('/profiles', { ...t, profileFields: ['enName'] })
    await h.platform.close()
    // A write cut short by kill -9: half a line at the end of the app's newest segment.
    const part = join(dir, 'records', 'consents', h.clientID)
    const segment = join(part, readdirSync(part).sort().at(-1)!)
    appendFileSync(segment, '{"id":"cut-short","type":"gran')
    const again = await harness({ deps: deps() })
    const consents = again.platform.services.consents
    expect(consents.recovered).toEqual([
      `30 bytes of an incomplete ledger line cut from ${segment} after an abrupt stop`,
    ])
    expect(readFileSync(segment, 'utf8').endsWith('\n')).toBe(true)
    // The release made before the stop is still there, and the ledger holds a line about the cut.
    expect((await consents.ofResident('magic-approve')).map((c) => c.kind)).toEqual(['getProfiles'])
    const notes = readFileSync(join(dir, 'records', 'consents', '_ledger', '0000000001.jsonl'), 'utf8')
    expect(JSON.parse(notes.trim())).toMatchObject({ type: 'recovered', detail: consents.recovered[0] })
  })

  it('is durable: consents and their history survive a restart on the same data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'consents-'))
    const deps = () => ({
      storage: lowdbStorage(dir),
      records: recordLogs({ ...defaultConfig, dataDir: dir }),
    })
    const h = await harness({ deps: deps() })
    const ref = (await decide(h, (await initiateExchange(h)).env.content!.ticketID)).content
      .consentRef as string
    await appBrowser(h).revoke(ref)
    await h.platform.close()
    expect(JSON.parse(readFileSync(join(dir, 'consents.json'), 'utf8')).items).toHaveLength(1)
    const again = await harness({ deps: deps() })
    const c = (await again.platform.services.consents.get(ref))!
    expect(c).toMatchObject({ kind: 'dataexchange', revokedAt: expect.any(Number) })
    expect((await again.platform.services.consents.history(c)).map((e) => e.type)).toEqual([
      'granted',
      'revoked',
    ])
  })
})
