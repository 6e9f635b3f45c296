/** GET /api/v1/auth/getQR: the QR page (desktop), broker page (mobile), app hand-over, and headless decisions. */
import { Hono } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { Context } from 'hono'
import QRCode from 'qrcode'
import { PlatformError } from '../../errors'
import { randomHex } from '../../ids'
import type { Services } from '../../services'
import { errorPage, brokerPage, qrPage } from '../../views/login-pages'
import { isAnonymous, appendQuery, DECISIONS, type Decision, type Ticket } from '../tickets'
import { clientIp } from '../../http/client-ip'
import type { GetQrParams } from './get-qr.validate'

const BINDING_COOKIE = 'iams_qr'

export function getQrRoutes(s: Services): Hono {
  const r = new Hono()

  r.get('/auth/getQR', async (c) => {
    const limited = await s.pageLimiter.hit(`ip:${clientIp(c)}`)
    if (limited > 0) return c.text('Too many requests', 429, { 'Retry-After': String(limited) })
    // Validated once, by recordGetQr in front of this route.
    const v = c.get('getQr')
    if ('kind' in v) {
      const lang = (c.req.query('lang') as GetQrParams['lang']) ?? 'en-US'
      return errorPage(c, lang, v.code, v.detail, v.hint)
    }
    const { params, app } = v
    if (v.fault) return c.redirect(faultLocation(params, v.fault.code), 302)

    let ticket: Ticket
    try {
      ticket = await handOver(s, params)
    } catch (e) {
      const code = e instanceof PlatformError ? e.code : 'D20003'
      return c.redirect(faultLocation(params, code), 302)
    }

    // Headless: the decision comes with the request (MockPass-style), or from the app's immediate autopilot.
    const headless = await headlessDecision(s, c, ticket)
    if (headless) return headless

    const binding = randomHex(16)
    ticket.browser!.binding = binding
    setCookie(c, `${BINDING_COOKIE}_${ticket.ticketID.slice(0, 8)}`, binding, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      maxAge: Math.ceil(s.config.ticketTtlMs / 1000),
    })
    const deepLink = (token: string) => `${s.config.publicBaseUrl}/app/scan?qr=${token}`
    const qr = s.tickets.qrToken(ticket.ticketID)
    // Hosted mode: the browser's binding, the QR token and the ticket in the shared state (any instance answers next).
    await s.tickets.save(ticket)
    const browserSource = params.source.startsWith('Android_') || params.source.startsWith('iOS_')
    if (
      params.source === 'PC_Browser' ||
      (browserSource && !params.brokerPage && !isMobileBrowser(params.source))
    ) {
      const svg = await QRCode.toString(deepLink(qr.token), { type: 'svg', margin: 1 })
      return qrPage(c, {
        lang: params.lang,
        app,
        ticket,
        svg,
        link: deepLink(qr.token),
        refreshMs: s.config.qrRefreshMs,
      })
    }
    if (isMobileBrowser(params.source) && params.brokerPage) {
      return brokerPage(c, { lang: params.lang, app, ticket, link: deepLink(qr.token) })
    }
    // App_Link / App_Scheme / App_Package / in-app browsers / brokerPage=false: straight into the (virtual) app.
    return c.redirect(deepLink(qr.token), 302)
  })

  /** The QR page's poll: a fresh QR every refresh, and the result only for the browser that opened the page. */
  r.get('/auth/getQR/status/:ticketID', async (c) => {
    const limited = await s.pageLimiter.hit(`ip:${clientIp(c)}`)
    if (limited > 0) return c.json({ status: 'slow_down' }, 429, { 'Retry-After': String(limited) })
    const ticket = await s.tickets.lookup(c.req.param('ticketID'))
    const binding = ticket ? getCookie(c, `${BINDING_COOKIE}_${ticket.ticketID.slice(0, 8)}`) : undefined
    if (!ticket?.browser?.binding || binding !== ticket.browser.binding) {
      return c.json({ status: 'unknown' }, 404, { 'Cache-Control': 'no-store' })
    }
    if (ticket.status !== 'pending' && ticket.browser.location) {
      return c.json({ status: ticket.status, location: ticket.browser.location }, 200, {
        'Cache-Control': 'no-store',
      })
    }
    const qr = s.tickets.qrToken(ticket.ticketID)
    await s.tickets.saved(ticket.ticketID)
    const link = `${s.config.publicBaseUrl}/app/scan?qr=${qr.token}`
    const svg = await QRCode.toString(link, { type: 'svg', margin: 1 })
    return c.json({ status: 'pending', svg, link, expiresAt: ticket.expiresAt, now: s.clock.now() }, 200, {
      'Cache-Control': 'no-store',
    })
  })

  return r
}

