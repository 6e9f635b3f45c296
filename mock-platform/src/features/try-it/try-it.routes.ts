/** POST /sandbox/v1/apps/{clientID}/try: one platform operation called as the app, answered with its transcript. */
import { Hono } from 'hono'
import { ProblemError } from '../../errors'
import { assertConforms } from '../../http/contract-validator'
import type { Services } from '../../services'
import { NO_STORE, objectBody } from '../../http/json-body'
import { type TryOperation, tryOperation } from './try-it.service'

const invalid = (field: string, problem: string, detail = 'Fix the listed fields and try again.') =>
  new ProblemError(422, 'Invalid try-it request', detail, { errors: { [field]: problem } })

/** `send`: the platform in-process (createApp's fetch), so the call travels the platform's whole pipeline. */
export function tryItRoutes(s: Services, send: (req: Request) => Promise<Response>): Hono {
  const r = new Hono()

  r.post('/apps/:clientID/try', async (c) => {
    // Acting as the app is a write: members of the owning organisation and the admin token; staff are read-only.
    const { app } = await s.access.app(c, c.req.param('clientID'), 'write')
    const body = await objectBody(c)
    // By hand: getQR is in the platform's operations but not the contract's list; the refusal says why.
    if (body.operation === 'getQr')
      throw invalid(
        'operation',
        'getQr is not a signed call',
        'getQR is the resident’s browser navigation (GET), not a call your server signs: open its URL in a browser.',
      )
    // The contract's `TryItRequest`: the operation (a signed platform operation), the body an object, nothing else.
    assertConforms('sandbox', 'tryOperation', body, 'Invalid try-it request')
    const operation = body.operation as TryOperation
    const plaintext = 'body' in body ? body.body : {}
    const result = await tryOperation(
      { clock: s.clock, keys: s.keys, baseUrl: () => s.config.publicBaseUrl, send },
      app,
      operation,
      plaintext as Record<string, unknown>,
    )
    return c.json(result, 200, NO_STORE)
  })

  return r
}
