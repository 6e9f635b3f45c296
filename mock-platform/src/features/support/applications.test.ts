// Programme and ITE applications: submitted, returned with a reason, resubmitted, approved; the organisation moves on.
import { describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'
import { signUp } from '../../../test/session.fixtures'
import { EC_CERTIFICATE, iteBody, programmeBody, rsaCertificate, staff } from './support.fixtures'

const YEAR = 365 * 86_400_000

describe('Sandbox Programme applications', () => {
  it('programme: submit → return with a reason → resubmit → approve; the organisation joins the sandbox', async () => {
    const h = await harness()
    const agent = await staff(h, 'agent@support.example', 'agent')
    const dev = await signUp(h, 'dev@alpha.example', { orgName: 'Alpha' })
    const programme = `/support/v1/organisations/${dev.orgId}/programme`
    expect(await dev.json(programme)).toMatchObject({
      organisation: { id: dev.orgId, name: 'Alpha', programmeStatus: 'applicant' },
      next: 'programme',
    })
    const wrongSector = await dev.call('/support/v1/applications', 'POST', programmeBody('gambling'))
    expect(wrongSector.status).toBe(422)
    expect((await wrongSector.json()).errors.sector).toMatch(/^must be one of financial, ict, telecom, /)
    const early = await dev.call('/support/v1/applications', 'POST', iteBody(h.clock.now()))
    expect(early.status).toBe(409)
    expect(await early.json()).toMatchObject({ title: 'Not at this stage', stage: 'applicant' })

    const a = await dev.json('/support/v1/applications', 'POST', programmeBody())
    expect(a).toMatchObject({ reference: 'APP-0001', type: 'programme', status: 'new', revision: 1 })
    expect((await dev.call('/support/v1/applications', 'POST', programmeBody())).status).toBe(409)

    const returned = await agent.json(`/support/v1/applications/${a.id}/return`, 'POST', {
      reasons: ['Describe which customers will log in, and how many.'],
    })
    expect(returned).toMatchObject({
      status: 'waiting_on_provider',
      decision: { outcome: 'returned', reasons: ['Describe which customers will log in, and how many.'] },
    })
    expect((await agent.call(`/support/v1/applications/${a.id}/approve`, 'POST')).status).toBe(409)
    const seen = await dev.json(`/support/v1/applications/${a.id}`)
    expect(seen.decision).toEqual({
      outcome: 'returned',
      at: '2026-11-22T02:00:00.000Z',
      by: { kind: 'staff', name: 'Sandbox support' },
      reasons: ['Describe which customers will log in, and how many.'],
    })

    const resubmitted = await dev.json(`/support/v1/applications/${a.id}`, 'PUT', {
      ...programmeBody(),
      useCase: 'About 20 000 retail customers open accounts online and log in with iAM Smart.',
    })
    expect(resubmitted).toMatchObject({ status: 'in_progress', revision: 2 })
    expect(resubmitted.decision).toBeUndefined()
    const approved = await agent.json(`/support/v1/applications/${a.id}/approve`, 'POST', {})
    expect(approved).toMatchObject({ status: 'resolved', decision: { outcome: 'approved', reasons: [] } })
    expect((await h.platform.services.orgs.get(dev.orgId!))!.programmeStatus).toBe('sandbox')
    expect(await dev.json(programme)).toMatchObject({
      organisation: { programmeStatus: 'sandbox' },
      next: 'ite',
      applications: [{ id: a.id, reference: 'APP-0001', type: 'programme', status: 'resolved', revision: 2 }],
    })
    const mail = (await agent.json('/support/v1/mail?kind=application.decision')).items
    expect(mail.map((m: { subject: string; to: string[] }) => [m.subject, m.to])).toEqual([
      ['[APP-0001] Approved: Sandbox Programme application', ['dev@alpha.example']],
      ['[APP-0001] Returned: Sandbox Programme application', ['dev@alpha.example']],
    ])
    expect(mail[1].text).toContain('- Describe which customers will log in, and how many.')
  })

  it('ITE: the encipherment certificate must be X.509 with an RSA key; approval makes the organisation ITE-ready', async () => {
    const h = await harness()
    const lead = await staff(h, 'lead@support.example', 'lead')
    const dev = await signUp(h, 'dev@alpha.example', { orgName: 'Alpha' })
    await h.platform.services.orgs.setProgrammeStatus(
      (await h.platform.services.orgs.get(dev.orgId!))!,
      'sandbox',
    )
    const now = h.clock.now()
    const refused = async (overrides: Record<string, unknown>) => {
      const res = await dev.call('/support/v1/applications', 'POST', iteBody(now, overrides))
      expect(res.status).toBe(422)
      return (await res.json()).errors
    }
    expect(await refused({ enciphermentCertificate: 'hello' })).toEqual({
      enciphermentCertificate:
        'the encipherment certificate must be one PEM certificate (-----BEGIN CERTIFICATE-----)',
    })
    expect(
      await refused({
        enciphermentCertificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
      }),
    ).toEqual({ enciphermentCertificate: 'the encipherment certificate is not a parsable X.509 certificate' })
    expect(await refused({ enciphermentCertificate: EC_CERTIFICATE })).toEqual({
      enciphermentCertificate: 'the encipherment certificate has a ec key; an RSA key is required',
    })
    const small = rsaCertificate({ cn: 'small', bits: 1024, from: now - YEAR, to: now + YEAR })
    expect(await refused({ enciphermentCertificate: small })).toEqual({
      enciphermentCertificate: 'the encipherment certificate has a 1024-bit RSA key; at least 2048 bits',
    })
    const expired = rsaCertificate({ cn: 'old', from: now - 2 * YEAR, to: Date.UTC(2026, 0, 1) })
    expect(await refused({ enciphermentCertificate: expired })).toEqual({
      enciphermentCertificate: 'the encipherment certificate expired on 2026-01-01T00:00:00.000Z',
    })
    const otherHost = rsaCertificate({ cn: 'www.other.example', from: now - YEAR, to: now + YEAR })
    expect(
      await refused({ domain: '10.0.0.1', tls: { minVersion: 'TLSv1.0' }, clientID: 'f'.repeat(32) }),
    ).toEqual({
      domain: 'must be a domain name such as eservice.example.hk',
      'tls.minVersion': 'must be TLSv1.2 or TLSv1.3 (production-grade TLS)',
      clientID: 'must be an app of your organisation',
    })
    expect(await refused({ tls: { minVersion: 'TLSv1.3', certificate: otherHost } })).toEqual({
      'tls.certificate': 'the TLS certificate does not name eservice.alpha.example',
    })

    const a = await dev.json('/support/v1/applications', 'POST', iteBody(now))
    expect(a.content.enciphermentCertificateSummary).toMatchObject({
      subject: 'CN=Alpha Bank encipherment',
      keyType: 'rsa',
      keyBits: 2048,
    })
    expect(a.content.tls.certificateSummary.subject).toBe('CN=eservice.alpha.example')
    await lead.json(`/support/v1/applications/${a.id}/approve`, 'POST', { reasons: ['Welcome to the ITE.'] })
    expect((await h.platform.services.orgs.get(dev.orgId!))!.programmeStatus).toBe('ite-ready')
    expect((await dev.json(`/support/v1/organisations/${dev.orgId}/programme`)).next).toBeNull()
  })
})