/** A new login ticket, or the pending task named by ticketID taken over by this browser. */
async function handOver(s: Services, p: GetQrParams): Promise<Ticket> {
  const browser = { redirectURI: p.redirectURI, state: p.state, lang: p.lang, source: p.source }
  if (p.ticketID) {
    const ticket = await s.tickets.lookup(p.ticketID)
    if (!ticket || ticket.clientID !== p.clientID)
      throw new PlatformError('D20003', 'ticketID unknown for this app')
    if (ticket.status === 'timeout') throw new PlatformError('D40003', 'ticket expired')
    if (ticket.status !== 'pending') throw new PlatformError('D20004', 'ticket already decided')
    if (!isAnonymous(ticket.kind) && !ticket.authByQR)
      throw new PlatformError('D20003', 'ticket was pushed to the app')
    ticket.browser = browser
    await s.tickets.save(ticket)
    if (isAnonymous(ticket.kind)) s.autopilot.onHandOver(ticket)
    return ticket
  }
  const ticket = s.tickets.create({
    kind: 'login',
    clientID: p.clientID,
    scopes: p.scopes,
    authByQR: p.source === 'PC_Browser',
    browser,
    request: { scope: p.scopes.join(' '), source: p.source },
  })
  s.autopilot.onCreated(ticket)
  return ticket
}

async function headlessDecision(s: Services, c: Context, ticket: Ticket): Promise<Response | undefined> {
  const residentHeader = c.req.header('X-Sandbox-Resident')
  const decisionHeader = c.req.header('X-Sandbox-Decision')
  const auto = s.autopilot.get(ticket.clientID)
  if (!residentHeader && !decisionHeader && !(auto && auto.delayMs <= 0)) return undefined
  if (ticket.status === 'pending') {
    // Only residents this app may use: shared ones and its organisation's own (another's is "unknown").
    const app = await s.apps.get(ticket.clientID)
    const resident = residentHeader
      ? await s.residents.usableBy(residentHeader, app)
      : auto
        ? await s.residents.usableBy(auto.residentId, app)
        : undefined
    if (residentHeader && !resident) {
      return c.json({ title: 'Unknown resident', detail: `No resident "${residentHeader}"` }, 400)
    }
    const chosen = resident ?? (await s.residents.get('magic-approve'))
    const decision: Decision =
      (decisionHeader as Decision | undefined) ??
      (auto?.decision as Decision | undefined) ??
      chosen?.behaviour.decision ??
      'approve'
    if (!DECISIONS.includes(decision)) {
      return c.json({ title: 'Bad X-Sandbox-Decision', detail: `Use one of ${DECISIONS.join(', ')}` }, 400)
    }
    await s.tickets.decide(ticket.ticketID, decision, ticket.residentId ?? chosen?.id)
  }
  // An immediate autopilot may have started the decision (at the ticket's creation): its location follows.
  await s.tickets.decided(ticket.ticketID)
  if (!ticket.browser?.location) return undefined
  s.tickets.handedOver(ticket)
  return c.redirect(ticket.browser.location, 302)
}

function faultLocation(p: GetQrParams, code: string): string {
  const q = new URLSearchParams({ error_code: code })
  if (p.state) q.set('state', p.state)
  return appendQuery(p.redirectURI, q)
}

const isMobileBrowser = (source: string) => /^(Android|iOS)_(?!IMS_)/.test(source)
