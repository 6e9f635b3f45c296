// Response targets with the injected clock: due dates in business hours, breach flags, the pause while waiting, leads' changes.
import { describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'
import { signIn } from '../../../test/session.fixtures'
import { provider, staff } from './support.fixtures'

const at = (local: string) => Date.parse(`${local}+08:00`)
const utc = (local: string) => new Date(at(local)).toISOString()

async function setup() {
  const h = await harness()
  h.clock.set(at('2026-11-20T17:00:00')) // a Friday, 17:00 HKT
  const agent = await staff(h, 'agent@support.example', 'agent')
  const lead = await staff(h, 'lead@support.example', 'lead')
  const p = await provider(h, 'dev@alpha.example', 'Alpha')
  const e = await p.dev.json('/support/v1/enquiries', 'POST', {
    subject: 'Login fails',
    description: 'The QR code login never completes.',
    severity: 'high',
  })
  // Sessions end after 30 idle minutes: every read after a clock move signs in again.
  const row = async (query = '') =>
    (await (await signIn(h, agent.email)).json(`/support/v1/queue${query}`)).items
  return { h, agent, lead, p, e, row }
}

describe('response targets and breach flags', () => {
  it('counts business hours, flags due-soon and breaches as the clock moves, pauses while waiting on the provider', async () => {
    const { h, agent, p, e, row } = await setup()
    expect((await row())[0].targets).toEqual({
      firstResponseDue: utc('2026-11-23T12:00:00'),
      resolutionDue: utc('2026-11-24T17:00:00'),
      nextDue: utc('2026-11-23T12:00:00'),
      breach: { firstResponse: false, resolution: false },
      dueSoon: false,
      paused: false,
    })
    h.clock.set(at('2026-11-23T11:30:00'))
    expect((await row('?breach=due_soon')).map((r: { id: string }) => r.id)).toEqual([e.id])
    expect(await row('?breach=any')).toEqual([])

    h.clock.set(at('2026-11-23T12:01:00'))
    expect((await row('?breach=first_response')).map((r: { id: string }) => r.id)).toEqual([e.id])
    const agentNow = await signIn(h, agent.email)
    expect((await agentNow.json('/support/v1/dashboard')).breaches).toEqual({
      firstResponse: 1,
      resolution: 0,
      dueSoon: 0,
    })

    // Answered late (the flag stays), then waiting on the provider: the resolution clock stops.
    await agentNow.json(`/support/v1/enquiries/${e.id}/replies`, 'POST', {
      body: 'Which browser?',
      status: 'waiting_on_provider',
    })
    h.clock.set(at('2026-11-25T10:00:00'))
    expect((await row())[0].targets).toMatchObject({
      breach: { firstResponse: true, resolution: false },
      paused: true,
      dueSoon: false,
    })
    expect(await row('?breach=resolution')).toEqual([])

    // The provider answers: waiting from Mon 12:01 to Wed 10:00 (15 h 59 min of business time) moves the due date.
    await (
      await signIn(h, p.dev.email)
    ).json(`/support/v1/enquiries/${e.id}/replies`, 'POST', { body: 'Chrome 130.' })
    expect((await row())[0].targets).toMatchObject({
      resolutionDue: utc('2026-11-26T14:59:00'),
      nextDue: utc('2026-11-26T14:59:00'),
      breach: { firstResponse: true, resolution: false },
      paused: false,
    })
    h.clock.set(at('2026-11-26T15:00:00'))
    expect((await row('?breach=resolution')).map((r: { id: string }) => r.id)).toEqual([e.id])
    expect(await row('?breach=none')).toEqual([])
  })

  it('only leads change targets and holidays; due dates follow at once', async () => {
    const { agent, lead, row } = await setup()
    const refused = await agent.call('/support/v1/targets', 'PUT', {
      hours: { high: { firstResponse: 2, resolution: 9 } },
    })
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({ title: 'Lead role required' })

    const bad = await lead.call('/support/v1/targets', 'PUT', {
      hours: { high: { firstResponse: 10, resolution: 2 }, critical: { firstResponse: 1, resolution: 1 } },
      holidays: ['2026-13-01'],
    })
    expect(bad.status).toBe(422)
    expect((await bad.json()).errors).toEqual({
      'hours.high': 'must be {firstResponse, resolution}: hours 1–2000, resolution ≥ first response',
      'hours.critical': 'must be {firstResponse, resolution}: hours 1–2000, resolution ≥ first response',
      holidays: 'must be a list of YYYY-MM-DD dates (at most 400)',
    })

    const changed = await lead.json('/support/v1/targets', 'PUT', {
      hours: { high: { firstResponse: 2, resolution: 9 } },
      holidays: ['2026-11-23'],
    })
    expect(changed.hours.high).toEqual({ firstResponse: 2, resolution: 9 })
    expect(changed.hours.normal).toEqual({ firstResponse: 9, resolution: 45 })
    expect(changed.holidays).toEqual(['2026-11-23'])
    expect(changed.updatedBy).toMatchObject({ kind: 'staff', email: 'lead@support.example' })
    // Fri 17:00 + 2 h, Monday 23 November now a holiday → Tuesday 10:00.
    expect((await row())[0].targets.firstResponseDue).toBe(utc('2026-11-24T10:00:00'))
    expect((await agent.json('/support/v1/targets')).hours.high).toEqual({ firstResponse: 2, resolution: 9 })
  })

  it('reads targets from the configuration (SUPPORT_TARGETS, SUPPORT_HOLIDAYS)', async () => {
    const h = await harness({
      config: {
        supportTargets: { high: { firstResponse: 1, resolution: 2 } },
        supportHolidays: ['2026-12-01'],
      },
    })
    const lead = await staff(h, 'lead@support.example', 'lead')
    const t = await lead.json('/support/v1/targets')
    expect(t.hours).toEqual({
      urgent: { firstResponse: 1, resolution: 9 },
      high: { firstResponse: 1, resolution: 2 },
      normal: { firstResponse: 9, resolution: 45 },
      low: { firstResponse: 18, resolution: 90 },
    })
    expect(t.holidays).toEqual(['2026-12-01'])
    expect(t.businessHours).toEqual({
      timeZone: 'Asia/Hong_Kong',
      days: 'Mon–Fri',
      open: '09:00',
      close: '18:00',
    })
  })
})
