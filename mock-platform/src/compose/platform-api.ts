/** The platform API (/api/v1): the signed POSTs of every feature plus the browser GET of getQR. */
import { Hono } from 'hono'
import { registerConsentApi } from '../features/consent/consent.routes'
import { registerDataExchangeApi } from '../features/departments/data-exchange.routes'
import { recordGetQr } from '../features/login'
import { getQrRoutes } from '../features/login/get-qr.routes'
import { registerLoginApi } from '../features/login/platform.routes'
import { registerSigningApi } from '../features/signing/signing.routes'
import { TaskIntake } from '../features/tasks'
import { registerTaskApi } from '../features/tasks/tasks.routes'
import { newId } from '../ids'
import { bodyLimit } from '../protocol/body-limit'
import { envelope, sendEnvelope } from '../protocol/envelope'
import { methodGuard } from '../protocol/method-guard'
import type { Services } from '../services'

export function platformApi(services: Services): Hono {
  const api = new Hono()
  api.use(
    '*',
    bodyLimit(services.config.bodyLimitBytes, (c) => sendEnvelope(c, envelope(newId(), 'D20003'), 413)),
  )
  registerLoginApi(api, services)
  // One intake for every task kind: businessIDs unique per app, pushes counted per (app, resident) across kinds.
  const intake = new TaskIntake(services)
  registerTaskApi(api, services, intake)
  registerSigningApi(api, services, intake)
  // Preview (not in the published iAM Smart specification): consent status and consented data exchange.
  registerConsentApi(api, services)
  registerDataExchangeApi(api, services, intake)
  api.get('/auth/getQR', recordGetQr(services.apps, services.signed))
  api.route('/', getQrRoutes(services))
  methodGuard(api)
  return api
}
