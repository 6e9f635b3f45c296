/** @jsxRuntime automatic @jsxImportSource hono/jsx — GET / (login button or the linked account) and GET /timeline (every call and event of this session). */
import { Hono } from 'hono'
import type { Ctx } from '../context'
import type { OspEnv } from '../session'
import { HomePage, TimelinePage } from '../views/home'
import { render } from '../views/layout'

export function pageRoutes(x: Ctx): Hono<OspEnv> {
  const r = new Hono<OspEnv>()
  r.get('/', (c) => {
    const s = c.var.session
    const flash = s.flash
    s.flash = undefined
    const account = s.user ? x.store.accounts.get(s.user.openID) : undefined
    return render(c, <HomePage session={s} account={account} flash={flash} />)
  })
  r.get('/timeline', (c) => {
    const s = c.var.session
    return render(c, <TimelinePage session={s} entries={x.store.timeline(s.id)} />)
  })
  return r
}
