/**
 * Events across instances through PostgreSQL's LISTEN/NOTIFY: one listening connection per instance on one channel,
 * messages `{"c": channel, "p": payload}` fanned out locally. A lost connection is re-established with backoff
 * (1 s doubling to 30 s) and subscribers are told there was a gap, so that they catch up from the store.
 */
import pg from 'pg'
import { checkPayload, type Events, Subscribers } from '../events'
import type { Database } from './database'

const CHANNEL = 'sandbox_events'

export async function postgresEvents(db: Database, url: string): Promise<Events> {
  const subs = new Subscribers()
  let client: pg.Client | undefined
  let closed = false
  let delay = 1_000

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, application_name: 'iamsmart-sandbox-events' })
    c.on('notification', (m) => {
      if (m.channel !== CHANNEL || !m.payload) return
      try {
        const { c: channel, p } = JSON.parse(m.payload) as { c: string; p: string }
        subs.deliver(channel, p)
      } catch {
        // Not ours: ignored.
      }
    })
    const lost = () => {
      if (closed || client !== c) return
      client = undefined
      c.removeAllListeners()
      c.end().catch(() => {})
      setTimeout(reconnect, delay).unref()
      delay = Math.min(delay * 2, 30_000)
    }
    c.on('error', lost)
    c.on('end', lost)
    await c.connect()
    await c.query(`LISTEN ${CHANNEL}`)
    client = c
    delay = 1_000
  }
  const reconnect = () => {
    if (closed) return
    connect().then(
      () => subs.gap(),
      () => {
        setTimeout(reconnect, delay).unref()
        delay = Math.min(delay * 2, 30_000)
      },
    )
  }
  await connect()

  return {
    async publish(channel, payload) {
      checkPayload(payload)
      await db.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ c: channel, p: payload })])
    },
    subscribe: (channel, fn) => subs.add(channel, fn),
    onGap(fn) {
      subs.gaps.add(fn)
      return () => subs.gaps.delete(fn)
    },
    async close() {
      closed = true
      const c = client
      client = undefined
      await c?.end().catch(() => {})
    },
  }
}
