/**
 * getQR is a browser navigation, not a signed call: this middleware validates it once (the route reads the result
 * from the context), applies a scenario's override and records it, through the same ports as the signed pipeline
 * (protocol/ports.ts: OutcomeOverrides, CallObserver).
 */
import type { MiddlewareHandler } from 'hono'
import type { DCode } from '../../errors'
import { newId } from '../../ids'
import type { CallRecord } from '../../protocol/call-record'
import type { SignedRouteDeps } from '../../protocol/ports'
import { appendQuery } from '../tickets'
import type { AppsService } from '../apps'
import { GET_QR_PARAMETERS, validateGetQr } from './get-qr.validate'

declare module 'hono' {
  interface ContextVariableMap {
    /** getQR's parameters as validated by `recordGetQr`. */
    getQr: ReturnType<typeof validateGetQr>
  }
}

const SANDBOX_HEADERS = ['X-Sandbox-Resident', 'X-Sandbox-Decision']

export function recordGetQr(
  apps: AppsService,
  deps: Pick<SignedRouteDeps, 'clock' | 'observe' | 'forced'>,
): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now()
    const clientID = c.req.query('clientID')
    const app = clientID ? await apps.get(clientID) : undefined
    const v = validateGetQr(
      (n) => c.req.query(n),
      () => app,
    )
    c.set('getQr', v)
    if (!clientID || !app) return next()
    const record: CallRecord = {
      txID: newId(),
      operationId: 'getQr',
      clientID,
      at: deps.clock.now(),
      durationMs: 0,
      code: 'D00000',
      status: 200,
      headers: {},
      request: Object.fromEntries(
        GET_QR_PARAMETERS.flatMap((n) => (c.req.query(n) !== undefined ? [[n, c.req.query(n)]] : [])),
      ),
    }
    for (const h of SANDBOX_HEADERS) if (c.req.header(h)) record.headers[h] = c.req.header(h)!
    let forcedResponse: Response | undefined
    if ('kind' in v) {
      record.code = v.code
      record.detail = v.detail
    } else if (v.fault) {
      record.code = v.fault.code
      record.detail = v.fault.detail
    } else {
      const forced = await deps.forced?.(clientID, 'getQr')
      if (forced) {
        record.forced = forced
        if (forced.delayMs) await new Promise((r) => setTimeout(r, forced.delayMs))
        if (forced.dcode) {
          const q = new URLSearchParams({ error_code: forced.dcode })
          if (v.params.state) q.set('state', v.params.state)
          forcedResponse = c.redirect(appendQuery(v.params.redirectURI, q), 302)
          record.detail = `forced by scenario ${forced.scenarioId}`
        }
      }
    }
    if (!forcedResponse) await next()
    const res = forcedResponse ?? c.res
    record.status = res.status
    const location = res.headers.get('Location')
    if (record.status === 429) record.code = 'D20026'
    if (location) {
      const q = location.indexOf('?')
      const params = new URLSearchParams(q >= 0 ? location.slice(q + 1) : '')
      const error = params.get('error_code')
      if (error && record.code === 'D00000') record.code = error as DCode
      record.response = {
        redirect: { url: q >= 0 ? location.slice(0, q) : location, ...Object.fromEntries(params) },
      }
    } else {
      record.response = { page: record.status === 200 ? 'qr or broker page' : 'error page' }
    }
    record.durationMs = performance.now() - started
    const behind = deps.observe?.(record)
    if (behind) await behind
    return forcedResponse
  }
}
