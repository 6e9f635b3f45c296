/** Sandbox API for scenarios (forced outcomes, CEK expiry) and the per-app test clock; every route authorised per app. */
import { Hono } from 'hono'
import { ProblemError } from '../../errors'
import type { Services } from '../../services'
import { assertConforms } from '../../http/contract-validator'
import { jsonBody } from './json-body'
import type { NewScenario } from './scenarios.types'

const NO_STORE = { 'Cache-Control': 'no-store' }

export function scenarioRoutes(s: Services): Hono {
  const r = new Hono()

  r.post('/apps/:clientID/scenarios', async (c) => {
    const { app } = await s.access.app(c, c.req.param('clientID'), 'write')
    const scenario = await s.scenarios.arm(app.clientID, await jsonBody<NewScenario>(c))
    return c.json(scenario, 201, NO_STORE)
  })

  r.get('/apps/:clientID/scenarios', async (c) => {
    const { app } = await s.access.app(c, c.req.param('clientID'), 'read')
    return c.json({ items: await s.scenarios.read(app.clientID) }, 200, NO_STORE)
  })

  r.delete('/apps/:clientID/scenarios', async (c) => {
    const { app } = await s.access.app(c, c.req.param('clientID'), 'write')
    await s.scenarios.remove(app.clientID)
    return c.body(null, 204)
  })

  r.post('/apps/:clientID/scenarios/expire-cek', async (c) => {
    const { app } = await s.access.app(c, c.req.param('clientID'), 'write')
    await s.keys.expire(app.clientID)
    const { current, previous } = await s.keys.inspect(app.clientID)
    const expired = [current, previous].filter((k) => k !== undefined).length
    const expiredAt = current?.expiresAt ?? s.clock.now()
    await s.scenarios.markCekExpired(app.clientID, expiredAt)
    return c.json({ clientID: app.clientID, expired, expiredAt }, 200, NO_STORE)
  })

  r.delete('/apps/:clientID/scenarios/:scenarioId', async (c) => {
    const { app } = await s.access.app(c, c.req.param('clientID'), 'write')
    if (!(await s.scenarios.remove(app.clientID, c.req.param('scenarioId'))))
      throw new ProblemError(
        404,
        'Scenario not found',
        'It may have been used up already (see GET …/scenarios).',
      )
    return c.body(null, 204)
  })

  r.get('/apps/:clientID/clock', async (c) => {
    const { app } = await s.access.app(c, c.req.param('clientID'), 'read')
    return c.json(await s.appClock.current(app.clientID), 200, NO_STORE)
  })

  r.post('/apps/:clientID/clock/advance', async (c) => {
    const { app } = await s.access.app(c, c.req.param('clientID'), 'write')
    const body = await jsonBody<{ ms: number }>(c)
    // A whole number of milliseconds, 1 to 30 days (MAX_ADVANCE_MS): the contract's (ClockAdvanceRequest).
    assertConforms('sandbox', 'advanceClock', body, 'Invalid ms')
    return c.json(await s.appClock.advance(app.clientID, body.ms), 200, NO_STORE)
  })

  r.delete('/apps/:clientID/clock', async (c) => {
    const { app } = await s.access.app(c, c.req.param('clientID'), 'write')
    return c.json(await s.appClock.reset(app.clientID), 200, NO_STORE)
  })

  return r
}
