/** 405 with Allow for undeclared methods on every declared platform path (checked against the router's own routes). */
import type { Hono } from 'hono'
import { newId } from '../ids'
import { envelope, sendEnvelope } from './envelope'

/** Call after every route of `api` is registered. */
export function methodGuard(api: Hono): void {
  const allowed = new Map<string, Set<string>>()
  for (const r of api.routes) {
    if (r.method === 'ALL' || r.path.includes('*') || r.path.includes(':')) continue
    if (!allowed.has(r.path)) allowed.set(r.path, new Set())
    allowed.get(r.path)!.add(r.method)
  }
  for (const [path, methods] of allowed) {
    const allow = [...methods].join(', ')
    api.all(path, (c) => {
      if (methods.has(c.req.method)) return c.notFound()
      return sendEnvelope(c, envelope(newId(), 'D20027'), 405, { Allow: allow })
    })
  }
}
