/** The body-limit probe's two servers (bench/probes/body-limit.ts): c.req.text() alone, or behind hono's bodyLimit. */
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'

export function probeApp(withLimit: boolean): Hono {
  const app = new Hono()
  if (withLimit) app.use('*', bodyLimit({ maxSize: 64 * 1024 }))
  app.post('/echo', async (c) => c.json({ length: (await c.req.text()).length }))
  return app
}
