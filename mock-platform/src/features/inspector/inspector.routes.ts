/** Sandbox API of the request inspector: list, filter, one request, export, live tail (SSE), callback replay. */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import { ProblemError } from '../../errors'
import type { Services } from '../../services'
import { diagnosisLang, localiseItem } from './diagnosis.i18n'
import type { InspectedItem, InspectorFilter } from './inspector.types'

const NO_STORE = { 'Cache-Control': 'no-store' }
export const MAX_LIMIT = 500
/** Open live tails per app. */
export const MAX_STREAMS = 10

export function inspectorRoutes(s: Services, heartbeatMs = 15_000): Hono {
  const r = new Hono()
  const streams = new Map<string, number>()

  r.get('/apps/:clientID/requests', async (c) => {
    const { app } = await s.access.app(c, c.req.param('clientID'), 'read')
    const filter = filterOf(c)
    const items = (await s.inspector.list(app.clientID, { ...filter, limit: filter.limit ?? 100 })).map((i) =>
      localiseItem(i, langOf(c)),
    )
    return c.json({ items, count: items.length, tailSize: s.inspector.tailSize }, 200, NO_STORE)
  })

  r.get('/apps/:clientID/requests/export', async (c) => {
    const { app } = await s.access.app(c, c.req.param('clientID'), 'read')
    const items = (await s.inspector.list(app.clientID, filterOf(c))).map((i) => localiseItem(i, langOf(c)))
    const exportedAt = s.clock.now()
    const name = `requests-${app.clientID}-${new Date(exportedAt).toISOString().replace(/[:.]/g, '-')}.json`
    return c.json({ clientID: app.clientID, exportedAt, items }, 200, {
      ...NO_STORE,
      'Content-Disposition': `attachment; filename="${name}"`,
    })
  })

  r.get('/apps/:clientID/requests/stream', async (c) => {
    const { app } = await s.access.app(c, c.req.param('clientID'), 'read')
    const clientID = app.clientID
    if ((streams.get(clientID) ?? 0) >= MAX_STREAMS)
      throw new ProblemError(429, 'Too many live tails', `At most ${MAX_STREAMS} open streams per app.`)
    streams.set(clientID, (streams.get(clientID) ?? 0) + 1)
    const since = filterOf(c).since
    const lang = langOf(c)
    return streamSSE(c, async (stream) => {
      const queue: InspectedItem[] = []
      const sent = new Set<string>()
      let wake: (() => void) | undefined
      let open = true
      const unsubscribe = s.inspector.subscribe(clientID, (item) => {
        queue.push(item)
        wake?.()
      })
      // With ?since=, the items already recorded come first (oldest first), then the live ones.
      if (since !== undefined) queue.unshift(...[...(await s.inspector.list(clientID, { since }))].reverse())
      stream.onAbort(() => {
        open = false
        wake?.()
      })
      try {
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ clientID, heartbeatMs }) })
        while (open) {
          const item = queue.shift()
          if (item && sent.has(item.txID)) continue
          if (item) {
            sent.add(item.txID)
            await stream.writeSSE({
              event: item.kind === 'call' ? 'request' : 'callback',
              id: item.txID,
              data: JSON.stringify(localiseItem(item, lang)),
            })
            continue
          }
          let timer: ReturnType<typeof setTimeout> | undefined
          const beat = await new Promise<boolean>((resolve) => {
            wake = () => resolve(false)
            timer = setTimeout(() => resolve(true), heartbeatMs)
          })
          clearTimeout(timer)
          wake = undefined
          if (beat && open) await stream.writeSSE({ event: 'heartbeat', data: String(s.clock.now()) })
        }
      } finally {
        unsubscribe()
        const n = (streams.get(clientID) ?? 1) - 1
        if (n > 0) streams.set(clientID, n)
        else streams.delete(clientID)
      }
    })
  })

  r.get('/apps/:clientID/requests/:txID', async (c) => {
    const { app } = await s.access.app(c, c.req.param('clientID'), 'read')
    const item = await s.inspector.get(app.clientID, c.req.param('txID'))
    if (!item)
      throw new ProblemError(
        404,
        'Request not found',
        `The inspector keeps the last ${s.inspector.tailSize} requests of an app.`,
      )
    return c.json(localiseItem(item, langOf(c)), 200, NO_STORE)
  })

  r.post('/apps/:clientID/callbacks/:callbackId/replay', async (c) => {
    const { app } = await s.access.app(c, c.req.param('clientID'), 'write')
    const id = c.req.param('callbackId')
    if (!s.outbox.list(app.clientID).some((x) => x.id === id))
      throw new ProblemError(
        404,
        'Callback not found',
        'Only the last 1000 callbacks since the sandbox started can be replayed.',
      )
    const replay = s.outbox.resend(id)!
    return c.json(
      { id: replay.id, replayOf: id, url: replay.url, code: replay.code, state: replay.state },
      202,
      NO_STORE,
    )
  })

  return r
}

/** The diagnoses' language: `?lang=zh-Hant|zh-Hans|en` or Accept-Language; undefined keeps them English. */
const langOf = (c: Context) => diagnosisLang(c.req.query('lang'), c.req.header('Accept-Language'))

function filterOf(c: Context): InspectorFilter {
  const errors: Record<string, string> = {}
  const f: InspectorFilter = {}
  const operation = c.req.query('operation')
  if (operation !== undefined) {
    if (!/^[A-Za-z]{1,64}$/.test(operation))
      errors.operation = 'must be an operationId, e.g. getToken, or callback'
    else f.operation = operation
  }
  const code = c.req.query('code')
  if (code !== undefined) {
    if (!/^(D\d{5}|error)$/.test(code))
      errors.code = 'must be a D-code such as D40004, or "error" for every failure'
    else f.code = code
  }
  const since = c.req.query('since')
  if (since !== undefined) {
    const ms = /^\d{1,15}$/.test(since) ? Number(since) : Date.parse(since)
    if (Number.isNaN(ms)) errors.since = 'must be epoch milliseconds or an ISO 8601 date-time'
    else f.since = ms
  }
  const limit = c.req.query('limit')
  if (limit !== undefined) {
    const n = Number(limit)
    if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT)
      errors.limit = `must be a whole number, 1–${MAX_LIMIT}`
    else f.limit = n
  }
  if (Object.keys(errors).length > 0)
    throw new ProblemError(422, 'Invalid filter', 'Fix the listed query parameters.', { errors })
  return f
}
