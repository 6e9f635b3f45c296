// Dashboard figures against a clock moved forward: weekly volume by category, time to first response, backlog age.
import { describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'
import { signIn } from '../../../test/session.fixtures'
import { programmeBody, provider, staff } from './support.fixtures'

const at = (local: string) => Date.parse(`${local}+08:00`)

describe('dashboard', () => {
  it('aggregates three weeks of enquiries and an application', async () => {
    const h = await harness()
    h.clock.set(at('2026-11-02T10:00:00'))
    const agent = await staff(h, 'agent@support.example', 'agent')
    const p = await provider(h, 'dev@alpha.example', 'Alpha')
    // Sessions end after 30 idle minutes: each step signs in again at the moved clock.
    const as = (email: string) => signIn(h, email)
    const file = async (category: string) =>
      (await as(p.dev.email)).json('/support/v1/enquiries', 'POST', {
        subject: `About ${category}`,
        description: 'Help.',
        category,
      })
    const answer = async (id: string) =>
      (await as(agent.email)).json(`/support/v1/enquiries/${id}/replies`, 'POST', { body: 'Looking.' })

    const e1 = await file('login')
    const e2 = await file('keys')
    h.clock.set(at('2026-11-02T10:30:00'))
    await answer(e1.id) // 30 business minutes
    h.clock.set(at('2026-11-02T14:00:00'))
    await answer(e2.id) // 4 hours
    h.clock.set(at('2026-11-10T10:00:00'))
    const e3 = await file('keys')
    await (await as(p.dev.email)).json('/support/v1/applications', 'POST', programmeBody())
    h.clock.set(at('2026-11-11T10:00:00'))
    await answer(e3.id) // 9 hours
    h.clock.set(at('2026-11-15T10:00:00'))
    await file('signing')
    h.clock.set(at('2026-11-16T09:00:00'))
    await file('consent')
    h.clock.set(at('2026-11-16T10:00:00'))

    const viewer = await as(agent.email)
    const d = await viewer.json('/support/v1/dashboard?weeks=3')
    const zero = { login: 0, 'e-ME': 0, signing: 0, consent: 0, keys: 0, onboarding: 0, other: 0 }
    expect(d.generatedAt).toBe('2026-11-16T02:00:00.000Z')
    expect(d.volume).toEqual([
      { weekStart: '2026-11-02', byCategory: { ...zero, login: 1, keys: 1 }, applications: 0, total: 2 },
      { weekStart: '2026-11-09', byCategory: { ...zero, keys: 1, signing: 1 }, applications: 1, total: 3 },
      { weekStart: '2026-11-16', byCategory: { ...zero, consent: 1 }, applications: 0, total: 1 },
    ])
    expect(d.firstResponse).toEqual({
      count: 3,
      pending: 3,
      medianBusinessMinutes: 240,
      p90BusinessMinutes: 540,
      withinTarget: 3,
      distribution: [
        { label: '< 1 h', count: 1 },
        { label: '1–4 h', count: 0 },
        { label: '4–9 h', count: 1 },
        { label: '1–2 days', count: 1 },
        { label: '> 2 days', count: 0 },
      ],
    })
    expect(d.backlog).toEqual({
      open: 6,
      byStatus: { new: 3, triaged: 0, in_progress: 3, waiting_on_provider: 0 },
      byPriority: { low: 0, normal: 6, high: 0, urgent: 0 },
      age: [
        { label: '< 1 day', count: 1 },
        { label: '1–3 days', count: 1 },
        { label: '3–7 days', count: 2 },
        { label: '> 7 days', count: 2 },
      ],
    })
    // The application waits since Tuesday (first response due Wednesday 10:00); e1 and e2 were due resolved on 9 November.
    expect(d.breaches).toEqual({ firstResponse: 1, resolution: 2, dueSoon: 0 })

    const onlyApplications = await viewer.json('/support/v1/dashboard?weeks=1&kind=application')
    expect(onlyApplications.backlog.open).toBe(1)
    expect((await viewer.call('/support/v1/dashboard?weeks=60')).status).toBe(422)
    expect((await (await as(p.dev.email)).call('/support/v1/dashboard')).status).toBe(403)
  })
})
