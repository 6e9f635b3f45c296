/** The baseline: a bare Hono app on @hono/node-server answering POST /bare with a small JSON. */
import { Hono } from 'hono'
import { type Listening, listen } from './listen'

export const BARE_PATH = '/bare'

export function startBare(): Promise<Listening> {
  const app = new Hono()
  app.post(BARE_PATH, (c) => c.json({ txID: 'bare', code: 'D00000', message: 'success', content: null }))
  return listen(app.fetch)
}
