/** The sandbox API's headless decisions (autopilot, one ticket); app.ts mounts it beside accounts, organisations, apps and residents. */
import { Hono } from 'hono'
import { ProblemError } from '../../errors'
import { assertConforms } from '../../http/contract-validator'
import type { Services } from '../../services'
import type { Decision } from '../tickets'
import { NO_STORE, jsonBody, objectBody } from '../../http/json-body'

/** Decide logins and tasks without a browser: an app's autopilot, or one ticket at a time. */
export function headlessRoutes(s: Services): Hono {
  const r = new Hono()

  r.put('/apps/:clientID/autopilot', async (c) => {
    const { principal, app } = await s.access.app(c, c.req.param('clientID'), 'write')
    const body = await jsonBody<{ residentId?: string; decision?: string; delayMs?: number } | null>(c)
    if (body === null) {
      s.autopilot.set(app.clientID, undefined)
      return c.body(null, 204)
    }
    // An object (or null, above) of a decision and a delay of 0–600000 ms: the contract's (AutopilotRequest).
    assertConforms('sandbox', 'setAutopilot', body, 'Invalid autopilot')
    const decision = (body.decision ?? 'approve') as Decision
    const delayMs = body.delayMs ?? 0
    // A resident the caller may see and the app may use (another organisation's private one is unknown here).
    const seen = await s.residents.find(
      String(body.residentId ?? 'magic-approve'),
      s.access.viewer(principal),
    )
    const resident = seen && (await s.residents.usableBy(seen.id, app))
    if (!resident)
      throw new ProblemError(
        422,
        'Unknown resident',
        `No resident "${body.residentId}"; see GET /sandbox/v1/residents`,
      )
    const setting = { residentId: resident.id, decision, delayMs }
    s.autopilot.set(app.clientID, setting)
    return c.json(setting, 200, NO_STORE)
  })

  r.delete('/apps/:clientID/autopilot', async (c) => {
    const { app } = await s.access.app(c, c.req.param('clientID'), 'write')
    s.autopilot.set(app.clientID, undefined)
    return c.body(null, 204)
  })

  /** A ticket belongs to an app: the caller must be allowed to write that app (404 for anyone else's). */
  r.post('/tickets/:ticketID/decision', async (c) => {
    const ticket = await s.tickets.lookup(c.req.param('ticketID'))
    const gone = () =>
      new ProblemError(404, 'Ticket not found', 'It may have expired (240 s) or never existed.')
    if (!ticket) {
      await s.access.principal(c)
      throw gone()
    }
    const { principal } = await s.access.app(c, ticket.clientID, 'write').catch((e: ProblemError) => {
      throw e.status === 404 ? gone() : e
    })
    const body = await objectBody(c)
    assertConforms('sandbox', 'decideTicket', body, 'Invalid decision')
    const decision = body.decision as Decision
    if (ticket.status !== 'pending')
      throw new ProblemError(409, 'Ticket already decided', `It is ${ticket.status}.`)
    const seen =
      body.residentId !== undefined
        ? await s.residents.find(String(body.residentId), s.access.viewer(principal))
        : undefined
    const resident = seen && (await s.residents.usableBy(seen.id, await s.apps.get(ticket.clientID)))
    if (body.residentId !== undefined && !resident)
      throw new ProblemError(422, 'Unknown resident', `No resident "${String(body.residentId)}"`)
    const done = await s.tickets.decide(ticket.ticketID, decision, resident?.id ?? 'magic-approve')
    return c.json(
      {
        ticketID: done.ticketID,
        status: done.status,
        code: done.result?.code,
        location: done.browser?.location ?? null,
      },
      200,
      NO_STORE,
    )
  })

  return r
}
