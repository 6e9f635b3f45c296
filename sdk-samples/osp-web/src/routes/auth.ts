/** Login: the button starts getQR; the browser comes back to GET /callback; getToken, profile, account linking. */
import { hkicHash } from '@iamsmart-sandbox/openapi/codec'
import { type Context, Hono } from 'hono'
import { codeOf, type Ctx, LOGIN_SCOPES } from '../context'
import { t } from '../i18n'
import type { OspEnv } from '../session'
import { sourceOf } from '../source'
import { newId } from '../store'

export function authRoutes(x: Ctx): Hono<OspEnv> {
  const r = new Hono<OspEnv>()

  r.post('/login', (c) => {
    const s = c.var.session
    s.loginState = newId()
    const url = x.client.buildGetQrUrl({
      redirectURI: x.callbackUrl,
      scope: LOGIN_SCOPES,
      state: s.loginState,
      source: sourceOf(c.req.header('User-Agent')),
      lang: s.lang,
    })
    x.store.log(s.id, {
      kind: 'event',
      title: 'Login started: browser sent to getQR',
      detail: `state ${s.loginState}`,
    })
    return c.redirect(url, 303)
  })

  /** The browser's return from iAM Smart: a login (its state is in the session) or a request handed over by QR. */
  r.get('/callback', async (c) => {
    const s = c.var.session
    const state = c.req.query('state') ?? ''
    const errorCode = c.req.query('error_code')
    if (s.loginState && state === s.loginState) {
      s.loginState = undefined
      return finishLogin(x, c, c.req.query('code'), errorCode)
    }
    const task = x.store.taskOfState(s.id, state)
    if (task) {
      // The outcome is the callback's to tell (a redirect can be forged or arrive first): wait for it.
      x.store.log(s.id, {
        kind: 'event',
        title: 'Back from iAM Smart',
        code: errorCode,
        detail: task.businessID,
      })
      return c.redirect(`/requests/${task.businessID}`, 303)
    }
    x.store.log(s.id, { kind: 'event', title: 'Return refused: unknown state', detail: state.slice(0, 40) })
    return c.text('This return from iAM Smart does not belong to your session.', 400)
  })

  r.post('/logout', (c) => {
    const s = c.var.session
    s.user = undefined
    s.form = { values: {}, fromIamSmart: [], saved: false }
    x.store.log(s.id, { kind: 'event', title: 'Logged out' })
    return c.redirect('/', 303)
  })

  return r
}

async function finishLogin(x: Ctx, c: Context<OspEnv>, code?: string, errorCode?: string) {
  const s = c.var.session
  const fail = (why: string) => {
    x.store.log(s.id, { kind: 'event', title: 'Login not completed', code: why })
    s.flash = t(s.lang).failed(why)
    return c.redirect('/', 303)
  }
  if (errorCode || !code) return fail(errorCode ?? 'D20002') // D40000 cancelled, D40001 rejected, D40003 timeout
  const token = await x.client.getToken({ code, grantType: 'authorization_code' })
  if (!token.ok) return fail(codeOf(token.error))
  const { accessToken, openID, issueAt, expiresIn } = token.data
  // Name for the account and HKICHash for signing, read once (scope eidapi_profiles); the HKID is not kept.
  const profile = await x.client.getProfiles({ accessToken, openID, profileFields: ['enName', 'idNo'] })
  const name = (profile.ok && profile.data.enName?.UnstructuredName) || 'iAM Smart user'
  const idNo = profile.ok ? profile.data.idNo : undefined
  const { account, created } = x.store.linkAccount(openID, name, x.now())
  x.store.log(s.id, {
    kind: 'event',
    title: created ? `First login: account ${account.id} created` : `Account ${account.id} found`,
    detail: `linked by openID ${openID.slice(0, 16)}…`,
  })
  s.user = {
    accountId: account.id,
    openID,
    accessToken,
    tokenExpiresAt: issueAt + expiresIn,
    name,
    ...(idNo ? { hkicHash: await hkicHash(idNo.Identification) } : {}),
    firstLogin: created,
  }
  if (!s.form.values.name) {
    s.form.values.name = name
    s.form.fromIamSmart.push('name')
  }
  return c.redirect('/', 303)
}
